import type { Db, Tx } from '../db/prisma';
import { isUniqueViolation } from '../db/errors';
import { computeProgression, type ProgressionOutcome } from '@liftplan/domain';
import { toNumber, type Decimal } from '@liftplan/domain';
import type { ProgressionRule } from '@liftplan/domain';
import { convertWeight, toStoredWeight, type Unit } from '@liftplan/domain';
import { generateWorkoutSets } from '@liftplan/domain';
import { Prisma } from '../generated/prisma/client';
import { AppError, conflict, notFound, unprocessable } from '../http/errors';
import { nextEffectiveDate, withLifterLock } from '../training-maxes/lifter-lock';
import { limitSentence, trainingMaxTooHeavy } from '../training-maxes/training-max-limit';
import { MAX_STORED_WEIGHT } from '@liftplan/domain';
import { toWorkoutDto, toWorkoutSetDto, workoutInclude } from './workout-dto';
import {
  flipToCompleted,
  insertWorkoutWithSets,
  selectCompletionContext,
  selectGenerationContext,
  updateLoggedSet,
  type CompletionContext,
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
 * Starts a workout of the lifter's pinned plan version's day in two round trips (SQL in workouts.sql.ts): one query
 * reads the lifter's settings, the plan day, its set templates and the current TMs; one statement inserts the
 * workout and all its sets atomically.
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
    ctx.exercises.flatMap((e) =>
      e.trainingMax === null ? [] : [[e.id, convertWeight(e.trainingMax, e.tmUnit ?? ctx.unit, ctx.unit)] as const],
    ),
  );
  const generated = generateWorkoutSets(ctx.templates, trainingMaxes, ctx.increment);
  if (!generated.ok) {
    const missing = generated.missingTmExerciseIds.map((id) => ({
      exerciseId: id,
      slug: exercises.get(id)?.slug ?? '',
      name: exercises.get(id)?.name ?? '',
    }));
    throw unprocessable(
      'MISSING_TRAINING_MAX',
      `Set a training max first for: ${missing.map((m) => m.name).join(', ')}`,
      { missingTMs: missing },
    );
  }

  assertPrescribedWeightsFit(generated.sets, exercises, ctx.unit);

  let inserted: InsertedWorkout;
  try {
    inserted = await insertWorkoutWithSets(
      db,
      { userId, userPlanId: ctx.userPlanId, planDayId: ctx.planDayId, dayNumber, unit: ctx.unit },
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
        {
          ...s,
          id: idOf.get(`${s.exerciseOrder}:${s.setOrder}`)!,
          exercise: exercises.get(s.exerciseId)!,
          actualReps: null,
          completed: false,
        },
        ctx.unit,
        bar,
      ),
    ),
  };
}

async function loadGenerationContext(db: Db, userId: number, dayNumber: number): Promise<GenerationContext> {
  const ctx = await selectGenerationContext(db, userId, dayNumber);
  if (!ctx) throw new AppError(401, 'UNAUTHENTICATED', 'This account no longer exists');
  return ctx;
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
      include: {
        planDay: { select: { name: true, plan: { select: { id: true, name: true } } } },
        sets: { select: { completed: true } },
      },
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
function assertPrescribedWeightsFit(
  sets: Array<{ prescribedWeight: Decimal; tmExerciseId: number }>,
  exercises: Map<number, { name: string }>,
  unit: Unit,
) {
  const tooHeavy = sets.find((s) => s.prescribedWeight.gt(MAX_STORED_WEIGHT));
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
 */
export async function completeWorkout(db: Db, userId: number, workoutId: number): Promise<CompleteWorkoutResponse> {
  const outcomes = await withLifterLock(db, userId, async (tx) => {
    if (!(await flipToCompleted(tx, userId, workoutId))) throw await whyNotInProgress(tx, userId, workoutId);
    const ctx = await loadCompletionContext(tx, userId, workoutId);
    const results = progressionOutcomes(ctx);
    await recordProgression(tx, userId, workoutId, ctx.unit, results);
    return results.map(toProgressionDto);
  });
  const workout = await getWorkout(db, userId, workoutId);
  return { workout, progression: outcomes };
}

export async function abandonWorkout(db: Db, userId: number, workoutId: number): Promise<WorkoutDto> {
  const { count } = await db.workout.updateMany({
    where: { id: workoutId, userId, status: 'in_progress' },
    data: { status: 'abandoned' },
  });
  if (count === 0) throw await whyNotInProgress(db, userId, workoutId);
  return getWorkout(db, userId, workoutId);
}

async function loadCompletionContext(tx: Tx, userId: number, workoutId: number): Promise<CompletionContext> {
  // The workout was just flipped in this transaction, so it is the lifter's and its row exists.
  return (await selectCompletionContext(tx, userId, workoutId))!;
}

function progressionOutcomes(ctx: CompletionContext): ProgressionOutcome[] {
  const rules: ProgressionRule[] = ctx.rules;
  const tmExercises = new Map(
    ctx.tmExercises
      .filter((e) => e.trainingMax !== null)
      .map((e) => [
        e.id,
        {
          slug: e.slug,
          isUpperBody: e.isUpperBody,
          currentTm: toStoredWeight(convertWeight(e.trainingMax!, e.tmUnit ?? ctx.unit, ctx.unit)),
        },
      ]),
  );
  return computeProgression(ctx.sets, rules, tmExercises, { unit: ctx.unit, increment: ctx.increment });
}

async function recordProgression(
  tx: Tx,
  userId: number,
  workoutId: number,
  unit: Unit,
  outcomes: ProgressionOutcome[],
) {
  const raised = outcomes.filter((o) => o.increase.gt(0));
  if (raised.length > 0) {
    const effectiveDate = await nextEffectiveDate(tx, userId);
    await tx.trainingMax.createMany({
      data: raised.map((o) => ({
        userId,
        exerciseId: o.exerciseId,
        weight: o.newTM.toString(),
        unit,
        source: 'progression',
        workoutId,
        effectiveDate,
      })),
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
  if (status === 'completed')
    return conflict('WORKOUT_ALREADY_COMPLETED', 'This workout is already completed; nothing was changed');
  return conflict('WORKOUT_NOT_IN_PROGRESS', `This workout is ${status.replace('_', ' ')}; nothing was changed`);
}
