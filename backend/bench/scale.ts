// `pnpm bench:scale`: the read and generation paths on a big database (issue 15, "Scale"). Fills a fresh embedded
// PostgreSQL with SCALE × (100,000 lifters, 1,000,000 completed workouts, 10,000,000 logged sets) in set-based SQL
// (bench/scale.sql: INSERT … SELECT over generate_series), then measures history, progress, TM history, schedule and
// generation through the HTTP API of the server as `pnpm start` runs it (its own process), a random lifter per read
// and a different lifter per generation, and prints p50 / p99 / req/s per endpoint against the goal (p99 ≤ 25 ms at 8 connections), plus
// EXPLAIN (ANALYZE, BUFFERS) summaries of the SQL those endpoints send. Figures, not assertions; not in `pnpm test`.
//   SCALE=0.02 pnpm bench:scale   (2k lifters, 20k workouts, 200k sets: data in ~4 s, ~2½ minutes in all)
//   pnpm bench:scale               (SCALE=1: data in ~20 s per 100k workouts at SCALE=0.1, so several minutes)
// BENCH_DURATION (10 s), BENCH_WARMUP (2 s), BENCH_CONNECTIONS (8); BENCH_DATABASE_URL: a scratch PostgreSQL database
// to migrate, seed and fill instead of the embedded one.
import bcrypt from 'bcrypt';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { listWorkoutsQuery } from '@liftplan/domain';
import { signToken } from '../src/http/auth-middleware';
import { getProgress } from '../src/progress/progress.service';
import { getSchedule } from '../src/schedule/schedule.service';
import { trainingMaxHistory } from '../src/training-maxes/training-maxes.service';
import { listWorkouts, startWorkout } from '../src/workouts/workouts.service';
import type { Clock } from '../src/config/clock';
import type { Db } from '../src/db/prisma';
import { auth, openBenchDatabase, printTable, runScenario, startServer } from './bench-helpers';

const SCALE = Number(process.env.SCALE ?? 1);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2); // seconds of each scenario run unmeasured first (JIT, caches)
const GOAL_P99_MS = 25;
const LIFTERS = Math.max(10, Math.round(100_000 * SCALE));
const WORKOUTS_PER_LIFTER = 10;
const SETS_PER_WORKOUT = 10;
const PLAN_SLUG = 'nsuns-4day-lp';

/** Captures the statements Prisma sends while `captured.on` is set (pg.Client is patched), to EXPLAIN them. */
const captured: { on: boolean; statements: Array<{ text: string; values: unknown[] }> } = { on: false, statements: [] };
patchPgQuery();

async function main() {
  const { config, database, db, close } = await openBenchDatabase('liftplan-scale-');
  const client = new pg.Client({ connectionString: database.databaseUrl });
  await client.connect();
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    const fixture = await generate(client);
    server = await startServer(database.databaseUrl, config.jwtSecret);
    await measure(server.url, fixture, config.jwtSecret, client);
    await explainQueries(db, client, fixture, config.clock);
    console.log(`\nmemory of the server process after the run: rss ${server.rssMb()} MB`);
  } finally {
    await server?.stop();
    await client.end();
    await close();
  }
}

type Fixture = { firstUserId: number; lifters: number; tmExerciseIds: number[] };

