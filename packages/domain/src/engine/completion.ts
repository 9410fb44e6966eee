import { dec, Decimal, type DecimalLike } from './decimal';
import { raiseTrainingMax } from './limits';
import { progressionIncrease, type ProgressionRule } from './progression';
import type { Unit } from './units';

export type LoggedProgressionSet = {
  tmExerciseId: number;
  exerciseOrder: number;
  setOrder: number;
  actualReps: number | null;
};

export type TmExerciseInfo = { slug: string; isUpperBody: boolean; currentTm: DecimalLike };

export type ProgressionOutcome = {
  exerciseId: number;
  slug: string;
  previousTM: Decimal;
  newTM: Decimal;
  increase: Decimal;
  amrapReps: number;
  /** The rule's increase was cut (or dropped) to keep the TM within MAX_TRAINING_MAX. */
  capped: boolean;
};

/**
 * TM changes from a finished workout's progression sets. A TM moves at most once per workout: when several
 * progression sets share a TM exercise the first one (in workout order) decides. Unlogged sets are skipped.
 * No TM passes the lifter's limit: the increase stops there and the outcome says `capped`.
 */
export function computeProgression(
  sets: LoggedProgressionSet[],
  rules: ProgressionRule[],
  tmExercises: ReadonlyMap<number, TmExerciseInfo>,
  lifter: { unit: Unit; increment: DecimalLike },
): ProgressionOutcome[] {
  const ordered = [...sets].sort((a, b) => a.exerciseOrder - b.exerciseOrder || a.setOrder - b.setOrder);
  const outcomes = new Map<number, ProgressionOutcome>();
  for (const set of ordered) {
    const info = tmExercises.get(set.tmExerciseId);
    if (set.actualReps === null || !info || outcomes.has(set.tmExerciseId)) continue;
    const increase = progressionIncrease(rules, {
      tmExerciseId: set.tmExerciseId,
      tmExerciseIsUpperBody: info.isUpperBody,
      amrapReps: set.actualReps,
      lifterUnit: lifter.unit,
      lifterIncrement: lifter.increment,
    });
    const previousTM = dec(info.currentTm);
    outcomes.set(set.tmExerciseId, {
      exerciseId: set.tmExerciseId,
      slug: info.slug,
      previousTM,
      ...raiseTrainingMax(previousTM, increase, lifter.unit),
      amrapReps: set.actualReps,
    });
  }
  return [...outcomes.values()];
}
