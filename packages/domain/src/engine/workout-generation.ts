import { dec, Decimal, type DecimalLike } from './decimal';
import { prescribedWeight } from './weights';

export type PrescribedSetTemplate = {
  exerciseId: number;
  tmExerciseId: number;
  exerciseOrder: number;
  displayName: string | null;
  tier: string;
  setOrder: number;
  percentage: DecimalLike;
  reps: number;
  isAmrap: boolean;
  isProgression: boolean;
};

export type GeneratedSet = Omit<PrescribedSetTemplate, 'percentage'> & {
  percentage: Decimal;
  prescribedWeight: Decimal;
  prescribedReps: number;
};

export type GenerationResult = { ok: true; sets: GeneratedSet[] } | { ok: false; missingTmExerciseIds: number[] };

/** Every set of a plan day prescribed from the lifter's TMs, or the TM exercises that have no TM yet. */
export function generateWorkoutSets(
  templates: PrescribedSetTemplate[],
  trainingMaxes: ReadonlyMap<number, DecimalLike>,
  increment: DecimalLike,
): GenerationResult {
  const missing = [...new Set(templates.map((t) => t.tmExerciseId).filter((id) => !trainingMaxes.has(id)))];
  if (missing.length > 0) return { ok: false, missingTmExerciseIds: missing };
  const sets = templates
    .map((t) => ({
      ...t,
      percentage: dec(t.percentage),
      prescribedWeight: prescribedWeight(trainingMaxes.get(t.tmExerciseId)!, t.percentage, increment),
      prescribedReps: t.reps,
    }))
    .sort((a, b) => a.exerciseOrder - b.exerciseOrder || a.setOrder - b.setOrder);
  return { ok: true, sets };
}