async function generate(client: pg.Client): Promise<Fixture> {
  const passwordHash = await bcrypt.hash('scale-password', 10); // computed once, shared by every lifter
  const { rows: plans } = await client.query<{ planId: number; versionId: number; cycleWeeks: number }>(
    `SELECT v.plan_id AS "planId", v.id AS "versionId", v.cycle_weeks AS "cycleWeeks"
       FROM plan_versions v JOIN workout_plans p ON p.id = v.plan_id
      WHERE p.slug = $1 AND v.published_at IS NOT NULL ORDER BY v.version DESC LIMIT 1`,
    [PLAN_SLUG],
  );
  const plan = plans[0];
  if (!plan || plan.cycleWeeks !== 1) throw new Error(`${PLAN_SLUG}: expected a published one-week cycle`);
  const { rows: base } = await client.query<{ id: number }>('SELECT COALESCE(max(id), 0)::int AS id FROM users');
  const params: Record<string, string | number> = {
    lifters: LIFTERS,
    first_user_id: base[0]!.id + 1,
    plan_id: plan.planId,
    version_id: plan.versionId,
    workouts: WORKOUTS_PER_LIFTER,
    sets: SETS_PER_WORKOUT,
    password_hash: passwordHash,
  };
  const script = fs.readFileSync(path.join(__dirname, 'scale.sql'), 'utf8');
  console.log(
    `\nGenerating SCALE=${SCALE}: ${LIFTERS.toLocaleString('en')} lifters × ${WORKOUTS_PER_LIFTER} workouts × ` +
      `${SETS_PER_WORKOUT} sets on ${PLAN_SLUG}`,
  );
  const started = performance.now();
  const timings: string[][] = [];
  for (const step of script.split(/^-- step: /m).slice(1)) {
    const [title, ...body] = step.split('\n');
    const sql = body.join('\n').replace(/:(\w+)/g, (match, name: string) => {
      if (!(name in params)) return match;
      const value = params[name]!;
      return typeof value === 'number' ? String(value) : `'${value.replace(/'/g, "''")}'`;
    });
    const t = performance.now();
    const result = await client.query(sql);
    const rowCount = [result].flat().reduce((n, r) => n + (r.rowCount ?? 0), 0);
    timings.push([title!.trim(), rowCount.toLocaleString('en'), ((performance.now() - t) / 1000).toFixed(1)]);
  }
  const seconds = (performance.now() - started) / 1000;
  printTable(['step', 'rows', 'seconds'], timings);
  const { rows: counts } = await client.query<Record<string, string>>(
    `SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM user_plans) AS user_plans,
            (SELECT count(*) FROM training_maxes) AS training_maxes, (SELECT count(*) FROM workouts) AS workouts,
            (SELECT count(*) FROM workout_sets) AS workout_sets,
            pg_size_pretty(pg_database_size(current_database())) AS database_size`,
  );
  console.log(`generation took ${seconds.toFixed(1)} s; row counts:`);
  console.log(
    Object.entries(counts[0]!)
      .map(([k, v]) => `  ${k}: ${/^\d+$/.test(v) ? Number(v).toLocaleString('en') : v}`)
      .join('\n'),
  );
  const { rows: exercises } = await client.query<{ id: number }>(
    `SELECT DISTINCT pde.tm_exercise_id AS id FROM plan_day_exercises pde
       JOIN plan_days pd ON pd.id = pde.plan_day_id WHERE pd.plan_version_id = $1 ORDER BY 1`,
    [plan.versionId],
  );
  return { firstUserId: base[0]!.id + 1, lifters: LIFTERS, tmExerciseIds: exercises.map((e) => e.id) };
}

