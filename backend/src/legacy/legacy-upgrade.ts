import pg from 'pg';
import type { Logger } from 'pino';
import { migrateDeploy } from '../db/migrate';
import { createPrismaClient } from '../db/prisma';
import { seedDatabase } from '../seed/seed';
import { copyLegacyData, type CopiedCounts } from './legacy-copy';
import { LegacyUpgradeError } from './legacy-errors';
import { detectDatabaseState, LEGACY_MIGRATION_HISTORY, LEGACY_SCHEMA, LEGACY_TABLES } from './legacy-state';

export { LegacyUpgradeError } from './legacy-errors';

export type UpgradeOutcome = { status: 'up-to-date' } | { status: 'upgraded'; resumed: boolean; copied: CopiedCounts };

/**
 * Upgrades a database of the old nSuns-only app to the current schema (docs/ARCHITECTURE.md, Legacy upgrade;
 * ./README.md), keeping every account, training max and workout, in three steps:
 *  A. move the old tables into schema "legacy" (one transaction);
 *  B. `prisma migrate deploy` builds the current schema, the seed loads the exercise library and nSuns;
 *  C. copy users, TMs, subscriptions, workouts and sets across, then drop schema "legacy" (one transaction).
 * A run interrupted after A resumes at B; on an already upgraded database it does nothing.
 */
export async function upgradeLegacyDatabase(databaseUrl: string, log: Logger): Promise<UpgradeOutcome> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await lockOutOtherUpgrades(client);
    const state = await detectDatabaseState(client);
    if (state === 'current') {
      log.info('database is already on the current schema; nothing to do');
      return { status: 'up-to-date' };
    }
    if (state === 'unrecognised') throw notALegacyDatabase();
    if (state === 'legacy') await moveLegacyTablesAside(client, log);
    else log.info(`resuming: the old tables are already in schema "${LEGACY_SCHEMA}"`);
    await buildCurrentSchema(databaseUrl, log);
    const copied = await copyLegacyData(client, log);
    return { status: 'upgraded', resumed: state === 'moved-aside', copied };
  } finally {
    await client.end();
  }
}

// Held for the whole session: a second upgrade started meanwhile refuses instead of racing this one.
const TRY_UPGRADE_LOCK = `SELECT pg_try_advisory_lock(hashtext('liftplan legacy upgrade')) AS locked`;

async function lockOutOtherUpgrades(client: pg.ClientBase): Promise<void> {
  const { rows } = await client.query<{ locked: boolean }>(TRY_UPGRADE_LOCK);
  if (!rows[0]!.locked)
    throw new LegacyUpgradeError('Another legacy upgrade is running on this database; nothing was changed.');
}

/** Step A. */
async function moveLegacyTablesAside(client: pg.ClientBase, log: Logger): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(`CREATE SCHEMA ${LEGACY_SCHEMA}`);
    for (const table of LEGACY_TABLES) await client.query(`ALTER TABLE "${table}" SET SCHEMA ${LEGACY_SCHEMA}`);
    await client.query(`ALTER TABLE IF EXISTS "${LEGACY_MIGRATION_HISTORY}" SET SCHEMA ${LEGACY_SCHEMA}`);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw new LegacyUpgradeError(`Moving the old tables aside failed: ${(err as Error).message}. Nothing was changed.`);
  }
  log.info(`old tables moved into schema "${LEGACY_SCHEMA}"`);
}

/** Step B: the same migration command production start-up runs, then the same idempotent seed. */
async function buildCurrentSchema(databaseUrl: string, log: Logger): Promise<void> {
  await migrateDeploy(databaseUrl);
  log.info('current schema migrated');
  const db = createPrismaClient(databaseUrl, { maxConnections: 2 });
  try {
    await seedDatabase(db, log);
  } finally {
    await db.$disconnect();
  }
}

const notALegacyDatabase = () =>
  new LegacyUpgradeError(
    'This is not a database of the old nSuns app (training_maxes with an "exercise" column) nor one this app ' +
      'created or upgraded (training_maxes with "exercise_id"): check DATABASE_URL. Nothing was changed.',
  );
