import type { Clock } from '../config/clock';
import { programPaused } from '../subscriptions/enrolment.service';
import type { Db, Tx } from '../db/prisma';
import { isUniqueViolation } from '../db/errors';
import { convertWeight, generateWorkoutSets, type Decimal, type StartWorkoutBody, type Unit } from '@liftplan/domain';
import { Prisma } from '../generated/prisma/client';
import { AppError, conflict, notFound, unprocessable } from '../http/errors';
import { accountGone, inLifterTransaction } from '../training-maxes/lifter-lock';
import { planProgressStep } from './plan-progress';
import { cachedDayTemplates } from '../plans/plan-cache';
import { limitSentence, trainingMaxTooHeavy } from '../training-maxes/training-max-limit';
import { MAX_STORED_WEIGHT } from '@liftplan/domain';
import { toWorkoutSetDto } from './workout-dto';
import { selectWorkoutDto } from './workout-query';
import {
  insertWorkoutWithSets,
  lockLifterAndFlipToCompleted,
  selectCompletionContext,
  selectGenerationContext,
  updateLoggedSet,
  writeProgressAndReadWorkout,
  type GenerationContext,
  type InsertedWorkout,
} from './workouts.sql';
import type {
  CompleteWorkoutResponse,
  ListWorkoutsQuery,
  LogSetBody,
  LoggedSetDto,
  ProgressionResultDto,
  WorkoutDto,
  WorkoutSummaryDto,
} from '@liftplan/domain';

const IN_PROGRESS_INDEX = 'workouts_one_in_progress_per_user';

// ---------- start ----------

/**
 * Starts a workout of the lifter's pinned plan version in two round trips (SQL in workouts.sql.ts): one query reads
 * the lifter's settings, the target day (`{}` the pointer's, `{ dayNumber }` that day of the pointer's week,
 * `{ weekNumber, dayNumber }` any day) and the current TMs; the day's set templates come from the cached version
 * (one more read the first time a process meets the version); one statement inserts the workout and all its sets
 * atomically. The workout belongs to the pointer's cycle.
 * One workout can be in progress per lifter (a partial unique index): starting another answers 409 with its id.
 */
export async function startWorkout(db: Db, userId: number, target: StartWorkoutBody): Promise<WorkoutDto> {
  const ctx = await loadGenerationContext(db, userId, target);
  if (ctx.userPlanId === null) throw new AppError(404, 'NO_ACTIVE_PLAN', 'You are not on a plan; pick one first');
  if (ctx.enrolmentStatus === 'paused') throw programPaused();
  if (ctx.planDayId === null) throw dayNotInPlan(ctx, target);
  if (ctx.inProgressId !== null) throw workoutInProgress(ctx.inProgressId);

  const exercises = new Map(ctx.exercises.map((e) => [e.id, e]));
  const trainingMaxes = new Map(
    ctx.exercises.flatMap((e) =>
      e.trainingMax === null ? [] : [[e.id, convertWeight(e.trainingMax, e.tmUnit ?? ctx.unit, ctx.unit)] as const],
    ),
  );
  const version = { versionId: ctx.planVersionId!, planChangedAt: ctx.planChangedAt! };
  const templates = (await cachedDayTemplates(db, version, ctx.planDayId)) ?? [];
  const generated = generateWorkoutSets(templates, trainingMaxes, {
    increment: ctx.increment,
    rounding: ctx.rounding,
    warmups: ctx.warmups,
    barWeight: ctx.barWeight,
  });
  if (!generated.ok) throw missingTrainingMaxes(generated.missingTmExerciseIds, exercises);

  assertPrescribedWeightsFit(generated.sets, exercises, ctx.unit);

  const position = { cycle: ctx.cycle!, weekNumber: ctx.weekNumber!, dayNumber: ctx.dayNumber! };
  let inserted: InsertedWorkout;
  try {
    inserted = await insertWorkoutWithSets(
      db,
      { userId, userPlanId: ctx.userPlanId, planDayId: ctx.planDayId, ...position, unit: ctx.unit },
      generated.sets,
    );
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
    ...position,
    dayName: ctx.dayName,
    planId: ctx.planId,
    planName: ctx.planName,
    unit: ctx.unit,
    status: 'in_progress',
    createdAt: new Date(inserted.createdAt).toISOString(),
    completedAt: null,
    note: null,
    progression: null,
    sets: generated.sets.map((s) =>
      toWorkoutSetDto(
        {
          ...s,
          id: idOf.get(`${s.exerciseOrder}:${s.setOrder}`)!,
          exercise: exercises.get(s.exerciseId)!,
          actualReps: null,
          actualWeight: null,
          rpe: null,
          note: null,
          completed: false,
          skipped: false,
          repsMax: s.repsMax,
          restSeconds: s.restSeconds,
        },
        ctx.unit,
        bar,
      ),
    ),
  };
}

