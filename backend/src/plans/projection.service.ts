import {
  convertWeight,
  dec,
  DEFAULT_INCREMENT,
  maxProjectionWeeks,
  PROJECTION_SET_BUDGET,
  projectPlan,
  toNumber,
  toStoredWeight,
  type AnyProgressionRule,
  type Decimal,
  type PlanDraftProjectionBody,
  type ProgressionRuleDto,
  type ProjectedSession,
  type ProjectionBody,
  type ProjectionPlan,
  type ProjectionResponse,
  type RoundingMode,
  type Unit,
  type WarmupSetting,
} from '@liftplan/domain';
import type { Db } from '../db/prisma';
import { notFound, unprocessable } from '../http/errors';
import { currentTrainingMaxes } from '../training-maxes/current-training-maxes';
import { missingTrainingMaxes } from '../workouts/workouts.service';
import { platesFor, type BarSetup } from '../workouts/workout-dto';
import { fetchLatestDetail, fetchLifterDetail } from './plan-detail-query';
import { ruleColumns } from './plan-structure';
import { dayTemplates, type TemplateSlot } from './prescribe-day';
import { toEngineRule } from '../workouts/plan-progress';

// Where a plan takes a lifter's numbers: weeks of training simulated with the engine code that generates real
// workouts and applies progression (engine/projection.ts). Nothing is written.

type ExerciseInfo = { id: number; slug: string; name: string; isUpperBody: boolean };
type WeekShape = {
  weekNumber: number;
  name: string | null;
  isDeload: boolean;
  days: Array<{ dayNumber: number; name: string | null; exercises: TemplateSlot[] }>;
};
type Settings = { unit: Unit; increment: Decimal; rounding: RoundingMode; bar: BarSetup; warmups?: WarmupSetting };

/** A lifter's projection of a plan they can see (their pinned version when they are on it), in their unit. */
export async function projectForLifter(
  db: Db,
  userId: number,
  planId: number,
  body: ProjectionBody,
  options: { asAdmin: boolean } = { asAdmin: false },
): Promise<ProjectionResponse> {
  const [plan, user] = await Promise.all([
    // Admins may project any live plan (private ones too); lifters the plans they can see.
    fetchLifterDetail(db, userId, planId).then(
      async (detail) => detail ?? (options.asAdmin ? fetchLatestDetail(db, planId) : null),
    ),
    db.user.findUnique({
      where: { id: userId },
      select: {
        unitPreference: true,
        weightIncrement: true,
        rounding: true,
        barWeight: true,
        plates: true,
        warmups: true,
      },
    }),
  ]);
  if (!plan || !user) throw notFound('Plan');
  const unit = user.unitPreference as Unit;
  const settings: Settings = {
    unit,
    increment: dec(user.weightIncrement),
    rounding: user.rounding as RoundingMode,
    bar: { unit, barWeight: user.barWeight, plates: user.plates },
    // The lifter's generated warm-ups, as their workouts will have them.
    warmups: user.warmups as WarmupSetting,
  };
  const trainingMaxes = body.trainingMaxes
    ? new Map(body.trainingMaxes.map((t) => [t.exerciseId, dec(t.trainingMax)]))
    : await lifterTrainingMaxes(
        db,
        userId,
        plan.requiredExercises.map((e) => e.id),
        unit,
      );
  const exercises = exercisesOf(plan.weeks.flatMap((w) => w.days.flatMap((d) => d.exercises)));
  return project(
    { cycleWeeks: plan.cycleWeeks, weeks: plan.weeks, rules: plan.progressionRules.map(ruleFromDto) },
    exercises,
    trainingMaxes,
    body,
    settings,
  );
}

/** The builder's projection of an unsaved body, with the admin's sample TMs and settings. */
export async function projectDraft(db: Db, body: PlanDraftProjectionBody): Promise<ProjectionResponse> {
  const ids = [...new Set(body.plan.weeks.flatMap((w) => w.days.flatMap((d) => d.exercises.flatMap(slotIds))))];
  const rows = await db.exercise.findMany({
    where: { id: { in: ids } },
    select: { id: true, slug: true, name: true, isUpperBody: true },
  });
  const exercises = new Map(rows.map((e) => [e.id, e]));
  const unknown = ids.filter((id) => !exercises.has(id));
  if (unknown.length) {
    throw unprocessable(
      'UNKNOWN_EXERCISE',
      `Unknown exercise: ${unknown.join(', ')}`,
      unknown.map((id) => ({ path: 'plan.weeks', message: `exercise ${id} does not exist` })),
    );
  }
  const increment = body.increment !== undefined ? dec(body.increment) : DEFAULT_INCREMENT[body.unit];
  const settings: Settings = {
    unit: body.unit,
    increment,
    rounding: body.rounding,
    bar: { unit: 'none', barWeight: 0, plates: [] },
  };
  const rules = body.plan.progressionRules.map((r) =>
    toEngineRule({ kind: r.kind, exerciseId: r.exerciseId, category: r.category, ...ruleColumns(r) }),
  );
  return project(
    { cycleWeeks: body.plan.cycleWeeks, weeks: body.plan.weeks, rules },
    exercises,
    new Map(body.trainingMaxes.map((t) => [t.exerciseId, dec(t.trainingMax)])),
    body,
    settings,
  );
}

const slotIds = (slot: TemplateSlot) => [slot.exerciseId, slot.tmExerciseId ?? slot.exerciseId];

