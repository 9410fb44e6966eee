import { queryRows, type Db, type Tx } from '../db/prisma';
import { Prisma } from '../generated/prisma/client';
import { latestTrainingMaxSql } from '../training-maxes/current-training-maxes';
import { planChangedAtSql } from '../plans/plan-cache';
import { lockLifterSql } from '../training-maxes/lifter-lock';
import { toWorkoutDto, workoutDtoSql, type WorkoutDtoRow } from './workout-query';
import type {
  GeneratedSet,
  LoggedSetDto,
  LogSetBody,
  RoundingMode,
  StartWorkoutBody,
  Unit,
  WarmupSetting,
  WorkoutDto,
} from '@liftplan/domain';

// The workouts domain's raw SQL, one function per statement; each states the shape of the rows it returns.
// Numbers PostgreSQL builds into JSON (weights, percentages) come back as text so no precision is lost.

/** What generating a plan day's workout needs, read in one round trip. */
export type GenerationContext = {
  unit: Unit;
  increment: string;
  rounding: RoundingMode;
  warmups: WarmupSetting;
  barWeight: string;
  plates: string[];
  userPlanId: number | null;
  planName: string | null;
  planId: number | null;
  /** The pinned version and when what its detail shows last changed: the key of the cached plan detail. */
  planVersionId: number | null;
  planChangedAt: Date | null;
  cycleWeeks: number | null;
  /** The enrolment's status: no workout starts while it is paused. */
  enrolmentStatus: 'active' | 'paused' | null;
  /** The subscription's pointer cycle: every workout started now belongs to it. */
  cycle: number | null;
  weekNumber: number | null;
  dayNumber: number | null;
  /** Days in the target week (null when the week doesn't exist). */
  daysInWeek: number | null;
  planDayId: number | null;
  dayName: string | null;
  inProgressId: number | null;
  exercises: Array<{ id: number; slug: string; name: string; trainingMax: string | null; tmUnit: Unit | null }>;
};

/**
 * The lifter's settings, the target day of their pinned plan version (the pointer's day, or the week/day asked
 * for), the workout already in progress and the current TM of every exercise the day uses. The day's set templates
 * are not read here: a version never changes, so they come from the cached plan detail (plan-cache.ts).
 * `undefined` when the user row is gone.
 */
export async function selectGenerationContext(
  db: Db | Tx,
  userId: number,
  target: StartWorkoutBody,
): Promise<GenerationContext | undefined> {
  const rows = await queryRows<GenerationContext>(
    db,
    Prisma.sql`
    WITH sub AS (
      SELECT up.id, up.plan_id, up.plan_version_id, up.cycle, up.status,
             COALESCE(${target.weekNumber ?? null}::int, up.week_number) AS week_number,
             COALESCE(${target.dayNumber ?? null}::int, up.day_number) AS day_number
        FROM user_plans up WHERE up.user_id = ${userId} AND up.is_active
    )
    SELECT u.unit_preference AS unit, u.weight_increment::text AS increment, u.rounding, u.warmups,
           u.bar_weight::text AS "barWeight", u.plates::text[] AS plates,
           sub.id AS "userPlanId", p.id AS "planId", p.name AS "planName", pv.cycle_weeks AS "cycleWeeks",
           sub.plan_version_id AS "planVersionId", ${planChangedAtSql('p')} AS "planChangedAt",
           sub.status AS "enrolmentStatus", sub.cycle, sub.week_number AS "weekNumber", sub.day_number AS "dayNumber",
           (SELECT max(x.day_number) FROM plan_days x
             WHERE x.plan_version_id = sub.plan_version_id AND x.week_number = sub.week_number) AS "daysInWeek",
           pd.id AS "planDayId", pd.name AS "dayName",
           (SELECT w.id FROM workouts w WHERE w.user_id = u.id AND w.status = 'in_progress' LIMIT 1) AS "inProgressId",
           COALESCE((
             SELECT json_agg(json_build_object('id', e.id, 'slug', e.slug, 'name', e.name,
                                               'trainingMax', tm.weight::text, 'tmUnit', tm.unit))
               FROM (SELECT exercise_id AS id FROM plan_day_exercises WHERE plan_day_id = pd.id
                     UNION SELECT tm_exercise_id FROM plan_day_exercises WHERE plan_day_id = pd.id) day_exercise
               JOIN exercises e ON e.id = day_exercise.id
               LEFT JOIN LATERAL (${latestTrainingMaxSql(Prisma.raw('u.id'), Prisma.raw('e.id'))}) tm ON true), '[]'::json) AS exercises
      FROM users u
      LEFT JOIN sub ON true
      LEFT JOIN plan_versions pv ON pv.id = sub.plan_version_id
      LEFT JOIN workout_plans p ON p.id = sub.plan_id
      LEFT JOIN plan_days pd ON pd.plan_version_id = sub.plan_version_id AND pd.week_number = sub.week_number
                            AND pd.day_number = sub.day_number
     WHERE u.id = ${userId}`,
  );
  return rows[0];
}

