import { dec, type Decimal, type DecimalLike } from './decimal';
import type { SetKind } from './plan-model';
import { prescribedWeight, type RoundingMode } from './weights';
import { slotsNeedingWarmups, standardWarmups, WARMUP_REST_SECONDS, type WarmupSetting } from './warmups';

export type PrescribedSetTemplate = {
  exerciseId: number;
  tmExerciseId: number;
  exerciseOrder: number;
  displayName: string | null;
  tier: string;
  setOrder: number;
  kind: SetKind;
  /** null: an accessory set whose weight the lifter chooses. */
  percentage: DecimalLike | null;
  reps: number;
  repsMax: number | null;
  incrementOffset: number;
  restSeconds: number | null;
  isAmrap: boolean;
  isProgression: boolean;
};

export type GeneratedSet = Omit<PrescribedSetTemplate, 'percentage'> & {
  percentage: Decimal | null;
  prescribedWeight: Decimal | null;
  prescribedReps: number;
};

export type GenerationResult = { ok: true; sets: GeneratedSet[] } | { ok: false; missingTmExerciseIds: number[] };

export const isPercentageSet = <T extends { percentage: unknown }>(
  set: T,
): set is T & { percentage: NonNullable<T['percentage']> } => set.percentage !== null && set.percentage !== undefined;

/** The TM exercises a cycle trained: those of its weighted main and supplemental sets, in order of first use. */
export function trainedTmExerciseIds(
  sets: ReadonlyArray<{ tmExerciseId: number; kind: SetKind; percentage: unknown }>,
): number[] {
  const trained = sets.filter((s) => (s.kind === 'main' || s.kind === 'supplemental') && isPercentageSet(s));
  return [...new Set(trained.map((s) => s.tmExerciseId))];
}

/** The TM exercises that the day's weighted sets need and that have no TM yet, in order of first use. */
export function missingTrainingMaxes(
  templates: ReadonlyArray<Pick<PrescribedSetTemplate, 'tmExerciseId' | 'percentage'>>,
  trainingMaxes: ReadonlyMap<number, DecimalLike>,
): number[] {
  const needed = templates.filter(isPercentageSet).map((t) => t.tmExerciseId);
  return [...new Set(needed.filter((id) => !trainingMaxes.has(id)))];
}

/** The lifter's settings generation uses; `barWeight` (in the workout's unit) keeps warm-ups off the empty bar. */
export type GenerationLifter = {
  increment: DecimalLike;
  rounding?: RoundingMode;
  warmups?: WarmupSetting;
  barWeight?: DecimalLike | null;
};

/** Every set of a plan day prescribed from the lifter's TMs, or the TM exercises that have no TM yet. */
export function generateWorkoutSets(
  templates: PrescribedSetTemplate[],
  trainingMaxes: ReadonlyMap<number, DecimalLike>,
  lifter: GenerationLifter,
): GenerationResult {
  const missing = missingTrainingMaxes(templates, trainingMaxes);
  if (missing.length > 0) return { ok: false, missingTmExerciseIds: missing };
  const sets = templates
    .map((t) => ({
      ...t,
      percentage: t.percentage === null ? null : dec(t.percentage),
      prescribedWeight:
        t.percentage === null
          ? null
          : prescribedWeight(
              trainingMaxes.get(t.tmExerciseId)!,
              t.percentage,
              lifter.increment,
              lifter.rounding,
              t.incrementOffset,
            ),
      prescribedReps: t.reps,
    }))
    .sort((a, b) => a.exerciseOrder - b.exerciseOrder || a.setOrder - b.setOrder);
  return { ok: true, sets: lifter.warmups === 'standard' ? withStandardWarmups(sets, lifter) : sets };
}

/**
 * Under the lifter's `standard` setting, the slots chosen by `slotsNeedingWarmups` get 40 %×5, 50 %×5, 60 %×3 of
 * their first work set's weight in front (kind `warmup`, never AMRAP or progression, 60 s rest); the slot's own sets
 * move down by the number of warm-ups, so set numbers read 1, 2, 3… as a plan-authored warm-up would.
 */
function withStandardWarmups(sets: GeneratedSet[], lifter: GenerationLifter): GeneratedSet[] {
  const slots = slotsNeedingWarmups(sets);
  if (slots.size === 0) return sets;
  const warmupsOf = new Map(
    [...slots].map(([order, first]) => [order, standardWarmups(first.prescribedWeight!, first.percentage!, lifter)]),
  );
  const result: GeneratedSet[] = [];
  for (const [order, warmups] of warmupsOf) {
    const first = slots.get(order)!;
    warmups.forEach((w, i) =>
      result.push({
        ...first,
        kind: 'warmup',
        setOrder: i + 1,
        percentage: w.percentage,
        prescribedWeight: w.weight,
        prescribedReps: w.reps,
        reps: w.reps,
        repsMax: null,
        incrementOffset: 0,
        restSeconds: WARMUP_REST_SECONDS,
        isAmrap: false,
        isProgression: false,
      }),
    );
  }
  for (const s of sets) result.push({ ...s, setOrder: s.setOrder + (warmupsOf.get(s.exerciseOrder)?.length ?? 0) });
  return result.sort((a, b) => a.exerciseOrder - b.exerciseOrder || a.setOrder - b.setOrder);
}
