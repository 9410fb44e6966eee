import { dec, type Decimal, type DecimalLike } from './decimal';
import { computeSessionProgression, type ProgressionOutcome, type TmExerciseInfo } from './completion';
import type { LifterRounding, PlanPosition } from './plan-model';
import { advancePointer } from './pointer';
import type { WarmupSetting } from './warmups';
import type { AnyProgressionRule } from './progression';
import {
  generateWorkoutSets,
  missingTrainingMaxes,
  trainedTmExerciseIds,
  type GeneratedSet,
  type PrescribedSetTemplate,
} from './workout-generation';

export type ProjectionDay = { dayNumber: number; name: string | null; templates: PrescribedSetTemplate[] };
export type ProjectionWeek = { weekNumber: number; name: string | null; isDeload: boolean; days: ProjectionDay[] };
export type ProjectionPlan = { cycleWeeks: number; weeks: ProjectionWeek[]; rules: AnyProgressionRule[] };

export type ProjectedSession = {
  cycle: number;
  weekNumber: number;
  dayNumber: number;
  dayName: string | null;
  sets: GeneratedSet[];
  /** The TMs this session's weighted sets were prescribed from. */
  trainingMaxes: Map<number, Decimal>;
  progression: ProgressionOutcome[];
};

export type ProjectionInput = {
  plan: ProjectionPlan;
  trainingMaxes: ReadonlyMap<number, DecimalLike>;
  /** Weeks of training from cycle 1 week 1 (a 4-week cycle and 8 weeks → 2 cycles). */
  weeks: number;
  /** Every AMRAP done at prescribed + this many reps (never below 0); other progression sets at prescribed reps. */
  amrapExtraReps: number;
  /** `warmups: 'standard'` projects the lifter's generated warm-ups too (as their workouts will have them). */
  lifter: LifterRounding & { warmups?: WarmupSetting; barWeight?: DecimalLike | null };
  exercises: ReadonlyMap<number, { slug: string; isUpperBody: boolean }>;
};

export type ProjectionResult =
  { ok: true; sessions: ProjectedSession[] } | { ok: false; missingTmExerciseIds: number[] };

/** The plan trained day by day in order, with the same generation, pointer and progression code as real workouts. */
export function projectPlan(input: ProjectionInput): ProjectionResult {
  const { plan, lifter } = input;
  const weeks = [...plan.weeks].sort((a, b) => a.weekNumber - b.weekNumber);
  const allTemplates = weeks.flatMap((w) =>
    [...w.days].sort((a, b) => a.dayNumber - b.dayNumber).flatMap((d) => d.templates),
  );
  const missing = missingTrainingMaxes(allTemplates, input.trainingMaxes);
  if (missing.length > 0) return { ok: false, missingTmExerciseIds: missing };

  const weekDays = Array.from({ length: plan.cycleWeeks }, (_, i) =>
    dayCount(weeks.find((w) => w.weekNumber === i + 1)),
  );
  const firstWeek = weekDays.findIndex((days) => days > 0) + 1;
  if (firstWeek === 0) return { ok: true, sessions: [] };

  const tms = new Map([...input.trainingMaxes].map(([id, tm]) => [id, dec(tm)]));
  let stallCounts: ReadonlyMap<number, number> = new Map();
  let pointer: PlanPosition = { cycle: 1, weekNumber: firstWeek, dayNumber: 1 };
  let doneDays = new Set<string>();
  let cycleSets: GeneratedSet[] = [];
  const sessions: ProjectedSession[] = [];
  while ((pointer.cycle - 1) * plan.cycleWeeks + pointer.weekNumber <= input.weeks) {
    const week = weeks.find((w) => w.weekNumber === pointer.weekNumber);
    const day = week?.days.find((d) => d.dayNumber === pointer.dayNumber);
    const generated = generateWorkoutSets(day?.templates ?? [], tms, lifter);
    if (!generated.ok) return generated;
    cycleSets.push(...generated.sets);
    doneDays.add(dayKey(pointer.weekNumber, pointer.dayNumber));
    const { next, completedCycle } = advancePointer(pointer, weekDays, (w, d) => doneDays.has(dayKey(w, d)));
    const progression = computeSessionProgression({
      sets: generated.sets.filter((s) => s.isProgression).map((s) => doneAsProjected(s, input.amrapExtraReps)),
      rules: plan.rules,
      tmExercises: tmExerciseInfo(tms, input.exercises),
      lifter,
      isDeload: week?.isDeload ?? false,
      stallCounts,
      cycleEnd:
        completedCycle === null
          ? null
          : { cycle: completedCycle, trainedTmExerciseIds: trainedTmExerciseIds(cycleSets) },
    });
    sessions.push({
      ...pointer,
      dayName: day?.name ?? null,
      sets: generated.sets,
      // Every TM as it stands before this session: a lifter reads where all their numbers are, day by day.
      trainingMaxes: new Map(tms),
      progression: progression.outcomes,
    });
    for (const outcome of progression.outcomes) tms.set(outcome.exerciseId, outcome.newTM);
    stallCounts = progression.stallCounts;
    if (completedCycle !== null) {
      doneDays = new Set();
      cycleSets = [];
    }
    pointer = next;
  }
  return { ok: true, sessions };
}

const dayKey = (weekNumber: number, dayNumber: number) => `${weekNumber}:${dayNumber}`;

const dayCount = (week: ProjectionWeek | undefined) => Math.max(0, ...(week?.days.map((d) => d.dayNumber) ?? []));

export const doneAsProjected = (set: GeneratedSet, amrapExtraReps: number) => ({
  tmExerciseId: set.tmExerciseId,
  exerciseOrder: set.exerciseOrder,
  setOrder: set.setOrder,
  prescribedReps: set.prescribedReps,
  actualReps: set.isAmrap ? Math.max(0, set.prescribedReps + amrapExtraReps) : set.prescribedReps,
});

function tmExerciseInfo(
  tms: ReadonlyMap<number, Decimal>,
  exercises: ProjectionInput['exercises'],
): Map<number, TmExerciseInfo> {
  const info = new Map<number, TmExerciseInfo>();
  for (const [id, currentTm] of tms) {
    const exercise = exercises.get(id);
    if (exercise) info.set(id, { ...exercise, currentTm });
  }
  return info;
}