export type NewWorkout = {
  userId: number;
  userPlanId: number | null;
  planDayId: number | null;
  cycle: number;
  weekNumber: number;
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
  const rows = await queryRows<InsertedWorkout>(
    db,
    Prisma.sql`
    WITH w AS (
      INSERT INTO workouts (user_id, user_plan_id, plan_day_id, cycle, week_number, day_number, unit, status)
      VALUES (${workout.userId}, ${workout.userPlanId}, ${workout.planDayId}, ${workout.cycle}, ${workout.weekNumber},
              ${workout.dayNumber}, ${workout.unit}, 'in_progress')
      RETURNING id, created_at
    ), s AS (
      INSERT INTO workout_sets (workout_id, exercise_id, tm_exercise_id, exercise_order, display_name, tier, kind, set_order,
                                percentage, prescribed_weight, prescribed_reps, reps_max, rest_seconds, is_amrap, is_progression)
      SELECT w.id, x."exerciseId", x."tmExerciseId", x."exerciseOrder", x."displayName", x.tier, x.kind, x."setOrder",
             x.percentage, x."prescribedWeight", x."prescribedReps", x."repsMax", x."restSeconds", x."isAmrap", x."isProgression"
        FROM w CROSS JOIN jsonb_to_recordset(${JSON.stringify(serializableSets(sets))}::jsonb) AS x(
             "exerciseId" int, "tmExerciseId" int, "exerciseOrder" int, "displayName" text, tier text, kind text,
             "setOrder" int, percentage numeric, "prescribedWeight" numeric, "prescribedReps" int, "repsMax" int,
             "restSeconds" int, "isAmrap" boolean, "isProgression" boolean)
      RETURNING id, exercise_order, set_order
    )
    SELECT w.id, w.created_at AS "createdAt",
           (SELECT json_agg(json_build_object('id', s.id, 'exerciseOrder', s.exercise_order, 'setOrder', s.set_order)) FROM s) AS "setIds"
      FROM w`,
  );
  return rows[0]!;
}

function serializableSets(sets: GeneratedSet[]) {
  return sets.map((s) => ({
    ...s,
    percentage: s.percentage?.toString() ?? null,
    prescribedWeight: s.prescribedWeight?.toString() ?? null,
  }));
}