async function measure(url: string, fixture: Fixture, secret: string, client: pg.Client) {
  const randomLifter = () => fixture.firstUserId + Math.floor(Math.random() * fixture.lifters);
  const token = (id: number) => signToken({ id, isAdmin: false }, secret, '1h');
  const randomAuth = (req: Record<string, unknown>) => ({
    ...req,
    headers: { ...(req.headers as Record<string, string>), ...auth(token(randomLifter())) },
  });
  const { from, to } = scheduleWindow();
  const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)]!;

  const scenarios: Array<[string, Array<Record<string, unknown>>]> = [
    ['GET /api/health (SELECT 1)', [{ method: 'GET', path: '/api/health' }]],
    ['history: GET /api/workouts?page=1', [{ method: 'GET', path: '/api/workouts?page=1', setupRequest: randomAuth }]],
    ['progress: GET /api/progress', [{ method: 'GET', path: '/api/progress', setupRequest: randomAuth }]],
    [
      'TM history: GET /api/training-maxes/:id/history',
      [
        {
          method: 'GET',
          setupRequest: (req: Record<string, unknown>) => ({
            ...randomAuth(req),
            path: `/api/training-maxes/${pick(fixture.tmExerciseIds)}/history`,
          }),
        },
      ],
    ],
    [
      'schedule: GET /api/schedule (14 days)',
      [{ method: 'GET', path: `/api/schedule?from=${from}&to=${to}`, setupRequest: randomAuth }],
    ],
  ];
  // Generation: POST /api/workouts {} then abandon it, each pair a different lifter (one in progress per lifter).
  let next = 0;
  type Context = { token?: string; workoutId?: number };
  scenarios.push([
    'generation: POST /api/workouts + abandon (pairs)',
    [
      {
        method: 'POST',
        path: '/api/workouts',
        body: '{}',
        setupRequest: (req: Record<string, unknown>, context: Context) => {
          context.token = token(fixture.firstUserId + (next++ % fixture.lifters));
          return { ...req, headers: { 'content-type': 'application/json', ...auth(context.token) } };
        },
        onResponse: (status: number, body: string, context: Context) => {
          context.workoutId = status === 201 ? (JSON.parse(body) as { workout: { id: number } }).workout.id : 0;
        },
      },
      {
        method: 'POST',
        body: '{}',
        setupRequest: (req: Record<string, unknown>, context: Context) => ({
          ...req,
          path: `/api/workouts/${context.workoutId}/abandon`,
          headers: { 'content-type': 'application/json', ...auth(context.token!) },
        }),
      },
    ],
  ]);

  console.log(
    `\nLiftPlan at scale — ${os.cpus().length} cores, Node ${process.version}, ${DURATION}s per scenario, ` +
      `${CONNECTIONS} connections (after ${WARMUP}s warm-up), a random lifter per request; goal p99 ≤ ${GOAL_P99_MS} ms\n`,
  );
  const rows: string[][] = [];
  const notes: string[] = [];
  for (const [name, requests] of scenarios) {
    // A run stops between a pair's two requests: abandon what it left open (what the abandon endpoint does), so no
    // lifter starts the next run with a workout in progress. Requests still in flight when autocannon resolves land
    // first.
    const abandonLeftovers = async () => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await client.query(`UPDATE workouts SET status = 'abandoned' WHERE status = 'in_progress'`);
    };
    if (WARMUP > 0) await runScenario(url, requests, { connections: CONNECTIONS, duration: WARMUP });
    await abandonLeftovers();
    const { result, errors } = await runScenario(url, requests, { connections: CONNECTIONS, duration: DURATION });
    await abandonLeftovers();
    const p99 = result.latency.p99;
    if (errors > 0)
      notes.push(`${name}: status codes ${JSON.stringify(result.statusCodeStats)}, ${result.errors} errors`);
    rows.push([
      name,
      String(Math.round(result.requests.average)),
      String(result.latency.p50),
      String(p99),
      String(result.requests.total),
      String(errors),
      name.includes('SELECT 1') ? '' : p99 <= GOAL_P99_MS ? 'yes' : 'NO',
    ]);
  }
  printTable(['endpoint', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'errors', `p99 ≤ ${GOAL_P99_MS} ms`], rows);
  notes.forEach((n) => console.log(n));
}

/** The 14 days around today that the schedule scenario asks for. */
function scheduleWindow() {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  return { from: day(-7), to: day(6) };
}

