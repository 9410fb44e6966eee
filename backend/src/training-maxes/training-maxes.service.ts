import type { Db, Tx } from '../db/prisma';
import { dec, Decimal, toNumber } from '@liftplan/domain';
import { exceedsTrainingMaxLimit, MAX_ONE_REP_MAX, weightText } from '@liftplan/domain';
import { convertWeight, toStoredWeight, type Unit } from '@liftplan/domain';
import { DEFAULT_TM_PERCENT, trainingMaxFromOneRepMax } from '@liftplan/domain';
import type { FieldIssue } from '@liftplan/domain';
import { notFound, unprocessable } from '../http/errors';
import { requiredExercises, versionInclude } from '../plans/plan-structure';
import { currentTrainingMaxes, type CurrentTrainingMax } from './current-training-maxes';
import { nextEffectiveDate, withLifterLock } from './lifter-lock';
import { aboveLimit, trainingMaxTooHeavy } from './training-max-limit';
import type { AdjustBody, SetupBody, TmHistoryResponse, TrainingMaxesResponse } from '@liftplan/domain';

/** Current TMs of the active plan's required exercises (missing ones flagged); without a plan, every TM the lifter has. */
export async function getTrainingMaxes(db: Db, userId: number): Promise<TrainingMaxesResponse> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      unitPreference: true,
      plans: { where: { isActive: true }, include: { planVersion: { include: versionInclude } } },
    },
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
    tmPercent: active ? toNumber(active.planVersion.tmPercent) : toNumber(DEFAULT_TM_PERCENT),
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

/**
 * Setup: per exercise a 1RM (TM = the active plan's tmPercent of it, 90 % without a plan) or a TM as is, in the lifter's unit. An entry equal to the
 * current TM (same weight and unit) writes nothing, so repeated or concurrent identical setups add no rows.
 */
export async function setupTrainingMaxes(db: Db, userId: number, body: SetupBody): Promise<TrainingMaxesResponse> {
  await assertExercisesExist(
    db,
    body.exerciseTMs.map((e) => e.exerciseId),
    (i) => `exerciseTMs.${i}.exerciseId`,
  );
  await withLifterLock(db, userId, async (tx) => {
    const { unit, tmPercent } = await setupSettings(tx, userId);
    const entries = setupWeights(body, unit, tmPercent);
    const current = new Map(
      (
        await currentTrainingMaxes(
          tx,
          userId,
          entries.map((e) => e.exerciseId),
        )
      ).map((tm) => [tm.exerciseId, tm]),
    );
    const changed = entries.filter((e) => !isCurrent(current.get(e.exerciseId), e.weight, unit));
    if (changed.length === 0) return;
    const effectiveDate = await nextEffectiveDate(tx, userId);
    await tx.trainingMax.createMany({
      data: changed.map((e) => ({
        userId,
        exerciseId: e.exerciseId,
        weight: e.weight.toString(),
        oneRepMax: e.oneRepMax,
        unit,
        source: 'setup',
        effectiveDate,
      })),
    });
  });
  return getTrainingMaxes(db, userId);
}

/** Each entry's TM in the lifter's unit; 422 TRAINING_MAX_TOO_HEAVY naming every entry above the limit. */
function setupWeights(
  body: SetupBody,
  unit: Unit,
  tmPercent: string,
): Array<{ exerciseId: number; weight: Decimal; oneRepMax: string | null }> {
  const entries = body.exerciseTMs.map((entry) => ({
    exerciseId: entry.exerciseId,
    weight: 'oneRepMax' in entry ? trainingMaxFromOneRepMax(entry.oneRepMax, tmPercent) : dec(entry.trainingMax),
    // Kept so a PR has to beat the max the lifter entered (progress.service.ts).
    oneRepMax: 'oneRepMax' in entry ? dec(entry.oneRepMax).toString() : null,
  }));
  const issues = body.exerciseTMs.flatMap((entry, i) => {
    const { weight } = entries[i]!;
    return exceedsTrainingMaxLimit(weight, unit) ? [tooHeavyEntry(entry, i, weight, unit)] : [];
  });
  if (issues.length) throw trainingMaxTooHeavy(unit, issues);
  return entries;
}

