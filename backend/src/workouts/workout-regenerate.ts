import {
  convertWeight,
  dec,
  DEFAULT_INCREMENT,
  generateWorkoutSets,
  MAX_STORED_WEIGHT,
  prescribedWeight,
  type Decimal,
  type PrescribedSetTemplate,
  type RoundingMode,
  type Unit,
  type WarmupSetting,
  type WorkoutDto,
} from '@liftplan/domain';
import { Prisma } from '../generated/prisma/client';
import type { Db, Tx } from '../db/prisma';
import { conflict, notFound } from '../http/errors';
import { latestTrainingMaxSql } from '../training-maxes/current-training-maxes';
import { withLifterLock } from '../training-maxes/lifter-lock';
import { limitSentence, trainingMaxTooHeavy } from '../training-maxes/training-max-limit';
import { getWorkout } from './workouts.service';

// An in-progress workout whose TMs changed after it was prescribed (a manual edit, an in-place deload, another
// workout's progression) is "stale"; regenerating re-prescribes its open sets from the current TMs.

export type StaleTrainingMax = { exerciseId: number; name: string };

/**
 * The TM exercises of a workout's open weighted sets that got a TM row effective after the workout's sets were
 * prescribed (at creation, or at its last regeneration) — other than a unit conversion, which changes no weight, or
 * a legacy import, which only restates what was there.
 */
export async function staleTrainingMaxes(db: Db | Tx, userId: number, workoutId: number): Promise<StaleTrainingMax[]> {
  return db.$queryRaw<StaleTrainingMax[]>`
    SELECT e.id AS "exerciseId", e.name
      FROM workouts w
      JOIN exercises e ON e.id IN (SELECT s.tm_exercise_id FROM workout_sets s
                                    WHERE s.workout_id = w.id AND s.percentage IS NOT NULL AND NOT s.completed)
     WHERE w.id = ${workoutId} AND w.user_id = ${userId} AND w.status = 'in_progress'
       AND EXISTS (SELECT 1 FROM training_maxes tm
                    WHERE tm.user_id = w.user_id AND tm.exercise_id = e.id
                      AND tm.source NOT IN ('unit_conversion', 'legacy')
                      AND tm.effective_date > COALESCE(w.prescribed_at, w.created_at))
     ORDER BY e.id`;
}

type RegenerationContext = {
  status: string;
  unit: Unit;
  userUnit: Unit;
  increment: string;
  rounding: RoundingMode;
  warmups: WarmupSetting;
  barWeight: string;
  templates: PrescribedSetTemplate[];
  sets: Array<{
    id: number;
    exerciseOrder: number;
    setOrder: number;
    tmExerciseId: number;
    percentage: string | null;
    prescribedWeight: string | null;
    completed: boolean;
  }>;
  trainingMaxes: Array<{ exerciseId: number; name: string; weight: string; unit: Unit }>;
};

/** The workout (row-locked), the lifter's settings, its plan day's templates and the current TMs of its sets. */
async function selectRegenerationContext(tx: Tx, userId: number, workoutId: number) {
  const rows = await tx.$queryRaw<RegenerationContext[]>`
    WITH w AS (SELECT * FROM workouts WHERE id = ${workoutId} AND user_id = ${userId} FOR UPDATE)
    SELECT w.status, w.unit, u.unit_preference AS "userUnit", u.weight_increment::text AS increment, u.rounding,
           u.warmups, u.bar_weight::text AS "barWeight",
           COALESCE((
             SELECT json_agg(json_build_object(
                      'exerciseId', pde.exercise_id, 'tmExerciseId', pde.tm_exercise_id, 'exerciseOrder', pde.sort_order,
                      'displayName', pde.display_name, 'tier', pde.tier, 'restSeconds', pde.rest_seconds,
                      'setOrder', ps.set_order, 'kind', ps.kind, 'percentage', ps.percentage::text, 'reps', ps.reps,
                      'repsMax', ps.reps_max, 'incrementOffset', ps.increment_offset, 'isAmrap', ps.is_amrap,
                      'isProgression', ps.is_progression))
               FROM plan_day_exercises pde JOIN plan_sets ps ON ps.plan_day_exercise_id = pde.id
              WHERE pde.plan_day_id = w.plan_day_id), '[]'::json) AS templates,
           COALESCE((
             SELECT json_agg(json_build_object('id', s.id, 'exerciseOrder', s.exercise_order, 'setOrder', s.set_order,
                      'tmExerciseId', s.tm_exercise_id, 'percentage', s.percentage::text,
                      'prescribedWeight', s.prescribed_weight::text, 'completed', s.completed))
               FROM workout_sets s WHERE s.workout_id = w.id), '[]'::json) AS sets,
           COALESCE((
             SELECT json_agg(json_build_object('exerciseId', e.id, 'name', e.name, 'weight', tm.weight::text,
                                               'unit', tm.unit))
               FROM exercises e
               JOIN LATERAL (${latestTrainingMaxSql(Prisma.raw('w.user_id'), Prisma.raw('e.id'))}) tm ON true
              WHERE e.id IN (SELECT tm_exercise_id FROM workout_sets WHERE workout_id = w.id
                             UNION SELECT tm_exercise_id FROM plan_day_exercises WHERE plan_day_id = w.plan_day_id)),
             '[]'::json) AS "trainingMaxes"
      FROM w JOIN users u ON u.id = w.user_id`;
  return rows[0];
}

