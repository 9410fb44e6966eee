// Shared by the benchmarks (run.ts, scale.ts): an embedded PostgreSQL with the app's migrations and seed, the
// server as `pnpm start` runs it in its own process, and an autocannon scenario runner with a plain-text table.
import autocannon from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import fs from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { createApp } from '../src/app';
import { loadConfig } from '../src/config/config';
import { openDatabase } from '../src/db/database';
import { migrateDeploy } from '../src/db/migrate';
import { createPrismaClient } from '../src/db/prisma';
import { seedDatabase } from '../src/seed/seed';

/** A migrated, seeded bench database (embedded unless BENCH_DATABASE_URL is set) and a Prisma client on it. */
export async function openBenchDatabase(prefix: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dataDir, 0o755);
  const config = {
    ...loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'bench-secret-bench-secret-bench',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      EMBEDDED_PG_PORT: String(55000 + Math.floor(Math.random() * 5000)),
      DATABASE_URL: process.env.BENCH_DATABASE_URL,
    }),
    loginRateLimit: { limit: 1e9, windowMs: 60_000 },
  };
  const log = pino({ level: 'silent' });
  const database = await openDatabase(config, log);
  await migrateDeploy(database.databaseUrl);
  const db = createPrismaClient(database.databaseUrl, { maxConnections: 20 });
  await seedDatabase(db);
  return {
    config,
    log,
    database,
    db,
    close: async () => {
      await db.$disconnect();
      await database.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** Runs one autocannon scenario: for `duration` seconds, or `amount` requests when given. */
export async function runScenario(
  url: string,
  requests: Array<Record<string, unknown>>,
  options: { connections: number; duration: number; amount?: number },
) {
  const limit = options.amount ? { amount: options.amount } : { duration: options.duration };
  let started = 0;
  let lastResponse = 0;
  // Without a callback autocannon returns its run tracker, an EventEmitter that is also a thenable.
  const instance = autocannon({
    url,
    connections: options.connections,
    ...limit,
    requests,
  } as autocannon.Options) as unknown as EventEmitter & PromiseLike<autocannon.Result>;
  instance.on('start', () => (started = performance.now()));
  instance.on('response', () => (lastResponse = performance.now()));
  const result = await instance;
  // Start to last response: autocannon's own duration is whole seconds (a run of `amount` requests that ends at
  // 15.1 s counts as 16).
  const seconds = (lastResponse - started) / 1000;
  const notModified = result.statusCodeStats?.['304']?.count ?? 0;
  return { result, seconds, errors: result.non2xx - notModified + result.errors };
}

/** Prints rows under a header: the first column left-aligned, the others right-aligned. */
export function printTable(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  rows.forEach((r) => console.log(line(r)));
}

/** The server as `pnpm start` runs it, in its own process, on the bench database. */
export async function startServer(databaseUrl: string, jwtSecret: string) {
  const backend = path.resolve(__dirname, '..');
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: backend, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(built.stderr);
  const spaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liftplan-bench-spa-'));
  fs.writeFileSync(path.join(spaDir, 'index.html'), '<!doctype html><div id="root"></div>');
  // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there on exit (open it in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, 'dist/main.cjs'], {
    cwd: backend,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      JWT_SECRET: jwtSecret,
      PORT: '0',
      LOG_LEVEL: 'silent',
      LOGIN_RATE_LIMIT: '1000000000',
      SPA_DIR: spaDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /LiftPlan is running at (\S+)/.exec(output);
      if (match) resolve(match[1]!.replace('localhost', '127.0.0.1'));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${output.slice(-2000)}`)));
  });
  return {
    url,
    rssMb: () => {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return (Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024).toFixed(0);
    },
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      fs.rmSync(spaDir, { recursive: true, force: true });
    },
  };
}

export function listen(app: ReturnType<typeof createApp>): Promise<Server> {
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(server));
  });
}
