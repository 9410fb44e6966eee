import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AddSetInput,
  AddSetResponse,
  DeleteSetResponse,
  ExerciseDto,
  LastPerformanceResponse,
  SwapExerciseBody,
  SwapExerciseResponse,
} from '@liftplan/domain';
import { useEffect, useState } from 'react';
import { apiClient } from '@/lib/api-client';
import { trainingStateKeys } from '@/lib/training-state';
import { workoutKeys } from './workout-api';

// A workout that bends: add a set or an accessory, delete an added set, swap an exercise for today.

export const searchExercises = (search: string, signal?: AbortSignal) =>
  apiClient.get<{ exercises: ExerciseDto[] }>(`/exercises?search=${encodeURIComponent(search)}`, { signal });

export const fetchLastPerformance = (exerciseId: number, signal?: AbortSignal) =>
  apiClient.get<LastPerformanceResponse>(`/workouts/last-performance?exerciseId=${exerciseId}`, { signal });

export const addWorkoutSet = (workoutId: number, body: AddSetInput) =>
  apiClient.post<AddSetResponse>(`/workouts/${workoutId}/sets`, body);

export const deleteWorkoutSet = (workoutId: number, setId: number) =>
  apiClient.delete<DeleteSetResponse>(`/workouts/${workoutId}/sets/${setId}`);

export const swapWorkoutExercise = (workoutId: number, body: SwapExerciseBody) =>
  apiClient.post<SwapExerciseResponse>(`/workouts/${workoutId}/swap`, body);

/** The value, once it has stopped changing for `delayMs`. */
export function useDebounced<T>(value: T, delayMs = 250): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/** The library searched on the server (fuzzy, best first), debounced; nothing is asked for an empty term. */
export function useExerciseSearch(term: string) {
  const search = useDebounced(term.trim());
  const query = useQuery({
    queryKey: ['exercise-search', search],
    queryFn: ({ signal }) => searchExercises(search, signal),
    enabled: search.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
    select: (data) => data.exercises,
  });
  return { ...query, isDebouncing: search !== term.trim() };
}

export function useLastPerformance(exerciseId: number | null) {
  return useQuery({
    queryKey: ['last-performance', exerciseId],
    queryFn: ({ signal }) => fetchLastPerformance(exerciseId!, signal),
    enabled: exerciseId !== null,
    select: (data) => data.lastPerformance,
  });
}

/** After a change the workout is read again (its sets, orders and weights come from the server). */
function useRefreshWorkout(workoutId: number) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: workoutKeys.detail(workoutId) });
}

export function useAddWorkoutSet(workoutId: number) {
  const refresh = useRefreshWorkout(workoutId);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddSetInput) => addWorkoutSet(workoutId, body),
    onSuccess: async () => {
      void queryClient.invalidateQueries({ queryKey: ['last-performance'] });
      await refresh();
    },
  });
}

export function useDeleteWorkoutSet(workoutId: number) {
  const refresh = useRefreshWorkout(workoutId);
  return useMutation({
    mutationFn: (setId: number) => deleteWorkoutSet(workoutId, setId),
    onSuccess: () => refresh(),
  });
}

export function useSwapWorkoutExercise(workoutId: number) {
  const refresh = useRefreshWorkout(workoutId);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SwapExerciseBody) => swapWorkoutExercise(workoutId, body),
    onSuccess: async () => {
      void queryClient.invalidateQueries({ queryKey: trainingStateKeys.workoutLists });
      await refresh();
    },
  });
}
