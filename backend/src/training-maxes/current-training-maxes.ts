import type { Db, Tx } from '../db/prisma';
import { Prisma } from '../generated/prisma/client';

export type CurrentTrainingMax = {
  id: number;
  exerciseId: number;
  weight: Prisma.Decimal;
  unit: string;
  source: string;
  convertedFromId: number | null;
  effectiveDate: Date;
};

/**
 * The one definition of "the lifter's current TM for an exercise", as a subquery for `JOIN LATERAL (…)`: TMs are
 * append-only, so the current one is the latest by effective date (the id breaks ties). It yields 0 or 1 row with the
 * training_maxes columns under their SQL names, read through the (user_id, exercise_id, effective_date) unique index.
 * `userId` / `exerciseId` are values or SQL column references such as Prisma.raw('e.id').
 */
export const latestTrainingMaxSql = (
  userId: number | Prisma.Sql,
  exerciseId: number | Prisma.Sql,
): Prisma.Sql => Prisma.sql`
  SELECT latest_tm.id, latest_tm.exercise_id, latest_tm.weight, latest_tm.unit, latest_tm.source,
         latest_tm.converted_from_id, latest_tm.effective_date
    FROM training_maxes latest_tm
   WHERE latest_tm.user_id = ${userId} AND latest_tm.exercise_id = ${exerciseId}
   ORDER BY latest_tm.effective_date DESC, latest_tm.id DESC
   LIMIT 1`;

/** The latest TM row per exercise (TMs are append-only), optionally limited to some exercises; ordered by exercise id. */
export async function currentTrainingMaxes(
  db: Db | Tx,
  userId: number,
  exerciseIds?: number[],
): Promise<CurrentTrainingMax[]> {
  if (exerciseIds && exerciseIds.length === 0) return [];
  const filter = exerciseIds ? Prisma.sql`WHERE e.id IN (${Prisma.join(exerciseIds)})` : Prisma.empty;
  return db.$queryRaw<CurrentTrainingMax[]>`
    SELECT tm.id, tm.exercise_id AS "exerciseId", tm.weight, tm.unit, tm.source,
           tm.converted_from_id AS "convertedFromId", tm.effective_date AS "effectiveDate"
      FROM exercises e
      CROSS JOIN LATERAL (${latestTrainingMaxSql(userId, Prisma.raw('e.id'))}) tm
      ${filter}
     ORDER BY e.id`;
}
