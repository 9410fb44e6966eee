import type { Db } from '../db/prisma';
import { Prisma } from '../generated/prisma/client';
import { toUserDto } from './user.dto';

// GET /api/users/me/export: a JSON backup of everything the lifter owns — profile (never the password hash), every
// TM row (the history, with reasons), subscriptions, and workouts with all their sets. Nothing of anyone else.

export const USER_EXPORT_FORMAT = 'liftplan-backup';
export const USER_EXPORT_VERSION = 1;

/** Prisma values as plain JSON: decimals as numbers (exact to their 2–4 stored places), dates as ISO strings. */
function plain(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (Prisma.Decimal.isDecimal(value)) return (value as Prisma.Decimal).toNumber();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

export async function exportUserData(db: Db, userId: number) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const [trainingMaxes, subscriptions, workouts] = await Promise.all([
    db.trainingMax.findMany({
      where: { userId },
      orderBy: [{ exerciseId: 'asc' }, { effectiveDate: 'asc' }, { id: 'asc' }],
      omit: { userId: true },
      include: { exercise: { select: { slug: true, name: true } } },
    }),
    db.userPlan.findMany({
      where: { userId },
      orderBy: { id: 'asc' },
      omit: { userId: true },
      include: {
        plan: { select: { slug: true, name: true } },
        planVersion: { select: { version: true } },
        stallCounters: true,
        completedCycles: true,
      },
    }),
    db.workout.findMany({
      where: { userId },
      orderBy: { id: 'asc' },
      omit: { userId: true },
      include: {
        planDay: { select: { name: true, weekNumber: true, dayNumber: true } },
        sets: {
          orderBy: [{ exerciseOrder: 'asc' }, { setOrder: 'asc' }, { id: 'asc' }],
          include: { exercise: { select: { slug: true, name: true } } },
        },
      },
    }),
  ]);
  return {
    format: USER_EXPORT_FORMAT,
    version: USER_EXPORT_VERSION,
    exportedAt: new Date().toISOString(),
    profile: toUserDto(user),
    trainingMaxes: plain(trainingMaxes),
    subscriptions: plain(subscriptions),
    workouts: plain(workouts),
  };
}
