// Upgrading databases of the old nSuns-only app. Each database is created empty (not cloned from the migrated
// template) and filled from fixtures/legacy-v1.sql, like an old production database.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../app';
import { loadConfig } from '../config/config';
import { migrateDeploy, runPrismaCli } from '../db/migrate';
import { createPrismaClient, type Db } from '../db/prisma';
import { LegacyUpgradeError, upgradeLegacyDatabase, type UpgradeOutcome } from './legacy-upgrade';

const BACKEND_DIR = path.resolve(__dirname, '../..');
const LEGACY_FIXTURE = fs.readFileSync(path.join(__dirname, 'fixtures/legacy-v1.sql'), 'utf8');
const LEGACY_PASSWORD = 'legacy-lifter-pass';
const KIM = { id: 3, email: 'kim.lifter@example.com' }; // kg, stored as Kim.Lifter@Example.com by the old app
const SAM = { id: 7, email: 'sam@example.com' }; // lb
const UPGRADE_TIMEOUT = 180_000;
const silent = pino({ level: 'silent' });

// ---------- databases ----------

type ScratchDatabase = { url: string; drop: () => Promise<void> };

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function rows<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  return withClient(url, async (client) => (await client.query<T>(sql, params)).rows);
}

async function createEmptyDatabase(): Promise<ScratchDatabase> {
  const server = process.env.TEST_PG_SERVER_URL!;
  const name = `legacy_${crypto.randomBytes(6).toString('hex')}`;
  await withClient(server, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(server);
  url.pathname = `/${name}`;
  const drop = async () => {
    await withClient(server, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  };
  return { url: url.toString(), drop };
}

async function createLegacyDatabase(tweaks = ''): Promise<ScratchDatabase> {
  const database = await createEmptyDatabase();
  await withClient(database.url, (c) => c.query(LEGACY_FIXTURE + tweaks));
  return database;
}

const PUBLIC_TABLES = [
  '_prisma_migrations',
  'exercises',
  'workout_plans',
  'plan_versions',
  'plan_days',
  'plan_day_exercises',
  'plan_sets',
  'plan_progression_rules',
  'users',
  'user_plans',
  'training_maxes',
  'workouts',
  'workout_sets',
];

/** Every table's contents (hashed), the sequences' positions and the schemas: anything an upgrade run could change. */
async function fingerprint(url: string) {
  const contents = PUBLIC_TABLES.map(
    (table) =>
      `SELECT '${table}' AS name, md5(COALESCE(string_agg(t::text, '|' ORDER BY t::text), '')) AS hash FROM ${table} t`,
  );
  return {
    tables: await rows(url, contents.join(' UNION ALL ')),
    sequences: await rows(
      url,
      `SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`,
    ),
    schemas: await rows(url, `SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' ORDER BY 1`),
  };
}

function testApp(db: Db) {
  const config = {
    ...loadConfig({
      NODE_ENV: 'test',
      JWT_SECRET: 'test-secret-test-secret-0123456789',
      DATA_DIR: '/tmp/liftplan-unused',
    }),
    loginRateLimit: { limit: 1000, windowMs: 60_000 },
  };
  return createApp(db, config, silent);
}

function runUpgradeCli(databaseUrl: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liftplan-upgrade-cli-'));
  try {
    return spawnSync(path.join(BACKEND_DIR, 'node_modules/.bin/tsx'), ['scripts/upgrade-legacy.ts'], {
      cwd: BACKEND_DIR,
      env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
      encoding: 'utf8',
      timeout: 120_000,
    });
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

// ---------- the upgraded fixture ----------

/** The upgraded data as the upgrade left it, before the app tests below change anything. */
async function readUpgradedData(url: string) {
  return {
    users: await rows(
      url,
      `SELECT id, email, display_name, unit_preference, weight_increment::text, bar_weight::text, plates::text[], is_admin, created_at FROM users ORDER BY id`,
    ),
    trainingMaxes: await rows(
      url,
      `
      SELECT tm.id, tm.user_id, e.slug, tm.weight::text, tm.unit, tm.source, tm.effective_date
        FROM training_maxes tm JOIN exercises e ON e.id = tm.exercise_id ORDER BY tm.id`,
    ),
    subscriptions: await rows(
      url,
      `
      SELECT up.id, up.user_id, p.slug, pv.version, up.is_active,
             pv.version = (SELECT max(version) FROM plan_versions WHERE plan_id = p.id) AS on_latest_version
        FROM user_plans up JOIN workout_plans p ON p.id = up.plan_id JOIN plan_versions pv ON pv.id = up.plan_version_id
       ORDER BY up.user_id`,
    ),
    workouts: await rows(
      url,
      `
      SELECT w.id, w.user_id, w.day_number, w.status, w.unit, w.completed_at, pd.day_number AS plan_day_number,
             pd.plan_version_id = up.plan_version_id AS plan_day_in_subscribed_version, up.user_id AS subscription_user_id
        FROM workouts w JOIN plan_days pd ON pd.id = w.plan_day_id JOIN user_plans up ON up.id = w.user_plan_id
       ORDER BY w.id`,
    ),
    sets: await rows(
      url,
      `
      SELECT s.id, s.workout_id, e.slug AS exercise, tm.slug AS tm_exercise, s.exercise_order, s.display_name, s.tier,
             s.set_order, s.percentage::text, s.prescribed_weight::text, s.prescribed_reps, s.is_amrap, s.is_progression,
             s.actual_reps, s.completed
        FROM workout_sets s JOIN exercises e ON e.id = s.exercise_id JOIN exercises tm ON tm.id = s.tm_exercise_id
       ORDER BY s.id`,
    ),
  };
}

describe('a legacy database, upgraded', () => {
  let legacy: ScratchDatabase;
  let outcome: UpgradeOutcome;
  let upgraded: Awaited<ReturnType<typeof readUpgradedData>>;
  let db: Db;
  let http: () => ReturnType<typeof request>;

  beforeAll(async () => {
    legacy = await createLegacyDatabase();
    outcome = await upgradeLegacyDatabase(legacy.url, silent);
    upgraded = await readUpgradedData(legacy.url);
    db = createPrismaClient(legacy.url);
    const app = testApp(db);
    http = () => request(app);
  }, UPGRADE_TIMEOUT);

  afterAll(async () => {
    await db?.$disconnect();
    await legacy?.drop();
  });

  it('reports what it copied', () => {
    expect(outcome).toEqual({
      status: 'upgraded',
      resumed: false,
      copied: { users: 2, subscriptions: 2, trainingMaxes: 20, workouts: 2, workoutSets: 34, abandonedInProgress: 0 },
    });
  });

  it('keeps the users and their ids, lower-cases emails and gives them the settings defaults of their unit', () => {
    expect(upgraded.users).toEqual([
      {
        id: KIM.id,
        email: KIM.email,
        display_name: 'Kim',
        unit_preference: 'kg',
        weight_increment: '2.50',
        bar_weight: '20.00',
        plates: ['25.00', '20.00', '15.00', '10.00', '5.00', '2.50', '1.25'],
        is_admin: false,
        created_at: new Date('2025-01-06T09:30:00Z'),
      },
      {
        id: SAM.id,
        email: SAM.email,
        display_name: 'Sam',
        unit_preference: 'lb',
        weight_increment: '5.00',
        bar_weight: '45.00',
        plates: ['45.00', '35.00', '25.00', '10.00', '5.00', '2.50'],
        is_admin: false,
        created_at: new Date('2025-02-03T20:15:00Z'),
      },
    ]);
  });

  it("keeps every training max (id, value, date) under its exercise id, in the lifter's unit, marked legacy", () => {
    expect(upgraded.trainingMaxes).toHaveLength(20);
    expect(upgraded.trainingMaxes.filter((tm) => tm.source !== 'legacy')).toEqual([]);
    const history = (userId: number, slug: string) =>
      upgraded.trainingMaxes
        .filter((tm) => tm.user_id === userId && tm.slug === slug)
        .map((tm) => [tm.weight, tm.unit, tm.effective_date.toISOString()]);
    expect(history(KIM.id, 'squat')).toEqual([
      ['130.00', 'kg', '2025-01-06T10:00:00.000Z'],
      ['135.00', 'kg', '2025-01-08T18:35:00.000Z'],
      ['140.00', 'kg', '2025-01-22T18:30:00.000Z'],
    ]);
    expect(history(KIM.id, 'bench-press')).toEqual([
      ['90.00', 'kg', '2025-01-06T10:00:00.000Z'],
      ['95.00', 'kg', '2025-01-07T18:40:00.000Z'],
      ['100.00', 'kg', '2025-01-14T18:45:00.000Z'],
    ]);
    expect(history(SAM.id, 'deadlift')).toEqual([
      ['395.00', 'lb', '2025-02-03T20:20:00.000Z'],
      ['405.00', 'lb', '2025-02-09T19:00:00.000Z'],
    ]);
    expect(upgraded.trainingMaxes.map((tm) => tm.id)).toEqual([
      1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 20, 21, 22, 23, 24, 25, 26, 27,
    ]);
  });

  it('subscribes each legacy lifter to the latest nSuns version, once, active', () => {
    expect(upgraded.subscriptions).toEqual([
      expect.objectContaining({ user_id: KIM.id, slug: 'nsuns-4day-lp', is_active: true, on_latest_version: true }),
      expect.objectContaining({ user_id: SAM.id, slug: 'nsuns-4day-lp', is_active: true, on_latest_version: true }),
    ]);
  });

  it("points each workout at the nSuns day with its day number, in the lifter's subscription", () => {
    expect(upgraded.workouts).toEqual([
      {
        id: 11,
        user_id: KIM.id,
        day_number: 2,
        status: 'completed',
        unit: 'kg',
        completed_at: new Date('2025-01-22T18:30:00Z'),
        plan_day_number: 2,
        plan_day_in_subscribed_version: true,
        subscription_user_id: KIM.id,
      },
      {
        id: 12,
        user_id: SAM.id,
        day_number: 1,
        status: 'in_progress',
        unit: 'lb',
        completed_at: null,
        plan_day_number: 1,
        plan_day_in_subscribed_version: true,
        subscription_user_id: SAM.id,
      },
    ]);
  });

  it("maps day 2's sets onto nSuns: squat T1, sumo deadlift T2 off the deadlift TM, the 95 % AMRAP as the progression set", () => {
    const day2 = upgraded.sets.filter((s) => s.workout_id === 11);
    expect(day2).toHaveLength(17);
    expect(
      day2.filter((s) => s.tier === 'T1').map((s) => [s.exercise, s.tm_exercise, s.exercise_order, s.percentage]),
    ).toEqual(
      ['0.7500', '0.8500', '0.9500', '0.9000', '0.8500', '0.8000', '0.7500', '0.7000', '0.6500'].map((p) => [
        'squat',
        'squat',
        1,
        p,
      ]),
    );
    expect(
      day2.filter((s) => s.tier === 'T2').map((s) => [s.exercise, s.tm_exercise, s.exercise_order, s.percentage]),
    ).toEqual(
      ['0.5000', '0.6000', '0.7000', '0.7000', '0.7000', '0.7000', '0.7000', '0.7000'].map((p) => [
        'sumo-deadlift',
        'deadlift',
        2,
        p,
      ]),
    );
    expect(day2.filter((s) => s.is_progression)).toEqual([
      expect.objectContaining({
        id: 103,
        tier: 'T1',
        set_order: 3,
        percentage: '0.9500',
        is_amrap: true,
        actual_reps: 5,
        prescribed_weight: '127.50',
      }),
    ]);
    expect(day2.find((s) => s.id === 109)).toMatchObject({
      is_amrap: true,
      is_progression: false,
      actual_reps: 8,
      completed: true,
    });
  });

  it('maps day 1\'s sets onto nSuns v2: "Bench Volume" T1 (65 % 8+ AMRAP), OHP T2 with its 70 % × 8 as the progression set, logged reps kept', () => {
    const day1 = upgraded.sets.filter((s) => s.workout_id === 12);
    expect(day1).toHaveLength(17);
    expect(
      new Set(day1.filter((s) => s.tier === 'T1').map((s) => `${s.exercise}/${s.tm_exercise}/${s.display_name}`)),
    ).toEqual(new Set(['bench-press/bench-press/Bench Volume']));
    expect(
      new Set(day1.filter((s) => s.tier === 'T2').map((s) => `${s.exercise}/${s.tm_exercise}/${s.display_name}`)),
    ).toEqual(new Set(['ohp/ohp/null']));
    expect(day1.filter((s) => s.is_progression).map((s) => [s.id, s.set_order, s.percentage])).toEqual([
      [134, 8, '0.7000'],
    ]);
    expect(day1.filter((s) => s.completed).map((s) => [s.id, s.actual_reps])).toEqual([
      [118, 8],
      [119, 6],
      [120, 4],
      [121, 4],
    ]);
  });

  it('leaves no string exercise columns and no legacy tables behind', async () => {
    const leftovers = await rows(
      legacy.url,
      `
      SELECT table_schema, table_name, column_name FROM information_schema.columns
       WHERE (table_schema = 'public' AND column_name = 'exercise') OR table_schema = 'legacy' OR table_name LIKE 'legacy%'`,
    );
    expect(leftovers).toEqual([]);
    expect(await rows(legacy.url, `SELECT nspname FROM pg_namespace WHERE nspname = 'legacy'`)).toEqual([]);
  });

  it('is, for Prisma, a database on the latest migration whose schema is exactly what the migrations build', async () => {
    expect(await runPrismaCli(['migrate', 'status'], legacy.url)).toMatch(/Database schema is up to date/);
    const diff = ['migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-config-datasource', '--exit-code'];
    expect(await runPrismaCli(diff, legacy.url)).toMatch(/No difference detected/);
  }, 120_000);

  it('a second run, through the CLI, says there is nothing to do, exits 0 and changes nothing', async () => {
    const before = await fingerprint(legacy.url);
    const run = runUpgradeCli(legacy.url);
    expect({ status: run.status, stdout: run.stdout.trim(), stderr: run.stderr }).toEqual({
      status: 0,
      stdout: 'Nothing to do: the database is already on the current schema.',
      stderr: '',
    });
    expect(await fingerprint(legacy.url)).toEqual(before);
  }, 120_000);

  it('the kg lifter signs in with their old password and their next workout comes from their current TMs', async () => {
    const login = await http()
      .post('/api/auth/login')
      .send({ email: 'Kim.Lifter@Example.com', password: LEGACY_PASSWORD })
      .expect(200);
    const auth = { Authorization: `Bearer ${login.body.token}` };
    expect(login.body.user).toMatchObject({ id: KIM.id, unitPreference: 'kg', isAdmin: false });

    const current = await http().get('/api/plans/current').set(auth).expect(200);
    expect(current.body).toMatchObject({
      plan: { slug: 'nsuns-4day-lp' },
      missingTMs: [],
      nextDayNumber: 3,
      inProgressWorkout: null,
    });

    const { body } = await http().post('/api/workouts').set(auth).send({ dayNumber: 3 }).expect(201);
    const weights = (tier: string) =>
      body.workout.sets
        .filter((s: { tier: string }) => s.tier === tier)
        .map((s: { prescribedWeight: number }) => s.prescribedWeight);
    expect(weights('T1')).toEqual([75, 85, 95, 90, 85, 80, 75, 70, 65]); // bench TM 100 kg
    expect(weights('T2')).toEqual([40, 50, 60, 60, 60, 60, 60, 60]); // close-grip bench off the bench TM
    expect(body.workout.id).toBeGreaterThan(12);
  });

  it('the lb lifter finishes the legacy workout in progress: its progression set moves the TM, then the next day is generated', async () => {
    const login = await http()
      .post('/api/auth/login')
      .send({ email: SAM.email, password: LEGACY_PASSWORD })
      .expect(200);
    const auth = { Authorization: `Bearer ${login.body.token}` };
    const current = await http().get('/api/plans/current').set(auth).expect(200);
    expect(current.body.inProgressWorkout).toEqual({
      id: 12,
      cycle: 1,
      weekNumber: 1,
      dayNumber: 1,
      staleTrainingMaxes: [],
    });

    const { body: legacyWorkout } = await http().get('/api/workouts/12').set(auth).expect(200);
    for (const set of legacyWorkout.workout.sets.filter((s: { completed: boolean }) => !s.completed)) {
      const actualReps = set.isAmrap ? 10 : set.prescribedReps;
      await http().patch(`/api/workouts/12/sets/${set.id}`).set(auth).send({ completed: true, actualReps }).expect(200);
    }
    const completed = await http().post('/api/workouts/12/complete').set(auth).expect(200);
    // nSuns v2 (docs/decisions/0010): day 1's 65 % 8+ no longer moves bench; all 8 reps of the last OHP set move
    // the OHP TM +2.5 kg, which is +5 lb for a lifter in pounds.
    expect(completed.body.progression).toEqual([expect.objectContaining({ slug: 'ohp', increase: 5, amrapReps: 8 })]);
    const [ohp] = completed.body.progression;
    expect(ohp.newTM).toBe(ohp.previousTM + 5);
    const [newTm] = await rows(legacy.url, `SELECT id, source FROM training_maxes WHERE workout_id = 12`);
    expect(newTm).toEqual({ id: 31, source: 'progression' }); // past the old sequence (30), not max(id) (27)

    const { body } = await http().post('/api/workouts').set(auth).send({ dayNumber: 2 }).expect(201);
    const weights = (tier: string) =>
      body.workout.sets
        .filter((s: { tier: string }) => s.tier === tier)
        .map((s: { prescribedWeight: number }) => s.prescribedWeight);
    expect(weights('T1')).toEqual([235, 270, 300, 285, 270, 250, 235, 220, 205]); // squat TM 315 lb, 5 lb steps
    expect(weights('T2')).toEqual([205, 245, 285, 285, 285, 285, 285, 285]); // sumo deadlift off deadlift TM 405 lb
  });

  it('new accounts get ids the old app never handed out', async () => {
    const res = await http()
      .post('/api/auth/register')
      .send({ email: 'new@example.com', password: 'a new password', displayName: 'New' })
      .expect(201);
    expect(res.body.user.id).toBe(10); // the old users sequence stood at 9 (users 8 and 9 were deleted)
  });
});

describe('legacy data the upgrade cannot map', () => {
  let legacy: ScratchDatabase;

  beforeAll(async () => {
    legacy = await createLegacyDatabase(`
      UPDATE training_maxes SET exercise = 'press' WHERE id = 9;
      UPDATE workout_sets SET exercise = 'row' WHERE id = 131;
      UPDATE workouts SET day_number = 5 WHERE id = 11;
      -- The old app let a lifter leave several workouts in progress; the new one allows one.
      INSERT INTO workouts (id, user_id, day_number, status, created_at) VALUES (10, 7, 4, 'in_progress', '2025-02-10 18:00:00+00');`);
  });

  afterAll(() => legacy?.drop());

  it(
    'aborts naming the rows, with nothing copied; once they are fixed, a re-run resumes and finishes (older in-progress workouts abandoned)',
    async () => {
      const legacyRows = `SELECT (SELECT count(*) FROM legacy.users)::int AS users, (SELECT count(*) FROM legacy.training_maxes)::int AS tms,
                               (SELECT count(*) FROM legacy.workouts)::int AS workouts, (SELECT count(*) FROM legacy.workout_sets)::int AS sets`;
      const newRows = `SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM training_maxes)::int AS tms,
                            (SELECT count(*) FROM user_plans)::int AS plans, (SELECT count(*) FROM workouts)::int AS workouts,
                            (SELECT count(*) FROM workout_sets)::int AS sets`;

      const failure = await upgradeLegacyDatabase(legacy.url, silent).catch((err: unknown) => err);
      expect(failure).toBeInstanceOf(LegacyUpgradeError);
      const message = (failure as Error).message;
      expect(message).toContain('nothing was copied');
      expect(message).toMatch(
        /not one of the old app's lifts.*training_maxes id 9 \(press\).*workout_sets id 131 \(row\)/,
      );
      expect(message).toMatch(/not a day of nSuns 4-Day LP: workouts id 11 \(5\)/);
      expect((await rows(legacy.url, newRows))[0]).toEqual({ users: 0, tms: 0, plans: 0, workouts: 0, sets: 0 });
      expect((await rows(legacy.url, legacyRows))[0]).toEqual({ users: 2, tms: 20, workouts: 3, sets: 34 });

      await withClient(legacy.url, (c) =>
        c.query(`UPDATE legacy.training_maxes SET exercise = 'ohp' WHERE id = 9;
               UPDATE legacy.workout_sets SET exercise = 'ohp' WHERE id = 131;
               UPDATE legacy.workouts SET day_number = 2 WHERE id = 11;`),
      );
      const resumed = await upgradeLegacyDatabase(legacy.url, silent);
      expect(resumed).toEqual({
        status: 'upgraded',
        resumed: true,
        copied: { users: 2, subscriptions: 2, trainingMaxes: 20, workouts: 3, workoutSets: 34, abandonedInProgress: 1 },
      });
      expect((await rows(legacy.url, newRows))[0]).toEqual({ users: 2, tms: 20, plans: 2, workouts: 3, sets: 34 });
      expect(
        await rows(legacy.url, `SELECT id, status FROM workouts WHERE user_id = $1 ORDER BY id`, [SAM.id]),
      ).toEqual([
        { id: 10, status: 'abandoned' },
        { id: 12, status: 'in_progress' },
      ]);
    },
    2 * UPGRADE_TIMEOUT,
  );
});

describe('a legacy database the new app was started against first', () => {
  it(
    'is still upgraded: the failed migration left nothing behind but a row in the old migration history',
    async () => {
      const legacy = await createLegacyDatabase();
      try {
        await expect(migrateDeploy(legacy.url)).rejects.toThrow(/20261121000000_init/);
        expect(await upgradeLegacyDatabase(legacy.url, silent)).toMatchObject({
          status: 'upgraded',
          copied: { users: 2, workoutSets: 34 },
        });
        expect(await runPrismaCli(['migrate', 'status'], legacy.url)).toMatch(/Database schema is up to date/);
      } finally {
        await legacy.drop();
      }
    },
    UPGRADE_TIMEOUT,
  );
});

describe('a database the upgrade does not recognise', () => {
  it('is refused with nothing changed', async () => {
    const empty = await createEmptyDatabase();
    try {
      await expect(upgradeLegacyDatabase(empty.url, silent)).rejects.toThrow(
        /not a database of the old nSuns app.*Nothing was changed/s,
      );
      expect(
        await rows(
          empty.url,
          `SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')`,
        ),
      ).toEqual([]);
    } finally {
      await empty.drop();
    }
  });
});
