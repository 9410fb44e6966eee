import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateExerciseBody, ExerciseDto, ListExercisesQuery, UpdateExerciseBody } from '@liftplan/domain';
import { apiClient } from '@/lib/api-client';
import { adminKeys } from './admin-keys';

export function fetchExercises(
  filters: ListExercisesQuery,
  signal?: AbortSignal,
): Promise<{ exercises: ExerciseDto[] }> {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, String(value));
  const query = params.toString();
  return apiClient.get(`/admin/exercises${query ? `?${query}` : ''}`, { signal });
}

const NO_FILTERS: ListExercisesQuery = {};

/** The whole library (the builder's picker, filter options, names): one cached request. */
export function useAllExercises() {
  return useQuery({
    queryKey: adminKeys.exerciseList(NO_FILTERS),
    queryFn: ({ signal }) => fetchExercises(NO_FILTERS, signal),
    select: (data) => data.exercises,
  });
}

/** The library filtered on the server; keeps showing the previous rows while the next filter loads. */
export function useExercises(filters: ListExercisesQuery) {
  return useQuery({
    queryKey: adminKeys.exerciseList(filters),
    queryFn: ({ signal }) => fetchExercises(filters, signal),
    select: (data) => data.exercises,
    placeholderData: keepPreviousData,
  });
}

export function useCreateExercise() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateExerciseBody) => apiClient.post<{ exercise: ExerciseDto }>('/admin/exercises', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.exercises }),
  });
}

export function useUpdateExercise() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateExerciseBody }) =>
      apiClient.patch<{ exercise: ExerciseDto }>(`/admin/exercises/${id}`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.exercises });
      // Plans embed exercise names.
      void queryClient.invalidateQueries({ queryKey: adminKeys.plans });
    },
  });
}

export function useDeleteExercise() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiClient.delete<void>(`/admin/exercises/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.exercises }),
  });
}
