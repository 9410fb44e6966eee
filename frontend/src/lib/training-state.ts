import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { CurrentPlanResponse, NoCurrentPlanResponse, TrainingMaxesResponse } from '@liftplan/domain';
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
};

/** One workout (GET /workouts/:id), shared so the dashboard can hand a just-started workout to the workout page. */
export const workoutQueryKey = (workoutId: number) => ['workout', workoutId] as const;

/** The active plan, or `null` when the lifter has none (200 `{ plan: null }`; an older server's 404 NO_ACTIVE_PLAN too). */
export async function fetchCurrentPlan(signal?: AbortSignal): Promise<CurrentPlanResponse | null> {
  try {
    const current = await apiClient.get<CurrentPlanResponse | NoCurrentPlanResponse>('/plans/current', { signal });
    return current.plan === null ? null : (current as CurrentPlanResponse);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'NO_ACTIVE_PLAN') return null;
    throw error;
  }
}

export function useCurrentPlan() {
  return useQuery({ queryKey: trainingStateKeys.currentPlan, queryFn: ({ signal }) => fetchCurrentPlan(signal) });
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