/**
 * Records what the lifter did on one set of their in-progress workout, in one statement: any of reps, weight, RPE,
 * note, done, skipped. Marking a regular set done without reps records the prescribed reps, un-marking it clears
 * them; AMRAP reps are only what the lifter enters. A set marked done without a weight was done at the prescribed
 * weight. Skipping a set un-does it (reps, weight and RPE cleared; the note stays: it may say why); marking it done
 * un-skips it. Idempotent: the same body twice leaves the same row (the offline queue may replay it).
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
  const skip = body.skipped === true;
  const completed = skip ? false : (body.completed ?? null);
  const skipped = body.completed === true ? false : (body.skipped ?? null);
  const rows = await queryRows<LoggedSetDto>(
    db,
    Prisma.sql`
    WITH w AS (
      SELECT id FROM workouts WHERE id = ${workoutId} AND user_id = ${userId} AND status = 'in_progress' FOR SHARE
    )
    UPDATE workout_sets s
       SET actual_reps = CASE
             WHEN ${skip} THEN NULL
             WHEN ${repsGiven} THEN ${body.actualReps ?? null}::int
             WHEN ${completed}::boolean IS TRUE AND NOT s.is_amrap THEN COALESCE(s.actual_reps, s.prescribed_reps)
             WHEN ${completed}::boolean IS FALSE AND NOT s.is_amrap THEN NULL
             ELSE s.actual_reps END,
           actual_weight = CASE
             WHEN ${skip} THEN NULL
             WHEN ${body.actualWeight !== undefined} THEN ${body.actualWeight ?? null}::numeric
             WHEN ${completed}::boolean IS TRUE THEN COALESCE(s.actual_weight, s.prescribed_weight)
             ELSE s.actual_weight END,
           rpe = CASE
             WHEN ${skip} THEN NULL
             WHEN ${body.rpe !== undefined} THEN ${body.rpe ?? null}::numeric
             ELSE s.rpe END,
           note = CASE WHEN ${body.note !== undefined} THEN ${body.note ?? null}::text ELSE s.note END,
           completed = COALESCE(${completed}::boolean, s.completed),
           skipped = COALESCE(${skipped}::boolean, s.skipped)
      FROM w
     WHERE s.id = ${setId} AND s.workout_id = w.id
 RETURNING s.id, s.workout_id AS "workoutId", s.actual_reps AS "actualReps", s.actual_weight::float8 AS "actualWeight",
           s.rpe::float8 AS rpe, s.note, s.completed, s.skipped`,
  );
  return rows[0];
}

/**
 * The lifter lock (training-maxes/lifter-lock.ts) and the conditional status flip `in_progress → completed` (the
 * workout's row lock), in one statement. The flip's condition needs the locked user row, so the user is always locked
 * first, the order every TM writer uses. `flipped` is false when the workout is not the lifter's or not in progress
 * (anymore): a completion that waited for the lock re-checks the workout's newest row. See docs/decisions/0002.
 */
export async function lockLifterAndFlipToCompleted(
  tx: Tx,
  userId: number,
  workoutId: number,
  now: Date,
): Promise<{ lifterExists: boolean; flipped: boolean }> {
  const rows = await tx.$queryRaw<Array<{ lifterExists: boolean; flipped: boolean }>>`
    WITH lifter AS (${lockLifterSql(userId)}), flipped AS (
      UPDATE workouts SET status = 'completed', completed_at = ${now}
       WHERE id = ${workoutId} AND user_id = (SELECT id FROM lifter) AND status = 'in_progress'
      RETURNING id
    )
    SELECT EXISTS (SELECT 1 FROM lifter) AS "lifterExists", EXISTS (SELECT 1 FROM flipped) AS flipped`;
  return rows[0]!;
}

type StoredRule = {
  kind: 'amrap_table' | 'reps_over_target' | 'cycle_increment' | 'stall_reset';
  exerciseId: number | null;
  category: 'upper' | 'lower' | null;
  minReps: number | null;
  maxReps: number | null;
  increase: string | null;
  unit: Unit | 'percent' | null;
  maxSteps: number | null;
  failures: number | null;
  factor: string | null;
};

/** Where a subscription stands, as completion and skip need it. */
export type PointerState = {
  userPlanId: number | null;
  /** The workout's subscription is the lifter's active one: only then does the pointer move. */
  isActive: boolean;
  status: 'active' | 'paused' | 'completed' | 'ended' | null;
  /** How many times the version's cycle runs (null: repeats): ending the last one completes the enrolment. */
  planCycles: number | null;
  cycle: number;
  weekNumber: number;
  dayNumber: number;
  /** weekDays[i] = days in week i + 1. */
  weekDays: number[];
  /** [weekNumber, dayNumber] completed or skipped in the pointer's cycle. */
  doneDays: Array<[number, number]>;
  /** TM exercises trained (main/supplemental %-sets of completed workouts) in the pointer's cycle, first use first. */
  cycleTrained: number[];
  stallCounts: Record<string, number>;
  /** The pointer's cycle is in completed_cycles already: its cycle-end increments were applied then. */
  cycleClaimed: boolean;
};

/** What progression and the pointer need when a workout completes, read in one round trip. */
export type CompletionContext = PointerState & {
  unit: Unit;
  increment: string;
  workoutCycle: number;
  isDeload: boolean;
  rules: StoredRule[];
  sets: Array<{
    tmExerciseId: number;
    exerciseOrder: number;
    setOrder: number;
    actualReps: number | null;
    prescribedReps: number;
    /** As text (exact decimals), in the workout's unit: a set lighter than prescribed moves no TM. */
    actualWeight: string | null;
    prescribedWeight: string | null;
  }>;
  tmExercises: Array<{
    id: number;
    slug: string;
    isUpperBody: boolean;
    trainingMax: string | null;
    tmUnit: Unit | null;
  }>;
};

