import { z } from 'zod';
import { dec, toNumber, type Decimal } from './engine/decimal';
import { DEFAULT_INCREMENT } from './engine/units';
import { prescribedWeight, ROUNDING_MODES, type RoundingMode } from './engine/weights';
import { idInput, unitSchema, weightInput } from './schemas/common';
import { planBody, type PlanDayInput, type PlanWeekInput } from './schemas/plans';

/** An unsaved plan body plus sample TMs: the builder's live preview. Nothing is written. */
export const planPreviewBody = z.strictObject({
  plan: planBody,
  sampleTrainingMaxes: z.array(z.strictObject({ exerciseId: idInput, trainingMax: weightInput })).max(50),
  unit: unitSchema.default('kg'),
  increment: weightInput.optional(),
  rounding: z.enum(ROUNDING_MODES).default('nearest'),
});
export type PlanPreviewBody = z.infer<typeof planPreviewBody>;
export type PlanPreviewBodyInput = z.input<typeof planPreviewBody>;

type PreviewDay = {
  dayNumber: number;
  name: string | null;
  exercises: Array<{
    sortOrder: number;
    exerciseId: number;
    tmExerciseId: number;
    tier: string;
    displayName: string | null;
    restSeconds: number | null;
    sets: Array<{
      setOrder: number;
      kind: PlanDayInput['exercises'][number]['sets'][number]['kind'];
      percentage: number | null;
      reps: number;
      repsMax: number | null;
      incrementOffset: number;
      isAmrap: boolean;
      isProgression: boolean;
      /** null where a TM is missing or the set has no percentage (accessory). */
      weight: number | null;
    }>;
  }>;
};

export type PlanPreview = {
  unit: 'kg' | 'lb';
  increment: number;
  missingTrainingMaxes: number[];
  weeks: Array<{ weekNumber: number; name: string | null; isDeload: boolean; days: PreviewDay[] }>;
  /** Week 1's days. */
  days: PreviewDay[];
};

type Prescription = { tms: Map<number, Decimal>; step: Decimal; rounding: RoundingMode; missing: Set<number> };

/** Every set's weight as the engine prescribes it (same rounding as real workouts); null where a TM is missing. */
export function previewPlan({ plan, sampleTrainingMaxes, unit, increment, rounding }: PlanPreviewBody): PlanPreview {
  const prescription: Prescription = {
    tms: new Map(sampleTrainingMaxes.map((t) => [t.exerciseId, dec(t.trainingMax)])),
    step: increment !== undefined ? dec(increment) : DEFAULT_INCREMENT[unit],
    rounding,
    missing: new Set<number>(),
  };
  const weeks = [...plan.weeks]
    .sort((a, b) => a.weekNumber - b.weekNumber)
    .map((week) => previewWeek(week, prescription));
  return {
    unit,
    increment: toNumber(prescription.step),
    missingTrainingMaxes: [...prescription.missing],
    weeks,
    days: weeks[0]?.days ?? [],
  };
}

function previewWeek(week: PlanWeekInput, prescription: Prescription) {
  return {
    weekNumber: week.weekNumber,
    name: week.name ?? null,
    isDeload: week.isDeload,
    days: [...week.days]
      .sort((a, b) => a.dayNumber - b.dayNumber)
      .map((day) => ({
        dayNumber: day.dayNumber,
        name: day.name ?? null,
        exercises: [...day.exercises]
          .sort((a, b) => a.sortOrder - b.sortOrder)
          .map((slot) => previewSlot(slot, prescription)),
      })),
  };
}

function previewSlot(slot: PlanDayInput['exercises'][number], { tms, step, rounding, missing }: Prescription) {
  const tmExerciseId = slot.tmExerciseId ?? slot.exerciseId;
  const tm = tms.get(tmExerciseId);
  const weighted = slot.sets.some((s) => s.percentage !== null);
  if (!tm && weighted) missing.add(tmExerciseId);
  return {
    sortOrder: slot.sortOrder,
    exerciseId: slot.exerciseId,
    tmExerciseId,
    tier: slot.tier,
    displayName: slot.displayName ?? null,
    restSeconds: slot.restSeconds ?? null,
    sets: [...slot.sets]
      .sort((a, b) => a.setOrder - b.setOrder)
      .map((s) => ({
        ...s,
        weight:
          tm && s.percentage !== null
            ? toNumber(prescribedWeight(tm, String(s.percentage), step, rounding, s.incrementOffset))
            : null,
      })),
  };
}
