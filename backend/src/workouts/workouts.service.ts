import type { Db, Tx } from '../db/prisma';
import { isUniqueViolation } from '../db/errors';
import { computeProgression, type ProgressionOutcome } from '../engine/completion';
import { toNumber, type Decimal } from '../engine/decimal';
import type { ProgressionRule } from '../engine/progression';
import { convertWeight, toStoredWeight, type Unit } from '../engine/units';
import { generateWorkoutSets, type PrescribedSetTemplate } from '../engine/workout-generation';
import { Prisma } from '../generated/prisma/client';
import { AppError, conflict, notFound, unprocessable } from '../http/errors';
import { nextEffectiveDate, withLifterLock } from '../training-maxes/lifter-lock';
import { limitSentence, trainingMaxTooHeavy } from '../training-maxes/training-max-limit';
import { MAX_STORED_WEIGHT } from '../engine/limits';
import { toWorkoutDto, toWorkoutSetDto, workoutInclude } from './workout-dto';
import type {
  CompleteWorkoutResponse,
  ListWorkoutsQuery,
  LogSetBody,
  LoggedSetDto,
  ProgressionResultDto,
  WorkoutDto,
  WorkoutSummaryDto,
} from './workouts.schemas';

const IN_PROGRESS_INDEX = 'workouts_one_in_progress_per_user';

// ---------- start ----------

type GenerationContext = {
  unit: Unit;
  increment: string;
  barWeight: string;
  plates: string[];
  userPlanId: number | null;
  planName: string | null;
  planId: number | null;
  planDayId: number | null;
  dayName: string | null;
  daysPerWeek: number | null;
  inProgressId: number | null;
  templates: PrescribedSetTemplate[];
  exercises: Array<{ id: number; slug: string; name: string; trainingMax: string | null; tmUnit: Unit | null }>;
};

/**
 * Seed §4's startWorkout in two round trips: one query reads the lifter's settings, active plan day, its set
 * templates and the current TMs; one statement inserts the workout and all its sets atomically.
 * One workout can be in progress per lifter (a partial unique index): starting another answers 409 with its id.
 */
export async function startWorkout(db: Db, userId: number, dayNumber: number): Promise<WorkoutDto> {
  const ctx = await loadGenerationContext(db, userId, dayNumber);
  if (ctx.userPlanId === null) throw new AppError(404, 'NO_ACTIVE_PLAN', 'You are not on a plan; pick one first');
  if (ctx.planDayId === null) {
    throw unprocessable('DAY_NOT_IN_PLAN', `Your plan has days 1 to ${ctx.daysPerWeek}; there is no day ${dayNumber}`, [
      { path: 'dayNumber', message: `must be between 1 and ${ctx.daysPerWeek}` },
    ]);
  }
  if (ctx.inProgressId !== null) throw workoutInProgress(ctx.inProgressId);

  const exercises = new Map(ctx.exercises.map((e) => [e.id, e]));
  const trainingMaxes = new Map(
    ctx.exercises.flatMap((e) => (e.trainingMax === null ? [] : [[e.id, convertWeight(e.trainingMax, e.tmUnit ?? ctx.unit, ctx.unit)] as const])),
  );
  const generated = generateWorkoutSets(ctx.templates, trainingMaxes, ctx.increment);
  if (!generated.ok) {
    const missing = generated.missingTmExerciseIds.map((id) => ({ exerciseId: id, slug: exercises.get(id)?.slug ?? '', name: exercises.get(id)?.name ?? '' }));
    throw unprocessable('MISSING_TRAINING_MAX', `Set a training max first for: ${missing.map((m) => m.name).join(', ')}`, { missingTMs: missing });
  }

  assertPrescribedWeightsFit(generated.sets, exercises, ctx.unit);

  let inserted: { id: number; createdAt: Date; setIds: Array<{ id: number; exerciseOrder: number; setOrder: number }> };
  try {
    inserted = await insertWorkout(db, userId, ctx, dayNumber, generated.sets);
  } catch (err) {
    if (isUniqueViolation(err, IN_PROGRESS_INDEX)) {
      const current = await db.workout.findFirst({ where: { userId, status: 'in_progress' }, select: { id: true } });
      throw workoutInProgress(current?.id ?? null);
    }
    throw err;
  }

  const idOf = new Map(inserted.setIds.map((s) => [`${s.exerciseOrder}:${s.setOrder}`, s.id]));
  const bar = { unit: ctx.unit, barWeight: ctx.barWeight, plates: ctx.plates };
  return {
    id: inserted.id,
    dayNumber,
    dayName: ctx.dayName,
    planId: ctx.planId,
    planName: ctx.planName,
    unit: ctx.unit,
    status: 'in_progress',
    createdAt: new Date(inserted.createdAt).toISOString(),
    completedAt: null,
    progression: null,
    sets: generated.sets.map((s) =>
      toWorkoutSetDto(
        { ...s, id: idOf.get(`${s.exerciseOrder}:${s.setOrder}`)!, exercise: exercises.get(s.exerciseId)!, actualReps: null, completed: false },
        ctx.unit,
        bar,
      ),
    ),
  };
}