const pointerStateColumns = Prisma.sql`
  up.id AS "userPlanId", COALESCE(up.is_active, false) AS "isActive", up.status,
  (SELECT v.cycles FROM plan_versions v WHERE v.id = up.plan_version_id) AS "planCycles",
  COALESCE(up.cycle, 1) AS cycle, COALESCE(up.week_number, 1) AS "weekNumber", COALESCE(up.day_number, 1) AS "dayNumber",
  COALESCE((SELECT json_agg(x.days ORDER BY x.week_number)
              FROM (SELECT week_number, max(day_number) AS days FROM plan_days
                     WHERE plan_version_id = up.plan_version_id GROUP BY week_number) x), '[]'::json) AS "weekDays",
  COALESCE((SELECT json_agg(json_build_array(d.week_number, d.day_number)) FROM workouts d
             WHERE d.user_plan_id = up.id AND d.cycle = up.cycle AND d.status IN ('completed', 'skipped')), '[]'::json)
    AS "doneDays",
  COALESCE((SELECT json_agg(t.tm_exercise_id ORDER BY t.first_use)
              FROM (SELECT s.tm_exercise_id, min(s.id) AS first_use
                      FROM workouts d JOIN workout_sets s ON s.workout_id = d.id
                     WHERE d.user_plan_id = up.id AND d.cycle = up.cycle AND d.status = 'completed'
                       AND s.kind IN ('main', 'supplemental') AND s.percentage IS NOT NULL AND s.swapped_from_exercise_id IS NULL
                     GROUP BY s.tm_exercise_id) t), '[]'::json) AS "cycleTrained",
  COALESCE((SELECT json_object_agg(c.exercise_id, c.consecutive_misses) FROM stall_counters c
             WHERE c.user_plan_id = up.id), '{}'::json) AS "stallCounts",
  EXISTS (SELECT 1 FROM completed_cycles cc WHERE cc.user_plan_id = up.id AND cc.cycle = up.cycle) AS "cycleClaimed"`;

const ruleColumnsSql = Prisma.sql`
  COALESCE((SELECT json_agg(json_build_object('kind', r.kind, 'exerciseId', r.exercise_id, 'category', r.category,
              'minReps', r.min_reps, 'maxReps', r.max_reps, 'increase', r.increase::text, 'unit', r.unit,
              'maxSteps', r.max_steps, 'failures', r.failures, 'factor', r.factor::text))
              FROM plan_progression_rules r WHERE r.plan_version_id = up.plan_version_id), '[]'::json) AS rules`;

/**
 * The lifter's unit and increment, the workout's subscription and pointer state, its week's deload flag, the
 * progression rules of its plan version, its progression sets and the current TM of every exercise they progress
 * or the pointer's cycle trained. `undefined` when the workout is not the lifter's.
 */
export async function selectCompletionContext(
  db: Db | Tx,
  userId: number,
  workoutId: number,
): Promise<CompletionContext | undefined> {
  const rows = await db.$queryRaw<CompletionContext[]>`
    SELECT u.unit_preference AS unit, u.weight_increment::text AS increment, w.cycle AS "workoutCycle",
           COALESCE((SELECT pw.is_deload FROM plan_weeks pw
                      WHERE pw.plan_version_id = up.plan_version_id AND pw.week_number = w.week_number), false) AS "isDeload",
           ${pointerStateColumns},
           ${ruleColumnsSql},
           COALESCE((SELECT json_agg(json_build_object('tmExerciseId', s.tm_exercise_id, 'exerciseOrder', s.exercise_order,
                       'setOrder', s.set_order, 'actualReps', s.actual_reps, 'prescribedReps', s.prescribed_reps,
                       'actualWeight', s.actual_weight::text, 'prescribedWeight', s.prescribed_weight::text))
                       FROM workout_sets s WHERE s.workout_id = w.id AND s.is_progression AND NOT s.skipped), '[]'::json) AS sets,
           COALESCE((SELECT json_agg(json_build_object('id', e.id, 'slug', e.slug, 'isUpperBody', e.is_upper_body,
                       'trainingMax', tm.weight::text, 'tmUnit', tm.unit))
                       FROM exercises e
                       LEFT JOIN LATERAL (${latestTrainingMaxSql(Prisma.raw('u.id'), Prisma.raw('e.id'))}) tm ON true
                      WHERE e.id IN (SELECT tm_exercise_id FROM workout_sets WHERE workout_id = w.id AND is_progression)
                         OR e.id IN (SELECT s.tm_exercise_id FROM workouts d JOIN workout_sets s ON s.workout_id = d.id
                                      WHERE d.user_plan_id = up.id AND d.cycle = up.cycle AND d.status = 'completed'
                                        AND s.kind IN ('main', 'supplemental') AND s.percentage IS NOT NULL AND s.swapped_from_exercise_id IS NULL)), '[]'::json)
             AS "tmExercises"
      FROM workouts w
      JOIN users u ON u.id = w.user_id
      LEFT JOIN user_plans up ON up.id = w.user_plan_id
     WHERE w.id = ${workoutId} AND w.user_id = ${userId}`;
  return rows[0];
}

