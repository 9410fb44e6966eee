// Migration 20261201000000_plan_model_v2 on a database with the schema and data of the day before: the migrations
// up to 20261130 are applied to an empty database, filled with rows as the app wrote them then, and the v2
// migration runs over them. Every plan becomes a 1-week cycle, every subscription points at its next day, every
// workout keeps its history.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const MIGRATIONS = path.resolve(__dirname, '../../prisma/migrations');
const V2 = '20261201000000_plan_model_v2';
const before = fs
  .readdirSync(MIGRATIONS)
  .filter((name) => /^\d{14}_/.test(name) && name < V2)
  .sort();
const sqlOf = (name: string) => fs.readFileSync(path.join(MIGRATIONS, name, 'migration.sql'), 'utf8');

let server: pg.Client;
let client: pg.Client;
const name = `migration_${crypto.randomBytes(6).toString('hex')}`;

beforeAll(async () => {
  server = new pg.Client({ connectionString: process.env.TEST_PG_SERVER_URL });
  await server.connect();
  await server.query(`CREATE DATABASE ${name}`);
  const url = new URL(process.env.TEST_PG_SERVER_URL!);
  url.pathname = `/${name}`;
  client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  for (const migration of before) await client.query(sqlOf(migration));
  await client.query(YESTERDAYS_DATA);
  await client.query(sqlOf(V2));
});

afterAll(async () => {
  await client?.end();
  await server?.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await server?.end();
});

// Two plans (a 4-day and a 3-day one), four lifters:
// - Ann, 4-day plan: completed days 1 2 3 4 1 → cycle 2, next day 2; an abandoned day 3 in between.
// - Ben, 4-day plan: nothing completed → cycle 1 day 1.
// - Cat, 3-day plan: completed 1 2 3, then 2 (a repeat starts a new cycle) and a day 3 in progress → cycle 2 day 3.
// - Dan, ended subscription (3-day, completed day 3 last → next cycle), then the 4-day plan with day 4 completed.
const YESTERDAYS_DATA = `
  INSERT INTO exercises (id, slug, name, is_upper_body) VALUES (1, 'bench-press', 'Bench Press', true), (2, 'squat', 'Squat', false);
  INSERT INTO workout_plans (id, slug, name, days_per_week, updated_at) VALUES (1, 'four', 'Four', 4, now()), (2, 'three', 'Three', 3, now());
  INSERT INTO plan_versions (id, plan_id, version, days_per_week, structure_hash) VALUES (10, 1, 1, 4, 'h1'), (20, 2, 1, 3, 'h2');
  INSERT INTO plan_days (id, plan_id, plan_version_id, day_number, name)
  SELECT 100 + d, 1, 10, d, 'Four ' || d FROM generate_series(1, 4) d
  UNION ALL SELECT 200 + d, 2, 20, d, 'Three ' || d FROM generate_series(1, 3) d;
  INSERT INTO plan_day_exercises (id, plan_day_id, exercise_id, tier, sort_order, tm_exercise_id)
  SELECT id, id, 1, 'T1', 1, 1 FROM plan_days;
  INSERT INTO plan_sets (plan_day_exercise_id, set_order, percentage, reps, is_amrap, is_progression)
  SELECT id, 1, 0.95, 1, true, true FROM plan_day_exercises;
  INSERT INTO plan_progression_rules (plan_id, plan_version_id, category, min_reps, max_reps, increase, unit)
  VALUES (1, 10, 'upper', 2, 3, 2.5, 'kg');
  INSERT INTO users (id, email, password_hash, display_name, updated_at) VALUES
    (1, 'ann@example.com', 'x', 'Ann', now()), (2, 'ben@example.com', 'x', 'Ben', now()),
    (3, 'cat@example.com', 'x', 'Cat', now()), (4, 'dan@example.com', 'x', 'Dan', now());
  INSERT INTO user_plans (id, user_id, plan_id, plan_version_id, is_active, ended_at) VALUES
    (1, 1, 1, 10, true, NULL), (2, 2, 1, 10, true, NULL), (3, 3, 2, 20, true, NULL),
    (4, 4, 2, 20, false, now()), (5, 4, 1, 10, true, NULL);
  INSERT INTO workouts (id, user_id, user_plan_id, plan_day_id, day_number, status, completed_at, created_at) VALUES
    (1, 1, 1, 101, 1, 'completed', '2026-11-01', '2026-11-01'),
    (2, 1, 1, 102, 2, 'completed', '2026-11-02', '2026-11-02'),
    (3, 1, 1, 103, 3, 'abandoned', NULL, '2026-11-03'),
    (4, 1, 1, 103, 3, 'completed', '2026-11-04', '2026-11-04'),
    (5, 1, 1, 104, 4, 'completed', '2026-11-05', '2026-11-05'),
    (6, 1, 1, 101, 1, 'completed', '2026-11-08', '2026-11-08'),
    (7, 3, 3, 201, 1, 'completed', '2026-11-01', '2026-11-01'),
    (8, 3, 3, 202, 2, 'completed', '2026-11-02', '2026-11-02'),
    (9, 3, 3, 203, 3, 'completed', '2026-11-03', '2026-11-03'),
    (10, 3, 3, 202, 2, 'completed', '2026-11-05', '2026-11-05'),
    (11, 3, 3, 203, 3, 'in_progress', NULL, '2026-11-06'),
    (12, 4, 4, 203, 3, 'completed', '2026-10-01', '2026-10-01'),
    (13, 4, 5, 104, 4, 'completed', '2026-11-01', '2026-11-01');
  INSERT INTO workout_sets (workout_id, exercise_id, tm_exercise_id, exercise_order, tier, set_order, percentage,
                            prescribed_weight, prescribed_reps, is_amrap, is_progression, actual_reps, completed)
  SELECT id, 1, 1, 1, 'T1', 1, 0.95, 95, 1, true, true, CASE WHEN status = 'completed' THEN 3 END, status = 'completed'
    FROM workouts;
  INSERT INTO training_maxes (user_id, exercise_id, weight, workout_id, effective_date) VALUES (1, 1, 100, NULL, '2026-10-30'), (1, 1, 102.5, 6, '2026-11-08');
`;

