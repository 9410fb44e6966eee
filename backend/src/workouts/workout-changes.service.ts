import type { Db, Tx } from '../db/prisma';
import { Prisma } from '../generated/prisma/client';
import {
  convertWeight,
  dec,
  DEFAULT_ACCESSORY_REPS,
  MAX_ADDED_SETS,
  MAX_STORED_WEIGHT,
  prescribedWeight,
  roundToIncrement,
  toNumber,
  toStoredWeight,
  type AddSetBody,
  type Decimal,
  type DeleteSetResponse,
  type LastPerformanceDto,
  type RoundingMode,
  type SwapExerciseBody,
  type SwapExerciseResponse,
  type Unit,
  type WorkoutSetDto,
} from '@liftplan/domain';
import { AppError, notFound, unprocessable } from '../http/errors';
import { latestTrainingMaxSql } from '../training-maxes/current-training-maxes';
import { limitSentence, trainingMaxTooHeavy } from '../training-maxes/training-max-limit';
import { toWorkoutSetDto } from './workout-dto';
import { getWorkout, missingTrainingMaxes, notInProgress } from './workouts.service';

// A workout that bends (issue 12): add a set or an accessory, delete an added set, swap an exercise for today.
// Every change runs in one transaction holding the workout's row lock (FOR UPDATE): a completion either waits for
// it or, having come first, makes it a 409 — a workout never changes after completion has read it.

type LockedWorkout = {
  id: number;
  status: string;
  unit: Unit;
  planDayId: number | null;
  /** The lifter's unit now (their plates are in it); the workout keeps the unit it started in. */
  lifterUnit: Unit;
  increment: string;
  rounding: RoundingMode;
  barWeight: string;
  plates: string[];
};

/** Locks the lifter's in-progress workout: 404 when it isn't theirs, 409 (the existing codes) when not in progress. */
async function lockInProgressWorkout(tx: Tx, userId: number, workoutId: number): Promise<LockedWorkout> {
  const rows = await tx.$queryRaw<LockedWorkout[]>`
    SELECT w.id, w.status, w.unit, w.plan_day_id AS "planDayId", u.unit_preference AS "lifterUnit",
           u.weight_increment::text AS increment, u.rounding,
           u.bar_weight::text AS "barWeight", u.plates::text[] AS plates
      FROM workouts w JOIN users u ON u.id = w.user_id
     WHERE w.id = ${workoutId} AND w.user_id = ${userId}
       FOR UPDATE OF w`;
  const workout = rows[0];
  if (!workout) throw notFound('Workout');
  if (workout.status !== 'in_progress') throw notInProgress(workout.status);
  return workout;
}

async function findExercise(tx: Tx, exerciseId: number) {
  const exercise = await tx.exercise.findUnique({
    where: { id: exerciseId },
    select: { id: true, slug: true, name: true },
  });
  if (!exercise) {
    throw unprocessable('UNKNOWN_EXERCISE', `Unknown exercise: ${exerciseId}`, [
      { path: 'exerciseId', message: 'no exercise has this id' },
    ]);
  }
  return exercise;
}

const setInclude = {
  exercise: { select: { id: true, slug: true, name: true } },
  swappedFrom: { select: { id: true, slug: true, name: true } },
} satisfies Prisma.WorkoutSetInclude;

// ---------- last performance ----------

/**
 * The lifter's most recent completed set of an exercise (in a completed or in-progress workout), its weight in the
 * lifter's current unit or the one asked for (converted and rounded to their increment when it was logged in the other
 * unit). null when they never did one.
 */
