import type pg from 'pg';
import type { Logger } from 'pino';
import { DEFAULT_BAR, DEFAULT_INCREMENT, DEFAULT_PLATES, UNITS } from '@liftplan/domain';
import { NSUNS_SLUG } from '../seed/program-files';
import { describeProblems, findLegacyProblems } from './legacy-checks';
import { LegacyUpgradeError } from './legacy-errors';
import { POINTER_BACKFILL } from '../subscriptions/pointer-backfill';

/** The old app keyed lifts by these strings; they name the TM lift, so a sumo deadlift set says 'deadlift'. */
const LEGACY_EXERCISE_SLUGS: Readonly<Record<string, string>> = {
  bench: 'bench-press',
  squat: 'squat',
  ohp: 'ohp',
  deadlift: 'deadlift',
};

export type CopiedCounts = {
  users: number;
  trainingMaxes: number;
  subscriptions: number;
  workouts: number;
  workoutSets: number;
  /** The old app allowed several workouts in progress; the newest stays in progress, older ones become abandoned. */
  abandonedInProgress: number;
};

// ---------- lookups (temporary tables, dropped at commit) ----------

const LATEST_NSUNS_VERSION = `
  SELECT pv.id FROM plan_versions pv JOIN workout_plans p ON p.id = pv.plan_id
   WHERE p.slug = $1 ORDER BY pv.version DESC LIMIT 1`;

const CREATE_EXERCISE_KEY_LOOKUP = `
  CREATE TEMP TABLE legacy_exercise_key ON COMMIT DROP AS
  SELECT k.key, e.id AS exercise_id
    FROM unnest($1::text[], $2::text[]) AS k(key, slug) JOIN exercises e ON e.slug = k.slug`;

/** One row per set of the nSuns version legacy users are subscribed to: what each legacy set maps onto. */
const CREATE_NSUNS_TEMPLATE_LOOKUP = `
  CREATE TEMP TABLE nsuns_template ON COMMIT DROP AS
  SELECT pd.day_number, pd.id AS plan_day_id, pde.tier, ps.set_order, pde.exercise_id, pde.tm_exercise_id,
         pde.sort_order AS exercise_order, pde.display_name, ps.percentage, ps.is_progression
    FROM plan_days pd
    JOIN plan_day_exercises pde ON pde.plan_day_id = pd.id
    JOIN plan_sets ps ON ps.plan_day_exercise_id = pde.id
   WHERE pd.plan_version_id = $1`;

const ROWS_IN_NEW_USER_TABLES = `
  SELECT (SELECT count(*) FROM users)::int + (SELECT count(*) FROM training_maxes)::int
       + (SELECT count(*) FROM user_plans)::int + (SELECT count(*) FROM workouts)::int AS count`;

// ---------- copies, in foreign-key order; ids are kept ----------

const COPY_USERS = `
  INSERT INTO users (id, email, password_hash, display_name, unit_preference, weight_increment, bar_weight, plates,
                     is_admin, created_at, updated_at)
  SELECT u.id, lower(trim(u.email)), u.password_hash, u.display_name, u.unit_preference,
         d.weight_increment, d.bar_weight, d.plates, false, u.created_at, u.updated_at
    FROM legacy.users u
    JOIN jsonb_to_recordset($1::jsonb) AS d(unit text, weight_increment numeric, bar_weight numeric, plates numeric[])
      ON d.unit = u.unit_preference`;

const SUBSCRIBE_USERS_TO_NSUNS = `
  INSERT INTO user_plans (user_id, plan_id, plan_version_id, is_active, started_at, start_date)
  SELECT u.id, pv.plan_id, pv.id, true, u.created_at, (u.created_at AT TIME ZONE 'UTC')::date
    FROM legacy.users u CROSS JOIN plan_versions pv
   WHERE pv.id = $1`;

