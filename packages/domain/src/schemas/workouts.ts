import { z } from 'zod';
import { idParam, paginationQuery, unitSchema } from './common';

export const WORKOUT_STATUSES = ['in_progress', 'completed', 'abandoned'] as const;

export const startWorkoutBody = z.strictObject({ dayNumber: z.number().int().min(1).max(7) });
export const workoutSetParams = z.object({ id: idParam, setId: idParam });
export const logSetBody = z
  .strictObject({
    actualReps: z.number().int().min(0).max(200).nullable().optional(),
    completed: z.boolean().optional(),
  })
  .refine((b) => b.actualReps !== undefined || b.completed !== undefined, {
    message: 'give actualReps and/or completed',
  });
export type LogSetBody = z.infer<typeof logSetBody>;

export const listWorkoutsQuery = paginationQuery.extend({ status: z.enum(WORKOUT_STATUSES).optional() });
export type ListWorkoutsQuery = z.infer<typeof listWorkoutsQuery>;

export const progressionResultDto = z.object({
  exerciseId: z.number(),
  slug: z.string(),
  previousTM: z.number(),
  newTM: z.number(),
  increase: z.number(),
  amrapReps: z.number(),
  /** Present (true) when the rule's increase was cut or dropped to keep the TM within MAX_TRAINING_MAX (engine/limits). */
  capped: z.literal(true).optional(),
});
export type ProgressionResultDto = z.infer<typeof progressionResultDto>;

export const platesDto = z.object({
  perSide: z.array(z.number()),
  remainderPerSide: z.number(),
  belowBar: z.boolean(),
});

export const workoutSetDto = z.object({
  id: z.number(),
  exerciseId: z.number(),
  exercise: z.object({ id: z.number(), slug: z.string(), name: z.string() }),
  tmExerciseId: z.number(),
  displayName: z.string().nullable(),
  tier: z.string(),
  exerciseOrder: z.number(),
  setOrder: z.number(),
  percentage: z.number(),
  prescribedWeight: z.number(),
  prescribedReps: z.number(),
  isAmrap: z.boolean(),
  isProgression: z.boolean(),
  actualReps: z.number().nullable(),
  completed: z.boolean(),
  plates: platesDto.nullable(),
});
export type WorkoutSetDto = z.infer<typeof workoutSetDto>;

export const workoutDto = z.object({
  id: z.number(),
  dayNumber: z.number(),
  dayName: z.string().nullable(),
  planId: z.number().nullable(),
  planName: z.string().nullable(),
  unit: unitSchema,
  status: z.enum(WORKOUT_STATUSES),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  sets: z.array(workoutSetDto),
  progression: z.array(progressionResultDto).nullable(),
});
export type WorkoutDto = z.infer<typeof workoutDto>;

export const workoutSummaryDto = workoutDto
  .omit({ sets: true })
  .extend({ setCount: z.number(), completedSetCount: z.number() });
export type WorkoutSummaryDto = z.infer<typeof workoutSummaryDto>;

export const completeWorkoutResponse = z.object({ workout: workoutDto, progression: z.array(progressionResultDto) });
export type CompleteWorkoutResponse = z.infer<typeof completeWorkoutResponse>;

export const loggedSetDto = z.object({
  id: z.number(),
  workoutId: z.number(),
  actualReps: z.number().nullable(),
  completed: z.boolean(),
});
export type LoggedSetDto = z.infer<typeof loggedSetDto>;