export async function lastPerformance(
  db: Db | Tx,
  userId: number,
  exerciseId: number,
  unit?: Unit,
): Promise<LastPerformanceDto | null> {
  const rows = await db.$queryRaw<
    Array<{
      weight: string | null;
      reps: number | null;
      unit: Unit;
      date: Date;
      toUnit: Unit;
      increment: string;
      rounding: RoundingMode;
    }>
  >`
    SELECT COALESCE(s.actual_weight, s.prescribed_weight)::text AS weight, s.actual_reps AS reps, w.unit,
           COALESCE(w.completed_at, w.created_at) AS date,
           COALESCE(${unit ?? null}::text, u.unit_preference) AS "toUnit",
           u.weight_increment::text AS increment, u.rounding
      FROM workout_sets s
      JOIN workouts w ON w.id = s.workout_id
      JOIN users u ON u.id = w.user_id
     WHERE w.user_id = ${userId} AND s.exercise_id = ${exerciseId} AND s.completed
       AND w.status IN ('completed', 'in_progress')
     ORDER BY COALESCE(w.completed_at, w.created_at) DESC, w.id DESC, s.exercise_order DESC, s.set_order DESC
     LIMIT 1`;
  const row = rows[0];
  if (!row) return null;
  let weight: Decimal | null = row.weight === null ? null : dec(row.weight);
  if (weight !== null && row.unit !== row.toUnit) {
    weight = roundToIncrement(convertWeight(weight, row.unit, row.toUnit), row.increment, row.rounding);
  }
  return {
    actualWeight: weight === null || weight.lte(0) ? null : toNumber(toStoredWeight(weight)),
    actualReps: row.reps,
    date: new Date(row.date).toISOString(),
  };
}

// ---------- add a set ----------

/**
 * Adds a set to the lifter's in-progress workout. An exercise that is already a slot of the workout gets an extra
 * set at the end of that slot, with the prescription of the slot's last work set (never a progression set); any
 * other exercise becomes an accessory slot at the end: no percentage, no prescribed weight, reps from the body or
 * the lifter's last performance, the weight pre-filled from it. At most MAX_ADDED_SETS added sets per workout.
 */
export async function addSet(db: Db, userId: number, workoutId: number, body: AddSetBody): Promise<WorkoutSetDto> {
  return db.$transaction(async (tx) => {
    const workout = await lockInProgressWorkout(tx, userId, workoutId);
    const exercise = await findExercise(tx, body.exerciseId);
    const sets = await tx.workoutSet.findMany({
      where: { workoutId },
      orderBy: [{ exerciseOrder: 'asc' }, { setOrder: 'asc' }],
    });
    const added = sets.filter((s) => s.isAdded).length;
    if (added >= MAX_ADDED_SETS) {
      throw unprocessable(
        'TOO_MANY_ADDED_SETS',
        `A workout can have at most ${MAX_ADDED_SETS} added sets; delete one first`,
        { max: MAX_ADDED_SETS },
      );
    }

    const logged = {
      rpe: body.rpe ?? null,
      note: body.note ?? null,
      completed: body.completed ?? false,
    };
    let data: Prisma.WorkoutSetUncheckedCreateInput;
    const ofExercise = sets.filter(
      (s) =>
        s.exerciseId === exercise.id && (body.exerciseOrder === undefined || s.exerciseOrder === body.exerciseOrder),
    );
    if (body.exerciseOrder !== undefined && ofExercise.length === 0) {
      throw unprocessable(
        'SLOT_NOT_FOUND',
        `${exercise.name} is not at position ${body.exerciseOrder} of this workout`,
        [{ path: 'exerciseOrder', message: 'no slot at this position does this exercise' }],
      );
    }
    if (ofExercise.length > 0) {
      // An extra set at the end of the (last) slot doing this exercise.
      const exerciseOrder = ofExercise[ofExercise.length - 1]!.exerciseOrder;
      const slot = sets.filter((s) => s.exerciseOrder === exerciseOrder);
      const work = ofExercise.filter((s) => s.exerciseOrder === exerciseOrder && s.kind !== 'warmup');
      const source = work[work.length - 1] ?? ofExercise[ofExercise.length - 1]!;
      const kind = body.kind ?? source.kind;
      if (source.percentage === null && kind !== 'accessory' && kind !== 'warmup' && kind !== source.kind) {
        throw invalidKind('A set without a percentage can only be an accessory set');
      }
      const reps = body.actualReps !== undefined && body.actualReps !== null ? body.actualReps : null;
      data = {
        workoutId,
        exerciseId: exercise.id,
        tmExerciseId: source.tmExerciseId,
        exerciseOrder,
        displayName: source.displayName,
        tier: source.tier,
        kind,
        setOrder: Math.max(...slot.map((s) => s.setOrder)) + 1,
        percentage: source.percentage,
        prescribedWeight: source.prescribedWeight,
        prescribedReps: source.prescribedReps,
        repsMax: source.repsMax,
        restSeconds: source.restSeconds,
        isAmrap: false,
        isProgression: false,
        isAdded: true,
        swappedFromExerciseId: source.swappedFromExerciseId,
        actualWeight:
          body.actualWeight !== undefined ? body.actualWeight : logged.completed ? source.prescribedWeight : null,
        actualReps: reps ?? (logged.completed ? source.prescribedReps : null),
        ...logged,
      };
    } else {
      if (body.kind !== undefined && body.kind !== 'accessory') {
        throw invalidKind(`${exercise.name} is not in this workout: it can only be added as an accessory`);
      }
      const last = await lastPerformance(tx, userId, exercise.id, workout.unit);
      const lastWeight = last?.actualWeight ?? null;
      const prescribedReps = body.actualReps ?? last?.actualReps ?? DEFAULT_ACCESSORY_REPS;
      data = {
        workoutId,
        exerciseId: exercise.id,
        tmExerciseId: exercise.id,
        exerciseOrder: sets.length === 0 ? 1 : Math.max(...sets.map((s) => s.exerciseOrder)) + 1,
        displayName: null,
        tier: 'Accessory',
        kind: 'accessory',
        setOrder: 1,
        percentage: null,
        prescribedWeight: null,
        prescribedReps: Math.max(1, prescribedReps),
        isAmrap: false,
        isProgression: false,
        isAdded: true,
        actualWeight: body.actualWeight !== undefined ? body.actualWeight : lastWeight,
        actualReps: body.actualReps ?? (logged.completed ? Math.max(1, prescribedReps) : null),
        ...logged,
      };
    }
    const created = await tx.workoutSet.create({ data, include: setInclude });
    return toWorkoutSetDto(created, workout.unit, {
      unit: workout.lifterUnit,
      barWeight: workout.barWeight,
      plates: workout.plates,
    });
  });
}

