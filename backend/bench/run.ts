// `pnpm bench`: the API under load on a real PostgreSQL, printing requests/s, latency percentiles, each hot
// endpoint's ratio to the trivial database route (GET /api/health: one SELECT 1) in the same run, database round
// trips per request and memory. The server is what `pnpm start` runs (dist/main.cjs, built first) in its own
// process; autocannon runs here. Figures, not assertions.
//   BENCH_DURATION=8 BENCH_CONNECTIONS=32 pnpm bench
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import pg from 'pg';
import bcrypt from 'bcrypt';
import { createApp } from '../src/app';
import { AccountCache } from '../src/http/account-cache';
import { signToken } from '../src/http/auth-middleware';
import type { Db } from '../src/db/prisma';
import { auth, listen, openBenchDatabase, printTable as printRows, runScenario, startServer } from './bench-helpers';

const DURATION = Number(process.env.BENCH_DURATION ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
// Each generation request is another lifter's first workout: enough lifters that the scenario lasts its duration.
const GENERATION_USERS = Number(process.env.BENCH_USERS ?? 12_000);

const roundTrips = countRoundTrips();

async function main() {
  const { config, log, database, db, close } = await openBenchDatabase('liftplan-bench-');
  // In-process only to count round trips (pg.Client is patched here); the load goes to the separate server.
  const accounts = new AccountCache(); // as in production: accounts cached while change notifications arrive
  await accounts.listen(database.databaseUrl);
  const server = await listen(createApp(db, config, log, { accounts }));
  const inProcess = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const product = await startServer(database.databaseUrl, config.jwtSecret);
  const base = product.url;
  try {
    const fixture = await createLifters(db, GENERATION_USERS, config.jwtSecret);
    await db.$executeRawUnsafe('ANALYZE'); // planner statistics, as autovacuum keeps them on a database in use
    console.log(
      `\nLiftPlan API benchmark — ${os.cpus().length} cores, Node ${process.version}, ${DURATION}s per scenario, ${CONNECTIONS} connections\n`,
    );
    const rows: Array<string[] | null> = [];
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
      await fetch(`${base}/api/workouts/${await workoutOf(base, db, fixture.userIds[1]!, fixture.tokens[1]!)}`, {
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
    printTable(rows.filter((row) => row !== null));
    await printRoundTrips(inProcess, fixture, db);
    console.log(`\nmemory of the server process after the run: rss ${product.rssMb()} MB`);
  } finally {
    await product.stop();
    await accounts.close();
    server.close();
    await close();
  }
}

type Request = Record<string, unknown>;

// BENCH_ONLY=plans,workouts: only scenarios whose name contains one of these (the SELECT 1 route always runs).
const ONLY = process.env.BENCH_ONLY?.split(',').filter(Boolean);

async function scenario(name: string, url: string, request: Request, amount?: number): Promise<string[] | null> {
  if (ONLY && !name.includes('SELECT 1') && !ONLY.some((part) => name.includes(part))) return null;
  const { result, seconds, errors } = await runScenario(url, [request], {
    connections: CONNECTIONS,
    duration: DURATION,
    amount,
  });
  return [
    name,
    // Over the measured time, not autocannon's average of whole-second buckets (a run that stops early skews it).
    String(Math.round(result.requests.total / seconds)),
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
  printRows(header, rows);
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
      `  ${name.padEnd(48)} ${String(roundTrips.count - before).padStart(2)} round trips  (HTTP ${res.status})`,
    );
    return body;
  };
  console.log("\ndatabase round trips per request (the lifter's account already cached by an earlier request)");
  await fetch(`${base}/api/users/me`, { headers: auth(token) });
  roundTrips.tracing = true;
  for (const when of ['first in this process', 'again']) {
    await measure(`GET /api/plans/:id (${when})`, () =>
      fetch(`${base}/api/plans/${fixture.planId}`, { headers: auth(token) }),
    );
    await measure(`GET /api/plans (${when})`, () => fetch(`${base}/api/plans`, { headers: auth(token) }));
  }
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
  await addTrainingHistory(
    db,
    users.map((u) => u.id),
  );
  return {
    planId: plan.id,
    userIds: users.map((u) => u.id),
    tokens: users.map((u) => signToken({ id: u.id, isAdmin: false }, secret, '1h')),
  };
}

/**
 * Three weeks of completed workouts per lifter (no sets), so the tables the hot paths read are not empty. On an empty
 * `workouts` table the planner rightly picks sequential scans, and each connection keeps the plan of its foreign-key
 * checks: the generation scenario then scanned the whole growing table once per inserted set (seen in
 * pg_stat_user_tables: 17 scans per request). A database in use has rows and statistics; so does this one.
 */
async function addTrainingHistory(db: Db, userIds: number[]) {
  await db.$executeRaw`
    INSERT INTO workouts (user_id, user_plan_id, plan_day_id, day_number, unit, status, created_at, completed_at)
    SELECT up.user_id, up.id, pd.id, pd.day_number, 'kg', 'completed', day, day + interval '1 hour'
      FROM user_plans up
      JOIN plan_days pd ON pd.plan_version_id = up.plan_version_id
     CROSS JOIN generate_series(1, 3) AS week
     CROSS JOIN LATERAL (SELECT now() - make_interval(weeks => week, days => pd.day_number) AS day) d
     WHERE up.user_id = ANY(${userIds})`;
}

/** The lifter's workout from the generation scenario, or one started now when that scenario was left out. */
async function workoutOf(base: string, db: Db, userId: number, token: string): Promise<number> {
  const existing = await db.workout.findFirst({ where: { userId, status: 'in_progress' }, select: { id: true } });
  if (existing) return existing.id;
  const res = await fetch(`${base}/api/workouts`, {
    method: 'POST',
    headers: { ...auth(token), 'content-type': 'application/json' },
    body: '{"dayNumber":2}',
  });
  return ((await res.json()) as { workout: { id: number } }).workout.id;
}

/** BENCH_TRACE=1 also prints each counted statement. */
function countRoundTrips() {
  const counter = { count: 0, tracing: false };
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    counter.count++;
    if (process.env.BENCH_TRACE && counter.tracing) {
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string }).text;
      console.log(`    · ${String(text).replace(/\s+/g, ' ').slice(0, 110)}`);
    }
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  return counter;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
