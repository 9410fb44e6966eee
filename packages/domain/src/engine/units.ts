import { dec, Decimal, type DecimalLike } from './decimal';

export const UNITS = ['kg', 'lb'] as const;
export type Unit = (typeof UNITS)[number];

/** The international avoirdupois pound, exactly. */
export const KG_PER_LB = new Decimal('0.45359237');

export const DEFAULT_INCREMENT: Record<Unit, Decimal> = { kg: new Decimal('2.5'), lb: new Decimal('5') };
export const DEFAULT_BAR: Record<Unit, Decimal> = { kg: new Decimal('20'), lb: new Decimal('45') };
export const DEFAULT_PLATES: Record<Unit, Decimal[]> = {
  kg: ['25', '20', '15', '10', '5', '2.5', '1.25'].map((p) => new Decimal(p)),
  lb: ['45', '35', '25', '10', '5', '2.5'].map((p) => new Decimal(p)),
};

/** Exact conversion, not rounded. */
export function convertWeight(value: DecimalLike, from: Unit, to: Unit): Decimal {
  const v = dec(value);
  if (from === to) return v;
  return from === 'kg' ? v.div(KG_PER_LB) : v.mul(KG_PER_LB);
}

/** Weights are stored with two decimals (`Decimal(6,2)`), exact halves away from zero. */
export const toStoredWeight = (value: DecimalLike): Decimal => dec(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