const query = async <T extends pg.QueryResultRow>(sql: string) => (await client.query<T>(sql)).rows;

describe('migration 20261201000000_plan_model_v2 on yesterday’s schema and data', () => {
  it('makes every plan version a 1-week cycle with a 90 % TM, keeping days, slots, sets and rules', async () => {
    expect(await query(`SELECT id, cycle_weeks, tm_percent::text FROM plan_versions ORDER BY id`)).toEqual([
      { id: 10, cycle_weeks: 1, tm_percent: '0.9000' },
      { id: 20, cycle_weeks: 1, tm_percent: '0.9000' },
    ]);
    expect(
      await query(`SELECT plan_version_id, week_number, is_deload FROM plan_weeks ORDER BY plan_version_id`),
    ).toEqual([
      { plan_version_id: 10, week_number: 1, is_deload: false },
      { plan_version_id: 20, week_number: 1, is_deload: false },
    ]);
    expect(await query(`SELECT DISTINCT week_number FROM plan_days`)).toEqual([{ week_number: 1 }]);
    expect(await query(`SELECT count(*)::int AS n FROM plan_days`)).toEqual([{ n: 7 }]);
    expect(
      await query(`SELECT DISTINCT kind, percentage::text, increment_offset, reps_max, is_progression FROM plan_sets`),
    ).toEqual([{ kind: 'main', percentage: '0.9500', increment_offset: 0, reps_max: null, is_progression: true }]);
    expect(await query(`SELECT kind, min_reps, max_reps, increase::text, unit FROM plan_progression_rules`)).toEqual([
      { kind: 'amrap_table', min_reps: 2, max_reps: 3, increase: '2.50', unit: 'kg' },
    ]);
  });

  it('points every subscription at the day after its last completed one', async () => {
    expect(await query(`SELECT id, cycle, week_number, day_number FROM user_plans ORDER BY id`)).toEqual([
      { id: 1, cycle: 2, week_number: 1, day_number: 2 }, // Ann: 1 2 3 4 | 1
      { id: 2, cycle: 1, week_number: 1, day_number: 1 }, // Ben: nothing yet
      { id: 3, cycle: 2, week_number: 1, day_number: 3 }, // Cat: 1 2 3 | 2
      { id: 4, cycle: 2, week_number: 1, day_number: 1 }, // Dan's ended subscription: last was day 3 of 3
      { id: 5, cycle: 2, week_number: 1, day_number: 1 }, // Dan now: day 4 of 4
    ]);
  });

  it('numbers the cycles of the history and keeps every workout, set and TM', async () => {
    expect(await query(`SELECT id, status, cycle, week_number, day_number FROM workouts ORDER BY id`)).toEqual([
      { id: 1, status: 'completed', cycle: 1, week_number: 1, day_number: 1 },
      { id: 2, status: 'completed', cycle: 1, week_number: 1, day_number: 2 },
      { id: 3, status: 'abandoned', cycle: 1, week_number: 1, day_number: 3 },
      { id: 4, status: 'completed', cycle: 1, week_number: 1, day_number: 3 },
      { id: 5, status: 'completed', cycle: 1, week_number: 1, day_number: 4 },
      { id: 6, status: 'completed', cycle: 2, week_number: 1, day_number: 1 },
      { id: 7, status: 'completed', cycle: 1, week_number: 1, day_number: 1 },
      { id: 8, status: 'completed', cycle: 1, week_number: 1, day_number: 2 },
      { id: 9, status: 'completed', cycle: 1, week_number: 1, day_number: 3 },
      { id: 10, status: 'completed', cycle: 2, week_number: 1, day_number: 2 },
      { id: 11, status: 'in_progress', cycle: 2, week_number: 1, day_number: 3 },
      { id: 12, status: 'completed', cycle: 1, week_number: 1, day_number: 3 },
      { id: 13, status: 'completed', cycle: 1, week_number: 1, day_number: 4 },
    ]);
    expect(
      await query(`SELECT count(*)::int AS n, count(*) FILTER (WHERE kind = 'main')::int AS main FROM workout_sets`),
    ).toEqual([{ n: 13, main: 13 }]);
    expect(await query(`SELECT weight::text, workout_id FROM training_maxes ORDER BY id`)).toEqual([
      { weight: '100.00', workout_id: null },
      { weight: '102.50', workout_id: 6 },
    ]);
  });

  it('enforces the new rules in the schema: kinds, weightless sets only as accessories, rule fields per kind', async () => {
    const rejects = (sql: string) => expect(client.query(sql)).rejects.toThrow(/violates check constraint/);
    await rejects(`UPDATE plan_sets SET kind = 'cooldown'`);
    await rejects(`UPDATE plan_sets SET percentage = NULL`);
    await rejects(`UPDATE plan_versions SET tm_percent = 0.4`);
    await rejects(`UPDATE workouts SET status = 'paused' WHERE id = 1`);
    await rejects(`UPDATE plan_progression_rules SET kind = 'stall_reset'`);
    await rejects(`UPDATE users SET rounding = 'up'`);
    await client.query(`UPDATE workouts SET status = 'skipped' WHERE id = 3`);
  });
});
