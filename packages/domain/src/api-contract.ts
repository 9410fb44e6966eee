import { z } from 'zod';
import { authResponse } from './schemas/auth';
import { adminUserDto } from './schemas/admin-users';
import { exerciseDto } from './schemas/exercises';
import { planDetailDto, planSummaryDto } from './schemas/plans';
import { progressResponse } from './schemas/progress';
import { currentPlanOrNoneResponse, skipResponse, subscribeResponse } from './schemas/subscriptions';
import { projectionResponse } from './schemas/projection';
import { tmHistoryResponse, trainingMaxesResponse } from './schemas/training-maxes';
import { userDto } from './schemas/users';
import { completeWorkoutResponse, loggedSetDto, workoutDto, workoutSummaryDto } from './schemas/workouts';
import {
  addSetResponse,
  deleteSetResponse,
  lastPerformanceResponse,
  swapExerciseResponse,
} from './schemas/workout-changes';
import { unitSchema } from './schemas/common';

export const listWorkoutsResponse = z.object({
  items: z.array(workoutSummaryDto),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
});

export const adjustTrainingMaxResponse = z.object({
  trainingMax: z.object({
    exerciseId: z.number(),
    weight: z.number(),
    unit: unitSchema,
    effectiveDate: z.string(),
    source: z.string(),
    note: z.string().nullable(),
  }),
});

const previewResponse = z.object({
  preview: z.object({
    unit: unitSchema,
    increment: z.number(),
    missingTrainingMaxes: z.array(z.number()),
    weeks: z.array(
      z.object({
        weekNumber: z.number(),
        name: z.string().nullable(),
        isDeload: z.boolean(),
        days: z.array(z.unknown()),
      }),
    ),
    days: z.array(z.object({ dayNumber: z.number(), name: z.string().nullable(), exercises: z.array(z.unknown()) })),
  }),
});

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type ApiRoute = { method: Method; path: string; response: z.ZodType };

/**
 * Every JSON route's success body, by method and path (Express patterns). The API's tests check every 2xx answer
 * against it, so a response that drifts from the shapes the SPA is typed with fails a test.
 * More specific paths come first (`/api/plans/current` before `/api/plans/:id`).
 */
export const API_ROUTES: ApiRoute[] = [
  { method: 'POST', path: '/api/auth/register', response: authResponse },
  { method: 'POST', path: '/api/auth/login', response: authResponse },
  { method: 'GET', path: '/api/auth/me', response: z.object({ user: userDto }) },
  { method: 'GET', path: '/api/users/me', response: z.object({ user: userDto }) },
  { method: 'PATCH', path: '/api/users/me', response: z.object({ user: userDto }) },
  { method: 'GET', path: '/api/exercises', response: z.object({ exercises: z.array(exerciseDto) }) },
  { method: 'GET', path: '/api/plans', response: z.object({ plans: z.array(planSummaryDto) }) },
  { method: 'GET', path: '/api/plans/current', response: currentPlanOrNoneResponse },
  { method: 'POST', path: '/api/plans/current/skip', response: skipResponse },
  { method: 'GET', path: '/api/plans/:id', response: z.object({ plan: planDetailDto }) },
  { method: 'POST', path: '/api/plans/:id/subscribe', response: subscribeResponse },
  { method: 'POST', path: '/api/plans/:id/projection', response: projectionResponse },
  { method: 'GET', path: '/api/training-maxes', response: trainingMaxesResponse },
  { method: 'POST', path: '/api/training-maxes/setup', response: trainingMaxesResponse },
  { method: 'GET', path: '/api/training-maxes/:id/history', response: tmHistoryResponse },
  { method: 'POST', path: '/api/training-maxes/:id/adjust', response: adjustTrainingMaxResponse },
  { method: 'POST', path: '/api/workouts', response: z.object({ workout: workoutDto }) },
  { method: 'GET', path: '/api/workouts', response: listWorkoutsResponse },
  { method: 'GET', path: '/api/workouts/last-performance', response: lastPerformanceResponse },
  { method: 'GET', path: '/api/workouts/:id', response: z.object({ workout: workoutDto }) },
  { method: 'PATCH', path: '/api/workouts/:id', response: z.object({ workout: workoutDto }) },
  { method: 'POST', path: '/api/workouts/:id/sets', response: addSetResponse },
  { method: 'DELETE', path: '/api/workouts/:id/sets/:id', response: deleteSetResponse },
  { method: 'POST', path: '/api/workouts/:id/swap', response: swapExerciseResponse },
  { method: 'PATCH', path: '/api/workouts/:id/sets/:id', response: z.object({ set: loggedSetDto }) },
  { method: 'POST', path: '/api/workouts/:id/complete', response: completeWorkoutResponse },
  { method: 'POST', path: '/api/workouts/:id/abandon', response: z.object({ workout: workoutDto }) },
  {
    method: 'POST',
    path: '/api/workouts/:id/regenerate',
    response: z.object({ workout: workoutDto, changedSetIds: z.array(z.number()) }),
  },
  { method: 'GET', path: '/api/progress', response: progressResponse },
  { method: 'GET', path: '/api/admin/users', response: z.object({ users: z.array(adminUserDto) }) },
  { method: 'PATCH', path: '/api/admin/users/:id', response: z.object({ user: adminUserDto }) },
  { method: 'GET', path: '/api/admin/exercises', response: z.object({ exercises: z.array(exerciseDto) }) },
  { method: 'GET', path: '/api/admin/exercises/:id', response: z.object({ exercise: exerciseDto }) },
  { method: 'POST', path: '/api/admin/exercises', response: z.object({ exercise: exerciseDto }) },
  { method: 'PATCH', path: '/api/admin/exercises/:id', response: z.object({ exercise: exerciseDto }) },
  { method: 'GET', path: '/api/admin/plans', response: z.object({ plans: z.array(planSummaryDto) }) },
  { method: 'POST', path: '/api/admin/plans/preview', response: previewResponse },
  { method: 'POST', path: '/api/admin/plans/preview/projection', response: projectionResponse },
  { method: 'GET', path: '/api/admin/plans/:id', response: z.object({ plan: planDetailDto }) },
  { method: 'POST', path: '/api/admin/plans', response: z.object({ plan: planDetailDto }) },
  { method: 'PUT', path: '/api/admin/plans/:id', response: z.object({ plan: planDetailDto }) },
  { method: 'DELETE', path: '/api/admin/plans/:id', response: z.object({ archived: z.literal(true) }) },
  { method: 'POST', path: '/api/admin/plans/:id/progression-rules', response: z.object({ plan: planDetailDto }) },
];

const compiled = API_ROUTES.map((route) => ({
  route,
  pattern: new RegExp(`^${route.path.replace(/:[a-zA-Z]+/g, '[^/]+')}$`),
}));

/** The contract entry for a request, if the path is a JSON route. */
export function findApiRoute(method: string, path: string): ApiRoute | undefined {
  return compiled.find((c) => c.route.method === method && c.pattern.test(path))?.route;
}