async function loadGenerationContext(db: Db, userId: number, dayNumber: number): Promise<GenerationContext> {
  const rows = await db.$queryRaw<GenerationContext[]>`
    SELECT u.unit_preference AS unit, u.weight_increment::text AS increment,
           u.bar_weight::text AS "barWeight", u.plates::text[] AS plates,
           up.id AS "userPlanId", p.id AS "planId", p.name AS "planName", pv.days_per_week AS "daysPerWeek",
           pd.id AS "planDayId", pd.name AS "dayName",
           (SELECT w.id FROM workouts w WHERE w.user_id = u.id AND w.status = 'in_progress' LIMIT 1) AS "inProgressId",
           COALESCE((
             SELECT json_agg(json_build_object(
                      'exerciseId', pde.exercise_id, 'tmExerciseId', pde.tm_exercise_id, 'exerciseOrder', pde.sort_order,
                      'displayName', pde.display_name, 'tier', pde.tier, 'setOrder', ps.set_order,
                      'percentage', ps.percentage::text, 'reps', ps.reps, 'isAmrap', ps.is_amrap,
                      'isProgression', ps.is_progression))
               FROM plan_day_exercises pde JOIN plan_sets ps ON ps.plan_day_exercise_id = pde.id
              WHERE pde.plan_day_id = pd.id), '[]'::json) AS templates,
           COALESCE((
             SELECT json_agg(json_build_object('id', e.id, 'slug', e.slug, 'name', e.name,
                                               'trainingMax', tm.weight::text, 'tmUnit', tm.unit))
               FROM exercises e
               LEFT JOIN LATERAL (
                 SELECT t.weight, t.unit FROM training_maxes t
                  WHERE t.user_id = u.id AND t.exercise_id = e.id
                  ORDER BY t.effective_date DESC, t.id DESC LIMIT 1) tm ON true
              WHERE e.id IN (SELECT exercise_id FROM plan_day_exercises WHERE plan_day_id = pd.id
                             UNION SELECT tm_exercise_id FROM plan_day_exercises WHERE plan_day_id = pd.id)), '[]'::json) AS exercises
      FROM users u
      LEFT JOIN user_plans up ON up.user_id = u.id AND up.is_active
      LEFT JOIN plan_versions pv ON pv.id = up.plan_version_id
      LEFT JOIN workout_plans p ON p.id = up.plan_id
      LEFT JOIN plan_days pd ON pd.plan_version_id = up.plan_version_id AND pd.day_number = ${dayNumber}
     WHERE u.id = ${userId}`;
  const ctx = rows[0];
  if (!ctx) throw new AppError(401, 'UNAUTHENTICATED', 'This account no longer exists');
  return ctx;
}

type GeneratedSets = Extract<ReturnType<typeof generateWorkoutSets>, { ok: true }>['sets'];

