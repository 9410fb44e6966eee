import type { Db, Tx } from '../db/prisma';
import { Prisma } from '../generated/prisma/client';
import { AppError, conflict } from '../http/errors';

/**
 * Runs `fn` in a transaction holding the lifter's row lock, so a lifter's TM writes (setup, adjust, unit switch,
 * completion) happen one at a time, each after reading what the previous one stored. A transaction that expires
 * while waiting for its turn is a 409 with nothing changed (one that cannot even start is the database's problem:
 * the error handler answers 503).
 */
export async function withLifterLock<T>(db: Db, userId: number, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return inLifterTransaction(db, async (tx) => {
    await lockUser(tx, userId);
    return fn(tx);
  });
}

/**
 * withLifterLock for a caller whose first statement takes the lock itself (lockLifterSql within a larger
 * statement), saving a round trip.
 */
export async function inLifterTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  let started = false;
  try {
    return await db.$transaction(async (tx) => {
      started = true;
      return fn(tx);
    });
  } catch (err) {
    if (started && isTransactionTimeout(err)) {
      throw conflict('LIFTER_BUSY', 'Too many changes to your account at once; nothing was changed, please try again');
    }
    throw err;
  }
}

/**
 * The effective date for a new TM row: now, or 1 ms after the lifter's latest row when the clock has not moved past
 * it, so under the lock the newest row is always the current one and (user, exercise, date) never collides.
 */
export async function nextEffectiveDate(tx: Tx, userId: number): Promise<Date> {
  const [row] = await tx.$queryRaw<Array<{ latest: Date | null }>>`
    SELECT max(effective_date) AS latest FROM training_maxes WHERE user_id = ${userId}`;
  const now = new Date();
  return row?.latest && row.latest >= now ? new Date(row.latest.getTime() + 1) : now;
}

/** Prisma's P2028: the transaction could not start within maxWait, or outlived its timeout and was rolled back. */
function isTransactionTimeout(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'P2028';
}

/** Serialises a lifter's plan and settings changes (one active plan, unit switches). */
export async function lockUser(tx: Tx, userId: number): Promise<void> {
  const rows = await tx.$queryRaw<Array<{ id: number }>>(lockLifterSql(userId));
  if (rows.length === 0) throw accountGone();
}

/** The lifter lock as a query: the user's id when the row exists (and is now locked), no row otherwise. */
export const lockLifterSql = (userId: number) => Prisma.sql`SELECT id FROM users WHERE id = ${userId} FOR UPDATE`;

export const accountGone = () => new AppError(401, 'UNAUTHENTICATED', 'This account no longer exists');
