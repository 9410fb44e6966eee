import { LRUCache } from 'lru-cache';
import { toNumber, type DecimalLike } from '@liftplan/domain';
import { plateBreakdown } from '@liftplan/domain';
import type { WorkoutSetDto } from '@liftplan/domain';

export type BarSetup = { unit: string; barWeight: DecimalLike; plates: DecimalLike[] };

// Lifters share bars, plate sets and weights, and a workout read lists every set's plates: remember recent
// breakdowns (never mutated; only serialised).
const breakdowns = new LRUCache<string, NonNullable<WorkoutSetDto['plates']>>({ max: 5_000 });

/** Plates per side for the lifter's bar, when the workout is in the unit their plates are in. */
export function platesFor(weight: DecimalLike, workoutUnit: string, bar: BarSetup): WorkoutSetDto['plates'] {
  if (workoutUnit !== bar.unit) return null;
  const key = `${String(weight)}|${String(bar.barWeight)}|${bar.plates.join(',')}`;
  let plates = breakdowns.get(key);
  if (!plates) {
    const b = plateBreakdown(weight, bar.barWeight, bar.plates);
    plates = { perSide: b.perSide.map(toNumber), remainderPerSide: toNumber(b.remainderPerSide), belowBar: b.belowBar };
    breakdowns.set(key, plates);
  }
  return plates;
}

type SetFields = Omit<
  WorkoutSetDto,
  'percentage' | 'prescribedWeight' | 'actualWeight' | 'rpe' | 'plates' | 'kind' | 'isAdded' | 'swappedFrom'
> & {
  rpe: DecimalLike | null;
  /** Absent on freshly generated sets: not added, not swapped. */
  isAdded?: boolean;
  swappedFrom?: WorkoutSetDto['swappedFrom'];
  kind: string;
  percentage: DecimalLike | null;
  prescribedWeight: DecimalLike | null;
  actualWeight: DecimalLike | null;
};

/**
 * A decimal as the API's JSON number. PostgreSQL's numeric text is a plain decimal string, and Number() of it is
 * the same double decimal.js's toNumber gives (it converts through the string too), without building a Decimal.
 */
const asNumber = (value: DecimalLike): number => (typeof value === 'string' ? Number(value) : toNumber(value));

/** One set as the API shows it: decimals as numbers, plus the plate breakdown for the lifter's bar. */
export function toWorkoutSetDto(set: SetFields, workoutUnit: string, bar: BarSetup): WorkoutSetDto {
  return {
    id: set.id,
    exerciseId: set.exerciseId,
    exercise: { id: set.exercise.id, slug: set.exercise.slug, name: set.exercise.name },
    tmExerciseId: set.tmExerciseId,
    displayName: set.displayName,
    tier: set.tier,
    kind: set.kind as WorkoutSetDto['kind'],
    exerciseOrder: set.exerciseOrder,
    setOrder: set.setOrder,
    percentage: set.percentage === null ? null : asNumber(set.percentage),
    prescribedWeight: set.prescribedWeight === null ? null : asNumber(set.prescribedWeight),
    prescribedReps: set.prescribedReps,
    repsMax: set.repsMax,
    restSeconds: set.restSeconds,
    isAmrap: set.isAmrap,
    isProgression: set.isProgression,
    actualReps: set.actualReps,
    actualWeight: set.actualWeight === null ? null : asNumber(set.actualWeight),
    rpe: set.rpe === null ? null : asNumber(set.rpe),
    note: set.note,
    completed: set.completed,
    skipped: set.skipped,
    isAdded: set.isAdded ?? false,
    swappedFrom: set.swappedFrom
      ? { id: set.swappedFrom.id, slug: set.swappedFrom.slug, name: set.swappedFrom.name }
      : null,
    plates: set.prescribedWeight === null ? null : platesFor(set.prescribedWeight, workoutUnit, bar),
  };
}
