import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ProjectionResponse,
  SkipResponse,
  StartWorkoutBody,
  WorkoutDto,
  WorkoutSummaryDto,
} from '@liftplan/domain';
import { apiClient } from '@/lib/api-client';
import { invalidateTrainingState, trainingStateKeys, workoutQueryKey } from '@/lib/training-state';

export type WorkoutPage = { items: WorkoutSummaryDto[]; page: number; pageSize: number; total: number };

/** Workouts listed under "Recent workouts". */
export const RECENT_COUNT = 5;
/** Fetched: enough to also know which days of the current week are done or skipped (a week has at most 7). */
const FETCH_COUNT = 10;

export const dashboardKeys = {
  recentWorkouts: () => [...trainingStateKeys.workoutLists, { page: 1, pageSize: FETCH_COUNT }] as const,
};

export const fetchRecentWorkouts = (signal?: AbortSignal) =>
  apiClient.get<WorkoutPage>(`/workouts?page=1&pageSize=${FETCH_COUNT}`, { signal });

/** `{}`: the workout the plan says is next; `{ weekNumber, dayNumber }`: any day. */
export const startWorkout = (body: StartWorkoutBody) => apiClient.post<{ workout: WorkoutDto }>('/workouts', body);

/** Skips the day the plan says is next (it counts as done for where the lifter is; no TM moves but a cycle's end). */
export const skipNextDay = () => apiClient.post<SkipResponse>('/plans/current/skip');

export const abandonWorkout = (workoutId: number) =>
  apiClient.post<{ workout: WorkoutDto }>(`/workouts/${workoutId}/abandon`);

/**
 * The plan projected `weeks` weeks from week 1 of a cycle with the lifter's TMs, every AMRAP at its target reps
 * (POST only for its body: nothing is written). Keyed like the plan page's projections, so the same invalidation
 * (TMs, settings) refreshes it.
 */
export function useProjectedWeeks(planId: number, weeks: number, { enabled = true } = {}) {
  const body = { weeks, amrapExtraReps: 0 };
  return useQuery({
    queryKey: [...trainingStateKeys.projections, planId, body] as const,
    queryFn: ({ signal }) => apiClient.post<ProjectionResponse>(`/plans/${planId}/projection`, body, { signal }),
    enabled,
  });
}

export function useRecentWorkouts() {
  return useQuery({ queryKey: dashboardKeys.recentWorkouts(), queryFn: ({ signal }) => fetchRecentWorkouts(signal) });
}

export function useStartWorkout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startWorkout,
    onSuccess: ({ workout }) => {
      // The workout page reads the same shape from GET /workouts/:id; seeding it saves a round trip.
      queryClient.setQueryData(workoutQueryKey(workout.id), workout);
      void invalidateTrainingState(queryClient);
    },
  });
}

export function useSkipNextDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: skipNextDay,
    onSuccess: () => void invalidateTrainingState(queryClient),
  });
}

export function useAbandonWorkout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: abandonWorkout,
    onSuccess: ({ workout }) => {
      queryClient.setQueryData(workoutQueryKey(workout.id), workout);
      void invalidateTrainingState(queryClient);
    },
  });
}

// ---------- training maxes in place, and regenerating a stale workout ----------

export type TmAdjustBody = { trainingMax: number; note?: string } | { percentChange: number; note?: string };
export type TmHistory = {
  exercise: { id: number; slug: string; name: string };
  unit: 'kg' | 'lb';
  history: Array<{
    id: number;
    weight: number;
    source: string;
    note: string | null;
    workoutId: number | null;
    effectiveDate: string;
  }>;
};

/** A manual TM change (a new TM row; the reason is kept in the TM's history). */
export const adjustTrainingMax = (exerciseId: number, body: TmAdjustBody) =>
  apiClient.post<{ trainingMax: { exerciseId: number; weight: number; note: string | null } }>(
    `/training-maxes/${exerciseId}/adjust`,
    body,
  );

export const fetchTmHistory = (exerciseId: number, signal?: AbortSignal) =>
  apiClient.get<TmHistory>(`/training-maxes/${exerciseId}/history`, { signal });

/** Re-prescribes the open sets of the workout in progress from the current TMs. */
export const regenerateWorkout = (workoutId: number) =>
  apiClient.post<{ workout: WorkoutDto; changedSetIds: number[] }>(`/workouts/${workoutId}/regenerate`);

export function useAdjustTrainingMax() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ exerciseId, body }: { exerciseId: number; body: TmAdjustBody }) =>
      adjustTrainingMax(exerciseId, body),
    onSuccess: (_data, { exerciseId }) => {
      void queryClient.invalidateQueries({ queryKey: tmHistoryKey(exerciseId) });
      void invalidateTrainingState(queryClient);
    },
  });
}

export const tmHistoryKey = (exerciseId: number) => ['tm-history', exerciseId] as const;

export function useTmHistory(exerciseId: number, enabled: boolean) {
  return useQuery({
    queryKey: tmHistoryKey(exerciseId),
    queryFn: ({ signal }) => fetchTmHistory(exerciseId, signal),
    enabled,
  });
}

export function useRegenerateWorkout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: regenerateWorkout,
    onSuccess: ({ workout }) => {
      queryClient.setQueryData(workoutQueryKey(workout.id), workout);
      void invalidateTrainingState(queryClient);
    },
  });
}
