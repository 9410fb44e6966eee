import crypto from 'node:crypto';
import { toNumber } from '@liftplan/domain';
import type { Prisma } from '../generated/prisma/client';
import type { ExerciseRefDto, PlanBody, PlanWeekInput, ProgressionRuleInput } from '@liftplan/domain';

/** What a plan version holds: one cycle of weeks, its TM % and rules. Header fields (name, slug…) are not versioned. */
export type PlanStructure = Pick<
  PlanBody,
  'daysPerWeek' | 'cycleWeeks' | 'cycles' | 'tmPercent' | 'weeks' | 'progressionRules'
>;

/**
 * A stable fingerprint of a structure: equal structures give equal hashes whatever the input order. A plan that
 * only uses what seed 003 could say (one week, TM 90 %, main sets, AMRAP-table rules) hashes as it did before plan
 * model v2, so built-in plans are not re-published by the upgrade.
 */
export function structureHash(structure: PlanStructure): string {
  const weeks = [...structure.weeks].sort((a, b) => a.weekNumber - b.weekNumber);
  const v1 = isSeed003Shape(structure);
  const canonical = {
    daysPerWeek: structure.daysPerWeek,
    // Only a finite program says how many cycles: repeating plans keep the hash they had before `cycles` existed.
    ...(structure.cycles !== null ? { cycles: structure.cycles } : {}),
    ...(v1
      ? { days: canonicalDays(weeks[0]!, true) }
      : {
          cycleWeeks: structure.cycleWeeks,
          tmPercent: String(structure.tmPercent),
          weeks: weeks.map((w) => ({
            weekNumber: w.weekNumber,
            name: w.name ?? null,
            isDeload: w.isDeload,
            days: canonicalDays(w, false),
          })),
        }),
    rules: structure.progressionRules
      .map((r) =>
        r.kind === 'amrap_table'
          ? [r.exerciseId, r.category, r.minReps, r.maxReps, String(r.increase), r.unit]
          : { ...r, increase: 'increase' in r ? String(r.increase) : undefined },
      )
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
  };
  return crypto.createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

function isSeed003Shape(structure: PlanStructure): boolean {
  return (
    structure.cycles === null &&
    structure.weeks.length === 1 &&
    structure.weeks[0]!.name === null &&
    !structure.weeks[0]!.isDeload &&
    String(structure.tmPercent) === '0.9' &&
    structure.progressionRules.every((r) => r.kind === 'amrap_table') &&
    structure.weeks[0]!.days.every((d) =>
      d.exercises.every(
        (slot) =>
          slot.restSeconds === null &&
          slot.sets.every(
            (s) => s.kind === 'main' && s.repsMax === null && s.incrementOffset === 0 && s.percentage !== null,
          ),
      ),
    )
  );
}

function canonicalDays(week: PlanWeekInput, v1: boolean) {
  return [...week.days]
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
          ...(v1 ? {} : { restSeconds: e.restSeconds }),
          sets: [...e.sets]
            .sort((a, b) => a.setOrder - b.setOrder)
            .map((s) =>
              v1
                ? [s.setOrder, String(s.percentage), s.reps, s.isAmrap, s.isProgression]
                : [
                    s.setOrder,
                    s.kind,
                    String(s.percentage),
                    s.reps,
                    s.repsMax,
                    s.incrementOffset,
                    s.isAmrap,
                    s.isProgression,
                  ],
            ),
        })),
    }));
}

const exerciseRefSelect = { id: true, slug: true, name: true, isUpperBody: true } as const;

/** Everything needed to turn one version back into a structure, loaded in a single query (relation joins). */
export const versionInclude = {
  plan: true,
  weeks: { orderBy: { weekNumber: 'asc' } },
  days: {
    orderBy: [{ weekNumber: 'asc' }, { dayNumber: 'asc' }],
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
    orderBy: [{ kind: 'asc' }, { exerciseId: 'asc' }, { category: 'asc' }, { minReps: 'asc' }],
    include: { exercise: { select: exerciseRefSelect } },
  },
} satisfies Prisma.PlanVersionInclude;

export type LoadedVersion = Prisma.PlanVersionGetPayload<{ include: typeof versionInclude }>;

