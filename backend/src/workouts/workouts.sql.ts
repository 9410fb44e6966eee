import type { Db, Tx } from '../db/prisma';
import { Prisma } from '../generated/prisma/client';
import { latestTrainingMaxSql } from '../training-maxes/current-training-maxes';
import type { GeneratedSet, LoggedSetDto, LogSetBody, PrescribedSetTemplate, Unit } from '@liftplan/domain';

// The workouts domain's raw SQL, one function per statement; each states the shape of the rows it returns.
// Numbers PostgreSQL builds into JSON (weights, percentages) come back as text so no precision is lost.

/** What generating a plan day's workout needs, read in one round trip. */
export type GenerationContext = {
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
 * The lifter's settings, active plan day (`dayNumber` of their pinned plan version), its set templates, the workout
 * already in progress and the current TM of every exercise the day uses. `undefined` when the user row is gone.
 */
export async function selectGenerationContext(
  db: Db | Tx,
  userId: number,
  dayNumber: number,
): Promise<GenerationContext | undefined> {
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
               LEFT JOIN LATERAL (${latestTrainingMaxSql(Prisma.raw('u.id'), Prisma.raw('e.id'))}) tm ON true
              WHERE e.id IN (SELECT exercise_id FROM plan_day_exercises WHERE plan_day_id = pd.id
                             UNION SELECT tm_exercise_id FROM plan_day_exercises WHERE plan_day_id = pd.id)), '[]'::json) AS exercises
      FROM users u
      LEFT JOIN user_plans up ON up.user_id = u.id AND up.is_active
      LEFT JOIN plan_versions pv ON pv.id = up.plan_version_id
      LEFT JOIN workout_plans p ON p.id = up.plan_id
      LEFT JOIN plan_days pd ON pd.plan_version_id = up.plan_version_id AND pd.day_number = ${dayNumber}
     WHERE u.id = ${userId}`;
  return rows[0];
}

export type NewWorkout = {
  userId: number;
  userPlanId: number | null;
  planDayId: number | null;
  dayNumber: number;
  unit: Unit;
};
export type InsertedWorkout = {
  id: number;
  createdAt: Date;
  setIds: Array<{ id: number; exerciseOrder: number; setOrder: number }>;
};

/**
 * Inserts an in-progress workout and all its sets in one statement (atomic). Raises the unique violation of
 * `workouts_one_in_progress_per_user` when the lifter already has a workout in progress.
 */
export async function insertWorkoutWithSets(
  db: Db | Tx,
  workout: NewWorkout,
  sets: GeneratedSet[],
): Promise<InsertedWorkout> {
  const rows = await db.$queryRaw<InsertedWorkout[]>`
    WITH w AS (
      INSERT INTO workouts (user_id, user_plan_id, plan_day_id, day_number, unit, status)
      VALUES (${workout.userId}, ${workout.userPlanId}, ${workout.planDayId}, ${workout.dayNumber}, ${workout.unit}, 'in_progress')
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
      FROM w`;
  return rows[0]!;
}

function serializableSets(sets: GeneratedSet[]) {
  return sets.map((s) => ({
    ...s,
    percentage: s.percentage.toString(),
    prescribedWeight: s.prescribedWeight.toString(),
  }));
}

/**
 * Records reps and/or done for one set of the lifter's in-progress workout, in one statement. Marking a regular set
 * done without reps records the prescribed reps, un-marking it clears them; AMRAP reps are only what the lifter enters.
 * FOR SHARE on the workout: a completion waits until this write commits, or, if it came first, this write finds the
 * workout no longer in progress. `undefined` when nothing was updated (no such set, or the workout is not in progress).
 */
export async function updateLoggedSet(
  db: Db | Tx,
  userId: number,
  workoutId: number,
  setId: number,
  body: LogSetBody,
): Promise<LoggedSetDto | undefined> {
  const repsGiven = body.actualReps !== undefined;
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
  return rows[0];
}

/**
 * The conditional status flip `in_progress → completed` (it takes the workout's row lock): true when this call
 * flipped it, false when the workout is not the lifter's or not in progress (anymore). See docs/decisions/0002.
 */
export async function flipToCompleted(tx: Tx, userId: number, workoutId: number): Promise<boolean> {
  const flipped = await tx.$queryRaw<Array<{ id: number }>>`
    UPDATE workouts SET status = 'completed', completed_at = now()
     WHERE id = ${workoutId} AND user_id = ${userId} AND status = 'in_progress'
 RETURNING id`;
  return flipped.length > 0;
}

/** What progression needs when a workout completes, read in one round trip. */
export type CompletionContext = {
  unit: Unit;
  increment: string;
  rules: Array<{
    exerciseId: number | null;
    category: 'upper' | 'lower' | null;
    minReps: number;
    maxReps: number;
    increase: string;
    unit: Unit;
  }>;
  sets: Array<{ tmExerciseId: number; exerciseOrder: number; setOrder: number; actualReps: number | null }>;
  tmExercises: Array<{
    id: number;
    slug: string;
    isUpperBody: boolean;
    trainingMax: string | null;
    tmUnit: Unit | null;
  }>;
};

/**
 * The lifter's unit and increment, the progression rules of the workout's plan version, its progression sets and
 * the current TM of every exercise they progress. `undefined` when the workout is not the lifter's.
 */
export async function selectCompletionContext(
  db: Db | Tx,
  userId: number,
  workoutId: number,
): Promise<CompletionContext | undefined> {
  const rows = await db.$queryRaw<CompletionContext[]>`
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
                       LEFT JOIN LATERAL (${latestTrainingMaxSql(Prisma.raw('u.id'), Prisma.raw('e.id'))}) tm ON true
                      WHERE e.id IN (SELECT tm_exercise_id FROM workout_sets WHERE workout_id = w.id AND is_progression)), '[]'::json) AS "tmExercises"
      FROM workouts w
      JOIN users u ON u.id = w.user_id
      LEFT JOIN user_plans up ON up.id = w.user_plan_id
     WHERE w.id = ${workoutId} AND w.user_id = ${userId}`;
  return rows[0];
}
