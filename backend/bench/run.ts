// `pnpm bench`: the API under load on a real PostgreSQL, printing requests/s, latency percentiles, each hot
// endpoint's ratio to the trivial database route (GET /api/health: one SELECT 1) in the same run, database round
// trips per request and memory. The server is what `pnpm start` runs (dist/main.cjs, built first) in its own
// process; autocannon runs here. Figures, not assertions.
//   BENCH_DURATION=8 BENCH_CONNECTIONS=32 pnpm bench
import autocannon from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import bcrypt from 'bcrypt';
import { createApp } from '../src/app';
import { signToken } from '../src/http/auth-middleware';
import { loadConfig } from '../src/config/config';
import { openDatabase } from '../src/db/database';
import { migrateDeploy } from '../src/db/migrate';
import { createPrismaClient, type Db } from '../src/db/prisma';
import { seedDatabase } from '../src/seed/seed';

const DURATION = Number(process.env.BENCH_DURATION ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const GENERATION_USERS = Number(process.env.BENCH_USERS ?? 4000);

const roundTrips = countRoundTrips();

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liftplan-bench-'));
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
  // In-process only to count round trips (pg.Client is patched here); the load goes to the separate server.
  const server = await listen(createApp(db, config, log));
  const inProcess = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const product = await startServer(database.databaseUrl, config.jwtSecret);
  const base = product.url;
  try {
    const fixture = await createLifters(db, GENERATION_USERS, config.jwtSecret);
    console.log(
      `\nLiftPlan API benchmark — ${os.cpus().length} cores, Node ${process.version}, ${DURATION}s per scenario, ${CONNECTIONS} connections\n`,
    );
    const rows: string[][] = [];
    const planId = fixture.planId;
    const one = fixture.tokens[0]!;

    rows.push(await scenario('GET /api/health (SELECT 1)', base, { method: 'GET', path: '/api/health' }));
    rows.push(
      await scenario('GET /api/plans/:id', base, { method: 'GET', path: `/api/plans/${planId}`, headers: auth(one) }),
    );
    const etag = (await fetch(`${base}/api/plans/${planId}`, { headers: auth(one) })).headers.get('etag') ?? '';
    rows.push(
      await scenario('GET /api/plans/:id (If-None-Match → 304)', base, {
        method: 'GET',
        path: `/api/plans/${planId}`,
        headers: { ...auth(one), 'if-none-match': etag },
      }),
    );
    rows.push(await scenario('GET /api/plans', base, { method: 'GET', path: '/api/plans', headers: auth(one) }));
    let next = 1; // every generation request is a different lifter: one workout in progress per lifter
    rows.push(
      await scenario(
        'POST /api/workouts',
        base,
        {
          method: 'POST',
          path: '/api/workouts',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ dayNumber: 2 }),
          setupRequest: (req: { headers: Record<string, string> }) => {
            req.headers = { ...req.headers, ...auth(fixture.tokens[next++ % fixture.tokens.length]!) };
            return req;
          },
        },
        fixture.tokens.length - 2,
      ),
    );
    const workout = (await (
      await fetch(`${base}/api/workouts/${await firstWorkoutId(db, fixture.userIds[1]!)}`, {
        headers: auth(fixture.tokens[1]!),
      })
    ).json()) as { workout: { id: number; sets: Array<{ id: number }> } };
    rows.push(
      await scenario('GET /api/workouts/:id', base, {
        method: 'GET',
        path: `/api/workouts/${workout.workout.id}`,
        headers: auth(fixture.tokens[1]!),
      }),
    );
    rows.push(
      await scenario('PATCH /api/workouts/:id/sets/:setId', base, {
        method: 'PATCH',
        path: `/api/workouts/${workout.workout.id}/sets/${workout.workout.sets[0]!.id}`,
        headers: { ...auth(fixture.tokens[1]!), 'content-type': 'application/json' },
        body: JSON.stringify({ completed: true, actualReps: 5 }),
      }),
    );
    printTable(rows);
    await printRoundTrips(inProcess, fixture, db);
    console.log(`\nmemory of the server process after the run: rss ${product.rssMb()} MB`);
  } finally {
    await product.stop();
    server.close();
    await db.$disconnect();
    await database.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

type Request = Record<string, unknown>;

async function scenario(name: string, url: string, request: Request, amount?: number): Promise<string[]> {
  const limit = amount ? { amount } : { duration: DURATION };
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    ...limit,
    requests: [request],
  } as autocannon.Options);
  const notModified = result.statusCodeStats?.['304']?.count ?? 0;
  const errors = result.non2xx - notModified + result.errors;
  return [
    name,
    String(Math.round(result.requests.average)),
    String(result.latency.p50),
    String(result.latency.p99),
    String(result.requests.total),
    String(errors),
  ];
}

