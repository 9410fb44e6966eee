import type { Db, Tx } from '../db/prisma';
import { dec, Decimal } from '../engine/decimal';
import { convertWeight, DEFAULT_BAR, DEFAULT_INCREMENT, DEFAULT_PLATES, toStoredWeight, type Unit } from '../engine/units';
import type { User } from '../generated/prisma/client';
import { lockUser } from '../subscriptions/subscriptions.service';
import { currentTrainingMaxes } from '../training-maxes/current-training-maxes';
import type { UpdateMeBody } from './users.schemas';

/**
 * Profile and settings. Switching unit converts every current TM once, in the same transaction; switching back
 * restores the exact original rows' weights, so repeated switches never drift. Bar, plates and increment that
 * were still the old unit's defaults follow to the new unit's defaults.
 */
export async function updateMe(db: Db, userId: number, body: UpdateMeBody): Promise<User> {
  return db.$transaction(async (tx) => {
    await lockUser(tx, userId);
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
    if (body.plates !== undefined) data.plates = [...new Set(body.plates)].sort((a, b) => b - a).map(String);
    return tx.user.update({ where: { id: userId }, data });
  });
}

function followDefaults(user: User, from: Unit, to: Unit) {
  const sameList = (a: Decimal[], b: Decimal[]) => a.length === b.length && a.every((x, i) => x.eq(b[i]!));
  return {
    ...(dec(user.weightIncrement).eq(DEFAULT_INCREMENT[from]) ? { weightIncrement: DEFAULT_INCREMENT[to].toString() } : {}),
    ...(dec(user.barWeight).eq(DEFAULT_BAR[from]) ? { barWeight: DEFAULT_BAR[to].toString() } : {}),
    ...(sameList(user.plates.map(dec), DEFAULT_PLATES[from]) ? { plates: DEFAULT_PLATES[to].map(String) } : {}),
  };
}

async function convertTrainingMaxes(tx: Tx, userId: number, from: Unit, to: Unit): Promise<void> {
  const current = (await currentTrainingMaxes(tx, userId)).filter((tm) => tm.unit === from);
  if (current.length === 0) return;
  const originIds = current.flatMap((tm) => (tm.source === 'unit_conversion' && tm.convertedFromId ? [tm.convertedFromId] : []));
  const origins = new Map((await tx.trainingMax.findMany({ where: { id: { in: originIds } } })).map((o) => [o.id, o]));
  const effectiveDate = new Date();
  await tx.trainingMax.createMany({
    data: current.map((tm) => {
      const origin = tm.convertedFromId ? origins.get(tm.convertedFromId) : undefined;
      const restoresOrigin = tm.source === 'unit_conversion' && origin?.unit === to;
      return {
        userId,
        exerciseId: tm.exerciseId,
        weight: restoresOrigin ? origin.weight.toString() : toStoredWeight(convertWeight(tm.weight, from, to)).toString(),
        unit: to,
        source: 'unit_conversion',
        // Always point at the row that was entered in a unit, so chains of switches never compound rounding.
        convertedFromId: restoresOrigin ? origin.id : tm.source === 'unit_conversion' && origin ? origin.id : tm.id,
        effectiveDate,
      };
    }),
  });
}
