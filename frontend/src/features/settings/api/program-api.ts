import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EnrolmentResponse, EnrolmentsResponse, UpdateCurrentPlanBody } from '@liftplan/domain';
import { apiClient } from '@/lib/api-client';
import { invalidateTrainingState, trainingStateKeys } from '@/lib/training-state';

/** Every program the lifter was enrolled in, newest first. */
export const fetchEnrolments = (signal?: AbortSignal) =>
  apiClient.get<EnrolmentsResponse>('/plans/enrolments', { signal });

/** New training days for the current plan: the server lays out the sessions from today on with them. */
export const changeTrainingDays = (body: UpdateCurrentPlanBody) =>
  apiClient.patch<EnrolmentResponse>('/plans/current', body);

export function useEnrolments() {
  return useQuery({ queryKey: trainingStateKeys.enrolments, queryFn: ({ signal }) => fetchEnrolments(signal) });
}

export function useChangeTrainingDays() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeTrainingDays,
    onSuccess: () => void invalidateTrainingState(queryClient),
  });
}