function tooHeavyEntry(entry: SetupBody['exerciseTMs'][number], i: number, weight: Decimal, unit: Unit): FieldIssue {
  if (!('oneRepMax' in entry))
    return { path: `exerciseTMs.${i}.trainingMax`, message: `${weightText(weight, unit)} is ${aboveLimit(unit)}` };
  return {
    path: `exerciseTMs.${i}.oneRepMax`,
    message:
      `a one-rep max of ${weightText(entry.oneRepMax, unit)} gives a training max of ${weightText(weight, unit)}, ${aboveLimit(unit)}; ` +
      `the heaviest one-rep max accepted is ${weightText(MAX_ONE_REP_MAX[unit], unit)}`,
  };
}

const isCurrent = (current: CurrentTrainingMax | undefined, weight: Decimal, unit: Unit) =>
  current !== undefined && current.unit === unit && weight.eq(dec(current.weight));

/** A manual change ("reset −10 % after a stall"), appended as a new TM row; a percentage applies to the latest stored TM. */
export async function adjustTrainingMax(db: Db, userId: number, exerciseId: number, body: AdjustBody) {
  await assertExercisesExist(db, [exerciseId], () => 'exerciseId');
  const { row, unit } = await withLifterLock(db, userId, async (tx) => {
    const unit = await unitOf(tx, userId);
    const weight = await adjustedWeight(tx, userId, exerciseId, unit, body);
    const effectiveDate = await nextEffectiveDate(tx, userId);
    const row = await tx.trainingMax.create({
      data: {
        userId,
        exerciseId,
        weight: weight.toString(),
        unit,
        source: 'manual',
        note: body.note ?? null,
        effectiveDate,
      },
    });
    return { row, unit };
  });
  return {
    trainingMax: {
      exerciseId,
      weight: toNumber(row.weight),
      unit,
      effectiveDate: row.effectiveDate.toISOString(),
      source: row.source,
      note: row.note,
    },
  };
}

async function adjustedWeight(
  tx: Tx,
  userId: number,
  exerciseId: number,
  unit: Unit,
  body: AdjustBody,
): Promise<Decimal> {
  if (body.trainingMax !== undefined) {
    const weight = dec(body.trainingMax);
    if (exceedsTrainingMaxLimit(weight, unit))
      throw trainingMaxTooHeavy(unit, [
        { path: 'trainingMax', message: `${weightText(weight, unit)} is ${aboveLimit(unit)}` },
      ]);
    return weight;
  }
  const [current] = await currentTrainingMaxes(tx, userId, [exerciseId]);
  if (!current) throw unprocessable('MISSING_TRAINING_MAX', 'There is no training max to adjust yet; set one first');
  const base = convertWeight(current.weight, current.unit as Unit, unit);
  const weight = toStoredWeight(base.mul(dec(body.percentChange!).div(100).plus(1)));
  if (weight.lte(0)) throw unprocessable('INVALID_TRAINING_MAX', 'A training max must stay above zero');
  if (exceedsTrainingMaxLimit(weight, unit)) {
    const change = `${weightText(toStoredWeight(base), unit)} ${body.percentChange! < 0 ? '−' : '+'} ${Math.abs(body.percentChange!)} %`;
    throw trainingMaxTooHeavy(unit, [
      { path: 'percentChange', message: `${change} = ${weightText(weight, unit)}, ${aboveLimit(unit)}` },
    ]);
  }
  return weight;
}

/** The lifter's unit and the share of a 1RM their active plan takes as the TM. */
async function setupSettings(tx: Tx, userId: number): Promise<{ unit: Unit; tmPercent: string }> {
  const [row] = await tx.$queryRaw<Array<{ unit: Unit; tmPercent: string | null }>>`
    SELECT u.unit_preference AS unit, pv.tm_percent::text AS "tmPercent"
      FROM users u
      LEFT JOIN user_plans up ON up.user_id = u.id AND up.is_active
      LEFT JOIN plan_versions pv ON pv.id = up.plan_version_id
     WHERE u.id = ${userId}`;
  return { unit: row!.unit, tmPercent: row!.tmPercent ?? DEFAULT_TM_PERCENT };
}

const unitOf = async (tx: Tx, userId: number): Promise<Unit> =>
  (await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { unitPreference: true } })).unitPreference as Unit;

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
  const existing = new Set(
    (await db.exercise.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((e) => e.id),
  );
  const issues = ids.flatMap((id, i) =>
    existing.has(id) ? [] : [{ path: pathOf(i), message: `exercise ${id} does not exist` }],
  );
  if (issues.length) throw unprocessable('UNKNOWN_EXERCISE', `Unknown exercise: ${issues[0]!.path}`, issues);
}
