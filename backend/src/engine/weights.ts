import { dec, Decimal, type DecimalLike } from './decimal';
import { toStoredWeight } from './units';

/** Nearest multiple of `increment`; exact halves round up (DESIGN.md). */
export function roundToIncrement(value: DecimalLike, increment: DecimalLike): Decimal {
  const inc = dec(increment);
  if (inc.lte(0)) throw new RangeError('increment must be positive');
  return dec(value).div(inc).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).mul(inc);
}

/** TM × percentage, rounded to the lifter's increment. */
export function prescribedWeight(trainingMax: DecimalLike, percentage: DecimalLike, increment: DecimalLike): Decimal {
  return roundToIncrement(dec(trainingMax).mul(dec(percentage)), increment);
}

/** TM = 90 % of the one-rep max, kept to two decimals, not rounded to plates. */
export function trainingMaxFromOneRepMax(oneRepMax: DecimalLike): Decimal {
  return toStoredWeight(dec(oneRepMax).mul('0.9'));
}

/** Epley's estimate of a one-rep max from a set of `reps` at `weight`; a single is its own max. */
export function estimatedOneRepMax(weight: DecimalLike, reps: number): Decimal {
  const w = dec(weight);
  if (reps <= 1) return toStoredWeight(w);
  return toStoredWeight(w.mul(new Decimal(reps).div(30).plus(1)));
}
