// Malformed and odd requests against every route, as a lifter and as an admin: never a 5xx, every 4xx in the
// error shape, and a rejected request changes no row. Deterministic: a seeded generator, the same requests every run.
import pg from 'pg';
import type { Test } from 'supertest';
import { createTestContext, type TestContext } from './test-db';
import { lifterOnNsuns, registerAdmin, type TestUser } from './helpers';

const SEED = 20261130;
const VARIANTS_PER_ROUTE = 24;

/** mulberry32: a tiny seeded PRNG, so a failure reproduces exactly. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIELDS = [
  'email',
  'password',
  'displayName',
  'exerciseTMs',
  'exerciseId',
  'trainingMax',
  'oneRepMax',
  'percentChange',
  'note',
  'name',
  'slug',
  'daysPerWeek',
  'days',
  'dayNumber',
  'exercises',
  'sets',
  'setOrder',
  'percentage',
  'reps',
  'isAmrap',
  'isProgression',
  'progressionRules',
  'minReps',
  'maxReps',
  'increase',
  'unit',
  'category',
  'isUpperBody',
  'muscleGroup',
  'isAdmin',
  'actualReps',
  'completed',
  'unitPreference',
  'weightIncrement',
  'barWeight',
  'plates',
  'plan',
  'sampleTrainingMaxes',
  'weeks',
  'weekNumber',
  'cycleWeeks',
  'tmPercent',
  'isDeload',
  'kind',
  'repsMax',
  'incrementOffset',
  'restSeconds',
  'maxSteps',
  'failures',
  'factor',
  'amrapExtraReps',
  'trainingMaxes',
  'actualWeight',
  'rounding',
  'increment',
  'tier',
  'sortOrder',
  'tmExerciseId',
  'description',
  'isPublic',
  '__proto__',
  'constructor',
];
const NUMBERS = [
  0, -1, 1, 2, 7, 8, 0.1, 2.5, 99.999, 9999.99, 10000, 2147483647, 2147483648, 1e6, 1e21, -1e308,
  1.7976931348623157e308,
];
const STRINGS = [
  '',
  ' ',
  'a',
  'a\u0000b',
  '\u202e',
  'x'.repeat(5000),
  '1',
  '0x10',
  'kg',
  'lb',
  'upper',
  '<script>',
  "' OR 1=1 --",
  '2026-13-45',
  '💪',
];
const PARAMS = [
  '1',
  '0',
  '-1',
  '0x3',
  '3e0',
  '+3',
  '1.5',
  'abc',
  '%00',
  '99999999999',
  'x'.repeat(300),
  '1;DROP TABLE users',
];

function valueGenerator(random: () => number) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const value = (depth: number): unknown => {
    const roll = random();
    if (roll < 0.25) return pick(NUMBERS);
    if (roll < 0.45) return pick(STRINGS);
    if (roll < 0.55) return pick([true, false, null]);
    if (depth >= 3) return pick(NUMBERS);
    if (roll < 0.75) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
    return object(depth + 1);
  };
  const object = (depth: number): Record<string, unknown> =>
    Object.fromEntries(Array.from({ length: 1 + Math.floor(random() * 5) }, () => [pick(FIELDS), value(depth)]));
  return { value, object, pick };
}

type Route = { method: 'get' | 'post' | 'put' | 'patch' | 'delete'; path: string; admin?: boolean };
const ROUTES: Route[] = [
  { method: 'post', path: '/api/auth/register' },
  { method: 'post', path: '/api/auth/login' },
  { method: 'get', path: '/api/auth/me' },
  { method: 'get', path: '/api/users/me' },
  { method: 'patch', path: '/api/users/me' },
  { method: 'get', path: '/api/exercises' },
  { method: 'get', path: '/api/exercises/:id' },
  { method: 'get', path: '/api/plans' },
  { method: 'get', path: '/api/plans/current' },
  { method: 'get', path: '/api/plans/:id' },
  { method: 'post', path: '/api/plans/:id/subscribe' },
  { method: 'post', path: '/api/plans/:id/projection' },
  { method: 'post', path: '/api/plans/current/skip' },
  { method: 'get', path: '/api/training-maxes' },
  { method: 'post', path: '/api/training-maxes/setup' },
  { method: 'get', path: '/api/training-maxes/:id/history' },
  { method: 'post', path: '/api/training-maxes/:id/adjust' },
  { method: 'post', path: '/api/workouts' },
  { method: 'get', path: '/api/workouts' },
  { method: 'get', path: '/api/workouts/:id' },
  { method: 'patch', path: '/api/workouts/:id/sets/:id' },
  { method: 'post', path: '/api/workouts/:id/complete' },
  { method: 'post', path: '/api/workouts/:id/abandon' },
  { method: 'get', path: '/api/workouts/last-performance' },
  { method: 'post', path: '/api/workouts/:id/sets' },
  { method: 'delete', path: '/api/workouts/:id/sets/:id' },
  { method: 'post', path: '/api/workouts/:id/swap' },
  { method: 'post', path: '/api/workouts/:id/regenerate' },
  { method: 'get', path: '/api/workouts/export.csv' },
  { method: 'get', path: '/api/users/me/export' },
  { method: 'get', path: '/api/progress' },
  { method: 'get', path: '/api/admin/users', admin: true },
  { method: 'patch', path: '/api/admin/users/:id', admin: true },
  { method: 'post', path: '/api/admin/exercises', admin: true },
  { method: 'patch', path: '/api/admin/exercises/:id', admin: true },
  { method: 'delete', path: '/api/admin/exercises/:id', admin: true },
  { method: 'get', path: '/api/admin/plans', admin: true },
  { method: 'get', path: '/api/admin/plans/:id', admin: true },
  { method: 'post', path: '/api/admin/plans', admin: true },
  { method: 'post', path: '/api/admin/plans/preview', admin: true },
  { method: 'post', path: '/api/admin/plans/preview/projection', admin: true },
  { method: 'put', path: '/api/admin/plans/:id', admin: true },
  { method: 'post', path: '/api/admin/plans/:id/progression-rules', admin: true },
];

const DATA_TABLES = [
  'users',
  'exercises',
  'workout_plans',
  'plan_versions',
  'plan_weeks',
  'plan_days',
  'plan_day_exercises',
  'plan_sets',
  'plan_progression_rules',
  'user_plans',
  'training_maxes',
  'workouts',
  'workout_sets',
  'stall_counters',
  'completed_cycles',
];
/**
 * Every row written to a data table bumps one counter (row-level triggers, installed in this test's own database):
 * comparing it before and after a request is exact and costs one read, where hashing the tables costs ~100 ms now
 * that the library holds fifteen programs.
 */
