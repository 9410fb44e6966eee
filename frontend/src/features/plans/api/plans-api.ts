import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlanDetailDto, PlanSummaryDto, SubscribeResponse } from '@liftplan/domain';
import { apiClient } from '@/lib/api-client';
import { invalidateTrainingState } from '@/lib/training-state';

export const planKeys = {
  all: ['plans'] as const,
  list: () => ['plans', 'list'] as const,
  detail: (id: number) => ['plans', 'detail', id] as const,
};

export const fetchPlans = (signal?: AbortSignal) => apiClient.get<{ plans: PlanSummaryDto[] }>('/plans', { signal });

export const fetchPlan = (id: number, signal?: AbortSignal) =>
  apiClient.get<{ plan: PlanDetailDto }>(`/plans/${id}`, { signal });

export const subscribeToPlan = (id: number) => apiClient.post<SubscribeResponse>(`/plans/${id}/subscribe`);

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

export function useSubscribeToPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: subscribeToPlan,
    // Not awaited: the next page refetches what it shows, the subscription itself is done.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: planKeys.all });
      void invalidateTrainingState(queryClient);
    },
  });
}
