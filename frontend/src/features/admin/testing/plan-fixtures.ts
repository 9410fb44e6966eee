import type { PlanDetailDto, PlanSetDto, PlanSummaryDto } from '@liftplan/domain';

// Plans as the admin API answers them, for component tests.

const bench = { id: 1, slug: 'bench-press', name: 'Bench Press', isUpperBody: true };

const aSet = (id: number, setOrder: number, percentage: number, reps: number): PlanSetDto => ({
  id,
  setOrder,
  kind: 'main',
  percentage,
  reps,
  repsMax: null,
  incrementOffset: 0,
  isAmrap: false,
  isProgression: false,
});

/** A one-day bench plan (65 % × 5, 75 % × 5), published as version 1 unless overridden. */
export function aSavedPlan(overrides: Partial<PlanDetailDto> = {}): PlanDetailDto {
  const days = [
    {
      id: 31,
      weekNumber: 1,
      dayNumber: 1,
      name: 'Bench day',
      exercises: [
        {
          id: 311,
          exerciseId: 1,
          exercise: bench,
          tier: 'T1',
          sortOrder: 1,
          tmExerciseId: 1,
          tmExercise: bench,
          displayName: null,
          restSeconds: null,
          sets: [aSet(3111, 1, 0.65, 5), aSet(3112, 2, 0.75, 5)],
        },
      ],
    },
  ];
  return {
    id: 3,
    slug: 'bench-basics',
    name: 'Bench Basics',
    description: null,
    daysPerWeek: 1,
    cycleWeeks: 1,
    cycles: null,
    tmPercent: 0.9,
    isPublic: true,
    version: 1,
    library: null,
    status: 'published',
    publishedAt: '2026-01-01T00:00:00.000Z',
    versionId: 30,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    weeks: [{ weekNumber: 1, name: null, isDeload: false, days }],
    days,
    progressionRules: [],
    requiredExercises: [bench],
    ...overrides,
  };
}

type Version = NonNullable<PlanSummaryDto['versions']>[number];

export const aVersion = (
  version: number,
  activeSubscribers: number,
  publishedAt: string | null = '2026-01-01T00:00:00.000Z',
): Version => ({
  version,
  publishedAt,
  activeSubscribers,
  recommendedUpgrade: false,
  upgradeNote: null,
});

/** A row of the admin plans list. */
export function aPlanSummary(overrides: Partial<PlanSummaryDto> = {}): PlanSummaryDto {
  const versions = overrides.versions ?? [aVersion(overrides.version ?? 1, overrides.activeSubscribers ?? 0)];
  return {
    id: 3,
    slug: 'bench-basics',
    name: 'Bench Basics',
    description: null,
    daysPerWeek: 1,
    cycleWeeks: 1,
    cycles: null,
    tmPercent: 0.9,
    isPublic: true,
    version: versions[0]!.version,
    library: null,
    status: 'published',
    mainLifts: [bench],
    setsPerDay: [2],
    totalSets: 2,
    activeSubscribers: versions.reduce((sum, v) => sum + v.activeSubscribers, 0),
    isCurrent: false,
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
    versions,
  };
}