const WRITE_COUNTER_SQL = `
  CREATE TABLE fuzz_writes (n bigint NOT NULL);
  INSERT INTO fuzz_writes VALUES (0);
  CREATE FUNCTION fuzz_count_write() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN UPDATE fuzz_writes SET n = n + 1; RETURN NULL; END $$;
  ${DATA_TABLES.map(
    (t) => `CREATE TRIGGER fuzz_count AFTER INSERT OR UPDATE OR DELETE ON ${t}
              FOR EACH ROW EXECUTE FUNCTION fuzz_count_write();`,
  ).join('\n')}`;

let ctx: TestContext;
let probe: pg.Client;
let lifter: TestUser;
let admin: TestUser;
beforeAll(async () => {
  ctx = await createTestContext();
  probe = new pg.Client({ connectionString: ctx.url });
  await probe.connect();
  await probe.query(WRITE_COUNTER_SQL);
  lifter = await lifterOnNsuns(ctx);
  admin = await registerAdmin(ctx);
  await ctx.http().post('/api/workouts').set(lifter.auth).send({ dayNumber: 1 }).expect(201);
  expect(Number(await fingerprint())).toBeGreaterThan(20); // the counter sees writes: registrations, TMs, a workout
});
afterAll(async () => {
  await probe.end();
  await ctx.drop();
});

const fingerprint = async () => (await probe.query('SELECT n FROM fuzz_writes')).rows[0].n as string;

describe('fuzzing every route', () => {
  it(`${ROUTES.length} routes × ${VARIANTS_PER_ROUTE} odd requests: no 5xx, error shape on 4xx, rejected requests write nothing`, async () => {
    const random = prng(SEED);
    const gen = valueGenerator(random);
    const failures: string[] = [];
    let rejected = 0;
    for (const route of ROUTES) {
      for (let i = 0; i < VARIANTS_PER_ROUTE; i++) {
        const path = route.path.replace(/:id/g, () =>
          random() < 0.5 ? String(1 + Math.floor(random() * 40)) : encodeURIComponent(gen.pick(PARAMS)),
        );
        const query =
          random() < 0.4
            ? `?${gen.pick(['page', 'pageSize', 'search', 'status', 'muscleGroup', 'expectedUpdatedAt'])}=${encodeURIComponent(String(gen.value(3)))}`
            : '';
        const body = random() < 0.8 ? gen.object(1) : gen.value(1);
        const who = route.admin || random() < 0.3 ? admin : lifter;
        const before = await fingerprint();
        const client = ctx.http();
        let req: Test = client[route.method](path + query).set(who.auth);
        if (route.method !== 'get')
          req = random() < 0.1 ? req.type('form').send('a=1&b=%00') : req.type('json').send(JSON.stringify(body));
        const res = await req;
        const label = `${route.method.toUpperCase()} ${path + query} ${JSON.stringify(body)?.slice(0, 200)} → ${res.status}`;
        if (res.status >= 500) failures.push(label);
        if (res.status >= 400 && res.status < 500) {
          rejected++;
          if (typeof res.body?.error?.code !== 'string' || typeof res.body.error.message !== 'string')
            failures.push(`${label}: not the error shape`);
          if ((await fingerprint()) !== before) failures.push(`${label}: a rejected request changed data`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(rejected).toBeGreaterThan(ROUTES.length * VARIANTS_PER_ROUTE * 0.5); // the generator really probes validation
  }, 180_000); // ~900 sequential requests: ~20 s alone, several times that on a loaded 2-core machine
});
