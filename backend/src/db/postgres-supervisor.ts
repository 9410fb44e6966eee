import { clearLeftoverPostmaster } from './leftover-postmaster';
import { startPostmaster, type Postmaster, type PostmasterOptions } from './postmaster';

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 30_000;

export type SupervisedPostgres = { stop: () => Promise<void> };

/**
 * Starts the embedded PostgreSQL and, until stop() is called, restarts it whenever it dies (someone kill -9's the
 * postmaster, the OOM killer), retrying with exponential backoff. The app's connection pool reconnects by itself.
 */
export async function superviseEmbeddedPostgres(options: PostmasterOptions): Promise<SupervisedPostgres> {
  const { log } = options;
  const bringUp = async () => {
    await clearLeftoverPostmaster(options.clusterDir, log);
    return startPostmaster(options);
  };
  let current = await bringUp();
  let stopping = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let restarting: Promise<void> | undefined;

  const watch = (postmaster: Postmaster) =>
    void postmaster.exited.then((exit) => {
      if (stopping) return;
      log.warn({ pid: postmaster.pid, ...exit }, 'embedded PostgreSQL died; restarting it');
      scheduleRestart(1);
    });
  const scheduleRestart = (attempt: number) => {
    const delayMs = Math.min(FIRST_RETRY_MS * 2 ** (attempt - 1), MAX_RETRY_MS);
    log.warn({ attempt, delayMs }, 'embedded PostgreSQL: restart attempt scheduled');
    retryTimer = setTimeout(() => (restarting = restart(attempt)), delayMs);
  };
  const restart = async (attempt: number) => {
    try {
      current = await bringUp();
      log.info({ attempt, pid: current.pid }, 'embedded PostgreSQL recovered');
      watch(current);
    } catch (err) {
      log.warn(
        { attempt, reason: err instanceof Error ? err.message : String(err) },
        'embedded PostgreSQL restart failed',
      );
      if (!stopping) scheduleRestart(attempt + 1);
    }
  };

  watch(current);
  return {
    stop: async () => {
      stopping = true;
      clearTimeout(retryTimer);
      await restarting;
      await current.stop();
    },
  };
}
