import { z } from 'zod';
import { idInput, idParam, multilineTextInput, onlyWhenValid, unitSchema, weightInput } from './common';

const exerciseIdInput = idInput;

export const tmEntryInput = z.union([
  z.strictObject({ exerciseId: exerciseIdInput, oneRepMax: weightInput }),
  z.strictObject({ exerciseId: exerciseIdInput, trainingMax: weightInput }),
]);

export const setupBody = z.strictObject({
  exerciseTMs: z
    .array(tmEntryInput)
    .min(1)
    .max(50)
    .superRefine((entries, ctx) => {
      const seen = new Set<number>();
      entries.forEach((entry, i) => {
        if (seen.has(entry.exerciseId))
          ctx.addIssue({ code: 'custom', path: [i, 'exerciseId'], message: 'exercise given twice' });
        seen.add(entry.exerciseId);
      });
    }, onlyWhenValid),
});
export type SetupBody = z.infer<typeof setupBody>;

export const adjustBody = z
  .strictObject({
    trainingMax: weightInput.optional(),
    percentChange: z.number().min(-50).max(50).multipleOf(0.01).optional(),
    note: multilineTextInput(200).optional(),
  })
  .refine((b) => (b.trainingMax === undefined) !== (b.percentChange === undefined), {
    message: 'give either trainingMax or percentChange',
  });
export type AdjustBody = z.infer<typeof adjustBody>;

export const exerciseIdParams = z.object({ exerciseId: idParam });

export const trainingMaxItemDto = z.object({
  exercise: z.object({ id: z.number(), slug: z.string(), name: z.string() }),
  trainingMax: z.number().nullable(),
  effectiveDate: z.string().nullable(),
  source: z.string().nullable(),
  missing: z.boolean(),
});
export const trainingMaxesResponse = z.object({
  unit: unitSchema,
  planId: z.number().nullable(),
  /** The share of a 1RM setup stores as the TM: the active plan's tmPercent (0.90 without a plan). */
  tmPercent: z.number(),
  trainingMaxes: z.array(trainingMaxItemDto),
});
export type TrainingMaxesResponse = z.infer<typeof trainingMaxesResponse>;

export const tmHistoryEntryDto = z.object({
  id: z.number(),
  weight: z.number(),
  recordedWeight: z.number(),
  recordedUnit: unitSchema,
  source: z.string(),
  note: z.string().nullable(),
  workoutId: z.number().nullable(),
  effectiveDate: z.string(),
});
export const tmHistoryResponse = z.object({
  exercise: z.object({ id: z.number(), slug: z.string(), name: z.string() }),
  unit: unitSchema,
  history: z.array(tmHistoryEntryDto),
});
export type TmHistoryResponse = z.infer<typeof tmHistoryResponse>;
