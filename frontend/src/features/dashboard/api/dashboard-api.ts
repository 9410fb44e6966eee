import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SkipResponse, StartWorkoutBody, WorkoutDto, WorkoutSummaryDto } from '@liftplan/domain';
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
