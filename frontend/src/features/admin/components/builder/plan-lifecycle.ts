import type { PlanDetailDto } from '@liftplan/domain';

/** The version lifters see now, from the plan as the admin API answers it (its draft first); null: never published. */
export function publishedVersionOf(saved: PlanDetailDto | null): number | null {
  if (saved === null || saved.status === 'draft') return null;
  const version = saved.publishedAt === null ? saved.version - 1 : saved.version;
  return version >= 1 ? version : null;
}

/** The server holds an unpublished draft of this plan (what GET /admin/plans/:id answers first). */
export const hasSavedDraft = (saved: PlanDetailDto | null) => saved !== null && saved.publishedAt === null;
