import Decimal from 'decimal.js';

export { Decimal };
export type DecimalLike = Decimal | string | number | { toString(): string };

/** Exact decimal from a number, string or Prisma Decimal (numbers go through their shortest string form). */
export const dec = (value: DecimalLike): Decimal => (value instanceof Decimal ? value : new Decimal(value.toString()));

/** Decimal → JSON number. Weights have at most a few decimals, so this is exact in the printed form. */
export const toNumber = (value: DecimalLike): number => dec(value).toNumber();
