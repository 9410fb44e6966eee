import { dec, Decimal, type DecimalLike } from './decimal';
import type { Unit } from './units';

/** The largest value of a `Decimal(6,2)` weight column. */
export const MAX_STORED_WEIGHT = new Decimal('9999.99');

/**
 * The heaviest training max a lifter may have, in their unit: far above any real lift, and low enough that every
 * weight derived from it fits `Decimal(6,2)` (plans prescribe at most 150 % of a TM: 3300 lb).
 * 2200 lb is 997.90 kg, so a kg TM between 997.91 and 1000 kg cannot be switched to lb without lowering it first.
 */
export const MAX_TRAINING_MAX: Record<Unit, Decimal> = { kg: new Decimal('1000'), lb: new Decimal('2200') };

/** The heaviest one-rep max accepted at setup: its 90 % (kept to 2 decimals) is exactly MAX_TRAINING_MAX. */
export const MAX_ONE_REP_MAX: Record<Unit, Decimal> = { kg: new Decimal('1111.11'), lb: new Decimal('2444.44') };

export const exceedsTrainingMaxLimit = (weight: DecimalLike, unit: Unit): boolean =>
  dec(weight).gt(MAX_TRAINING_MAX[unit]);

export type TrainingMaxRaise = { newTM: Decimal; increase: Decimal; capped: boolean };

/**
 * previous + increase, stopped at the lifter's limit (`capped` when the limit cut the increase). A TM already above
 * the limit (stored before it existed) stays where it is rather than being lowered by a completion.
 */
export function raiseTrainingMax(previous: DecimalLike, increase: DecimalLike, unit: Unit): TrainingMaxRaise {
  const from = dec(previous);
  const by = dec(increase);
  const wanted = from.plus(by);
  if (by.lte(0) || !exceedsTrainingMaxLimit(wanted, unit)) return { newTM: wanted, increase: by, capped: false };
  const newTM = Decimal.max(from, MAX_TRAINING_MAX[unit]);
  return { newTM, increase: newTM.minus(from), capped: true };
}

/** "1000 kg", "2444.44 lb": a weight as messages show it. */
export const weightText = (weight: DecimalLike, unit: Unit): string => `${dec(weight).toFixed()} ${unit}`;
