import { dec, Decimal, type DecimalLike } from './decimal';

export type PlateBreakdown = {
  /** Plates to load on each side, heaviest first. */
  perSide: Decimal[];
  /** Weight per side that the available plates cannot make (0 when exact). */
  remainderPerSide: Decimal;
  /** True when the prescribed weight is lighter than the bar. */
  belowBar: boolean;
};

/** Greedy loading per side from the available plate sizes (any number of each size). */
export function plateBreakdown(total: DecimalLike, barWeight: DecimalLike, plateSizes: DecimalLike[]): PlateBreakdown {
  const bar = dec(barWeight);
  const load = dec(total).minus(bar);
  if (load.lt(0)) return { perSide: [], remainderPerSide: new Decimal(0), belowBar: true };
  let remaining = load.div(2);
  const sizes = plateSizes
    .map(dec)
    .filter((p) => p.gt(0))
    .sort((a, b) => b.comparedTo(a));
  const perSide: Decimal[] = [];
  for (const plate of sizes) {
    while (remaining.gte(plate)) {
      perSide.push(plate);
      remaining = remaining.minus(plate);
    }
  }
  return { perSide, remainderPerSide: remaining, belowBar: false };
}
