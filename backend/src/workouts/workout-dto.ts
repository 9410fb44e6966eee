import { dec, toNumber, type DecimalLike } from '@liftplan/domain';
import { plateBreakdown } from '@liftplan/domain';
import type { WorkoutSetDto } from '@liftplan/domain';

export type BarSetup = { unit: string; barWeight: DecimalLike; plates: DecimalLike[] };

/** Plates per side for the lifter's bar, when the workout is in the unit their plates are in. */
export function platesFor(weight: DecimalLike, workoutUnit: string, bar: BarSetup): WorkoutSetDto['plates'] {
  if (workoutUnit !== bar.unit) return null;
  const b = plateBreakdown(weight, bar.barWeight, bar.plates);
  return { perSide: b.perSide.map(toNumber), remainderPerSide: toNumber(b.remainderPerSide), belowBar: b.belowBar };
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
    percentage: set.percentage === null ? null : toNumber(set.percentage),
    prescribedWeight: set.prescribedWeight === null ? null : toNumber(set.prescribedWeight),
    prescribedReps: set.prescribedReps,
    repsMax: set.repsMax,
    restSeconds: set.restSeconds,
    isAmrap: set.isAmrap,
    isProgression: set.isProgression,
    actualReps: set.actualReps,
    actualWeight: set.actualWeight === null ? null : toNumber(set.actualWeight),
    rpe: set.rpe === null ? null : toNumber(set.rpe),
    note: set.note,
    completed: set.completed,
    skipped: set.skipped,
    isAdded: set.isAdded ?? false,
    swappedFrom: set.swappedFrom
      ? { id: set.swappedFrom.id, slug: set.swappedFrom.slug, name: set.swappedFrom.name }
      : null,
    plates: set.prescribedWeight === null ? null : platesFor(dec(set.prescribedWeight), workoutUnit, bar),
  };
}
