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

/** The latest TM row per exercise (TMs are append-only), optionally limited to some exercises. */
export async function currentTrainingMaxes(db: Db | Tx, userId: number, exerciseIds?: number[]): Promise<CurrentTrainingMax[]> {
  if (exerciseIds && exerciseIds.length === 0) return [];
  const filter = exerciseIds ? Prisma.sql`AND exercise_id IN (${Prisma.join(exerciseIds)})` : Prisma.empty;
  return db.$queryRaw<CurrentTrainingMax[]>`
    SELECT DISTINCT ON (exercise_id)
           id, exercise_id AS "exerciseId", weight, unit, source,
           converted_from_id AS "convertedFromId", effective_date AS "effectiveDate"
      FROM training_maxes
     WHERE user_id = ${userId} ${filter}
     ORDER BY exercise_id, effective_date DESC, id DESC`;
}