function insertWorkout(db: Db, userId: number, ctx: GenerationContext, dayNumber: number, sets: GeneratedSets) {
  return db.$queryRaw<Array<{ id: number; createdAt: Date; setIds: Array<{ id: number; exerciseOrder: number; setOrder: number }> }>>`
    WITH w AS (
      INSERT INTO workouts (user_id, user_plan_id, plan_day_id, day_number, unit, status)
      VALUES (${userId}, ${ctx.userPlanId}, ${ctx.planDayId}, ${dayNumber}, ${ctx.unit}, 'in_progress')
      RETURNING id, created_at
    ), s AS (
      INSERT INTO workout_sets (workout_id, exercise_id, tm_exercise_id, exercise_order, display_name, tier, set_order,
                                percentage, prescribed_weight, prescribed_reps, is_amrap, is_progression)
      SELECT w.id, x."exerciseId", x."tmExerciseId", x."exerciseOrder", x."displayName", x.tier, x."setOrder",
             x.percentage, x."prescribedWeight", x."prescribedReps", x."isAmrap", x."isProgression"
        FROM w CROSS JOIN jsonb_to_recordset(${JSON.stringify(serializableSets(sets))}::jsonb) AS x(
             "exerciseId" int, "tmExerciseId" int, "exerciseOrder" int, "displayName" text, tier text, "setOrder" int,
             percentage numeric, "prescribedWeight" numeric, "prescribedReps" int, "isAmrap" boolean, "isProgression" boolean)
      RETURNING id, exercise_order, set_order
    )
    SELECT w.id, w.created_at AS "createdAt",
           (SELECT json_agg(json_build_object('id', s.id, 'exerciseOrder', s.exercise_order, 'setOrder', s.set_order)) FROM s) AS "setIds"
      FROM w`.then((rows) => rows[0]!);
}

function serializableSets(sets: GeneratedSets) {
  return sets.map((s) => ({ ...s, percentage: s.percentage.toString(), prescribedWeight: s.prescribedWeight.toString() }));
}

const workoutInProgress = (workoutId: number | null) =>
  conflict('WORKOUT_IN_PROGRESS', 'You already have a workout in progress: finish or abandon it first', { workoutId });

// ---------- read ----------

export async function getWorkout(db: Db, userId: number, workoutId: number): Promise<WorkoutDto> {
  const workout = await db.workout.findFirst({ where: { id: workoutId, userId }, include: workoutInclude });
  if (!workout) throw notFound('Workout');
  return toWorkoutDto(workout);
}

export async function listWorkouts(db: Db, userId: number, query: ListWorkoutsQuery) {
  const where: Prisma.WorkoutWhereInput = { userId, ...(query.status ? { status: query.status } : {}) };
  const [total, workouts] = await Promise.all([
    db.workout.count({ where }),
    db.workout.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      include: { planDay: { select: { name: true, plan: { select: { id: true, name: true } } } }, sets: { select: { completed: true } } },
    }),
  ]);
  const items: WorkoutSummaryDto[] = workouts.map((w) => ({
    id: w.id,
    dayNumber: w.dayNumber,
    dayName: w.planDay?.name ?? null,
    planId: w.planDay?.plan.id ?? null,
    planName: w.planDay?.plan.name ?? null,
    unit: w.unit as Unit,
    status: w.status as WorkoutSummaryDto['status'],
    createdAt: w.createdAt.toISOString(),
    completedAt: w.completedAt?.toISOString() ?? null,
    progression: (w.progressionResult as ProgressionResultDto[] | null) ?? null,
    setCount: w.sets.length,
    completedSetCount: w.sets.filter((s) => s.completed).length,
  }));
  return { items, page: query.page, pageSize: query.pageSize, total };
}

/** A TM stored before the limit existed (or imported) can still prescribe more than a weight column holds: a 422, not a 500. */
function assertPrescribedWeightsFit(sets: Array<{ prescribedWeight: Decimal; tmExerciseId: number }>, exercises: Map<number, { name: string }>, unit: Unit) {
  const tooHeavy = sets.find((s) => s.prescribedWeight.gt(MAX_STORED_WEIGHT));
  if (!tooHeavy) return;
  const name = exercises.get(tooHeavy.tmExerciseId)?.name ?? 'an exercise';
  throw trainingMaxTooHeavy(unit, [{ path: 'trainingMax', message: `${name}: lower this training max first` }], `${limitSentence(unit)}; lower ${name}'s training max first`);
}

