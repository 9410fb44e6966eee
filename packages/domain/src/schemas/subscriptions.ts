import { z } from 'zod';
import { planDetailDto } from './plans';
import { progressionResultDto } from './workouts';

export const userPlanDto = z.object({
  id: z.number(),
  planId: z.number(),
  planVersionId: z.number(),
  version: z.number(),
  startedAt: z.string(),
});
const requiredExercise = z.object({ id: z.number(), slug: z.string(), name: z.string() });
const missingTm = z.object({ exerciseId: z.number(), slug: z.string(), name: z.string() });

export const subscribeResponse = z.object({
  userPlan: userPlanDto,
  requiredExercises: z.array(requiredExercise),
  missingTMs: z.array(missingTm),
});
export type SubscribeResponse = z.infer<typeof subscribeResponse>;

export const planPositionDto = z.object({ cycle: z.number(), weekNumber: z.number(), dayNumber: z.number() });
export type PlanPositionDto = z.infer<typeof planPositionDto>;
export const nextWorkoutDto = planPositionDto.extend({
  dayName: z.string().nullable(),
  weekName: z.string().nullable(),
  isDeload: z.boolean(),
});
export type NextWorkoutDto = z.infer<typeof nextWorkoutDto>;

export const currentPlanResponse = subscribeResponse.extend({
  plan: planDetailDto,
  /** Where the lifter is: the workout `POST /api/workouts {}` starts. */
  next: nextWorkoutDto,
  /** next.dayNumber (seed 003's field). */
  nextDayNumber: z.number(),
  inProgressWorkout: z
    .object({
      id: z.number(),
      cycle: z.number(),
      weekNumber: z.number(),
      dayNumber: z.number(),
      /**
       * TM exercises of the workout's weighted sets whose TM changed (a manual edit, a deload, another workout's
       * progression) after the workout was generated: `POST /api/workouts/:id/regenerate` re-prescribes its open sets.
       */
      staleTrainingMaxes: z.array(z.object({ exerciseId: z.number(), name: z.string() })).optional(),
    })
    .nullable(),
});
export type CurrentPlanResponse = z.infer<typeof currentPlanResponse>;

/** `GET /api/plans/current` for a lifter on no plan: 200 `{ plan: null }` (not a 404 that every console logs). */
export const noCurrentPlanResponse = z.object({ plan: z.null() });
export type NoCurrentPlanResponse = z.infer<typeof noCurrentPlanResponse>;
export const currentPlanOrNoneResponse = z.union([currentPlanResponse, noCurrentPlanResponse]);

export const skipResponse = z.object({
  skipped: planPositionDto,
  next: nextWorkoutDto,
  /** TM changes when the skip finished a cycle (cycle_increment rules). */
  progression: z.array(progressionResultDto),
});
export type SkipResponse = z.infer<typeof skipResponse>;