const invalidKind = (message: string) => unprocessable('INVALID_SET_KIND', message, [{ path: 'kind', message }]);

// ---------- delete an added set ----------

export async function deleteAddedSet(
  db: Db,
  userId: number,
  workoutId: number,
  setId: number,
): Promise<DeleteSetResponse> {
  return db.$transaction(async (tx) => {
    await lockInProgressWorkout(tx, userId, workoutId);
    const set = await tx.workoutSet.findFirst({ where: { id: setId, workoutId }, select: { isAdded: true } });
    if (!set) throw notFound('Set');
    if (!set.isAdded) {
      throw new AppError(
        409,
        'SET_NOT_ADDED',
        'Only sets you added can be deleted; skip a planned set instead. Nothing was changed',
      );
    }
    await tx.workoutSet.delete({ where: { id: setId } });
    return { deleted: true as const, setId };
  });
}

// ---------- swap an exercise for today ----------

type SlotSet = {
  id: number;
  exerciseId: number;
  tmExerciseId: number;
  setOrder: number;
  kind: string;
  percentage: string | null;
  prescribedWeight: string | null;
  completed: boolean;
  swappedFromExerciseId: number | null;
  /** The plan template's increment offset for this set (an added set: its slot's last template set of that kind). */
  incrementOffset: number;
  /** The plan template's progression flag for this set (false for added and generated warm-up sets). */
  plannedProgression: boolean;
};

/** What the plan day puts at a slot: the exercise a swap can go back to, its TM exercise and name. */
type PlannedSlot = { exerciseId: number; tmExerciseId: number; displayName: string | null };

/**
 * Swaps the exercise of one slot for today: the slot's sets not yet completed get the substitute. By default their
 * weights come from the substitute's own TM (422 MISSING_TRAINING_MAX when the lifter has none; nothing changed);
 * with keepTrainingMax they keep the slot's TM exercise and weights. Swapped sets never move a TM: they lose
 * isProgression, and the cycle's trained TMs leave them out. Swapping back to the plan's exercise restores the slot:
 * its TM exercise (unless keepTrainingMax), display name and — when the weights come from that TM — its
 * progression set.
 */