// ---------- log a set ----------

/**
 * Records reps and/or done for one set of an in-progress workout, in one statement. Marking a regular set done
 * without reps records the prescribed reps, un-marking it clears them; AMRAP reps are only what the lifter enters.
 */
export async function logSet(db: Db, userId: number, workoutId: number, setId: number, body: LogSetBody): Promise<LoggedSetDto> {
  const repsGiven = body.actualReps !== undefined;
  // FOR SHARE on the workout: a completion waits until this write commits, or, if it came first, this write finds
  // the workout no longer in progress and is refused — a set never changes after completion has read it.
  const rows = await db.$queryRaw<LoggedSetDto[]>`
    WITH w AS (
      SELECT id FROM workouts WHERE id = ${workoutId} AND user_id = ${userId} AND status = 'in_progress' FOR SHARE
    )
    UPDATE workout_sets s
       SET actual_reps = CASE
             WHEN ${repsGiven} THEN ${body.actualReps ?? null}::int
             WHEN ${body.completed ?? null}::boolean IS TRUE AND NOT s.is_amrap THEN COALESCE(s.actual_reps, s.prescribed_reps)
             WHEN ${body.completed ?? null}::boolean IS FALSE AND NOT s.is_amrap THEN NULL
             ELSE s.actual_reps END,
           completed = COALESCE(${body.completed ?? null}::boolean, s.completed)
      FROM w
     WHERE s.id = ${setId} AND s.workout_id = w.id
 RETURNING s.id, s.workout_id AS "workoutId", s.actual_reps AS "actualReps", s.completed`;
  if (rows[0]) return rows[0];
  const set = await db.workoutSet.findFirst({ where: { id: setId, workoutId, workout: { userId } }, select: { workout: { select: { status: true } } } });
  if (!set) throw notFound('Set');
  throw notInProgress(set.workout.status);
}

// ---------- complete / abandon ----------

type CompletionContext = {
  unit: Unit;
  increment: string;
  rules: Array<{ exerciseId: number | null; category: 'upper' | 'lower' | null; minReps: number; maxReps: number; increase: string; unit: Unit }>;
  sets: Array<{ tmExerciseId: number; exerciseOrder: number; setOrder: number; actualReps: number | null }>;
  tmExercises: Array<{ id: number; slug: string; isUpperBody: boolean; trainingMax: string | null; tmUnit: Unit | null }>;
};

/**
 * Exactly once: the status flip `in_progress → completed` takes the workout's row lock, so a concurrent or repeated
 * completion finds nothing to flip and gets 409 with nothing changed. The (workout_id, exercise_id) unique index on
 * training_maxes backs this up in the schema. The lifter lock comes first (the order every TM writer uses), so a
 * manual adjustment or unit switch never interleaves between reading a TM and raising it.
 */
export async function completeWorkout(db: Db, userId: number, workoutId: number): Promise<CompleteWorkoutResponse> {
  const outcomes = await withLifterLock(db, userId, async (tx) => {
    const flipped = await tx.$queryRaw<Array<{ id: number }>>`
      UPDATE workouts SET status = 'completed', completed_at = now()
       WHERE id = ${workoutId} AND user_id = ${userId} AND status = 'in_progress'
   RETURNING id`;
    if (flipped.length === 0) throw await whyNotInProgress(tx, userId, workoutId);
    const ctx = await loadCompletionContext(tx, userId, workoutId);
    const results = progressionOutcomes(ctx);
    await recordProgression(tx, userId, workoutId, ctx.unit, results);
    return results.map(toProgressionDto);
  });
  const workout = await getWorkout(db, userId, workoutId);
  return { workout, progression: outcomes };
}

export async function abandonWorkout(db: Db, userId: number, workoutId: number): Promise<WorkoutDto> {
  const { count } = await db.workout.updateMany({ where: { id: workoutId, userId, status: 'in_progress' }, data: { status: 'abandoned' } });
  if (count === 0) throw await whyNotInProgress(db, userId, workoutId);
  return getWorkout(db, userId, workoutId);
}