/** What skipping the pointer's day needs: the active subscription's pointer state, rules and the TMs its cycle trained. */
export type SkipContext = PointerState & {
  userPlanId: number;
  planVersionId: number;
  unit: Unit;
  increment: string;
  planDayId: number | null;
  inProgressId: number | null;
  rules: StoredRule[];
  tmExercises: CompletionContext['tmExercises'];
};

export async function selectSkipContext(tx: Tx, userId: number): Promise<SkipContext | undefined> {
  const rows = await tx.$queryRaw<SkipContext[]>`
    SELECT u.unit_preference AS unit, u.weight_increment::text AS increment, up.plan_version_id AS "planVersionId",
           (SELECT pd.id FROM plan_days pd WHERE pd.plan_version_id = up.plan_version_id
               AND pd.week_number = up.week_number AND pd.day_number = up.day_number) AS "planDayId",
           (SELECT w.id FROM workouts w WHERE w.user_id = u.id AND w.status = 'in_progress' LIMIT 1) AS "inProgressId",
           ${pointerStateColumns},
           ${ruleColumnsSql},
           COALESCE((SELECT json_agg(json_build_object('id', e.id, 'slug', e.slug, 'isUpperBody', e.is_upper_body,
                       'trainingMax', tm.weight::text, 'tmUnit', tm.unit))
                       FROM exercises e
                       LEFT JOIN LATERAL (${latestTrainingMaxSql(Prisma.raw('u.id'), Prisma.raw('e.id'))}) tm ON true
                      WHERE e.id IN (SELECT s.tm_exercise_id FROM workouts d JOIN workout_sets s ON s.workout_id = d.id
                                      WHERE d.user_plan_id = up.id AND d.cycle = up.cycle AND d.status = 'completed'
                                        AND s.kind IN ('main', 'supplemental') AND s.percentage IS NOT NULL AND s.swapped_from_exercise_id IS NULL)), '[]'::json)
             AS "tmExercises"
      FROM users u
      JOIN user_plans up ON up.user_id = u.id AND up.is_active
     WHERE u.id = ${userId}`;
  return rows[0];
}

/** Records a skipped day: a workout row without sets. */
export async function insertSkippedWorkout(
  tx: Tx,
  workout: Omit<NewWorkout, 'unit'> & { unit: Unit; at: Date },
): Promise<number> {
  const rows = await tx.$queryRaw<Array<{ id: number }>>`
    INSERT INTO workouts (user_id, user_plan_id, plan_day_id, cycle, week_number, day_number, unit, status, created_at)
    VALUES (${workout.userId}, ${workout.userPlanId}, ${workout.planDayId}, ${workout.cycle}, ${workout.weekNumber},
            ${workout.dayNumber}, ${workout.unit}, 'skipped', ${workout.at})
    RETURNING id`;
  return rows[0]!.id;
}

/** Everything one step through a plan stores (plan-progress.ts); any part may be empty. */
export type ProgressWrite = {
  userId: number;
  userPlanId: number | null;
  /** The completed or skipped workout: the TM rows and the result are recorded on it. */
  workoutId: number;
  /** The cycle this step ended, claimed in completed_cycles (its primary key: once per subscription and cycle). */
  endedCycle: number | null;
  /** New TM rows (source progression) in `unit`, weights as exact decimal text. */
  trainingMaxes: Array<{ exerciseId: number; weight: string }>;
  unit: Unit;
  next: { cycle: number; weekNumber: number; dayNumber: number } | null;
  /** A finite program's last cycle ended: the enrolment is completed at `at` and its open pause closed. */
  completesEnrolment: boolean;
  at: Date;
  stallCounts: Array<{ exerciseId: number; misses: number }>;
  /** The TM changes to keep on the workout (its result panel survives a reload). */
  progression: unknown;
};

