import { z } from 'zod';
import { dec, toNumber } from './engine/decimal';
import { DEFAULT_INCREMENT } from './engine/units';
import { prescribedWeight } from './engine/weights';
import { idInput, unitSchema, weightInput } from './schemas/common';
import { planBody, type PlanBody } from './schemas/plans';

/** An unsaved plan body plus sample TMs: the builder's live preview. Nothing is written. */
export const planPreviewBody = z.strictObject({
  plan: planBody,
  sampleTrainingMaxes: z.array(z.strictObject({ exerciseId: idInput, trainingMax: weightInput })).max(50),
  unit: unitSchema.default('kg'),
  increment: weightInput.optional(),
});
export type PlanPreviewBody = z.infer<typeof planPreviewBody>;

export type PlanPreview = {
  unit: 'kg' | 'lb';
  increment: number;
  missingTrainingMaxes: number[];
  days: Array<{
    dayNumber: number;
    name: string | null;
    exercises: Array<{
      sortOrder: number;
      exerciseId: number;
      tmExerciseId: number;
      tier: string;
      displayName: string | null;
      sets: Array<{
        setOrder: number;
        percentage: number;
        reps: number;
        isAmrap: boolean;
        isProgression: boolean;
        weight: number | null;
      }>;
    }>;
  }>;
};

/** Every set's weight as the engine prescribes it (same rounding as real workouts); null where a TM is missing. */
export function previewPlan({ plan, sampleTrainingMaxes, unit, increment }: PlanPreviewBody): PlanPreview {
  const tms = new Map(sampleTrainingMaxes.map((t) => [t.exerciseId, dec(t.trainingMax)]));
  const step = increment !== undefined ? dec(increment) : DEFAULT_INCREMENT[unit];
  const missing = new Set<number>();
  const days = [...plan.days]
    .sort((a, b) => a.dayNumber - b.dayNumber)
    .map((day) => ({
      dayNumber: day.dayNumber,
      name: day.name ?? null,
      exercises: [...day.exercises]
        .sort((a, b) => a.sortOrder - b.sortOrder)
        .map((slot) => previewSlot(slot, tms, step, missing)),
    }));
  return { unit, increment: toNumber(step), missingTrainingMaxes: [...missing], days };
}

function previewSlot(
  slot: PlanBody['days'][number]['exercises'][number],
  tms: Map<number, ReturnType<typeof dec>>,
  step: ReturnType<typeof dec>,
  missing: Set<number>,
) {
  const tmExerciseId = slot.tmExerciseId ?? slot.exerciseId;
  const tm = tms.get(tmExerciseId);
  if (!tm) missing.add(tmExerciseId);
  return {
    sortOrder: slot.sortOrder,
    exerciseId: slot.exerciseId,
    tmExerciseId,
    tier: slot.tier,
    displayName: slot.displayName ?? null,
    sets: [...slot.sets]
      .sort((a, b) => a.setOrder - b.setOrder)
      .map((s) => ({ ...s, weight: tm ? toNumber(prescribedWeight(tm, String(s.percentage), step)) : null })),
  };
}