/** Adds each row's req/s and p99 relative to the first row (the SELECT 1 route), measured in the same run. */
function printTable(measured: string[][]) {
  const [baseRps, baseP99] = [Number(measured[0]![1]), Number(measured[0]![3])];
  const rows = measured.map((r) => [
    ...r.slice(0, 4),
    `${Math.round((Number(r[1]) / baseRps) * 100)} %`,
    `${(Number(r[3]) / Math.max(baseP99, 1)).toFixed(1)}×`,
    ...r.slice(4),
  ]);
  const header = [
    'scenario',
    'req/s',
    'p50 ms',
    'p99 ms',
    'req/s vs SELECT 1',
    'p99 vs SELECT 1',
    'requests',
    'errors',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  rows.forEach((r) => console.log(line(r)));
}

/** Round trips = statements sent to PostgreSQL (BEGIN/COMMIT included), counted on pg.Client for one request each. */
async function printRoundTrips(base: string, fixture: Awaited<ReturnType<typeof createLifters>>, db: Db) {
  const token = fixture.tokens[fixture.tokens.length - 1]!;
  const userId = fixture.userIds[fixture.userIds.length - 1]!;
  await db.workout.deleteMany({ where: { userId } });
  const measure = async (name: string, run: () => Promise<Response>) => {
    const before = roundTrips.count;
    const res = await run();
    const body = await res.json();
    console.log(
      `  ${name.padEnd(40)} ${String(roundTrips.count - before).padStart(2)} round trips  (HTTP ${res.status})`,
    );
    return body;
  };
  console.log('\ndatabase round trips per request');
  await measure('GET /api/plans/:id', () => fetch(`${base}/api/plans/${fixture.planId}`, { headers: auth(token) }));
  const started = (await measure('POST /api/workouts', () =>
    fetch(`${base}/api/workouts`, {
      method: 'POST',
      headers: { ...auth(token), 'content-type': 'application/json' },
      body: '{"dayNumber":2}',
    }),
  )) as { workout: { id: number; sets: Array<{ id: number; isAmrap: boolean }> } };
  const { id, sets } = started.workout;
  await measure('PATCH /api/workouts/:id/sets/:setId', () =>
    fetch(`${base}/api/workouts/${id}/sets/${sets[2]!.id}`, {
      method: 'PATCH',
      headers: { ...auth(token), 'content-type': 'application/json' },
      body: '{"completed":true,"actualReps":6}',
    }),
  );
  await measure('POST /api/workouts/:id/complete (1 transaction)', () =>
    fetch(`${base}/api/workouts/${id}/complete`, { method: 'POST', headers: auth(token) }),
  );
  await measure('GET /api/workouts/:id', () => fetch(`${base}/api/workouts/${id}`, { headers: auth(token) }));
}

async function createLifters(db: Db, count: number, secret: string) {
  const plan = await db.workoutPlan.findUniqueOrThrow({
    where: { slug: 'nsuns-4day-lp' },
    include: { versions: { orderBy: { version: 'desc' }, take: 1 } },
  });
  const exercises = Object.fromEntries((await db.exercise.findMany()).map((e) => [e.slug, e.id]));
  const passwordHash = await bcrypt.hash('bench-password', 4);
  const stamp = Date.now();
  await db.user.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      email: `bench-${stamp}-${i}@example.com`,
      passwordHash,
      displayName: `Bench ${i}`,
    })),
  });
  const users = await db.user.findMany({
    where: { email: { startsWith: `bench-${stamp}-` } },
    orderBy: { id: 'asc' },
    select: { id: true },
  });
  const tms = { 'bench-press': 100, squat: 140, ohp: 60, deadlift: 180 };
  await db.trainingMax.createMany({
    data: users.flatMap((u) =>
      Object.entries(tms).map(([slug, w]) => ({ userId: u.id, exerciseId: exercises[slug]!, weight: String(w) })),
    ),
  });
  await db.userPlan.createMany({
    data: users.map((u) => ({ userId: u.id, planId: plan.id, planVersionId: plan.versions[0]!.id })),
  });
  return {
    planId: plan.id,
    userIds: users.map((u) => u.id),
    tokens: users.map((u) => signToken({ id: u.id, isAdmin: false }, secret, '1h')),
  };
}

async function firstWorkoutId(db: Db, userId: number) {
  return (await db.workout.findFirstOrThrow({ where: { userId }, select: { id: true } })).id;
}

function countRoundTrips() {
  const counter = { count: 0 };
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    counter.count++;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  return counter;
}

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** The server as `pnpm start` runs it, in its own process, on the bench database. */
async function startServer(databaseUrl: string, jwtSecret: string) {
  const backend = path.resolve(__dirname, '..');
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: backend, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(built.stderr);
  const spaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liftplan-bench-spa-'));
  fs.writeFileSync(path.join(spaDir, 'index.html'), '<!doctype html><div id="root"></div>');
  const child = spawn(process.execPath, ['dist/main.cjs'], {
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
    },
  };
}

function listen(app: ReturnType<typeof createApp>): Promise<Server> {
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(server));
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
