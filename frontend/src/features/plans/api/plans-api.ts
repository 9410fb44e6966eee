import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  PlanDetailDto,
  PlanSummaryDto,
  ProjectionBody,
  ProjectionResponse,
  SubscribeBody,
  SubscribeResponse,
} from '@liftplan/domain';
import { apiClient } from '@/lib/api-client';
import { invalidateTrainingState, trainingStateKeys } from '@/lib/training-state';

export const planKeys = {
  all: ['plans'] as const,
  list: () => ['plans', 'list'] as const,
  detail: (id: number) => ['plans', 'detail', id] as const,
};

export const fetchPlans = (signal?: AbortSignal) => apiClient.get<{ plans: PlanSummaryDto[] }>('/plans', { signal });

export const fetchPlan = (id: number, signal?: AbortSignal) =>
  apiClient.get<{ plan: PlanDetailDto }>(`/plans/${id}`, { signal });

export type ProjectionOptions = Pick<ProjectionBody, 'weeks' | 'amrapExtraReps'>;

/** Weeks of training from week 1 with the lifter's current TMs; nothing is written (a POST only for its body). */
export const fetchProjection = (id: number, options: ProjectionOptions, signal?: AbortSignal) =>
  apiClient.post<ProjectionResponse>(`/plans/${id}/projection`, options, { signal });

/** Starts the plan on the lifter's training days from a first date (the server's defaults for what is left out). */
export const subscribeToPlan = (id: number, body: SubscribeBody = {}) =>
  apiClient.post<SubscribeResponse>(`/plans/${id}/subscribe`, body);

export function usePlans() {
  return useQuery({ queryKey: planKeys.list(), queryFn: ({ signal }) => fetchPlans(signal) });
}

export function usePlan(id: number) {
  return useQuery({
    queryKey: planKeys.detail(id),
    queryFn: ({ signal }) => fetchPlan(id, signal),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useProjection(id: number, options: ProjectionOptions, { enabled = true } = {}) {
  return useQuery({
    queryKey: [...trainingStateKeys.projections, id, options] as const,
    queryFn: ({ signal }) => fetchProjection(id, options, signal),
    enabled,
    // Changing the weeks or the AMRAP reps keeps the last answer on screen until the new one is in.
    placeholderData: keepPreviousData,
  });
}

export function useSubscribeToPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ planId, body }: { planId: number; body?: SubscribeBody }) => subscribeToPlan(planId, body),
    // Not awaited: the next page refetches what it shows, the subscription itself is done.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: planKeys.all });
      void invalidateTrainingState(queryClient);
    },
  });
}
