import { z } from 'zod';
import { authResponse } from './schemas/auth';
import { adminUserDto } from './schemas/admin-users';
import { exerciseDto } from './schemas/exercises';
import { planDetailDto, planSummaryDto } from './schemas/plans';
import { progressResponse } from './schemas/progress';
import {
  currentPlanOrNoneResponse,
  skipResponse,
  subscribeResponse,
  upgradeBody,
  upgradeOfferResponse,
  upgradeResponse,
} from './schemas/subscriptions';
import { projectionResponse } from './schemas/projection';
import {
  calendarFeedQuery,
  calendarFeedResponse,
  enrolmentResponse,
  enrolmentsResponse,
  scheduleResponse,
} from './schemas/schedule';
import { tmHistoryResponse, trainingMaxesResponse } from './schemas/training-maxes';
import { userDto } from './schemas/users';
import { completeWorkoutResponse, loggedSetDto, workoutDto, workoutSummaryDto } from './schemas/workouts';
import {
  addSetResponse,
  deleteSetResponse,
  lastPerformanceResponse,
  swapExerciseResponse,
} from './schemas/workout-changes';
import { emptyBody, idParams, unitSchema } from './schemas/common';
import { loginBody, registerBody } from './schemas/auth';
import { adminUsersQuery, setAdminBody } from './schemas/admin-users';
import { createExerciseBody, listExercisesQuery, updateExerciseBody } from './schemas/exercises';
import {
  adminPlansQuery,
  createPlanQuery,
  planBody,
  programFileInput,
  publishPlanBody,
  publishPreviewResponse,
  replaceRulesBody,
  updatePlanQuery,
  updateVersionBody,
  versionParams,
} from './schemas/plans';
import { planDraftProjectionBody, projectionBody } from './schemas/projection';
import { scheduleQuery, subscribeBody, updateCurrentPlanBody } from './schemas/schedule';
import { adjustBody, exerciseIdParams, setupBody } from './schemas/training-maxes';
import { updateMeBody } from './schemas/users';
import {
  listWorkoutsQuery,
  logSetBody,
  startWorkoutBody,
  updateWorkoutBody,
  workoutSetParams,
} from './schemas/workouts';
import { addSetBody, lastPerformanceQuery, swapExerciseBody } from './schemas/workout-changes';
import { planPreviewBody } from './plan-preview';

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

/** `GET /api/health`: also the body of its 503 (`degraded` without a database, `draining` during shutdown). */
export const healthResponse = z.object({
  status: z.enum(['ok', 'degraded', 'draining']),
  database: z.object({ reachable: z.boolean(), latencyMs: z.number().optional() }).optional(),
});

const backupRows = z.array(z.record(z.string(), z.unknown()));
/** `GET /api/users/me/export`: everything the lifter owns, as stored (decimals as numbers, dates as ISO strings). */
export const userBackupResponse = z.object({
  format: z.literal('liftplan-backup'),
  version: z.number(),
  exportedAt: z.string(),
  profile: userDto,
  trainingMaxes: backupRows,
  subscriptions: backupRows,
  workouts: backupRows,
});

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** Who may call a route: anyone, a signed-in lifter (bearer JWT), or an administrator (bearer JWT of an admin). */
export type ApiAuth = 'public' | 'lifter' | 'admin';
export type ApiRoute = {
  method: Method;
  /** The Express pattern, with the router's own parameter names. */
  path: string;
  auth: ApiAuth;
  /** One line for the API reference (GET /api/openapi.json, /api/docs). */
  summary: string;
  /** The request's parts, as the route parses them (parseParams / parseQuery / parseBody). */
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The success body when it is JSON; absent when the route answers only 204 or a `produces` body. */
  response?: z.ZodType;
  /** The status of that JSON answer (default 200). */
  status?: 201;
  /** The route answers 204 No Content (instead of `response` when both are given, in the cases the summary says). */
  noContent?: true;
  /** A success body that is not JSON. */
  produces?: 'text/csv' | 'text/calendar';
};

const workoutBody = z.object({ workout: workoutDto });
const planBodyResponse = z.object({ plan: planDetailDto });
const exerciseResponse = z.object({ exercise: exerciseDto });

