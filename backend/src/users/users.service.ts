import type { Db, Tx } from '../db/prisma';
import { dec, Decimal } from '@liftplan/domain';
import { exceedsTrainingMaxLimit, MAX_TRAINING_MAX, weightText } from '@liftplan/domain';
import {
  convertWeight,
  DEFAULT_BAR,
  DEFAULT_INCREMENT,
  DEFAULT_PLATES,
  toStoredWeight,
  type Unit,
} from '@liftplan/domain';
import type { User } from '../generated/prisma/client';
import { currentTrainingMaxes } from '../training-maxes/current-training-maxes';
import { nextEffectiveDate, withLifterLock } from '../training-maxes/lifter-lock';
import { aboveLimit, trainingMaxTooHeavy } from '../training-maxes/training-max-limit';
import type { UpdateMeBody } from '@liftplan/domain';

/**
 * Profile and settings. Switching unit converts every current TM once, in the same transaction; switching back
 * restores the exact original rows' weights, so repeated switches never drift. Bar, plates and increment that
 * were still the old unit's defaults follow to the new unit's defaults. A switch that would put a TM above the new
 * unit's limit is refused (422) and changes nothing.
 */
export async function updateMe(db: Db, userId: number, body: UpdateMeBody): Promise<User> {
  return withLifterLock(db, userId, async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    const from = user.unitPreference as Unit;
    const to = body.unitPreference ?? from;
    const data: Parameters<typeof tx.user.update>[0]['data'] = {};
    if (body.displayName !== undefined) data.displayName = body.displayName;
    if (to !== from) {
      data.unitPreference = to;
      Object.assign(data, followDefaults(user, from, to));
      await convertTrainingMaxes(tx, userId, from, to);
    }
    if (body.weightIncrement !== undefined) data.weightIncrement = String(body.weightIncrement);
    if (body.barWeight !== undefined) data.barWeight = String(body.barWeight);
    if (body.rounding !== undefined) data.rounding = body.rounding;
    if (body.warmups !== undefined) data.warmups = body.warmups;
    if (body.defaultRestSeconds !== undefined) data.defaultRestSeconds = body.defaultRestSeconds;
    if (body.timeZone !== undefined) data.timeZone = body.timeZone;
    if (body.plates !== undefined) data.plates = [...new Set(body.plates)].sort((a, b) => b - a).map(String);
    return tx.user.update({ where: { id: userId }, data });
  });
}

function followDefaults(user: User, from: Unit, to: Unit) {
  const sameList = (a: Decimal[], b: Decimal[]) => a.length === b.length && a.every((x, i) => x.eq(b[i]!));
  return {
    ...(dec(user.weightIncrement).eq(DEFAULT_INCREMENT[from])
      ? { weightIncrement: DEFAULT_INCREMENT[to].toString() }
      : {}),
    ...(dec(user.barWeight).eq(DEFAULT_BAR[from]) ? { barWeight: DEFAULT_BAR[to].toString() } : {}),
    ...(sameList(user.plates.map(dec), DEFAULT_PLATES[from]) ? { plates: DEFAULT_PLATES[to].map(String) } : {}),
  };
}

async function convertTrainingMaxes(tx: Tx, userId: number, from: Unit, to: Unit): Promise<void> {
  const current = (await currentTrainingMaxes(tx, userId)).filter((tm) => tm.unit === from);
  if (current.length === 0) return;
  const originIds = current.flatMap((tm) =>
    tm.source === 'unit_conversion' && tm.convertedFromId ? [tm.convertedFromId] : [],
  );
  const origins = new Map((await tx.trainingMax.findMany({ where: { id: { in: originIds } } })).map((o) => [o.id, o]));
  const converted = current.map((tm) => {
    const origin = tm.convertedFromId ? origins.get(tm.convertedFromId) : undefined;
    const restoresOrigin = tm.source === 'unit_conversion' && origin?.unit === to;
    return {
      userId,
      exerciseId: tm.exerciseId,
      weight: restoresOrigin ? dec(origin.weight) : toStoredWeight(convertWeight(tm.weight, from, to)),
      unit: to,
      source: 'unit_conversion',
      // Always point at the row that was entered in a unit, so chains of switches never compound rounding.
      convertedFromId: restoresOrigin ? origin.id : tm.source === 'unit_conversion' && origin ? origin.id : tm.id,
    };
  });
  await assertWithinLimit(tx, converted, to);
  const effectiveDate = await nextEffectiveDate(tx, userId);
  await tx.trainingMax.createMany({
    data: converted.map((tm) => ({ ...tm, weight: tm.weight.toString(), effectiveDate })),
  });
}

/** 422 TRAINING_MAX_TOO_HEAVY naming each exercise whose converted TM would pass the new unit's limit. */
async function assertWithinLimit(
  tx: Tx,
  converted: Array<{ exerciseId: number; weight: Decimal }>,
  to: Unit,
): Promise<void> {
  const tooHeavy = converted.filter((tm) => exceedsTrainingMaxLimit(tm.weight, to));
  if (tooHeavy.length === 0) return;
  const exercises = await tx.exercise.findMany({
    where: { id: { in: tooHeavy.map((tm) => tm.exerciseId) } },
    select: { id: true, name: true },
  });
  const nameOf = (exerciseId: number) => exercises.find((e) => e.id === exerciseId)?.name ?? `exercise ${exerciseId}`;
  const issues = tooHeavy.map((tm) => ({
    path: 'unitPreference',
    message: `${nameOf(tm.exerciseId)}: ${weightText(tm.weight, to)} is ${aboveLimit(to)}`,
  }));
  const names = tooHeavy.map((tm) => nameOf(tm.exerciseId)).join(', ');
  const limit = weightText(MAX_TRAINING_MAX[to], to);
  throw trainingMaxTooHeavy(
    to,
    issues,
    `Switching to ${to} would put ${names} above the ${limit} training max limit; lower it first. Nothing was changed`,
  );
}