/** The exercises whose training maxes the version needs: the TM exercise of every slot with a %-set, first use first. */
type SlotsByDay = {
  days: Array<{
    exercises: Array<{ tmExerciseId: number; tmExercise: ExerciseRefDto; sets: Array<{ percentage: unknown }> }>;
  }>;
};

export function requiredExercises(version: SlotsByDay): ExerciseRefDto[] {
  const seen = new Map<number, ExerciseRefDto>();
  for (const day of version.days)
    for (const slot of day.exercises)
      if (!seen.has(slot.tmExerciseId) && slot.sets.some((s) => s.percentage !== null))
        seen.set(slot.tmExerciseId, slot.tmExercise);
  return [...seen.values()];
}

/** Back from a stored version to the input shape, e.g. to republish it with other rules. */
export function toStructure(version: LoadedVersion): PlanStructure {
  return {
    daysPerWeek: version.daysPerWeek,
    cycleWeeks: version.cycleWeeks,
    cycles: version.cycles,
    tmPercent: toNumber(version.tmPercent),
    weeks: version.weeks.map((week) => ({
      weekNumber: week.weekNumber,
      name: week.name,
      isDeload: week.isDeload,
      days: version.days.filter((d) => d.weekNumber === week.weekNumber).map(toDayInput),
    })),
    progressionRules: version.progressionRules.map(toRuleInput),
  };
}

function toDayInput(day: LoadedVersion['days'][number]): PlanWeekInput['days'][number] {
  return {
    dayNumber: day.dayNumber,
    name: day.name,
    exercises: day.exercises.map((slot) => ({
      exerciseId: slot.exerciseId,
      tmExerciseId: slot.tmExerciseId,
      tier: slot.tier,
      sortOrder: slot.sortOrder,
      displayName: slot.displayName,
      restSeconds: slot.restSeconds,
      sets: slot.sets.map((s) => ({
        setOrder: s.setOrder,
        kind: s.kind as PlanWeekInput['days'][number]['exercises'][number]['sets'][number]['kind'],
        percentage: s.percentage === null ? null : toNumber(s.percentage),
        reps: s.reps,
        repsMax: s.repsMax,
        incrementOffset: s.incrementOffset,
        isAmrap: s.isAmrap,
        isProgression: s.isProgression,
      })),
    })),
  };
}

type StoredRule = LoadedVersion['progressionRules'][number];

/** A stored rule row (nullable per-kind columns) as the input union. */
export function toRuleInput(r: StoredRule): ProgressionRuleInput {
  const scope = { exerciseId: r.exerciseId, category: r.category as 'upper' | 'lower' | null };
  switch (r.kind) {
    case 'reps_over_target':
      return {
        kind: r.kind,
        ...scope,
        increase: toNumber(r.increase!),
        unit: r.unit as 'kg' | 'lb',
        maxSteps: r.maxSteps,
      };
    case 'cycle_increment':
      return { kind: r.kind, ...scope, increase: toNumber(r.increase!), unit: r.unit as 'kg' | 'lb' | 'percent' };
    case 'stall_reset':
      return { kind: r.kind, ...scope, failures: r.failures!, factor: toNumber(r.factor!) };
    default:
      return {
        kind: 'amrap_table',
        ...scope,
        minReps: r.minReps!,
        maxReps: r.maxReps!,
        increase: toNumber(r.increase!),
        unit: r.unit as 'kg' | 'lb',
      };
  }
}

/** The columns of a rule row: each kind fills its own, the rest stay null. */
export function ruleColumns(rule: ProgressionRuleInput) {
  const empty = {
    minReps: null,
    maxReps: null,
    increase: null,
    unit: null,
    maxSteps: null,
    failures: null,
    factor: null,
  };
  switch (rule.kind) {
    case 'amrap_table':
      return {
        ...empty,
        minReps: rule.minReps,
        maxReps: rule.maxReps,
        increase: String(rule.increase),
        unit: rule.unit,
      };
    case 'reps_over_target':
      return { ...empty, increase: String(rule.increase), unit: rule.unit, maxSteps: rule.maxSteps };
    case 'cycle_increment':
      return { ...empty, increase: String(rule.increase), unit: rule.unit };
    case 'stall_reset':
      return { ...empty, failures: rule.failures, factor: String(rule.factor) };
  }
}