async function loadCompletionContext(tx: Tx, userId: number, workoutId: number): Promise<CompletionContext> {
  const rows = await tx.$queryRaw<CompletionContext[]>`
    SELECT u.unit_preference AS unit, u.weight_increment::text AS increment,
           COALESCE((SELECT json_agg(json_build_object('exerciseId', r.exercise_id, 'category', r.category,
                       'minReps', r.min_reps, 'maxReps', r.max_reps, 'increase', r.increase::text, 'unit', r.unit))
                       FROM plan_progression_rules r
                      WHERE r.plan_version_id = up.plan_version_id), '[]'::json) AS rules,
           COALESCE((SELECT json_agg(json_build_object('tmExerciseId', s.tm_exercise_id, 'exerciseOrder', s.exercise_order,
                       'setOrder', s.set_order, 'actualReps', s.actual_reps))
                       FROM workout_sets s WHERE s.workout_id = w.id AND s.is_progression), '[]'::json) AS sets,
           COALESCE((SELECT json_agg(json_build_object('id', e.id, 'slug', e.slug, 'isUpperBody', e.is_upper_body,
                       'trainingMax', tm.weight::text, 'tmUnit', tm.unit))
                       FROM exercises e
                       LEFT JOIN LATERAL (
                         SELECT t.weight, t.unit FROM training_maxes t
                          WHERE t.user_id = u.id AND t.exercise_id = e.id
                          ORDER BY t.effective_date DESC, t.id DESC LIMIT 1) tm ON true
                      WHERE e.id IN (SELECT tm_exercise_id FROM workout_sets WHERE workout_id = w.id AND is_progression)), '[]'::json) AS "tmExercises"
      FROM workouts w
      JOIN users u ON u.id = w.user_id
      LEFT JOIN user_plans up ON up.id = w.user_plan_id
     WHERE w.id = ${workoutId} AND w.user_id = ${userId}`;
  return rows[0]!;
}

function progressionOutcomes(ctx: CompletionContext): ProgressionOutcome[] {
  const rules: ProgressionRule[] = ctx.rules;
  const tmExercises = new Map(
    ctx.tmExercises
      .filter((e) => e.trainingMax !== null)
      .map((e) => [e.id, { slug: e.slug, isUpperBody: e.isUpperBody, currentTm: toStoredWeight(convertWeight(e.trainingMax!, e.tmUnit ?? ctx.unit, ctx.unit)) }]),
  );
  return computeProgression(ctx.sets, rules, tmExercises, { unit: ctx.unit, increment: ctx.increment });
}

async function recordProgression(tx: Tx, userId: number, workoutId: number, unit: Unit, outcomes: ProgressionOutcome[]) {
  const raised = outcomes.filter((o) => o.increase.gt(0));
  if (raised.length > 0) {
    const effectiveDate = await nextEffectiveDate(tx, userId);
    await tx.trainingMax.createMany({
      data: raised.map((o) => ({ userId, exerciseId: o.exerciseId, weight: o.newTM.toString(), unit, source: 'progression', workoutId, effectiveDate })),
    });
  }
  await tx.workout.update({ where: { id: workoutId }, data: { progressionResult: outcomes.map(toProgressionDto) } });
}

export const toProgressionDto = (o: ProgressionOutcome): ProgressionResultDto => ({
  exerciseId: o.exerciseId,
  slug: o.slug,
  previousTM: toNumber(o.previousTM),
  newTM: toNumber(o.newTM),
  increase: toNumber(o.increase),
  amrapReps: o.amrapReps,
  ...(o.capped ? { capped: true as const } : {}),
});

async function whyNotInProgress(db: Db | Tx, userId: number, workoutId: number): Promise<AppError> {
  const workout = await db.workout.findFirst({ where: { id: workoutId, userId }, select: { status: true } });
  return workout ? notInProgress(workout.status) : notFound('Workout');
}

function notInProgress(status: string): AppError {
  if (status === 'completed') return conflict('WORKOUT_ALREADY_COMPLETED', 'This workout is already completed; nothing was changed');
  return conflict('WORKOUT_NOT_IN_PROGRESS', `This workout is ${status.replace('_', ' ')}; nothing was changed`);
}

