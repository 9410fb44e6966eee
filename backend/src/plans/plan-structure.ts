import crypto from 'node:crypto';
import { toNumber } from '@liftplan/domain';
import type { Prisma } from '../generated/prisma/client';
import type { ExerciseRefDto, PlanBody, ProgressionRuleInput } from '@liftplan/domain';

/** What a plan version holds: its days and rules. Header fields (name, slug…) are not versioned. */
export type PlanStructure = Pick<PlanBody, 'daysPerWeek' | 'days'> & { progressionRules: ProgressionRuleInput[] };

/** A stable fingerprint of a structure: equal structures give equal hashes whatever the input order. */
export function structureHash(structure: PlanStructure): string {
  const canonical = {
    daysPerWeek: structure.daysPerWeek,
    days: [...structure.days]
      .sort((a, b) => a.dayNumber - b.dayNumber)
      .map((day) => ({
        dayNumber: day.dayNumber,
        name: day.name ?? null,
        exercises: [...day.exercises]
          .sort((a, b) => a.sortOrder - b.sortOrder)
          .map((e) => ({
            exerciseId: e.exerciseId,
            tmExerciseId: e.tmExerciseId ?? e.exerciseId,
            tier: e.tier,
            sortOrder: e.sortOrder,
            displayName: e.displayName ?? null,
            sets: [...e.sets]
              .sort((a, b) => a.setOrder - b.setOrder)
              .map((s) => [s.setOrder, String(s.percentage), s.reps, s.isAmrap, s.isProgression]),
          })),
      })),
    rules: structure.progressionRules
      .map((r) => [r.exerciseId ?? null, r.category ?? null, r.minReps, r.maxReps, String(r.increase), r.unit])
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
  };
  return crypto.createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

const exerciseRefSelect = { id: true, slug: true, name: true, isUpperBody: true } as const;

/** Everything needed to render one version in full, loaded in a single query (relation joins). */
export const versionInclude = {
  plan: true,
  days: {
    orderBy: { dayNumber: 'asc' },
    include: {
      exercises: {
        orderBy: { sortOrder: 'asc' },
        include: {
          exercise: { select: exerciseRefSelect },
          tmExercise: { select: exerciseRefSelect },
          sets: { orderBy: { setOrder: 'asc' } },
        },
      },
    },
  },
  progressionRules: {
    orderBy: [{ exerciseId: 'asc' }, { category: 'asc' }, { minReps: 'asc' }],
    include: { exercise: { select: exerciseRefSelect } },
  },
} satisfies Prisma.PlanVersionInclude;

export type LoadedVersion = Prisma.PlanVersionGetPayload<{ include: typeof versionInclude }>;

/** The exercises whose training maxes the version needs: every slot's TM exercise, in first-use order. */
type SlotsByDay = { days: Array<{ exercises: Array<{ tmExerciseId: number; tmExercise: ExerciseRefDto }> }> };

export function requiredExercises(version: SlotsByDay): ExerciseRefDto[] {
  const seen = new Map<number, ExerciseRefDto>();
  for (const day of version.days)
    for (const slot of day.exercises) if (!seen.has(slot.tmExerciseId)) seen.set(slot.tmExerciseId, slot.tmExercise);
  return [...seen.values()];
}

/** Back from a stored version to the input shape, e.g. to republish it with other rules. */
export function toStructure(version: LoadedVersion): PlanStructure {
  return {
    daysPerWeek: version.daysPerWeek,
    days: version.days.map((day) => ({
      dayNumber: day.dayNumber,
      name: day.name,
      exercises: day.exercises.map((slot) => ({
        exerciseId: slot.exerciseId,
        tmExerciseId: slot.tmExerciseId,
        tier: slot.tier,
        sortOrder: slot.sortOrder,
        displayName: slot.displayName,
        sets: slot.sets.map((s) => ({
          setOrder: s.setOrder,
          percentage: toNumber(s.percentage),
          reps: s.reps,
          isAmrap: s.isAmrap,
          isProgression: s.isProgression,
        })),
      })),
    })),
    progressionRules: version.progressionRules.map((r) => ({
      exerciseId: r.exerciseId,
      category: r.category as 'upper' | 'lower' | null,
      minReps: r.minReps,
      maxReps: r.maxReps,
      increase: toNumber(r.increase),
      unit: r.unit as 'kg' | 'lb',
    })),
  };
}
