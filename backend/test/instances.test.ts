// Issue 15, "several instances": two real app processes (as `pnpm start` runs them, each on its own port) on one
// PostgreSQL database start together on an empty database, share the sign-in limits, complete a workout and end a
// cycle exactly once however requests are split between them, and one drains on SIGTERM while the other serves on.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { exitOf, healthStatus, killEverything, makeDataDir, startProduct, waitFor } from './product';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Reply = { status: number; body: Json };
type Lifter = { id: number; email: string; auth: Record<string, string> };
type Instance = { name: 'A' | 'B'; url: string; child: ChildProcess };

const PASSWORD = 'correct horse battery';
const LOGIN_LIMIT = 3;

const serverUrl = () => new URL(process.env.TEST_PG_SERVER_URL!);
const databaseName = `instances_${crypto.randomBytes(5).toString('hex')}`;
const databaseUrl = Object.assign(serverUrl(), { pathname: `/${databaseName}` }).toString();
const dataDirs = [makeDataDir('liftplan-instance-a-'), makeDataDir('liftplan-instance-b-')];
const children: ChildProcess[] = [];
let sql: pg.Client;
let a: Instance;
let b: Instance;

async function asServer(statement: string) {
  const client = new pg.Client({ connectionString: serverUrl().toString() });
  await client.connect();
  await client.query(statement).finally(() => client.end());
}