export async function swapExercise(
  db: Db,
  userId: number,
  workoutId: number,
  body: SwapExerciseBody,
): Promise<SwapExerciseResponse> {
  const keepTrainingMax = body.keepTrainingMax ?? false;
  const result = await db.$transaction(async (tx) => {
    const workout = await lockInProgressWorkout(tx, userId, workoutId);
    const substitute = await findExercise(tx, body.exerciseId);
    const pending = openSetsToSwap(
      await selectSlot(tx, workoutId, workout.planDayId, body.exerciseOrder),
      body,
      substitute,
    );
    const planned = await selectPlannedSlot(tx, workout.planDayId, body.exerciseOrder);
    const backToPlan = planned?.exerciseId === substitute.id ? planned : null;
    const tmExerciseId = keepTrainingMax ? pending[0]!.tmExerciseId : (backToPlan?.tmExerciseId ?? substitute.id);
    const weights = keepTrainingMax
      ? currentWeights(pending)
      : await weightsFromTrainingMax(tx, userId, workout, pending, tmExerciseId);
    // Only a slot weighted from the plan's own TM exercise may move that TM again.
    const restoresPlan = backToPlan !== null && tmExerciseId === backToPlan.tmExerciseId;

    const updates = pending.map((s) => {
      const original = s.swappedFromExerciseId ?? s.exerciseId;
      return {
        id: s.id,
        swappedFrom: original === substitute.id ? null : original,
        prescribedWeight: weights.get(s.id)?.toString() ?? null,
        isProgression: restoresPlan && s.plannedProgression,
        displayName: backToPlan?.displayName ?? null,
      };
    });
    await tx.$executeRaw`
      UPDATE workout_sets s
         SET exercise_id = ${substitute.id}, tm_exercise_id = ${tmExerciseId},
             swapped_from_exercise_id = x."swappedFrom", prescribed_weight = x."prescribedWeight",
             is_progression = x."isProgression", display_name = x."displayName",
             actual_weight = CASE WHEN ${keepTrainingMax} THEN s.actual_weight ELSE NULL END
        FROM jsonb_to_recordset(${JSON.stringify(updates)}::jsonb)
             AS x(id int, "swappedFrom" int, "prescribedWeight" numeric, "isProgression" boolean, "displayName" text)
       WHERE s.id = x.id AND s.workout_id = ${workoutId}`;
    return {
      swappedSetIds: pending.map((s) => s.id),
      tmExerciseId,
      substitute,
      backToPlan: backToPlan !== null,
      movesTrainingMax: updates.some((u) => u.isProgression),
    };
  });
  const workout = await getWorkout(db, userId, workoutId);
  const tmName = workout.sets.find((s) => s.exerciseId === result.tmExerciseId)?.exercise.name;
  return {
    workout,
    swappedSetIds: result.swappedSetIds,
    tmExerciseId: result.tmExerciseId,
    movesTrainingMax: result.movesTrainingMax,
    message: swapMessage(result, keepTrainingMax, tmName),
  };
}

/** The slot's sets not done yet, or the 422 saying why there is nothing to swap. */
function openSetsToSwap(slot: SlotSet[], body: SwapExerciseBody, substitute: { id: number; name: string }): SlotSet[] {
  if (slot.length === 0) {
    throw unprocessable('SLOT_NOT_FOUND', `This workout has no exercise at position ${body.exerciseOrder}`, [
      { path: 'exerciseOrder', message: 'no exercise of this workout has this position' },
    ]);
  }
  const pending = slot.filter((s) => !s.completed);
  if (pending.length === 0) {
    throw unprocessable('NOTHING_TO_SWAP', 'Every set of this exercise is done already; nothing was changed');
  }
  if (pending.every((s) => s.exerciseId === substitute.id)) {
    throw unprocessable('SAME_EXERCISE', `This slot is ${substitute.name} already; nothing was changed`, [
      { path: 'exerciseId', message: 'pick another exercise' },
    ]);
  }
  return pending;
}

const currentWeights = (sets: SlotSet[]) =>
  new Map(sets.map((s) => [s.id, s.prescribedWeight === null ? null : dec(s.prescribedWeight)]));

function swapMessage(
  result: { substitute: { name: string }; backToPlan: boolean; movesTrainingMax: boolean },
  keepTrainingMax: boolean,
  tmName: string | undefined,
): string {
  const name = result.substitute.name;
  if (result.backToPlan) {
    return result.movesTrainingMax
      ? `Back to ${name} as planned: its progression set moves the training max again.`
      : `Back to ${name} as planned.`;
  }
  return keepTrainingMax
    ? `Swapped to ${name} at the weights of ${tmName ?? 'the original'}'s training max. Swapped sets never move a training max.`
    : `Swapped to ${name}, weighted from its own training max. Swapped sets never move a training max.`;
}

