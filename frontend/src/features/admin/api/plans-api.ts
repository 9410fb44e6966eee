import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  PlanDetailDto,
  PlanPreview,
  PlanStatus,
  PlanSummaryDto,
  ProgressionRuleDto,
  ProgressionRuleInput,
  ProjectionResponse,
  PublishPlanBody,
  PublishPreviewResponse,
  UpdateVersionBody,
} from '@liftplan/domain';
import { apiClient } from '@/lib/api-client';
import { downloadFromApi } from '@/lib/download';
import type { PlanRequestBody } from '../builder/builder-state';
import type { PreviewBody } from '../builder/preview-request';
import type { ProjectionBody } from '../builder/projection';
import { adminKeys } from './admin-keys';

export const fetchAdminPlans = (status: PlanStatus | undefined, signal?: AbortSignal) =>
  apiClient.get<{ plans: PlanSummaryDto[] }>(`/admin/plans${status ? `?status=${status}` : ''}`, { signal });
/** The plan's draft when it has one, else its newest version (archived plans too). */
export const fetchAdminPlan = (id: number, signal?: AbortSignal) =>
  apiClient.get<{ plan: PlanDetailDto }>(`/admin/plans/${id}`, { signal });
/** A new plan as a draft: only admins see it until it is published. */
export const createDraftPlan = (body: PlanRequestBody) =>
  apiClient.post<{ plan: PlanDetailDto }>('/admin/plans?draft=true', body);
/** `expectedUpdatedAt`: the plan's updatedAt when the editor loaded it; the API answers 409 PLAN_CHANGED if it moved on. */
export const saveDraft = (id: number, body: PlanRequestBody, expectedUpdatedAt?: string) => {
  const query = expectedUpdatedAt ? `?expectedUpdatedAt=${encodeURIComponent(expectedUpdatedAt)}` : '';
  return apiClient.put<{ plan: PlanDetailDto }>(`/admin/plans/${id}/draft${query}`, body);
};
/** `planDeleted`: the plan was never published, so it went with its draft. */
export const discardDraft = (id: number) => apiClient.delete<{ planDeleted: boolean }>(`/admin/plans/${id}/draft`);
export const publishPlan = (id: number, body: PublishPlanBody) =>
  apiClient.post<{ plan: PlanDetailDto }>(`/admin/plans/${id}/publish`, body);
/** What publishing this body would do: the version lifters get and what changes for them (nothing is written). */
export const previewPublish = (id: number, body: PlanRequestBody, signal?: AbortSignal) =>
  apiClient.post<PublishPreviewResponse>(`/admin/plans/${id}/publish/preview`, body, { signal });
/** Recommends (or stops recommending) a published version to lifters on older ones, with the note they read. */
export const updateVersion = (id: number, version: number, body: UpdateVersionBody) =>
  apiClient.patch<{ plan: PlanDetailDto }>(`/admin/plans/${id}/versions/${version}`, body);
export const archivePlan = (id: number) => apiClient.post<{ plan: PlanDetailDto }>(`/admin/plans/${id}/archive`, {});
export const restorePlan = (id: number) => apiClient.post<{ plan: PlanDetailDto }>(`/admin/plans/${id}/restore`, {});
/** A program file (`liftplan-program/1`) becomes a new draft plan. */
export const importPlan = (file: unknown) => apiClient.post<{ plan: PlanDetailDto }>('/admin/plans/import', file);
export const previewPlan = (body: PreviewBody, signal?: AbortSignal) =>
  apiClient.post<{ preview: PlanPreview }>('/admin/plans/preview', body, { signal });
/** An unsaved plan run for N weeks with sample TMs (nothing written). */
export const projectDraftPlan = (body: ProjectionBody, signal?: AbortSignal) =>
  apiClient.post<ProjectionResponse>('/admin/plans/preview/projection', body, { signal });

/** DELETE answers 204 (deleted) or 200 `{ archived: true }` (it had history, so it was archived). */
export async function deletePlan(id: number): Promise<{ archived: boolean }> {
  const result = await apiClient.delete<{ archived?: boolean } | undefined>(`/admin/plans/${id}`);
  return { archived: result?.archived === true };
}

/** The plan as its program file, saved by the browser as `<slug>.json`. */
export const downloadPlanFile = (plan: Pick<PlanSummaryDto, 'id' | 'slug'>) =>
  downloadFromApi(`/admin/plans/${plan.id}/export`, `${plan.slug}.json`);

export function useAdminPlans(status?: PlanStatus) {
  return useQuery({
    queryKey: adminKeys.planList(status),
    queryFn: ({ signal }) => fetchAdminPlans(status, signal),
    select: (data) => data.plans,
  });
}