/**
 * Every route of the API, by method and path (Express patterns): who may call it, what it parses, what it answers.
 * The API's tests check every 2xx answer against `response`, GET /api/openapi.json is generated from this list, and
 * a test fails when the Express app has a route that is not here. More specific paths come first
 * (`/api/plans/current` before `/api/plans/:id`).
 */
export const API_ROUTES: ApiRoute[] = [
  {
    method: 'GET',
    path: '/api/health',
    auth: 'public',
    summary: 'Liveness and database reachability',
    response: healthResponse,
  },
  {
    method: 'GET',
    path: '/api/openapi.json',
    auth: 'public',
    summary: 'This OpenAPI 3.1 document',
    response: z.record(z.string(), z.unknown()),
  },
  {
    method: 'POST',
    path: '/api/auth/register',
    auth: 'public',
    summary: 'Create an account and sign in',
    body: registerBody,
    response: authResponse,
    status: 201,
  },
  {
    method: 'POST',
    path: '/api/auth/login',
    auth: 'public',
    summary: 'Sign in: a bearer token for the other routes',
    body: loginBody,
    response: authResponse,
  },
  {
    method: 'GET',
    path: '/api/auth/me',
    auth: 'lifter',
    summary: 'The signed-in account',
    response: z.object({ user: userDto }),
  },
  {
    method: 'GET',
    path: '/api/users/me/export',
    auth: 'lifter',
    summary: 'Download a JSON backup of everything the lifter owns',
    response: userBackupResponse,
  },
  {
    method: 'GET',
    path: '/api/users/me',
    auth: 'lifter',
    summary: 'The lifter’s profile and settings',
    response: z.object({ user: userDto }),
  },
  {
    method: 'PATCH',
    path: '/api/users/me',
    auth: 'lifter',
    summary: 'Change profile and settings',
    body: updateMeBody,
    response: z.object({ user: userDto }),
  },
  {
    method: 'GET',
    path: '/api/exercises',
    auth: 'lifter',
    summary: 'Search the exercise library',
    query: listExercisesQuery,
    response: z.object({ exercises: z.array(exerciseDto) }),
  },
  {
    method: 'GET',
    path: '/api/plans',
    auth: 'lifter',
    summary: 'Plans the lifter can browse',
    response: z.object({ plans: z.array(planSummaryDto) }),
  },
  {
    method: 'GET',
    path: '/api/plans/current',
    auth: 'lifter',
    summary: 'The running plan, where the lifter is in it, or none',
    response: currentPlanOrNoneResponse,
  },
  {
    method: 'PATCH',
    path: '/api/plans/current',
    auth: 'lifter',
    summary: 'Change the training days of the running plan',
    body: updateCurrentPlanBody,
    response: enrolmentResponse,
  },
  {
    method: 'DELETE',
    path: '/api/plans/current',
    auth: 'lifter',
    summary: 'End the running plan (as POST /api/plans/current/end)',
    body: emptyBody,
    noContent: true,
  },
  {
    method: 'POST',
    path: '/api/plans/current/skip',
    auth: 'lifter',
    summary: 'Skip the next training day',
    body: emptyBody,
    response: skipResponse,
  },
  {
    method: 'POST',
    path: '/api/plans/current/pause',
    auth: 'lifter',
    summary: 'Pause the running plan',
    body: emptyBody,
    response: enrolmentResponse,
  },
  {
    method: 'POST',
    path: '/api/plans/current/resume',
    auth: 'lifter',
    summary: 'Resume a paused plan',
    body: emptyBody,
    response: enrolmentResponse,
  },
  {
    method: 'POST',
    path: '/api/plans/current/end',
    auth: 'lifter',
    summary: 'End the running plan',
    body: emptyBody,
    response: enrolmentResponse,
  },
  {
    method: 'GET',
    path: '/api/plans/enrolments',
    auth: 'lifter',
    summary: 'Every plan the lifter has run',
    response: enrolmentsResponse,
  },
  {
    method: 'GET',
    path: '/api/plans/current/upgrade',
    auth: 'lifter',
    summary: 'A newer version of the running plan: what changes and the next workout under both',
    response: upgradeOfferResponse,
  },
  {
    method: 'POST',
    path: '/api/plans/current/upgrade',
    auth: 'lifter',
    summary: 'Move the running plan onto the reviewed version at the same position',
    body: upgradeBody,
    response: upgradeResponse,
  },
  {
    method: 'GET',
    path: '/api/schedule',
    auth: 'lifter',
    summary: 'Training calendar between two dates, in the lifter’s time zone',
    query: scheduleQuery,
    response: scheduleResponse,
  },
  {
    method: 'GET',
    path: '/api/schedule/feed',
    auth: 'lifter',
    summary: 'The calendar feed’s secret address, or null when it is off',
    response: calendarFeedResponse,
  },
  {
    method: 'POST',
    path: '/api/schedule/feed',
    auth: 'lifter',
    summary: 'Turn the calendar feed on, or give it a new key (the old address stops working)',
    body: emptyBody,
    response: calendarFeedResponse,
  },
  {
    method: 'DELETE',
    path: '/api/schedule/feed',
    auth: 'lifter',
    summary: 'Turn the calendar feed off',
    body: emptyBody,
    noContent: true,
  },
  {
    method: 'GET',
    path: '/api/schedule.ics',
    auth: 'public',
    summary: 'The training calendar as iCalendar, for calendar apps: the key in the query is the credential',
    query: calendarFeedQuery,
    produces: 'text/calendar',
  },
  {
    method: 'GET',
    path: '/api/plans/:id',
    auth: 'lifter',
    summary: 'One plan with its weeks, days, sets and rules',
    params: idParams,
    response: planBodyResponse,
  },
  {
    method: 'GET',
    path: '/api/plans/:id/export',
    auth: 'lifter',
    summary: 'A plan the lifter can see, as a program file',
    params: idParams,
    response: programFileInput,
  },
  {
    method: 'POST',
    path: '/api/plans/:id/subscribe',
    auth: 'lifter',
    summary: 'Start a plan (ends the running one)',
    params: idParams,
    body: subscribeBody,
    response: subscribeResponse,
    status: 201,
  },
  {
    method: 'POST',
    path: '/api/plans/:id/projection',
    auth: 'lifter',
    summary: 'Every future session of a plan with the lifter’s (or given) TMs; writes nothing',
    params: idParams,
    body: projectionBody,
    response: projectionResponse,
  },
  {
    method: 'GET',
    path: '/api/training-maxes',
    auth: 'lifter',
    summary: 'Current training maxes of the running plan’s lifts',
    response: trainingMaxesResponse,
  },
  {
    method: 'POST',
    path: '/api/training-maxes/setup',
    auth: 'lifter',
    summary: 'Set training maxes from TMs or 1RMs',
    body: setupBody,
    response: trainingMaxesResponse,
    status: 201,
  },
  {
    method: 'GET',
    path: '/api/training-maxes/:exerciseId/history',
    auth: 'lifter',
    summary: 'Every change of one lift’s training max',
    params: exerciseIdParams,
    response: tmHistoryResponse,
  },
  {
    method: 'POST',
    path: '/api/training-maxes/:exerciseId/adjust',
    auth: 'lifter',
    summary: 'Set one training max by hand',
    params: exerciseIdParams,
    body: adjustBody,
    response: adjustTrainingMaxResponse,
    status: 201,
  },
  {
    method: 'GET',
    path: '/api/workouts/export.csv',
    auth: 'lifter',
    summary: 'Download every logged set as CSV',
    produces: 'text/csv',
  },
  {
    method: 'POST',
    path: '/api/workouts',
    auth: 'lifter',
    summary: 'Start the next (or a chosen) workout',
    body: startWorkoutBody,
    response: workoutBody,
    status: 201,
  },
  {
    method: 'GET',
    path: '/api/workouts',
    auth: 'lifter',
    summary: 'Workout history, a page at a time',
    query: listWorkoutsQuery,
    response: listWorkoutsResponse,
  },
  {
    method: 'GET',
    path: '/api/workouts/last-performance',
    auth: 'lifter',
    summary: 'The last logged sets of an exercise',
    query: lastPerformanceQuery,
    response: lastPerformanceResponse,
  },
  {
    method: 'GET',
    path: '/api/workouts/:id',
    auth: 'lifter',
    summary: 'One workout with its sets',
    params: idParams,
    response: workoutBody,
  },
  {
    method: 'PATCH',
    path: '/api/workouts/:id',
    auth: 'lifter',
    summary: 'Change a workout’s note',
    params: idParams,
    body: updateWorkoutBody,
    response: workoutBody,
  },
  {
    method: 'POST',
    path: '/api/workouts/:id/sets',
    auth: 'lifter',
    summary: 'Add a set to a workout in progress',
    params: idParams,
    body: addSetBody,
    response: addSetResponse,
    status: 201,
  },
  {
    method: 'DELETE',
    path: '/api/workouts/:id/sets/:setId',
    auth: 'lifter',
    summary: 'Remove an added set',
    params: workoutSetParams,
    response: deleteSetResponse,
  },
  {
    method: 'POST',
    path: '/api/workouts/:id/swap',
    auth: 'lifter',
    summary: 'Swap an exercise of a workout in progress',
    params: idParams,
    body: swapExerciseBody,
    response: swapExerciseResponse,
  },
  {
    method: 'PATCH',
    path: '/api/workouts/:id/sets/:setId',
    auth: 'lifter',
    summary: 'Log a set',
    params: workoutSetParams,
    body: logSetBody,
    response: z.object({ set: loggedSetDto }),
  },
  {
    method: 'POST',
    path: '/api/workouts/:id/complete',
    auth: 'lifter',
    summary: 'Finish a workout; progression rules run',
    params: idParams,
    body: emptyBody,
    response: completeWorkoutResponse,
  },
  {
    method: 'POST',
    path: '/api/workouts/:id/abandon',
    auth: 'lifter',
    summary: 'Abandon a workout in progress',
    params: idParams,
    body: emptyBody,
    response: workoutBody,
  },
  {
    method: 'POST',
    path: '/api/workouts/:id/regenerate',
    auth: 'lifter',
    summary: 'Recompute the unlogged sets from the current training maxes',
    params: idParams,
    body: emptyBody,
    response: z.object({ workout: workoutDto, changedSetIds: z.array(z.number()) }),
  },
  {
    method: 'GET',
    path: '/api/progress',
    auth: 'lifter',
    summary: 'Training-max and estimated-1RM history per lift',
    response: progressResponse,
  },
  {
    method: 'GET',
    path: '/api/admin/users',
    auth: 'admin',
    summary: 'Search accounts',
    query: adminUsersQuery,
    response: z.object({ users: z.array(adminUserDto) }),
  },
  {
    method: 'PATCH',
    path: '/api/admin/users/:id',
    auth: 'admin',
    summary: 'Grant or revoke admin rights',
    params: idParams,
    body: setAdminBody,
    response: z.object({ user: adminUserDto }),
  },
  {
    method: 'GET',
    path: '/api/admin/exercises',
    auth: 'admin',
    summary: 'Search the exercise library',
    query: listExercisesQuery,
    response: z.object({ exercises: z.array(exerciseDto) }),
  },
  {
    method: 'GET',
    path: '/api/admin/exercises/:id',
    auth: 'admin',
    summary: 'One exercise',
    params: idParams,
    response: exerciseResponse,
  },
  {
    method: 'POST',
    path: '/api/admin/exercises',
    auth: 'admin',
    summary: 'Create an exercise',
    body: createExerciseBody,
    response: exerciseResponse,
    status: 201,
  },
  {
    method: 'PATCH',
    path: '/api/admin/exercises/:id',
    auth: 'admin',
    summary: 'Change an exercise',
    params: idParams,
    body: updateExerciseBody,
    response: exerciseResponse,
  },
  {
    method: 'DELETE',
    path: '/api/admin/exercises/:id',
    auth: 'admin',
    summary: 'Delete an exercise no plan or workout uses',
    params: idParams,
    noContent: true,
  },
  {
    method: 'GET',
    path: '/api/admin/plans',
    auth: 'admin',
    summary: 'Every plan, private ones too, filtered by status',
    query: adminPlansQuery,
    response: z.object({ plans: z.array(planSummaryDto) }),
  },
  {
    method: 'POST',
    path: '/api/admin/plans/preview',
    auth: 'admin',
    summary: 'Prescribed weights of an unsaved plan; writes nothing',
    body: planPreviewBody,
    response: previewResponse,
  },
  {
    method: 'POST',
    path: '/api/admin/plans/preview/projection',
    auth: 'admin',
    summary: 'Every session of an unsaved plan; writes nothing',
    body: planDraftProjectionBody,
    response: projectionResponse,
  },
  {
    method: 'GET',
    path: '/api/admin/plans/:id',
    auth: 'admin',
    summary: 'One plan for editing',
    params: idParams,
    response: planBodyResponse,
  },
  {
    method: 'POST',
    path: '/api/admin/plans',
    auth: 'admin',
    summary: 'Create a plan (?draft=true: unpublished)',
    query: createPlanQuery,
    body: planBody,
    response: planBodyResponse,
    status: 201,
  },
  {
    method: 'PUT',
    path: '/api/admin/plans/:id',
    auth: 'admin',
    summary: 'Replace a plan (a new version once anyone ran it)',
    params: idParams,
    query: updatePlanQuery,
    body: planBody,
    response: planBodyResponse,
  },
  {
    method: 'POST',
    path: '/api/admin/plans/import',
    auth: 'admin',
    summary: 'Create a draft plan from a program file',
    body: programFileInput,
    response: planBodyResponse,
    status: 201,
  },
  {
    method: 'GET',
    path: '/api/admin/plans/:id/export',
    auth: 'admin',
    summary: 'The plan (its draft, if any) as a program file',
    params: idParams,
    response: programFileInput,
  },
  {
    method: 'PUT',
    path: '/api/admin/plans/:id/draft',
    auth: 'admin',
    summary: 'Save the plan’s draft; lifters keep the published version',
    params: idParams,
    query: updatePlanQuery,
    body: planBody,
    response: planBodyResponse,
  },
  {
    method: 'DELETE',
    path: '/api/admin/plans/:id/draft',
    auth: 'admin',
    summary: 'Discard the draft (a never-published plan goes with it)',
    params: idParams,
    response: z.object({ planDeleted: z.boolean() }),
  },
  {
    method: 'POST',
    path: '/api/admin/plans/:id/publish/preview',
    auth: 'admin',
    summary:
      'What publishing this plan body would do: the version lifters get, and what changes for them (writes nothing)',
    params: idParams,
    body: planBody,
    response: publishPreviewResponse,
  },
  {
    method: 'POST',
    path: '/api/admin/plans/:id/publish',
    auth: 'admin',
    summary: 'Publish the draft as the newest version',
    params: idParams,
    body: publishPlanBody,
    response: planBodyResponse,
  },
  {
    method: 'POST',
    path: '/api/admin/plans/:id/archive',
    auth: 'admin',
    summary: 'Hide the plan from browsing and new subscriptions',
    params: idParams,
    body: emptyBody,
    response: planBodyResponse,
  },
  {
    method: 'POST',
    path: '/api/admin/plans/:id/restore',
    auth: 'admin',
    summary: 'Bring an archived plan back',
    params: idParams,
    body: emptyBody,
    response: planBodyResponse,
  },
  {
    method: 'PATCH',
    path: '/api/admin/plans/:id/versions/:version',
    auth: 'admin',
    summary: 'Recommend a published version as an upgrade, with a note',
    params: versionParams,
    body: updateVersionBody,
    response: planBodyResponse,
  },
  {
    method: 'DELETE',
    path: '/api/admin/plans/:id',
    auth: 'admin',
    summary: 'Delete a plan: 204 when nobody ran it, else archived (200)',
    params: idParams,
    response: z.object({ archived: z.literal(true) }),
    noContent: true,
  },
  {
    method: 'POST',
    path: '/api/admin/plans/:id/progression-rules',
    auth: 'admin',
    summary: 'Replace a plan’s progression rules',
    params: idParams,
    body: replaceRulesBody,
    response: planBodyResponse,
  },
];

const compiled = API_ROUTES.map((route) => ({
  route,
  pattern: new RegExp(`^${route.path.replace(/:[a-zA-Z]+/g, '[^/]+')}$`),
}));

/** The contract entry for a request, if the path is a JSON route. */
export function findApiRoute(method: string, path: string): ApiRoute | undefined {
  return compiled.find((c) => c.route.method === method && c.pattern.test(path))?.route;
}