/** EXPLAIN (ANALYZE, BUFFERS) of each SELECT the services send for one random lifter: node types and times. */
async function explainQueries(db: Db, client: pg.Client, fixture: Fixture, clock: Clock) {
  const userId = fixture.firstUserId + Math.floor(Math.random() * fixture.lifters);
  const capture = async (run: () => Promise<unknown>) => {
    captured.statements = [];
    captured.on = true;
    try {
      await run();
    } finally {
      captured.on = false;
    }
    return captured.statements.filter((s) => /^\s*(SELECT|WITH)\b/i.test(s.text));
  };
  const paths: Array<[string, () => Promise<unknown>]> = [
    ['history list', () => listWorkouts(db, userId, listWorkoutsQuery.parse({ page: '1' }))],
    ['TM history', () => trainingMaxHistory(db, userId, fixture.tmExerciseIds[0]!)],
    ['progress', () => getProgress(db, userId)],
    ['schedule (enrolment, then the plan version)', () => getSchedule(db, userId, scheduleWindow(), clock)],
    [
      'generation (the day and TMs, then the workout and its sets in one INSERT)',
      async () => {
        const workout = await startWorkout(db, userId, {});
        await db.workout.delete({ where: { id: workout.id } });
      },
    ],
  ];
  console.log(`\nEXPLAIN (ANALYZE, BUFFERS) of the statements behind each endpoint, lifter ${userId}`);
  const seqScans = new Map<string, Set<string>>(); // table → the endpoints whose SQL scans it sequentially
  for (const [name, run] of paths) {
    console.log(`\n${name}`);
    for (const statement of await capture(run)) {
      await client.query('BEGIN'); // EXPLAIN ANALYZE runs the statement: an INSERT is rolled back
      const { rows } = await client
        .query<{ 'QUERY PLAN': ExplainOutput }>(
          `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.text}`,
          statement.values,
        )
        .finally(() => client.query('ROLLBACK'));
      const output = rows[0]!['QUERY PLAN'][0]!;
      const nodes = scanNodes(output.Plan);
      const buffers = `shared hit ${output.Plan['Shared Hit Blocks'] ?? 0}, read ${output.Plan['Shared Read Blocks'] ?? 0}`;
      const sql = statement.text.replace(/\s+/g, ' ').slice(0, 90);
      console.log(`  ${output['Execution Time'].toFixed(2).padStart(8)} ms  ${buffers.padEnd(26)}  ${sql}…`);
      console.log(`      ${nodes.join('; ') || '(no table scans)'}`);
      for (const table of seqScanTables(output.Plan)) seqScans.set(table, (seqScans.get(table) ?? new Set()).add(name));
    }
  }
  if (seqScans.size === 0) {
    console.log('\nno sequential scans');
    return;
  }
  console.log('\nsequential scans');
  for (const [table, endpoints] of seqScans) {
    const { rows } = await client.query<{ rows: number }>(
      `SELECT count(*)::int AS rows FROM ${client.escapeIdentifier(table)}`,
    );
    const count = rows[0]?.rows ?? 0;
    const verdict =
      count < 10_000 ? 'a small table: reading it whole is the cheaper plan' : 'a big table: look for a missing index';
    console.log(`  ${table} (${count.toLocaleString('en')} rows, ${verdict}) in ${[...endpoints].join(', ')}`);
  }
}

function seqScanTables(node: PlanNode): string[] {
  const own = node['Node Type'] === 'Seq Scan' && node['Relation Name'] ? [node['Relation Name']] : [];
  return [...own, ...(node.Plans ?? []).flatMap(seqScanTables)];
}

type PlanNode = {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
};
type ExplainOutput = Array<{ Plan: PlanNode; 'Execution Time': number }>;

/** The scan nodes of a plan, "Index Scan workouts (workouts_user_id_created_at_idx) rows 10×1". */
function scanNodes(node: PlanNode): string[] {
  const own = /Scan/.test(node['Node Type'])
    ? [
        `${node['Node Type']}${node['Relation Name'] ? ` ${node['Relation Name']}` : ''}` +
          `${node['Index Name'] ? ` (${node['Index Name']})` : ''} rows ${node['Actual Rows']}×${node['Actual Loops']}`,
      ]
    : [];
  return [...own, ...(node.Plans ?? []).flatMap(scanNodes)];
}

function patchPgQuery() {
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    if (captured.on) {
      const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
      if (typeof first === 'string') captured.statements.push({ text: first, values: second ?? [] });
      else if (first && typeof first.text === 'string')
        captured.statements.push({ text: first.text, values: first.values ?? [] });
    }
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