/** 422 naming the range: the weeks of the cycle, or the days of the week asked for. */
function dayNotInPlan(ctx: GenerationContext, target: StartWorkoutBody): AppError {
  const cycleWeeks = ctx.cycleWeeks ?? 1;
  if (ctx.daysInWeek === null) {
    return unprocessable(
      'DAY_NOT_IN_PLAN',
      `Your plan has weeks 1 to ${cycleWeeks}; there is no week ${ctx.weekNumber}`,
      [{ path: 'weekNumber', message: `must be between 1 and ${cycleWeeks}` }],
    );
  }
  const week = target.weekNumber !== undefined || cycleWeeks > 1 ? ` in week ${ctx.weekNumber}` : '';
  return unprocessable(
    'DAY_NOT_IN_PLAN',
    `Your plan has days 1 to ${ctx.daysInWeek}${week}; there is no day ${ctx.dayNumber}`,
    [{ path: 'dayNumber', message: `must be between 1 and ${ctx.daysInWeek}` }],
  );
}

export function missingTrainingMaxes(
  ids: number[],
  exercises: ReadonlyMap<number, { slug: string; name: string }>,
): AppError {
  const missing = ids.map((id) => ({
    exerciseId: id,
    slug: exercises.get(id)?.slug ?? '',
    name: exercises.get(id)?.name ?? '',
  }));
  return unprocessable(
    'MISSING_TRAINING_MAX',
    `Set a training max first for: ${missing.map((m) => m.name).join(', ')}`,
    {
      missingTMs: missing,
    },
  );
}

async function loadGenerationContext(db: Db, userId: number, target: StartWorkoutBody): Promise<GenerationContext> {
  const ctx = await selectGenerationContext(db, userId, target);
  if (!ctx) throw new AppError(401, 'UNAUTHENTICATED', 'This account no longer exists');
  return ctx;
}

const workoutInProgress = (workoutId: number | null) =>
  conflict('WORKOUT_IN_PROGRESS', 'You already have a workout in progress: finish or abandon it first', { workoutId });

// ---------- read ----------

export async function getWorkout(db: Db, userId: number, workoutId: number): Promise<WorkoutDto> {
  const workout = await selectWorkoutDto(db, userId, workoutId);
  if (!workout) throw notFound('Workout');
  return workout;
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
      include: {
        planDay: { select: { name: true, plan: { select: { id: true, name: true } } } },
        sets: { select: { completed: true } },
      },
    }),
  ]);
  const items: WorkoutSummaryDto[] = workouts.map((w) => ({
    id: w.id,
    cycle: w.cycle,
    weekNumber: w.weekNumber,
    dayNumber: w.dayNumber,
    dayName: w.planDay?.name ?? null,
    planId: w.planDay?.plan.id ?? null,
    planName: w.planDay?.plan.name ?? null,
    unit: w.unit as Unit,
    status: w.status as WorkoutSummaryDto['status'],
    createdAt: w.createdAt.toISOString(),
    completedAt: w.completedAt?.toISOString() ?? null,
    note: w.note,
    progression: (w.progressionResult as ProgressionResultDto[] | null) ?? null,
    setCount: w.sets.length,
    completedSetCount: w.sets.filter((s) => s.completed).length,
  }));
  return { items, page: query.page, pageSize: query.pageSize, total };
}

