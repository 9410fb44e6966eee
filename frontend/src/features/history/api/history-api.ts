import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ProgressResponse, WorkoutDto, WorkoutSummaryDto } from '@liftplan/domain';
import { apiClient } from '@/lib/api-client';
import { trainingStateKeys } from '@/lib/training-state';

export type WorkoutPage = { items: WorkoutSummaryDto[]; page: number; pageSize: number; total: number };

export const HISTORY_PAGE_SIZE = 10;

export const historyKeys = {
  page: (page: number) => [...trainingStateKeys.workoutLists, { page, pageSize: HISTORY_PAGE_SIZE }] as const,
  workout: (id: number) => ['history', 'workout', id] as const,
  progress: () => trainingStateKeys.progress,
};

export const fetchWorkoutPage = (page: number, signal?: AbortSignal) =>
  apiClient.get<WorkoutPage>(`/workouts?page=${page}&pageSize=${HISTORY_PAGE_SIZE}`, { signal });

export const fetchWorkout = (id: number, signal?: AbortSignal) =>
  apiClient.get<{ workout: WorkoutDto }>(`/workouts/${id}`, { signal });

export const fetchProgress = (signal?: AbortSignal) => apiClient.get<ProgressResponse>('/progress', { signal });

export function useWorkoutHistory(page: number) {
  return useQuery({
    queryKey: historyKeys.page(page),
    queryFn: ({ signal }) => fetchWorkoutPage(page, signal),
    // The current page stays on screen while the next one loads.
    placeholderData: keepPreviousData,
  });
}

export function useHistoryWorkout(id: number) {
  return useQuery({
    queryKey: historyKeys.workout(id),
    queryFn: ({ signal }) => fetchWorkout(id, signal),
    // A finished workout never changes; one in progress may have changed since it was last opened.
    staleTime: (query) => (query.state.data?.workout.status === 'in_progress' ? 0 : Infinity),
  });
}

export function useProgress() {
  return useQuery({ queryKey: historyKeys.progress(), queryFn: ({ signal }) => fetchProgress(signal) });
}