const COPY_TRAINING_MAXES = `
  INSERT INTO training_maxes (id, user_id, exercise_id, weight, unit, source, effective_date, created_at)
  SELECT tm.id, tm.user_id, k.exercise_id, tm.weight, u.unit_preference, 'legacy', tm.effective_date, tm.created_at
    FROM legacy.training_maxes tm
    JOIN legacy_exercise_key k ON k.key = tm.exercise
    JOIN users u ON u.id = tm.user_id`;

const COPY_WORKOUTS = `
  WITH ranked AS (
    SELECT w.*, row_number() OVER (PARTITION BY w.user_id, w.status ORDER BY w.created_at DESC, w.id DESC) AS recency
      FROM legacy.workouts w
  )
  INSERT INTO workouts (id, user_id, user_plan_id, plan_day_id, day_number, unit, status, completed_at, created_at)
  SELECT r.id, r.user_id, up.id, d.plan_day_id, r.day_number, u.unit_preference,
         CASE WHEN r.status = 'in_progress' AND r.recency > 1 THEN 'abandoned' ELSE r.status END,
         r.completed_at, r.created_at
    FROM ranked r
    JOIN users u ON u.id = r.user_id
    JOIN user_plans up ON up.user_id = r.user_id AND up.is_active
    JOIN (SELECT DISTINCT day_number, plan_day_id FROM nsuns_template) d ON d.day_number = r.day_number
  RETURNING status`;

const COPY_WORKOUT_SETS = `
  INSERT INTO workout_sets (id, workout_id, exercise_id, tm_exercise_id, exercise_order, display_name, tier, set_order,
                            percentage, prescribed_weight, prescribed_reps, is_amrap, is_progression, actual_reps,
                            completed, created_at)
  SELECT s.id, s.workout_id, t.exercise_id, k.exercise_id, t.exercise_order, t.display_name, s.tier, s.set_order,
         t.percentage, s.prescribed_weight, s.prescribed_reps, s.is_amrap, t.is_progression, s.actual_reps,
         s.completed, s.created_at
    FROM legacy.workout_sets s
    JOIN legacy.workouts w ON w.id = s.workout_id
    JOIN legacy_exercise_key k ON k.key = s.exercise
    JOIN nsuns_template t ON t.day_number = w.day_number AND t.tier = s.tier AND t.set_order = s.set_order`;

const TABLES_WITH_COPIED_IDS = ['users', 'training_maxes', 'workouts', 'workout_sets'] as const;

/** Past the copied ids and past the old sequence, so ids of rows the old app deleted are never handed out again. */
const moveSequencePastLegacyIds = (table: (typeof TABLES_WITH_COPIED_IDS)[number]) => `
  SELECT setval(pg_get_serial_sequence('${table}', 'id'),
                GREATEST((SELECT COALESCE(MAX(id), 0) FROM ${table}),
                         COALESCE(pg_sequence_last_value(pg_get_serial_sequence('legacy.${table}', 'id')::regclass), 0)) + 1,
                false)`;

const DROP_LEGACY_TABLES = `DROP SCHEMA legacy CASCADE`;

// ---------- step C ----------

/** Copies everything into the current schema and drops the old tables: one transaction, all or nothing. */
export async function copyLegacyData(client: pg.ClientBase, log: Logger): Promise<CopiedCounts> {
  await client.query('BEGIN');
  try {
    await assertNewUserTablesEmpty(client);
    const nsunsVersionId = await latestNsunsVersionId(client);
    await createLookups(client, nsunsVersionId);
    await assertLegacyDataMaps(client);
    const counts = await copyRows(client, nsunsVersionId);
    for (const table of TABLES_WITH_COPIED_IDS) await client.query(moveSequencePastLegacyIds(table));
    await client.query(DROP_LEGACY_TABLES);
    await client.query('COMMIT');
    log.info({ ...counts }, 'legacy data copied, legacy tables dropped');
    return counts;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  }
}

async function assertNewUserTablesEmpty(client: pg.ClientBase): Promise<void> {
  const { rows } = await client.query<{ count: number }>(ROWS_IN_NEW_USER_TABLES);
  if (rows[0]!.count === 0) return;
  throw new LegacyUpgradeError(
    'The new tables already hold users, training maxes or workouts, so the legacy data cannot be copied in: the app ' +
      'was probably started while the upgrade was half done. Restore the backup taken before the upgrade and run ' +
      'it again with the app stopped. Nothing was changed.',
  );
}

