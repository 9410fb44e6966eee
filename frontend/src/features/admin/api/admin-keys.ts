import type { ListExercisesQuery } from '@liftplan/domain';

/** Query keys of the admin feature, all under ['admin'] (mutations invalidate these). */
export const adminKeys = {
  all: ['admin'] as const,
  exercises: ['admin', 'exercises'] as const,
  exerciseList: (filters: ListExercisesQuery) => ['admin', 'exercises', filters] as const,
  plans: ['admin', 'plans'] as const,
  plan: (id: number) => ['admin', 'plans', id] as const,
  preview: (body: string) => ['admin', 'preview', body] as const,
  users: (search: string) => ['admin', 'users', search] as const,
};
