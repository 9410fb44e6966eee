import type { Logger } from 'pino';
import type { AppConfig } from '../config/config';
import { startEmbeddedPostgres } from './embedded-postgres';

export type DatabaseHandle = { databaseUrl: string; embedded: boolean; stop: () => Promise<void> };

/** `DATABASE_URL` set → that server; unset → an embedded PostgreSQL under the data directory. */
export async function openDatabase(config: AppConfig, log: Logger): Promise<DatabaseHandle> {
  if (config.databaseUrl) return { databaseUrl: config.databaseUrl, embedded: false, stop: async () => {} };
  const server = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, log);
  return { databaseUrl: server.databaseUrl, embedded: true, stop: server.stop };
}