function project(
  plan: { cycleWeeks: number; weeks: WeekShape[]; rules: AnyProgressionRule[] },
  exercises: ReadonlyMap<number, ExerciseInfo>,
  trainingMaxes: ReadonlyMap<number, Decimal>,
  request: { weeks: number; amrapExtraReps: number },
  settings: Settings,
): ProjectionResponse {
  assertWithinBudget(plan.weeks, request.weeks);
  const result = projectPlan({
    plan: toProjectionPlan(plan),
    trainingMaxes,
    weeks: request.weeks,
    amrapExtraReps: request.amrapExtraReps,
    lifter: {
      unit: settings.unit,
      increment: settings.increment,
      rounding: settings.rounding,
      warmups: settings.warmups,
      // Warm-ups never go below the empty bar (the bar is in the lifter's unit unless there is none).
      barWeight: settings.bar.unit === settings.unit ? settings.bar.barWeight : null,
    },
    exercises,
  });
  if (!result.ok) throw missingTrainingMaxes(result.missingTmExerciseIds, exercises);
  const deloadWeeks = new Set(plan.weeks.filter((w) => w.isDeload).map((w) => w.weekNumber));
  return {
    unit: settings.unit,
    increment: toNumber(settings.increment),
    rounding: settings.rounding,
    sessions: result.sessions.map((session) => toSessionDto(session, exercises, deloadWeeks, settings)),
  };
}

/** A projection never prescribes more than PROJECTION_SET_BUDGET sets: the server's work stays bounded. */
function assertWithinBudget(weeks: WeekShape[], requested: number) {
  const sorted = [...weeks].sort((a, b) => a.weekNumber - b.weekNumber);
  const setsPerWeek = sorted.map((w) =>
    w.days.reduce((n, d) => n + d.exercises.reduce((m, x) => m + x.sets.length, 0), 0),
  );
  const allowed = maxProjectionWeeks(setsPerWeek);
  if (requested <= allowed) return;
  throw unprocessable(
    'PROJECTION_TOO_LARGE',
    `This plan can be projected at most ${allowed} weeks ahead (${PROJECTION_SET_BUDGET} sets)`,
    [{ path: 'weeks', message: `must be between 1 and ${allowed} for this plan` }],
  );
}

function toProjectionPlan(plan: {
  cycleWeeks: number;
  weeks: WeekShape[];
  rules: AnyProgressionRule[];
}): ProjectionPlan {
  return {
    cycleWeeks: plan.cycleWeeks,
    rules: plan.rules,
    weeks: plan.weeks.map((week) => ({
      weekNumber: week.weekNumber,
      name: week.name,
      isDeload: week.isDeload,
      days: week.days.map((day) => ({
        dayNumber: day.dayNumber,
        name: day.name,
        templates: dayTemplates(day),
      })),
    })),
  };
}

function toSessionDto(
  session: ProjectedSession,
  exercises: ReadonlyMap<number, ExerciseInfo>,
  deloadWeeks: Set<number>,
  settings: Settings,
): ProjectionResponse['sessions'][number] {
  return {
    cycle: session.cycle,
    weekNumber: session.weekNumber,
    dayNumber: session.dayNumber,
    dayName: session.dayName,
    isDeload: deloadWeeks.has(session.weekNumber),
    sets: session.sets.map((s) => {
      const exercise = exercises.get(s.exerciseId)!;
      return {
        exerciseId: s.exerciseId,
        exercise: { id: exercise.id, slug: exercise.slug, name: exercise.name },
        tmExerciseId: s.tmExerciseId,
        displayName: s.displayName,
        tier: s.tier,
        kind: s.kind,
        exerciseOrder: s.exerciseOrder,
        setOrder: s.setOrder,
        percentage: s.percentage === null ? null : toNumber(s.percentage),
        prescribedWeight: s.prescribedWeight === null ? null : toNumber(s.prescribedWeight),
        prescribedReps: s.prescribedReps,
        repsMax: s.repsMax,
        restSeconds: s.restSeconds,
        isAmrap: s.isAmrap,
        isProgression: s.isProgression,
        actualReps: null,
        actualWeight: null,
        completed: false,
        plates: s.prescribedWeight === null ? null : platesFor(s.prescribedWeight, settings.unit, settings.bar),
      };
    }),
    trainingMaxes: [...session.trainingMaxes].map(([exerciseId, tm]) => ({
      exerciseId,
      slug: exercises.get(exerciseId)?.slug ?? '',
      trainingMax: toNumber(tm),
    })),
  };
}

function exercisesOf(slots: Array<{ exercise: ExerciseInfo; tmExercise: ExerciseInfo }>): Map<number, ExerciseInfo> {
  const map = new Map<number, ExerciseInfo>();
  for (const slot of slots) {
    map.set(slot.exercise.id, slot.exercise);
    map.set(slot.tmExercise.id, slot.tmExercise);
  }
  return map;
}

async function lifterTrainingMaxes(db: Db, userId: number, exerciseIds: number[], unit: Unit) {
  const rows = await currentTrainingMaxes(db, userId, exerciseIds);
  return new Map(
    rows.map((tm) => [tm.exerciseId, toStoredWeight(convertWeight(tm.weight, tm.unit as Unit, unit))] as const),
  );
}

/** A rule as the API shows it (flat, per-kind fields nullable, numbers) as the engine's union. */
function ruleFromDto(rule: ProgressionRuleDto): AnyProgressionRule {
  const text = (value: number | null) => (value === null ? null : String(value));
  return toEngineRule({ ...rule, increase: text(rule.increase), factor: text(rule.factor) });
}
