import type { Logger } from 'pino';
import pg from 'pg';

/** An arbitrary fixed key: the advisory lock app instances hold while they prepare the database at start-up. */
const STARTUP_LOCK_KEY = 4_170_215_903;

/**
 * Runs `fn` (migrations, seed, admin account) holding a PostgreSQL advisory lock, so instances starting at once on
 * one database — replicas on a fresh volume — prepare it one after another: the first does the work, the others
 * wait and then find it done. Without it, concurrent seeds of an empty database both insert the built-in plans and
 * all instances but one exit on the duplicate slug. The lock belongs to this session, so PostgreSQL releases it if
 * this process dies. A database that can't be reached here is left to `fn`, which reports it in its own words.
 */
export async function withStartupLock<T>(databaseUrl: string, log: Logger, fn: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on('error', () => {}); // a server gone mid-start-up: fn's own queries fail and say so
  try {
    await client.connect();
  } catch {
    await client.end().catch(() => {});
    return fn();
  }
  try {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
      STARTUP_LOCK_KEY,
    ]);
    if (!rows[0]?.locked) {
      log.info('another instance is preparing the database; waiting for it');
      await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
    }
    return await fn();
  } finally {
    await client.end().catch(() => {}); // ending the session releases the lock
  }
}