/**
 * The open sets' weights from the lifter's TM of `tmExerciseId`: 422 MISSING_TRAINING_MAX when there is none,
 * TRAINING_MAX_TOO_HEAVY when a weight would not fit; nothing changed either way.
 */
async function weightsFromTrainingMax(
  tx: Tx,
  userId: number,
  workout: LockedWorkout,
  pending: SlotSet[],
  tmExerciseId: number,
): Promise<Map<number, Decimal | null>> {
  if (pending.every((s) => s.percentage === null)) return currentWeights(pending);
  const exercise = await findExercise(tx, tmExerciseId);
  const tm = await trainingMaxOf(tx, userId, exercise.id);
  if (!tm) throw missingTrainingMaxes([exercise.id], new Map([[exercise.id, exercise]]));
  const trainingMax = convertWeight(tm.weight, tm.unit, workout.unit);
  const weights = new Map(
    pending.map((s) => [
      s.id,
      s.percentage === null
        ? null
        : prescribedWeight(trainingMax, s.percentage, workout.increment, workout.rounding, s.incrementOffset),
    ]),
  );
  if ([...weights.values()].some((w) => w?.gt(MAX_STORED_WEIGHT))) {
    throw trainingMaxTooHeavy(
      workout.unit,
      [{ path: 'exerciseId', message: `${exercise.name}: lower this training max first` }],
      `${limitSentence(workout.unit)}; lower ${exercise.name}'s training max first`,
    );
  }
  return weights;
}

async function selectPlannedSlot(
  tx: Tx,
  planDayId: number | null,
  exerciseOrder: number,
): Promise<PlannedSlot | undefined> {
  if (planDayId === null) return undefined;
  const rows = await tx.$queryRaw<PlannedSlot[]>`
    SELECT exercise_id AS "exerciseId", tm_exercise_id AS "tmExerciseId", display_name AS "displayName"
      FROM plan_day_exercises WHERE plan_day_id = ${planDayId} AND sort_order = ${exerciseOrder}`;
  return rows[0];
}

/**
 * One slot's sets with their plan template's increment offsets (an added set: its slot's last template set's of its
 * kind) and progression flags.
 */
async function selectSlot(
  tx: Tx,
  workoutId: number,
  planDayId: number | null,
  exerciseOrder: number,
): Promise<SlotSet[]> {
  // Generated warm-ups sit in front of the plan's sets: the template's set n is the workout's set n + shift.
  return tx.$queryRaw<SlotSet[]>`
    WITH templates AS (
      SELECT ps.set_order, ps.kind, ps.increment_offset, ps.is_progression
        FROM plan_day_exercises pde JOIN plan_sets ps ON ps.plan_day_exercise_id = pde.id
       WHERE pde.plan_day_id = ${planDayId}::int AND pde.sort_order = ${exerciseOrder}
    ),
    slot AS (SELECT * FROM workout_sets WHERE workout_id = ${workoutId} AND exercise_order = ${exerciseOrder}),
    shift AS (
      SELECT GREATEST(0, (SELECT count(*) FROM slot WHERE NOT is_added) - (SELECT count(*) FROM templates))::int AS n
    )
    SELECT s.id, s.exercise_id AS "exerciseId", s.tm_exercise_id AS "tmExerciseId", s.set_order AS "setOrder", s.kind,
           s.percentage::text AS percentage, s.prescribed_weight::text AS "prescribedWeight", s.completed,
           s.swapped_from_exercise_id AS "swappedFromExerciseId",
           COALESCE(twin.increment_offset,
                    (SELECT t.increment_offset FROM templates t WHERE t.kind = s.kind ORDER BY t.set_order DESC LIMIT 1),
                    0)::int AS "incrementOffset",
           COALESCE(twin.is_progression, false) AS "plannedProgression"
      FROM slot s CROSS JOIN shift
      LEFT JOIN templates twin ON twin.set_order = s.set_order - shift.n AND NOT s.is_added
     ORDER BY s.set_order`;
}

async function trainingMaxOf(tx: Tx, userId: number, exerciseId: number) {
  const rows = await tx.$queryRaw<Array<{ weight: string; unit: Unit }>>`
    SELECT tm.weight::text AS weight, tm.unit FROM (${latestTrainingMaxSql(userId, exerciseId)}) tm`;
  return rows[0];
}