/** A TM stored before the limit existed (or imported) can still prescribe more than a weight column holds: a 422, not a 500. */
function assertPrescribedWeightsFit(
  sets: Array<{ prescribedWeight: Decimal | null; tmExerciseId: number }>,
  exercises: Map<number, { name: string }>,
  unit: Unit,
) {
  const tooHeavy = sets.find((s) => s.prescribedWeight?.gt(MAX_STORED_WEIGHT));
  if (!tooHeavy) return;
  const name = exercises.get(tooHeavy.tmExerciseId)?.name ?? 'an exercise';
  throw trainingMaxTooHeavy(
    unit,
    [{ path: 'trainingMax', message: `${name}: lower this training max first` }],
    `${limitSentence(unit)}; lower ${name}'s training max first`,
  );
}

// ---------- log a set ----------

/**
 * Records reps and/or done for one set of an in-progress workout, in one statement. Marking a regular set done
 * without reps records the prescribed reps, un-marking it clears them; AMRAP reps are only what the lifter enters.
 */
export async function logSet(
  db: Db,
  userId: number,
  workoutId: number,
  setId: number,
  body: LogSetBody,
): Promise<LoggedSetDto> {
  // The update holds FOR SHARE on the workout: a completion waits until this write commits, or, if it came first,
  // this write finds the workout no longer in progress and is refused — a set never changes after completion has read it.
  const logged = await updateLoggedSet(db, userId, workoutId, setId, body);
  if (logged) return logged;
  const set = await db.workoutSet.findFirst({
    where: { id: setId, workoutId, workout: { userId } },
    select: { workout: { select: { status: true } } },
  });
  if (!set) throw notFound('Set');
  throw notInProgress(set.workout.status);
}

// ---------- complete / abandon ----------

/**
 * Exactly once: the status flip `in_progress → completed` takes the workout's row lock, so a concurrent or repeated
 * completion finds nothing to flip and gets 409 with nothing changed. The (workout_id, exercise_id) unique index on
 * training_maxes backs this up in the schema. The lifter lock comes first (the order every TM writer uses), so a
 * manual adjustment or unit switch never interleaves between reading a TM and raising it. See
 * docs/decisions/0002-exactly-once-completion.md.
 * Five round trips: BEGIN, lock and flip, read what progression needs (a statement of its own, so it sees what the
 * previous lock holder committed), store the step and read the workout back, COMMIT.
 */
export async function completeWorkout(
  db: Db,
  userId: number,
  workoutId: number,
  clock: Clock,
): Promise<CompleteWorkoutResponse> {
  const now = clock.now();
  return inLifterTransaction(db, async (tx) => {
    const { lifterExists, flipped } = await lockLifterAndFlipToCompleted(tx, userId, workoutId, now);
    if (!lifterExists) throw accountGone();
    if (!flipped) throw await whyNotInProgress(tx, userId, workoutId);
    // The workout was just flipped in this transaction, so it is the lifter's and its row exists.
    const ctx = (await selectCompletionContext(tx, userId, workoutId))!;
    const step = planProgressStep({
      userId,
      workoutId,
      movesPointer: ctx.isActive && ctx.workoutCycle === ctx.cycle,
      state: ctx,
      unit: ctx.unit,
      increment: ctx.increment,
      rules: ctx.rules,
      tmExercises: ctx.tmExercises,
      sets: ctx.sets,
      isDeload: ctx.isDeload,
      at: now,
    });
    const workout = await writeProgressAndReadWorkout(tx, step.write, userId);
    return { workout, progression: step.progression };
  });
}

export async function abandonWorkout(db: Db, userId: number, workoutId: number): Promise<WorkoutDto> {
  const { count } = await db.workout.updateMany({
    where: { id: workoutId, userId, status: 'in_progress' },
    data: { status: 'abandoned' },
  });
  if (count === 0) throw await whyNotInProgress(db, userId, workoutId);
  return getWorkout(db, userId, workoutId);
}

async function whyNotInProgress(db: Db | Tx, userId: number, workoutId: number): Promise<AppError> {
  const workout = await db.workout.findFirst({ where: { id: workoutId, userId }, select: { status: true } });
  return workout ? notInProgress(workout.status) : notFound('Workout');
}

export function notInProgress(status: string): AppError {
  if (status === 'completed')
    return conflict('WORKOUT_ALREADY_COMPLETED', 'This workout is already completed; nothing was changed');
  return conflict('WORKOUT_NOT_IN_PROGRESS', `This workout is ${status.replace('_', ' ')}; nothing was changed`);
}
