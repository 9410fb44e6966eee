import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UpgradeOfferResponse, UpgradeResponse } from '@liftplan/domain';
import { apiClient } from '@/lib/api-client';
import { invalidateTrainingState } from '@/lib/training-state';
import { planKeys } from './plans-api';

export const upgradeOfferKey = ['plans', 'current', 'upgrade'] as const;

/** What the newer version changes, and the next workout under both versions with the lifter's TMs. */
export const fetchUpgradeOffer = (signal?: AbortSignal) =>
  apiClient.get<UpgradeOfferResponse>('/plans/current/upgrade', { signal });

/** Re-pins the lifter's plan on `version` (the one reviewed) at the same week and day. */
export const upgradeCurrentPlan = (version: number) =>
  apiClient.post<UpgradeResponse>('/plans/current/upgrade', { version });

export function useUpgradeOffer() {
  // Always fresh: the review must show what the POST will apply.
  return useQuery({ queryKey: upgradeOfferKey, queryFn: ({ signal }) => fetchUpgradeOffer(signal), staleTime: 0 });
}

export function useUpgradeCurrentPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: upgradeCurrentPlan,
    // Awaited: the dashboard the lifter lands on must already follow the new version. The plan pages (this review
    // among them) are only marked stale, so the review doesn't flash "up to date" on its way out.
    onSuccess: () =>
      Promise.all([
        invalidateTrainingState(queryClient),
        queryClient.invalidateQueries({ queryKey: planKeys.all, refetchType: 'none' }),
      ]),
  });
}
