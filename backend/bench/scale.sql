-- The data of `pnpm bench:scale` (bench/scale.ts), set-based: every step is one INSERT … SELECT over generate_series.
-- :name placeholders are filled in by scale.ts. Lifters :first_user_id … :first_user_id + :lifters - 1 are new; each
-- is on the plan version :version_id (a one-week cycle), with preferred days, training maxes for the plan's TM
-- exercises (a setup row and a progression row per finished cycle), :workouts completed workouts spread from the
-- start date until yesterday, and :sets logged sets per workout taken from the plan day in plan order, weighed from
-- the TM in force. Workouts are inserted in completion order, so one lifter's rows are spread over the table as in
-- real use. Nothing is disabled: constraints, indexes and triggers stay on.

-- step: session settings (this connection only)
SET synchronous_commit = off;
SET work_mem = '256MB';
SET maintenance_work_mem = '512MB';

-- step: lifters (users)
INSERT INTO users (email, password_hash, display_name, time_zone, created_at, updated_at)
SELECT 'scale-' || g || '@example.com', :password_hash, 'Lifter ' || g, 'UTC', now(), now()
  FROM generate_series(:first_user_id, :first_user_id + :lifters - 1) g
 ORDER BY g;

-- step: day layout of the plan (temporary)
CREATE TEMP TABLE scale_days AS
SELECT pd.id AS plan_day_id, pd.day_number, (SELECT count(*) FROM plan_days d WHERE d.plan_version_id = :version_id
                                               AND d.week_number = 1)::int AS days_per_cycle
  FROM plan_days pd WHERE pd.plan_version_id = :version_id AND pd.week_number = 1;
CREATE TEMP TABLE scale_sets AS
SELECT pde.plan_day_id, pde.exercise_id, pde.tm_exercise_id, pde.sort_order, pde.display_name, pde.tier,
       pde.rest_seconds, ps.kind, ps.set_order, ps.percentage, ps.reps, ps.reps_max, ps.is_amrap, ps.is_progression,
       row_number() OVER (PARTITION BY pde.plan_day_id ORDER BY pde.sort_order, ps.set_order) AS n
  FROM plan_day_exercises pde
  JOIN plan_sets ps ON ps.plan_day_exercise_id = pde.id
 WHERE pde.plan_day_id IN (SELECT plan_day_id FROM scale_days) AND ps.percentage IS NOT NULL AND ps.kind <> 'warmup';
CREATE TEMP TABLE scale_tm_exercises AS SELECT DISTINCT tm_exercise_id AS exercise_id FROM scale_sets;

-- step: enrolments (user_plans, pointer after the logged workouts)
INSERT INTO user_plans (user_id, plan_id, plan_version_id, is_active, status, started_at, start_date, cycle,
                        week_number, day_number)
SELECT u.id, :plan_id, :version_id, true, 'active', (current_date - (21 + u.id % 70))::timestamptz,
       current_date - (21 + u.id % 70), :workouts / d.days_per_cycle + 1, 1, :workouts % d.days_per_cycle + 1
  FROM users u CROSS JOIN (SELECT max(days_per_cycle) AS days_per_cycle FROM scale_days) d
 WHERE u.id >= :first_user_id
 ORDER BY u.id;

-- step: preferred days (user_plan_day_settings)
INSERT INTO user_plan_day_settings (user_plan_id, effective_from, preferred_days)
SELECT up.id, up.start_date, CASE up.user_id % 3 WHEN 0 THEN '{1,2,4,5}' WHEN 1 THEN '{1,3,5,6}' ELSE '{2,3,5,7}' END::smallint[]
  FROM user_plans up WHERE up.user_id >= :first_user_id;

-- step: completed workouts
INSERT INTO workouts (user_id, user_plan_id, plan_day_id, cycle, week_number, day_number, unit, status, completed_at,
                      created_at)
SELECT up.user_id, up.id, d.plan_day_id, k / d.days_per_cycle + 1, 1, d.day_number, 'kg', 'completed', t.at,
       t.at - interval '75 minutes'
  FROM user_plans up
 CROSS JOIN generate_series(0, :workouts - 1) k
  JOIN scale_days d ON d.day_number = k % d.days_per_cycle + 1
 CROSS JOIN LATERAL (SELECT (up.start_date + k * (current_date - up.start_date - 1) / :workouts
                             + time '17:30' + (up.user_id % 240) * interval '1 minute')::timestamptz AS at) t
 WHERE up.user_id >= :first_user_id
 ORDER BY t.at, up.user_id;

-- step: training maxes (setup)
INSERT INTO training_maxes (user_id, exercise_id, weight, unit, source, effective_date, created_at)
SELECT up.user_id, e.exercise_id, 60 + up.user_id % 80 + (e.exercise_id % 5) * 15, 'kg', 'setup', up.started_at,
       up.started_at
  FROM user_plans up CROSS JOIN scale_tm_exercises e
 WHERE up.user_id >= :first_user_id;

-- step: training maxes (progression at the end of each cycle)
INSERT INTO training_maxes (user_id, exercise_id, weight, unit, source, workout_id, effective_date, created_at)
SELECT w.user_id, e.exercise_id, 60 + w.user_id % 80 + (e.exercise_id % 5) * 15 + 2.5 * w.cycle, 'kg',
       'progression', w.id, w.completed_at, w.completed_at
  FROM workouts w
  JOIN scale_days d ON d.plan_day_id = w.plan_day_id AND d.day_number = d.days_per_cycle
 CROSS JOIN scale_tm_exercises e
 WHERE w.user_id >= :first_user_id;

-- step: completed cycles
INSERT INTO completed_cycles (user_plan_id, cycle, workout_id, completed_at)
SELECT w.user_plan_id, w.cycle, w.id, w.completed_at
  FROM workouts w JOIN scale_days d ON d.plan_day_id = w.plan_day_id AND d.day_number = d.days_per_cycle
 WHERE w.user_id >= :first_user_id;

-- step: logged sets (workout_sets)
INSERT INTO workout_sets (workout_id, exercise_id, tm_exercise_id, exercise_order, display_name, tier, kind,
                          set_order, percentage, prescribed_weight, prescribed_reps, reps_max, rest_seconds, is_amrap,
                          is_progression, actual_reps, completed, created_at)
SELECT w.id, s.exercise_id, s.tm_exercise_id, s.sort_order, s.display_name, s.tier, s.kind, s.set_order,
       s.percentage,
       round((60 + w.user_id % 80 + (s.tm_exercise_id % 5) * 15 + 2.5 * (w.cycle - 1)) * s.percentage / 2.5) * 2.5,
       s.reps, s.reps_max, s.rest_seconds, s.is_amrap, s.is_progression,
       s.reps + CASE WHEN s.is_amrap THEN (w.id + s.set_order) % 4 ELSE 0 END, true,
       w.completed_at - interval '30 minutes'
  FROM workouts w JOIN scale_sets s ON s.plan_day_id = w.plan_day_id AND s.n <= :sets
 WHERE w.user_id >= :first_user_id
 ORDER BY w.id, s.n;

-- step: drop the temporary tables
DROP TABLE scale_sets, scale_days, scale_tm_exercises;

-- step: vacuum analyze (statistics and visibility map, as autovacuum would leave them)
VACUUM (ANALYZE) users, user_plans, user_plan_day_settings, training_maxes, workouts, completed_cycles, workout_sets;