beforeAll(async () => {
  // Empty, as on a fresh volume: the instances migrate and seed it themselves.
  await asServer(`CREATE DATABASE ${databaseName}`);
  const env = {
    DATABASE_URL: databaseUrl,
    JWT_SECRET: 'one-secret-shared-by-every-instance-0123456789',
    LOGIN_RATE_LIMIT: String(LOGIN_LIMIT),
    REGISTER_RATE_LIMIT: '1000',
    TRUST_PROXY: 'loopback', // as behind the reverse proxy: X-Forwarded-For names the client
    SHUTDOWN_GRACE_MS: '60000',
  };
  // Started at the same time, as `docker compose up` starts its replicas.
  const t0 = Date.now();
  const start = (dir: string) =>
    startProduct(dir, env).then(({ child, url }) => {
      children.push(child); // killed in afterAll even if the other one fails to start
      return { url, child };
    });
  const [first, second] = await Promise.all([start(dataDirs[0]!), start(dataDirs[1]!)]);
  console.log(`both instances up on an empty database in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  a = { name: 'A', ...first };
  b = { name: 'B', ...second };
  sql = new pg.Client({ connectionString: databaseUrl });
  await sql.connect();
}, 120_000);

afterAll(async () => {
  killEverything(children, []);
  await sql?.end().catch(() => {});
  await asServer(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
  for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
});

it('both start at once on an empty database: migrated and seeded once, on different ports', async () => {
  expect(a.url).not.toBe(b.url);
  const programs = fs.readdirSync(path.join(__dirname, '../prisma/programs')).filter((f) => f.endsWith('.json'));
  const { rows } = await sql.query(
    'SELECT count(*)::int AS plans, count(DISTINCT seed_key)::int AS seeded FROM workout_plans',
  );
  expect(rows[0]).toEqual({ plans: programs.length, seeded: programs.length });
  const versions = await sql.query('SELECT count(*)::int AS n FROM plan_versions');
  expect(versions.rows[0].n).toBe(programs.length);
  for (const on of [a, b]) expect((await healthStatus(on.url)).status).toBe(200);
});

async function call(
  on: Instance,
  method: string,
  route: string,
  {
    auth = {},
    body,
    headers = {},
  }: { auth?: Record<string, string>; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const res = await fetch(`${on.url}${route}`, {
    method,
    headers: { ...auth, ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Json) : {} };
}

async function expectStatus(reply: Promise<Reply>, status: number): Promise<Json> {
  const { status: got, body } = await reply;
  if (got !== status) throw new Error(`expected ${status}, got ${got}: ${JSON.stringify(body)}`);
  return body;
}

let emails = 0;
async function register(on: Instance): Promise<Lifter> {
  const email = `instances-${process.pid}-${++emails}@example.com`;
  const body = await expectStatus(
    call(on, 'POST', '/api/auth/register', { body: { email, password: PASSWORD, displayName: 'Two Instances' } }),
    201,
  );
  return { id: body.user.id, email, auth: { authorization: `Bearer ${body.token}` } };
}

const login = (on: Instance, email: string, password: string, client: string) =>
  call(on, 'POST', '/api/auth/login', { body: { email, password }, headers: { 'x-forwarded-for': client } });

/** `n` requests at once, alternating between the instances (even → A, odd → B). */
const splitAcross = (n: number, send: (on: Instance, i: number) => Promise<Reply>) =>
  Promise.all(Array.from({ length: n }, (_, i) => send(i % 2 === 0 ? a : b, i)));

/** Subscribes the lifter to a seeded plan (through A) and sets every TM it needs to 100 (through B). */
async function enrol(lifter: Lifter, slug: string): Promise<number> {
  const plan = await sql.query<{ id: number }>('SELECT id FROM workout_plans WHERE slug = $1', [slug]);
  const subscribed = await expectStatus(
    call(a, 'POST', `/api/plans/${plan.rows[0]!.id}/subscribe`, { auth: lifter.auth, body: {} }),
    201,
  );
  const exerciseTMs = subscribed.requiredExercises.map((e: Json) => ({ exerciseId: e.id, trainingMax: 100 }));
  await expectStatus(call(b, 'POST', '/api/training-maxes/setup', { auth: lifter.auth, body: { exerciseTMs } }), 201);
  return exerciseTMs.length;
}

const statusCounts = (replies: Reply[]) =>
  replies.reduce<Record<number, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});

describe('sign-in limits are shared by the instances', () => {
  it('failed sign-ins alternating between A and B are refused after the limit in total, not per instance', async () => {
    const lifter = await register(a);
    const client = '198.51.100.7';
    const statuses: string[] = [];
    for (let i = 0; i < LOGIN_LIMIT + 2; i++) {
      const on = i % 2 === 0 ? a : b;
      statuses.push(`${on.name}:${(await login(on, lifter.email, 'wrong password', client)).status}`);
    }
    // Per-instance counters would allow 3 failures on each (6 in all); shared ones refuse the 4th, on B.
    expect(statuses).toEqual(['A:401', 'B:401', 'A:401', 'B:429', 'A:429']);
    expect((await login(b, lifter.email, PASSWORD, client)).status).toBe(429); // the right password waits too
  });

  it('parallel guesses at one account from many clients, split across A and B, get exactly the limit', async () => {
    const lifter = await register(b);
    // Each guess from its own client, so only the account's counter is shared between them.
    const replies = await splitAcross(10, (on, i) => login(on, lifter.email, 'wrong password', `203.0.113.${10 + i}`));
    expect(statusCounts(replies)).toEqual({ 401: LOGIN_LIMIT, 429: 10 - LOGIN_LIMIT });
    expect(replies.filter((r) => r.status === 429).map((r) => r.body.error.code)).toEqual(
      Array(10 - LOGIN_LIMIT).fill('TOO_MANY_REQUESTS'),
    );
    expect((await login(a, lifter.email, PASSWORD, '203.0.113.99')).status).toBe(429);
  });
});

describe('accounts cached by each instance', () => {
  /** Change notifications reach the other instance asynchronously: poll (bounded) for the expected status. */
  async function statusSoon(on: Instance, route: string, auth: Record<string, string>, expected: number) {
    let reply = await call(on, 'GET', route, { auth });
    for (const until = Date.now() + 5000; reply.status !== expected && Date.now() < until;) {
      await new Promise((r) => setTimeout(r, 25));
      reply = await call(on, 'GET', route, { auth });
    }
    return reply;
  }

  it('an account deleted by SQL is refused by both instances that had it cached', async () => {
    const lifter = await register(a);
    for (const on of [a, b, a, b]) await expectStatus(call(on, 'GET', '/api/exercises', { auth: lifter.auth }), 200);
    await sql.query('DELETE FROM users WHERE id = $1', [lifter.id]);
    for (const on of [a, b]) {
      const reply = await statusSoon(on, '/api/exercises', lifter.auth, 401);
      expect({ on: on.name, status: reply.status, code: reply.body.error?.code }).toEqual({
        on: on.name,
        status: 401,
        code: 'ACCOUNT_NOT_FOUND',
      });
    }
  });

  it('an admin demoted through A loses admin routes on B with the very next request', async () => {
    const boss = await register(a);
    const demoted = await register(b);
    await sql.query('UPDATE users SET is_admin = true WHERE id = ANY($1)', [[boss.id, demoted.id]]);
    await expectStatus(call(b, 'GET', '/api/admin/users', { auth: demoted.auth }), 200);
    await expectStatus(
      call(a, 'PATCH', `/api/admin/users/${demoted.id}`, { auth: boss.auth, body: { isAdmin: false } }),
      200,
    );
    await expectStatus(call(b, 'GET', '/api/admin/users', { auth: demoted.auth }), 403);
  });
});

describe('exactly once across instances', () => {
  let lifter: Lifter;
  let userPlanId: number;
  let setupRows: number;

  const pointer = async () =>
    (await sql.query('SELECT cycle, week_number, day_number FROM user_plans WHERE id = $1', [userPlanId])).rows[0];
  const completedCycles = async () =>
    (
      await sql.query<{ cycle: number; workout_id: number | null }>(
        'SELECT cycle, workout_id FROM completed_cycles WHERE user_plan_id = $1 ORDER BY cycle',
        [userPlanId],
      )
    ).rows;
  const progressionRows = async () =>
    (
      await sql.query<{ slug: string; workout_id: number; weight: string }>(
        `SELECT e.slug, t.workout_id, t.weight::text FROM training_maxes t JOIN exercises e ON e.id = t.exercise_id
          WHERE t.user_id = $1 AND t.source = 'progression' ORDER BY t.id`,
        [lifter.id],
      )
    ).rows;
  const startWorkout = async (on: Instance) =>
    (await expectStatus(call(on, 'POST', '/api/workouts', { auth: lifter.auth, body: {} }), 201)).workout as Json;

  beforeAll(async () => {
    lifter = await register(a);
    setupRows = await enrol(lifter, 'madcow-5x5');
    userPlanId = (await sql.query('SELECT id FROM user_plans WHERE user_id = $1', [lifter.id])).rows[0].id;
  });

  it('the completion that ends a cycle, sent 12 times at once to both, counts once: one 200, one increment', async () => {
    // Madcow: one week of three days, TMs raised at the end of each cycle for what the cycle trained.
    const day1 = await startWorkout(a);
    await expectStatus(call(b, 'POST', `/api/workouts/${day1.id}/complete`, { auth: lifter.auth, body: {} }), 200);
    await expectStatus(call(a, 'POST', '/api/plans/current/skip', { auth: lifter.auth, body: {} }), 200);
    const day3 = await startWorkout(b);
    expect(day3).toMatchObject({ cycle: 1, dayNumber: 3 });

    const replies = await splitAcross(12, (on) =>
      call(on, 'POST', `/api/workouts/${day3.id}/complete`, { auth: lifter.auth, body: {} }),
    );
    expect(statusCounts(replies)).toEqual({ 200: 1, 409: 11 });
    expect(new Set(replies.filter((r) => r.status === 409).map((r) => r.body.error.code))).toEqual(
      new Set(['WORKOUT_ALREADY_COMPLETED']),
    );
    const done = replies.find((r) => r.status === 200)!.body;
    const increments = done.progression.map((p: Json) => [p.slug, p.kind]).sort();
    expect(increments).toEqual([
      ['barbell-row', 'cycle_increment'],
      ['bench-press', 'cycle_increment'],
      ['squat', 'cycle_increment'],
    ]);

    const rows = await progressionRows();
    expect(rows.map((r) => [r.slug, r.workout_id]).sort()).toEqual(
      increments.map(([slug]: string[]) => [slug, day3.id]),
    );
    expect(await completedCycles()).toEqual([{ cycle: 1, workout_id: day3.id }]);
    expect(await pointer()).toEqual({ cycle: 2, week_number: 1, day_number: 1 });
    const tms = await sql.query('SELECT count(*)::int AS n FROM training_maxes WHERE user_id = $1', [lifter.id]);
    expect(tms.rows[0].n).toBe(setupRows + increments.length);
  });

  it('skips sent at once to both move the pointer one day each and end each cycle once', async () => {
    const day1 = await startWorkout(a);
    await expectStatus(call(b, 'POST', `/api/workouts/${day1.id}/complete`, { auth: lifter.auth, body: {} }), 200);
    const before = await progressionRows();

    // Five skips from cycle 2 day 2: the rest of cycle 2 (which ends it) and all of cycle 3 (which trained nothing).
    const replies = await splitAcross(5, (on) =>
      call(on, 'POST', '/api/plans/current/skip', { auth: lifter.auth, body: {} }),
    );
    expect(statusCounts(replies)).toEqual({ 200: 5 });
    const skipped = replies.map((r) => `${r.body.skipped.cycle}.${r.body.skipped.dayNumber}`).sort();
    expect(skipped).toEqual(['2.2', '2.3', '3.1', '3.2', '3.3']); // each day skipped once: none twice, none lost
    const withIncrements = replies.filter((r) => r.body.progression.length > 0);
    expect(withIncrements.map((r) => r.body.skipped)).toEqual([{ cycle: 2, weekNumber: 1, dayNumber: 3 }]);

    expect(await pointer()).toEqual({ cycle: 4, week_number: 1, day_number: 1 });
    const added = (await progressionRows()).slice(before.length);
    expect(added.map((r) => r.slug).sort()).toEqual(['barbell-row', 'bench-press', 'squat']);
    const endOfCycle2 = added[0]!.workout_id; // the skipped day 3 of cycle 2: every new TM row is from it
    expect(added.every((r) => r.workout_id === endOfCycle2)).toBe(true);
    expect(await completedCycles()).toEqual([
      { cycle: 1, workout_id: expect.any(Number) },
      { cycle: 2, workout_id: endOfCycle2 },
      { cycle: 3, workout_id: expect.any(Number) }, // nothing trained in cycle 3: ended, no increment
    ]);
    const { rows } = await sql.query('SELECT status, cycle, day_number FROM workouts WHERE id = $1', [endOfCycle2]);
    expect(rows).toEqual([{ status: 'skipped', cycle: 2, day_number: 3 }]);
  });
});

describe('draining one instance on SIGTERM', () => {
  type Served = { status: number; servedBy: Instance['name'] | 'none'; fellBackFrom?: string };

  it('finishes its requests in flight, says draining, exits 0, and the other keeps serving every client', async () => {
    const lifter = await register(b);
    await enrol(lifter, 'texas-method');
    const workout = (await expectStatus(call(b, 'POST', '/api/workouts', { auth: lifter.auth, body: {} }), 201))
      .workout as Json;
    const sets = (workout.sets as Json[]).slice(0, 3);

    // Slow requests on A: logging a set takes FOR SHARE on the workout, which this session holds FOR UPDATE.
    const locker = new pg.Client({ connectionString: databaseUrl });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('SELECT id FROM workouts WHERE id = $1 FOR UPDATE', [workout.id]);
    const slow = sets.map((set) =>
      call(a, 'PATCH', `/api/workouts/${workout.id}/sets/${set.id}`, {
        auth: lifter.auth,
        body: { completed: true, actualReps: set.prescribedReps },
      }),
    );
    await waitFor('the three set logs to wait on the workout lock', async () => {
      const { rows } = await sql.query(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()",
      );
      return rows[0].n >= sets.length ? true : undefined;
    });

    // A stream of reads from clients that, like the reverse proxy, alternate between the instances and move to
    // the other one when an instance turns them away (503 while draining) or cannot be reached.
    const down = new Set<Instance['name']>();
    const served: Served[] = [];
    let stop = false;
    let turn = 0;
    const paths = [`/api/workouts/${workout.id}`, '/api/plans/current', '/api/auth/me'];
    const routed = async (): Promise<Served> => {
      const first = turn++ % 2 === 0 ? a : b;
      const order = [first, first === a ? b : a].filter((i) => !down.has(i.name));
      let fellBackFrom: string | undefined;
      for (const on of order) {
        try {
          const res = await fetch(`${on.url}${paths[turn % paths.length]}`, { headers: lifter.auth });
          const body = (await res.json()) as Json;
          if (res.status === 503 && body.error?.code === 'SHUTTING_DOWN') {
            down.add(on.name);
            fellBackFrom = `${on.name}:503`;
            continue;
          }
          return { status: res.status, servedBy: on.name, fellBackFrom };
        } catch (err) {
          down.add(on.name);
          fellBackFrom = `${on.name}:${(err as { cause?: { code?: string } }).cause?.code ?? 'error'}`;
        }
      }
      return { status: 0, servedBy: 'none', fellBackFrom };
    };
    const clients = Array.from({ length: 3 }, async () => {
      while (!stop) {
        served.push(await routed());
        await new Promise((r) => setTimeout(r, 5));
      }
    });
    const byA = () => served.filter((s) => s.servedBy === 'A').length;
    await waitFor('both instances to serve the stream', () =>
      byA() >= 5 && served.length - byA() >= 5 ? true : undefined,
    );

    const exited = exitOf(a.child);
    a.child.kill('SIGTERM');
    const draining = await waitFor('A to say draining', async () => {
      const health = await healthStatus(a.url);
      return health.status === 503 ? health : undefined;
    });
    expect(draining.body).toEqual(expect.objectContaining({ status: 'draining' }));
    const turnedAway = await call(a, 'GET', '/api/plans/current', { auth: lifter.auth });
    expect(turnedAway).toMatchObject({ status: 503, body: { error: { code: 'SHUTTING_DOWN' } } });
    expect((await healthStatus(b.url)).status).toBe(200);

    await locker.query('COMMIT');
    await locker.end();
    const logged = await Promise.all(slow);
    expect(logged.map((r) => [r.status, r.body.set?.completed])).toEqual(sets.map(() => [200, true]));
    expect(await exited).toBe(0);

    const atExit = served.length;
    await waitFor('the stream to go on against B alone', () => (served.length >= atExit + 15 ? true : undefined));
    expect((await healthStatus(a.url)).status).toBe(0); // gone: connections refused
    stop = true;
    await Promise.all(clients);

    expect(served.filter((s) => s.status !== 200)).toEqual([]); // every request got a real answer
    expect(down).toEqual(new Set(['A'])); // the clients noticed A leave, and only A
    expect(served.slice(-15).map((s) => s.servedBy)).toEqual(Array(15).fill('B'));
    const reread = await expectStatus(call(b, 'GET', `/api/workouts/${workout.id}`, { auth: lifter.auth }), 200);
    const loggedIds = new Set(sets.map((s) => s.id));
    expect(reread.workout.sets.filter((s: Json) => loggedIds.has(s.id)).map((s: Json) => s.completed)).toEqual(
      sets.map(() => true),
    );
    const fallbacks = served.filter((s) => s.fellBackFrom).map((s) => s.fellBackFrom);
    console.log(
      `stream: ${served.length} requests, ${byA()} answered by A, ${served.length - byA()} by B, ` +
        `${fallbacks.length} moved to B (${[...new Set(fallbacks)].join(', ') || 'none needed'})`,
    );
  });
});
