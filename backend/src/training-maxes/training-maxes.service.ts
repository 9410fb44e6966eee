import type { Db } from '../db/prisma';
import { isUniqueViolation } from '../db/errors';
import { dec, toNumber } from '../engine/decimal';
import { convertWeight, toStoredWeight, type Unit } from '../engine/units';
import { trainingMaxFromOneRepMax } from '../engine/weights';
import { conflict, notFound, unprocessable } from '../http/errors';
import { requiredExercises, versionInclude } from '../plans/plan-structure';
import { currentTrainingMaxes } from './current-training-maxes';
import type { AdjustBody, SetupBody, TmHistoryResponse, TrainingMaxesResponse } from './training-maxes.schemas';

/** Current TMs of the active plan's required exercises (missing ones flagged); without a plan, every TM the lifter has. */
export async function getTrainingMaxes(db: Db, userId: number): Promise<TrainingMaxesResponse> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { unitPreference: true, plans: { where: { isActive: true }, include: { planVersion: { include: versionInclude } } } },
  });
  const unit = user.unitPreference as Unit;
  const active = user.plans[0];
  const current = await currentTrainingMaxes(db, userId);
  const byExercise = new Map(current.map((tm) => [tm.exerciseId, tm]));
  const exercises = active
    ? requiredExercises(active.planVersion)
    : await db.exercise.findMany({ where: { id: { in: [...byExercise.keys()] } }, orderBy: { name: 'asc' } });
  return {
    unit,
    planId: active?.planId ?? null,
    trainingMaxes: exercises.map((e) => {
      const tm = byExercise.get(e.id);
      return {
        exercise: { id: e.id, slug: e.slug, name: e.name },
        trainingMax: tm ? toNumber(toStoredWeight(convertWeight(tm.weight, tm.unit as Unit, unit))) : null,
        effectiveDate: tm?.effectiveDate.toISOString() ?? null,
        source: tm?.source ?? null,
        missing: !tm,
      };
    }),
  };
}

/** Seed §3's setup: per exercise a 1RM (TM = 90 % of it) or a TM as is, in the lifter's unit. */
export async function setupTrainingMaxes(db: Db, userId: number, body: SetupBody): Promise<TrainingMaxesResponse> {
  await assertExercisesExist(db, body.exerciseTMs.map((e) => e.exerciseId), (i) => `exerciseTMs.${i}.exerciseId`);
  const { unitPreference } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { unitPreference: true } });
  const effectiveDate = new Date();
  try {
    await db.trainingMax.createMany({
      data: body.exerciseTMs.map((entry) => ({
        userId,
        exerciseId: entry.exerciseId,
        weight: ('oneRepMax' in entry ? trainingMaxFromOneRepMax(entry.oneRepMax) : dec(entry.trainingMax)).toString(),
        unit: unitPreference,
        source: 'setup',
        effectiveDate,
      })),
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('DUPLICATE_SUBMISSION', 'These training maxes were just saved; reload to see them');
    throw err;
  }
  return getTrainingMaxes(db, userId);
}

/** A manual change ("reset −10 % after a stall"), appended as a new TM row. */
export async function adjustTrainingMax(db: Db, userId: number, exerciseId: number, body: AdjustBody) {
  await assertExercisesExist(db, [exerciseId], () => 'exerciseId');
  const { unitPreference } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { unitPreference: true } });
  const unit = unitPreference as Unit;
  let weight;
  if (body.trainingMax !== undefined) weight = dec(body.trainingMax);
  else {
    const [current] = await currentTrainingMaxes(db, userId, [exerciseId]);
    if (!current) throw unprocessable('MISSING_TRAINING_MAX', 'There is no training max to adjust yet; set one first');
    const base = convertWeight(current.weight, current.unit as Unit, unit);
    weight = toStoredWeight(base.mul(dec(body.percentChange!).div(100).plus(1)));
  }
  if (weight.lte(0)) throw unprocessable('INVALID_TRAINING_MAX', 'A training max must stay above zero');
  const row = await db.trainingMax.create({ data: { userId, exerciseId, weight: weight.toString(), unit, source: 'manual', note: body.note ?? null } });
  return { trainingMax: { exerciseId, weight: toNumber(row.weight), unit, effectiveDate: row.effectiveDate.toISOString(), source: row.source, note: row.note } };
}

export async function trainingMaxHistory(db: Db, userId: number, exerciseId: number): Promise<TmHistoryResponse> {
  const [exercise, user, rows] = await Promise.all([
    db.exercise.findUnique({ where: { id: exerciseId }, select: { id: true, slug: true, name: true } }),
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { unitPreference: true } }),
    db.trainingMax.findMany({ where: { userId, exerciseId }, orderBy: [{ effectiveDate: 'asc' }, { id: 'asc' }] }),
  ]);
  if (!exercise) throw notFound('Exercise');
  const unit = user.unitPreference as Unit;
  return {
    exercise,
    unit,
    history: rows.map((r) => ({
      id: r.id,
      weight: toNumber(toStoredWeight(convertWeight(r.weight, r.unit as Unit, unit))),
      recordedWeight: toNumber(r.weight),
      recordedUnit: r.unit as Unit,
      source: r.source,
      note: r.note,
      workoutId: r.workoutId,
      effectiveDate: r.effectiveDate.toISOString(),
    })),
  };
}

async function assertExercisesExist(db: Db, ids: number[], pathOf: (index: number) => string): Promise<void> {
  const existing = new Set((await db.exercise.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((e) => e.id));
  const issues = ids.flatMap((id, i) => (existing.has(id) ? [] : [{ path: pathOf(i), message: `exercise ${id} does not exist` }]));
  if (issues.length) throw unprocessable('UNKNOWN_EXERCISE', `Unknown exercise: ${issues[0]!.path}`, issues);
}