export type RegenerateResponse = { workout: WorkoutDto; changedSetIds: number[] };

/**
 * Re-prescribes the open (not completed) weighted sets of an in-progress workout from the current TMs, with the
 * same engine code that generated them: a set at the same place of the plan day with the same percentage takes the
 * regenerated weight (offsets and warm-ups included); any other weighted set (a swap, an added set) takes
 * TM × percentage rounded to the increment. Completed sets, actual weights and reps are untouched. 409 when the
 * workout is not in progress, 404 when it is not the lifter's; nothing changes on either.
 */
export async function regenerateWorkout(db: Db, userId: number, workoutId: number): Promise<RegenerateResponse> {
  const changedSetIds = await withLifterLock(db, userId, async (tx) => {
    const ctx = await selectRegenerationContext(tx, userId, workoutId);
    if (!ctx) throw notFound('Workout');
    if (ctx.status !== 'in_progress') {
      throw conflict(
        ctx.status === 'completed' ? 'WORKOUT_ALREADY_COMPLETED' : 'WORKOUT_NOT_IN_PROGRESS',
        `This workout is ${ctx.status.replace('_', ' ')}; only a workout in progress can be regenerated`,
      );
    }
    // Weights stay in the workout's unit; after a unit switch the lifter's increment is the other unit's.
    const increment = ctx.unit === ctx.userUnit ? dec(ctx.increment) : DEFAULT_INCREMENT[ctx.unit];
    const tms = new Map(ctx.trainingMaxes.map((t) => [t.exerciseId, convertWeight(t.weight, t.unit, ctx.unit)]));
    // The bar is in the lifter's unit: after a unit switch it does not bound this workout's warm-ups.
    const barWeight = ctx.unit === ctx.userUnit ? ctx.barWeight : null;
    const lifter = { increment, rounding: ctx.rounding, warmups: ctx.warmups, barWeight };
    const generated = generateWorkoutSets(ctx.templates, tms, lifter);
    const regenerated = new Map(
      (generated.ok ? generated.sets : []).map((s) => [`${s.exerciseOrder}:${s.setOrder}`, s] as const),
    );
    const updates: Array<{ id: number; weight: Decimal }> = [];
    for (const set of ctx.sets) {
      if (set.completed || set.percentage === null) continue;
      const twin = regenerated.get(`${set.exerciseOrder}:${set.setOrder}`);
      const tm = tms.get(set.tmExerciseId);
      const weight =
        twin?.prescribedWeight && twin.tmExerciseId === set.tmExerciseId && twin.percentage?.eq(set.percentage)
          ? twin.prescribedWeight
          : tm !== undefined
            ? prescribedWeight(tm, set.percentage, increment, ctx.rounding)
            : null;
      if (weight === null || (set.prescribedWeight !== null && weight.eq(set.prescribedWeight))) continue;
      if (weight.gt(MAX_STORED_WEIGHT)) {
        const name = ctx.trainingMaxes.find((t) => t.exerciseId === set.tmExerciseId)?.name ?? 'an exercise';
        throw trainingMaxTooHeavy(
          ctx.unit,
          [{ path: 'trainingMax', message: `${name}: lower this training max first` }],
          `${limitSentence(ctx.unit)}; lower ${name}'s training max first`,
        );
      }
      updates.push({ id: set.id, weight });
    }
    await tx.$executeRaw`
      WITH changed AS (
        UPDATE workout_sets s SET prescribed_weight = x.weight
          FROM jsonb_to_recordset(${JSON.stringify(updates.map((u) => ({ id: u.id, weight: u.weight.toString() })))}::jsonb)
               AS x(id int, weight numeric)
         WHERE s.id = x.id AND s.workout_id = ${workoutId}
        RETURNING s.id
      )
      -- Under the lifter lock no TM row is being written: every current one is now accounted for (a row's effective
      -- date may sit a millisecond past now(), see nextEffectiveDate).
      UPDATE workouts
         SET prescribed_at = GREATEST(now(), (SELECT max(effective_date) FROM training_maxes WHERE user_id = ${userId}))
       WHERE id = ${workoutId}`;
    return updates.map((u) => u.id);
  });
  return { workout: await getWorkout(db, userId, workoutId), changedSetIds };
}
