import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { PlanBody, PlanDetailDto, PlanPreview, PlanPreviewBody, PlanSummaryDto } from '@liftplan/domain';
import { apiClient } from '@/lib/api-client';
import { adminKeys } from './admin-keys';

export const fetchAdminPlans = (signal?: AbortSignal) =>
  apiClient.get<{ plans: PlanSummaryDto[] }>('/admin/plans', { signal });
export const fetchAdminPlan = (id: number, signal?: AbortSignal) =>
  apiClient.get<{ plan: PlanDetailDto }>(`/admin/plans/${id}`, { signal });
export const createPlan = (body: PlanBody) => apiClient.post<{ plan: PlanDetailDto }>('/admin/plans', body);
/** `expectedUpdatedAt`: the plan's updatedAt when the editor loaded it; the API answers 409 PLAN_CHANGED if it moved on. */
export const updatePlan = (id: number, body: PlanBody, expectedUpdatedAt?: string) => {
  const query = expectedUpdatedAt ? `?expectedUpdatedAt=${encodeURIComponent(expectedUpdatedAt)}` : '';
  return apiClient.put<{ plan: PlanDetailDto }>(`/admin/plans/${id}${query}`, body);
};
export const previewPlan = (body: PlanPreviewBody, signal?: AbortSignal) =>
  apiClient.post<{ preview: PlanPreview }>('/admin/plans/preview', body, { signal });

/** DELETE answers 204 (deleted) or 200 `{ archived: true }` (it had history, so it was archived). */
export async function deletePlan(id: number): Promise<{ archived: boolean }> {
  const result = await apiClient.delete<{ archived?: boolean } | undefined>(`/admin/plans/${id}`);
  return { archived: result?.archived === true };
}

export function useAdminPlans() {
  return useQuery({
    queryKey: adminKeys.plans,
    queryFn: ({ signal }) => fetchAdminPlans(signal),
    select: (data) => data.plans,
  });
}

export function useAdminPlan(id: number | null) {
  return useQuery({
    queryKey: adminKeys.plan(id ?? 0),
    queryFn: ({ signal }) => fetchAdminPlan(id!, signal),
    select: (data) => data.plan,
    enabled: id !== null,
    // The builder copies the plan into its draft once, from a copy fetched on arrival (never a stale cache entry).
    refetchOnMount: 'always',
  });
}

/** After any plan write: the admin lists, and the lifters' plan pages (another feature's cache, by its root key). */
function invalidatePlans(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: adminKeys.plans });
  void queryClient.invalidateQueries({ queryKey: ['plans'] });
}

export function useSavePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body, expectedUpdatedAt }: { id: number | null; body: PlanBody; expectedUpdatedAt?: string }) =>
      id === null ? createPlan(body) : updatePlan(id, body, expectedUpdatedAt),
    onSuccess: ({ plan }) => {
      queryClient.setQueryData(adminKeys.plan(plan.id), { plan });
      invalidatePlans(queryClient);
    },
  });
}

export function useDeletePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deletePlan,
    onSuccess: (_result, id) => {
      // Deleted or archived, it leaves the list at once.
      queryClient.setQueryData<{ plans: PlanSummaryDto[] }>(
        adminKeys.plans,
        (data) => data && { plans: data.plans.filter((plan) => plan.id !== id) },
      );
      queryClient.removeQueries({ queryKey: adminKeys.plan(id) });
      invalidatePlans(queryClient);
    },
  });
}

/** Duplicate: load the plan, turn it into a body with a new name/slug, POST it. */
export function useDuplicatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, name, slug, isPublic }: { id: number; name: string; slug: string; isPublic: boolean }) => {
      const { plan } = await queryClient.fetchQuery({
        queryKey: adminKeys.plan(id),
        queryFn: ({ signal }) => fetchAdminPlan(id, signal),
      });
      return createPlan({ ...planToBody(plan), name, slug, isPublic });
    },
    onSuccess: ({ plan }) => {
      queryClient.setQueryData(adminKeys.plan(plan.id), { plan });
      invalidatePlans(queryClient);
    },
  });
}

/** Public ↔ private: the plan as it is, with the other visibility (the API only takes full replacements). */
export function useSetPlanVisibility() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, isPublic }: { id: number; isPublic: boolean }) => {
      const { plan } = await queryClient.fetchQuery({
        queryKey: adminKeys.plan(id),
        queryFn: ({ signal }) => fetchAdminPlan(id, signal),
      });
      return updatePlan(id, { ...planToBody(plan), isPublic }, plan.updatedAt);
    },
    onSuccess: ({ plan }) => {
      queryClient.setQueryData(adminKeys.plan(plan.id), { plan });
      invalidatePlans(queryClient);
    },
  });
}

/** A saved plan as a request body (what "save as new plan" posts). */
export function planToBody(plan: PlanDetailDto): PlanBody {
  return {
    name: plan.name,
    slug: plan.slug,
    description: plan.description,
    daysPerWeek: plan.daysPerWeek,
    isPublic: plan.isPublic,
    days: plan.days.map((day) => ({
      dayNumber: day.dayNumber,
      name: day.name,
      exercises: day.exercises.map((slot) => ({
        exerciseId: slot.exerciseId,
        tmExerciseId: slot.tmExerciseId,
        tier: slot.tier,
        sortOrder: slot.sortOrder,
        displayName: slot.displayName,
        sets: slot.sets.map(({ setOrder, percentage, reps, isAmrap, isProgression }) => ({
          setOrder,
          percentage,
          reps,
          isAmrap,
          isProgression,
        })),
      })),
    })),
    progressionRules: plan.progressionRules.map(({ exerciseId, category, minReps, maxReps, increase, unit }) => ({
      exerciseId,
      category,
      minReps,
      maxReps,
      increase,
      unit,
    })),
  };
}
