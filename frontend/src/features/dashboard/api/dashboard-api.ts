import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WorkoutDto, WorkoutSummaryDto } from '@liftplan/domain';
import { apiClient } from '@/lib/api-client';
import { invalidateTrainingState, trainingStateKeys, workoutQueryKey } from '@/lib/training-state';

export type WorkoutPage = { items: WorkoutSummaryDto[]; page: number; pageSize: number; total: number };

const RECENT_COUNT = 5;

export const dashboardKeys = {
  recentWorkouts: () => [...trainingStateKeys.workoutLists, { page: 1, pageSize: RECENT_COUNT }] as const,
};

export const fetchRecentWorkouts = (signal?: AbortSignal) =>
  apiClient.get<WorkoutPage>(`/workouts?page=1&pageSize=${RECENT_COUNT}`, { signal });

export const startWorkout = (dayNumber: number) => apiClient.post<{ workout: WorkoutDto }>('/workouts', { dayNumber });

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
