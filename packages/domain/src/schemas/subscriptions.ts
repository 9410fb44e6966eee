import { z } from 'zod';
import { planDetailDto } from './plans';

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

export const currentPlanResponse = subscribeResponse.extend({
  plan: planDetailDto,
  nextDayNumber: z.number(),
  inProgressWorkout: z.object({ id: z.number(), dayNumber: z.number() }).nullable(),
});
export type CurrentPlanResponse = z.infer<typeof currentPlanResponse>;
