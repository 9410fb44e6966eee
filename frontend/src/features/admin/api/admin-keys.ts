import type { ListExercisesQuery, PlanStatus } from '@liftplan/domain';

/** Query keys of the admin feature, all under ['admin'] (mutations invalidate these). */
export const adminKeys = {
  all: ['admin'] as const,
  exercises: ['admin', 'exercises'] as const,
  exerciseList: (filters: ListExercisesQuery) => ['admin', 'exercises', filters] as const,
  /** Every plan query (lists and details): invalidated after any plan write. */
  plans: ['admin', 'plans'] as const,
  planLists: ['admin', 'plans', 'list'] as const,
  /** status undefined: drafts and published plans (the API's default). */
  planList: (status: PlanStatus | undefined) => ['admin', 'plans', 'list', status ?? 'current'] as const,
  plan: (id: number) => ['admin', 'plans', id] as const,
  preview: (body: string) => ['admin', 'preview', body] as const,
  publishPreview: (id: number, body: string) => ['admin', 'publish-preview', id, body] as const,
  users: (search: string) => ['admin', 'users', search] as const,
};
