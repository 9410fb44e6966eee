import { dec, Decimal, type DecimalLike } from './decimal';
import { toStoredWeight } from './units';

export const ROUNDING_MODES = ['nearest', 'down'] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

/** A multiple of `increment`: the nearest one (exact halves up), or for `down` the highest one not above the value. */
export function roundToIncrement(value: DecimalLike, increment: DecimalLike, mode: RoundingMode = 'nearest'): Decimal {
  const inc = dec(increment);
  if (inc.lte(0)) throw new RangeError('increment must be positive');
  const steps = dec(value).div(inc);
  return (mode === 'down' ? steps.floor() : steps.toDecimalPlaces(0, Decimal.ROUND_HALF_UP)).mul(inc);
}

/** TM × percentage rounded to the lifter's increment, then `incrementOffset` whole increments added; never below 0. */
export function prescribedWeight(
  trainingMax: DecimalLike,
  percentage: DecimalLike,
  increment: DecimalLike,
  mode: RoundingMode = 'nearest',
  incrementOffset = 0,
): Decimal {
  const rounded = roundToIncrement(dec(trainingMax).mul(dec(percentage)), increment, mode);
  return Decimal.max(0, rounded.plus(dec(increment).mul(incrementOffset)));
}

/** TM = 90 % of the one-rep max, kept to two decimals, not rounded to plates. */
/** The share of a one-rep max taken as the training max when a plan says nothing else. */
export const DEFAULT_TM_PERCENT = '0.9';

export function trainingMaxFromOneRepMax(oneRepMax: DecimalLike, tmPercent: DecimalLike = DEFAULT_TM_PERCENT): Decimal {
  return toStoredWeight(dec(oneRepMax).mul(dec(tmPercent)));
}

/** The one-rep max a training max stands for (the setup form's 1RM ↔ TM switch), to 2 decimals. */
export function oneRepMaxFromTrainingMax(
  trainingMax: DecimalLike,
  tmPercent: DecimalLike = DEFAULT_TM_PERCENT,
): Decimal {
  return toStoredWeight(dec(trainingMax).div(dec(tmPercent)));
}

/** Epley's estimate of a one-rep max from a set of `reps` at `weight`; a single is its own max. */
export function estimatedOneRepMax(weight: DecimalLike, reps: number): Decimal {
  const w = dec(weight);
  if (reps <= 1) return toStoredWeight(w);
  return toStoredWeight(w.mul(new Decimal(reps).div(30).plus(1)));
}
