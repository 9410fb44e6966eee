import type pg from 'pg';

/**
 * Where the old app's tables wait while the current schema is built. A schema of their own, not renamed tables:
 * moving a table moves its indexes and sequences with it, so names such as users_pkey or users_id_seq are free
 * for the new tables, and `prisma migrate deploy` sees an empty public schema (it refuses a non-empty schema
 * without migration history: P3005). The SQL in this folder names it literally (legacy.users).
 */
export const LEGACY_SCHEMA = 'legacy';

/** The old app's tables. */
export const LEGACY_TABLES = ['users', 'training_maxes', 'workouts', 'workout_sets'] as const;

/** The old app's Prisma migration history: moved aside too when present, so the new history starts fresh. */
export const LEGACY_MIGRATION_HISTORY = '_prisma_migrations';

/**
 * - `legacy`: the old app's schema (training_maxes.exercise, a string), nothing done yet;
 * - `moved-aside`: an earlier run moved the old tables into the legacy schema but did not finish: resume;
 * - `current`: upgraded or created by this app (training_maxes.exercise_id), nothing to do;
 * - `unrecognised`: anything else (an empty database, a half-migrated one): refuse.
 */
export type DatabaseState = 'legacy' | 'moved-aside' | 'current' | 'unrecognised';

const TRAINING_MAXES_SHAPE = `
  SELECT EXISTS (SELECT 1 FROM information_schema.columns
                  WHERE table_schema = current_schema() AND table_name = 'training_maxes' AND column_name = 'exercise') AS "hasExerciseString",
         EXISTS (SELECT 1 FROM information_schema.columns
                  WHERE table_schema = current_schema() AND table_name = 'training_maxes' AND column_name = 'exercise_id') AS "hasExerciseId",
         EXISTS (SELECT 1 FROM information_schema.tables
                  WHERE table_schema = '${LEGACY_SCHEMA}' AND table_name = 'training_maxes') AS "hasMovedAsideTables"`;

type Shape = { hasExerciseString: boolean; hasExerciseId: boolean; hasMovedAsideTables: boolean };

export async function detectDatabaseState(client: pg.ClientBase): Promise<DatabaseState> {
  const { rows } = await client.query<Shape>(TRAINING_MAXES_SHAPE);
  const { hasExerciseString, hasExerciseId, hasMovedAsideTables } = rows[0]!;
  if (hasMovedAsideTables) return hasExerciseString ? 'unrecognised' : 'moved-aside';
  if (hasExerciseString && !hasExerciseId) return 'legacy';
  if (hasExerciseId && !hasExerciseString) return 'current';
  return 'unrecognised';
}
