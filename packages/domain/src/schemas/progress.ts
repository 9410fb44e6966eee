import { z } from 'zod';
import { unitSchema } from './common';

const exerciseRef = z.object({ id: z.number(), slug: z.string(), name: z.string() });

export const progressResponse = z.object({
  unit: unitSchema,
  trainingMaxes: z.array(
    z.object({
      exercise: exerciseRef,
      points: z.array(z.object({ date: z.string(), weight: z.number(), source: z.string() })),
    }),
  ),
  estimatedOneRepMax: z.array(
    z.object({
      exercise: exerciseRef,
      points: z.array(
        z.object({
          date: z.string(),
          workoutId: z.number(),
          /** The set the estimate comes from (the workout's best for that exercise). */
          setId: z.number(),
          weight: z.number(),
          reps: z.number(),
          estimate: z.number(),
          isPersonalRecord: z.boolean(),
        }),
      ),
    }),
  ),
  personalRecords: z.array(
    z.object({
      exercise: exerciseRef,
      estimate: z.number(),
      weight: z.number(),
      reps: z.number(),
      date: z.string(),
      workoutId: z.number(),
      setId: z.number(),
    }),
  ),
});
export type ProgressResponse = z.infer<typeof progressResponse>;