async function latestNsunsVersionId(client: pg.ClientBase): Promise<number> {
  const { rows } = await client.query<{ id: number }>(LATEST_NSUNS_VERSION, [NSUNS_SLUG]);
  if (!rows[0]) throw new LegacyUpgradeError(`The ${NSUNS_SLUG} plan is missing after seeding; nothing was copied.`);
  return rows[0].id;
}

async function createLookups(client: pg.ClientBase, nsunsVersionId: number): Promise<void> {
  const keys = Object.keys(LEGACY_EXERCISE_SLUGS);
  const { rowCount } = await client.query(CREATE_EXERCISE_KEY_LOOKUP, [
    keys,
    keys.map((key) => LEGACY_EXERCISE_SLUGS[key]),
  ]);
  if (rowCount !== keys.length) {
    throw new LegacyUpgradeError(
      `The exercise library lacks one of ${Object.values(LEGACY_EXERCISE_SLUGS).join(', ')}; nothing was copied.`,
    );
  }
  await client.query(CREATE_NSUNS_TEMPLATE_LOOKUP, [nsunsVersionId]);
}

async function assertLegacyDataMaps(client: pg.ClientBase): Promise<void> {
  const problems = await findLegacyProblems(client);
  if (problems.length === 0) return;
  throw new LegacyUpgradeError(
    `Some legacy rows cannot be mapped onto nSuns; nothing was copied and the old tables wait in schema "legacy". ` +
      `Fix these rows there (or delete them), then run the upgrade again:\n${describeProblems(problems)}`,
  );
}

async function copyRows(client: pg.ClientBase, nsunsVersionId: number): Promise<CopiedCounts> {
  const users = await copy(client, 'users', COPY_USERS, [JSON.stringify(unitDefaults())]);
  const subscriptions = await copy(client, 'users', SUBSCRIBE_USERS_TO_NSUNS, [nsunsVersionId]);
  const trainingMaxes = await copy(client, 'training_maxes', COPY_TRAINING_MAXES);
  const workouts = await copy<{ status: string }>(client, 'workouts', COPY_WORKOUTS);
  const workoutSets = await copy(client, 'workout_sets', COPY_WORKOUT_SETS);
  // The copied history gets cycle numbers and each subscription its next-workout pointer (plan model v2).
  for (const statement of POINTER_BACKFILL) await client.query(statement);
  return {
    users: users.rowCount,
    subscriptions: subscriptions.rowCount,
    trainingMaxes: trainingMaxes.rowCount,
    workouts: workouts.rowCount,
    workoutSets: workoutSets.rowCount,
    abandonedInProgress: workouts.rows.filter((w) => w.status === 'abandoned').length,
  };
}

/** Runs one copy and checks it wrote one row per row of the legacy table it reads: no row silently left behind. */
async function copy<Row extends object = object>(
  client: pg.ClientBase,
  legacyTable: string,
  sql: string,
  params: unknown[] = [],
) {
  const result = await client.query<Row>(sql, params);
  const rowCount = result.rowCount ?? 0;
  await assertAllCopied(client, legacyTable, rowCount);
  return { rows: result.rows, rowCount };
}

async function assertAllCopied(client: pg.ClientBase, legacyTable: string, copied: number): Promise<void> {
  const { rows } = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM legacy.${legacyTable}`);
  if (rows[0]!.count !== copied) {
    throw new LegacyUpgradeError(
      `Copied ${copied} of ${rows[0]!.count} rows from legacy.${legacyTable}; nothing was changed.`,
    );
  }
}

function unitDefaults() {
  return UNITS.map((unit) => ({
    unit,
    weight_increment: DEFAULT_INCREMENT[unit].toString(),
    bar_weight: DEFAULT_BAR[unit].toString(),
    plates: DEFAULT_PLATES[unit].map(String),
  }));
}