/** Stores a step through the plan in one statement. */
export async function writeProgressStep(tx: Tx, write: ProgressWrite): Promise<void> {
  await tx.$executeRaw`${progressWriteCtes(write)} SELECT 1`;
}

/** Stores a completion's step through the plan and reads the completed workout back, in one statement. */
export async function writeProgressAndReadWorkout(tx: Tx, write: ProgressWrite, userId: number): Promise<WorkoutDto> {
  const stored = Prisma.sql`(SELECT progression_result FROM result)`;
  const rows = await tx.$queryRaw<WorkoutDtoRow[]>`
    ${progressWriteCtes(write)} ${workoutDtoSql(userId, write.workoutId, stored)}`;
  return toWorkoutDto(rows[0]!);
}

/**
 * The writes of a step as data-modifying CTEs. A TM row's effective date is now, or 1 ms after the lifter's latest
 * row when the clock has not moved past it (as nextEffectiveDate in lifter-lock.ts). The enrolment's completion and
 * the pointer move are one UPDATE: a statement may change a row once.
 */
function progressWriteCtes(write: ProgressWrite): Prisma.Sql {
  const now = new Date();
  const completes = write.completesEnrolment;
  return Prisma.sql`
    WITH claimed AS (
      INSERT INTO completed_cycles (user_plan_id, cycle, workout_id)
      SELECT ${write.userPlanId}::int, ${write.endedCycle}::int, ${write.workoutId}::int
       WHERE ${write.endedCycle}::int IS NOT NULL
      ON CONFLICT DO NOTHING
    ), latest AS (
      SELECT max(effective_date) AS at FROM training_maxes WHERE user_id = ${write.userId}::int
    ), raised AS (
      INSERT INTO training_maxes (user_id, exercise_id, weight, unit, source, workout_id, effective_date, created_at)
      SELECT ${write.userId}::int, x."exerciseId", x.weight::numeric, ${write.unit}::text, 'progression',
             ${write.workoutId}::int,
             CASE WHEN latest.at >= ${now}::timestamptz THEN latest.at + interval '1 millisecond'
                  ELSE ${now}::timestamptz END,
             ${now}::timestamptz
        FROM jsonb_to_recordset(${JSON.stringify(write.trainingMaxes)}::jsonb) AS x("exerciseId" int, weight text)
       CROSS JOIN latest
    ), resumed AS (
      UPDATE user_plan_pauses SET resumed_at = ${write.at}::timestamptz
       WHERE user_plan_id = ${write.userPlanId}::int AND resumed_at IS NULL AND ${completes}::boolean
    ), moved AS (
      UPDATE user_plans
         SET cycle = COALESCE(${write.next?.cycle ?? null}::int, cycle),
             week_number = COALESCE(${write.next?.weekNumber ?? null}::int, week_number),
             day_number = COALESCE(${write.next?.dayNumber ?? null}::int, day_number),
             status = CASE WHEN ${completes}::boolean AND is_active THEN 'completed' ELSE status END,
             ended_at = CASE WHEN ${completes}::boolean AND is_active THEN ${write.at}::timestamptz ELSE ended_at END,
             paused_at = CASE WHEN ${completes}::boolean AND is_active THEN NULL ELSE paused_at END,
             is_active = is_active AND NOT ${completes}::boolean
       WHERE id = ${write.userPlanId}::int AND (${write.next !== null}::boolean OR ${completes}::boolean)
    ), counted AS (
      INSERT INTO stall_counters (user_plan_id, exercise_id, consecutive_misses)
      SELECT ${write.userPlanId}::int, x."exerciseId", x.misses
        FROM jsonb_to_recordset(${JSON.stringify(write.stallCounts)}::jsonb) AS x("exerciseId" int, misses int)
      ON CONFLICT (user_plan_id, exercise_id) DO UPDATE SET consecutive_misses = EXCLUDED.consecutive_misses
    ), result AS (
      UPDATE workouts SET progression_result = ${JSON.stringify(write.progression)}::jsonb
       WHERE id = ${write.workoutId}::int
      RETURNING progression_result
    )`;
}
