import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { CurrentPlanResponse, EnrolmentDto, NoCurrentPlanResponse, TrainingMaxesResponse } from '@liftplan/domain';
import { ApiError, apiClient } from './api-client';

/**
 * Server state that several lifter features read or change: the active plan, the training maxes, lists of
 * workouts and the progress series. Their keys live here so a feature can refresh what another one shows
 * (completing a workout raises TMs the dashboard lists) without importing that feature.
 */
export const trainingStateKeys = {
  currentPlan: ['current-plan'] as const,
  trainingMaxes: ['training-maxes'] as const,
  /** Every list of workouts (dashboard's recent ones, history pages): `['workout-lists', params]`. */
  workoutLists: ['workout-lists'] as const,
  progress: ['progress'] as const,
  /** Projections of plans from the lifter's TMs (`['projections', planId, options]`): stale when TMs or settings move. */
  projections: ['projections'] as const,
  /** The lifter's calendar (`['schedule', from, to]`): every workout, skip, pause or plan change moves it. */
  schedule: ['schedule'] as const,
  /** Every enrolment of the lifter, newest first (the settings' history). */
  enrolments: ['enrolments'] as const,
};

/** One workout (GET /workouts/:id), shared so the dashboard can hand a just-started workout to the workout page. */
export const workoutQueryKey = (workoutId: number) => ['workout', workoutId] as const;

type CurrentPlanAnswer = CurrentPlanResponse | NoCurrentPlanResponse;

/** GET /plans/current as the server answers it (an older server's 404 NO_ACTIVE_PLAN read as `{ plan: null }`). */
async function fetchCurrentPlanAnswer(signal?: AbortSignal): Promise<CurrentPlanAnswer> {
  try {
    return await apiClient.get<CurrentPlanAnswer>('/plans/current', { signal });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'NO_ACTIVE_PLAN') return { plan: null };
    throw error;
  }
}

// A cache saved by an older version of the app (query-persistence) may hold `null` for "no plan".
const toCurrentPlan = (answer: CurrentPlanAnswer | null): CurrentPlanResponse | null =>
  answer === null || answer.plan === null ? null : (answer as CurrentPlanResponse);
const toLastEnrolment = (answer: CurrentPlanAnswer | null): EnrolmentDto | null =>
  answer !== null && answer.plan === null ? (answer.lastEnrolment ?? null) : null;

/** The active plan, or `null` when the lifter has none. */
export function useCurrentPlan() {
  return useQuery({
    queryKey: trainingStateKeys.currentPlan,
    queryFn: ({ signal }) => fetchCurrentPlanAnswer(signal),
    select: toCurrentPlan,
  });
}

/** Without a current plan: the lifter's last enrolment (a finished program, an ended plan), else `null`. */
export function useLastEnrolment() {
  return useQuery({
    queryKey: trainingStateKeys.currentPlan,
    queryFn: ({ signal }) => fetchCurrentPlanAnswer(signal),
    select: toLastEnrolment,
  });
}

export const fetchTrainingMaxes = (signal?: AbortSignal) =>
  apiClient.get<TrainingMaxesResponse>('/training-maxes', { signal });

export function useTrainingMaxes({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: trainingStateKeys.trainingMaxes,
    queryFn: ({ signal }) => fetchTrainingMaxes(signal),
    enabled,
  });
}

/**
 * After anything that changes plans, TMs or workouts (subscribe, setup, completing or abandoning a workout, a unit
 * switch): mark all of it stale, refetching what is on screen.
 */
export function invalidateTrainingState(queryClient: QueryClient): Promise<void> {
  return Promise.all(
    Object.values(trainingStateKeys).map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  ).then(() => undefined);
}