/** The publish dialog's preview of `body` (null: nothing to ask, e.g. a plan never published). */
export function usePublishPreview(id: number | null, body: PlanRequestBody | null) {
  const json = body === null ? '' : JSON.stringify(body);
  return useQuery({
    queryKey: adminKeys.publishPreview(id ?? 0, json),
    queryFn: ({ signal }) => previewPublish(id!, body!, signal),
    select: (data) => data.preview,
    enabled: id !== null && body !== null,
    retry: false,
    gcTime: 0,
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

/** A plan write answered with the plan: cache it as the admin's copy and refresh the lists. */
function useAdminPlanWrite<Variables>(mutationFn: (variables: Variables) => Promise<{ plan: PlanDetailDto }>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: ({ plan }) => {
      queryClient.setQueryData(adminKeys.plan(plan.id), { plan });
      invalidatePlans(queryClient);
    },
  });
}

type DraftSave = { id: number | null; body: PlanRequestBody; expectedUpdatedAt?: string };

/** Saves the builder's plan as the draft (a new plan: created as a draft). Lifters keep the published version. */
export function useSaveDraft() {
  return useAdminPlanWrite(({ id, body, expectedUpdatedAt }: DraftSave) =>
    id === null ? createDraftPlan(body) : saveDraft(id, body, expectedUpdatedAt),
  );
}

export function usePublishPlan() {
  return useAdminPlanWrite(({ id, body }: { id: number; body: PublishPlanBody }) => publishPlan(id, body));
}

export function useUpdateVersion() {
  return useAdminPlanWrite(({ id, version, body }: { id: number; version: number; body: UpdateVersionBody }) =>
    updateVersion(id, version, body),
  );
}

export function useArchivePlan() {
  return useAdminPlanWrite(archivePlan);
}

export function useRestorePlan() {
  return useAdminPlanWrite(restorePlan);
}

export function useImportPlan() {
  return useAdminPlanWrite(importPlan);
}

export function useDiscardDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: discardDraft,
    onSuccess: (_result, id) => {
      queryClient.removeQueries({ queryKey: adminKeys.plan(id) });
      invalidatePlans(queryClient);
    },
  });
}

export function useDeletePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deletePlan,
    onSuccess: (_result, id) => {
      // Deleted or archived, it leaves the lists at once.
      queryClient.setQueriesData<{ plans: PlanSummaryDto[] }>(
        { queryKey: adminKeys.planLists },
        (data) => data && { plans: data.plans.filter((plan) => plan.id !== id) },
      );
      queryClient.removeQueries({ queryKey: adminKeys.plan(id) });
      invalidatePlans(queryClient);
    },
  });
}

/** Duplicate as a template: load the plan, give it a new name/slug, create it as a draft. */
export function useDuplicatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, name, slug, isPublic }: { id: number; name: string; slug: string; isPublic: boolean }) => {
      const { plan } = await queryClient.fetchQuery({
        queryKey: adminKeys.plan(id),
        queryFn: ({ signal }) => fetchAdminPlan(id, signal),
      });
      return createDraftPlan({ ...planToBody(plan), name, slug, isPublic });
    },
    onSuccess: ({ plan }) => {
      queryClient.setQueryData(adminKeys.plan(plan.id), { plan });
      invalidatePlans(queryClient);
    },
  });
}

/** A saved plan as a request body (what "duplicate" posts), in the weeks shape. */
export function planToBody(plan: PlanDetailDto): PlanRequestBody {
  const weeks = plan.weeks?.length ? plan.weeks : [{ weekNumber: 1, name: null, isDeload: false, days: plan.days }];
  return {
    name: plan.name,
    slug: plan.slug,
    description: plan.description,
    daysPerWeek: plan.daysPerWeek,
    isPublic: plan.isPublic,
    cycleWeeks: plan.cycleWeeks ?? weeks.length,
    cycles: plan.cycles ?? null,
    tmPercent: plan.tmPercent ?? 0.9,
    weeks: weeks.map((week) => ({
      weekNumber: week.weekNumber,
      name: week.name,
      isDeload: week.isDeload,
      days: week.days.map((day) => ({
        dayNumber: day.dayNumber,
        name: day.name,
        exercises: day.exercises.map((slot) => ({
          exerciseId: slot.exerciseId,
          tmExerciseId: slot.tmExerciseId,
          tier: slot.tier,
          sortOrder: slot.sortOrder,
          displayName: slot.displayName,
          restSeconds: slot.restSeconds ?? null,
          sets: slot.sets.map((set) => ({
            setOrder: set.setOrder,
            kind: set.kind ?? 'main',
            percentage: set.percentage,
            reps: set.reps,
            repsMax: set.repsMax ?? null,
            incrementOffset: set.incrementOffset ?? 0,
            isAmrap: set.isAmrap,
            isProgression: set.isProgression,
          })),
        })),
      })),
    })),
    progressionRules: plan.progressionRules.map(ruleToBody),
  };
}

/** A rule as read (every kind's fields, null where they don't apply) → as written (only its kind's fields). */
function ruleToBody(rule: ProgressionRuleDto): ProgressionRuleInput {
  const scope = { exerciseId: rule.exerciseId, category: rule.category };
  const weightUnit = rule.unit === 'lb' ? 'lb' : 'kg';
  switch (rule.kind ?? 'amrap_table') {
    case 'amrap_table':
      return {
        kind: 'amrap_table',
        ...scope,
        minReps: rule.minReps ?? 0,
        maxReps: rule.maxReps ?? 0,
        increase: rule.increase ?? 0,
        unit: weightUnit,
      };
    case 'reps_over_target':
      return {
        kind: 'reps_over_target',
        ...scope,
        increase: rule.increase ?? 0,
        unit: weightUnit,
        maxSteps: rule.maxSteps ?? null,
      };
    case 'cycle_increment':
      return { kind: 'cycle_increment', ...scope, increase: rule.increase ?? 0, unit: rule.unit ?? 'kg' };
    case 'stall_reset':
      return { kind: 'stall_reset', ...scope, failures: rule.failures ?? 1, factor: rule.factor ?? 0.9 };
  }
}
