// The data step of migration 20261201000000_plan_model_v2, for data copied in after that migration ran (the legacy
// upgrade): history gets cycle numbers, each subscription points at the day after its last completed one. The
// migration keeps its own copy of these statements (applied migrations never change).

/** Within a subscription a new cycle starts whenever the completed day number does not go up. */
export const NUMBER_COMPLETED_CYCLES = `
  WITH ordered AS (
    SELECT id, user_plan_id, created_at, day_number,
           lag(day_number) OVER (PARTITION BY user_plan_id ORDER BY created_at, id) AS prev_day
      FROM workouts WHERE user_plan_id IS NOT NULL AND status = 'completed'
  ), numbered AS (
    SELECT id, 1 + sum(CASE WHEN prev_day IS NOT NULL AND day_number <= prev_day THEN 1 ELSE 0 END)
                     OVER (PARTITION BY user_plan_id ORDER BY created_at, id) AS cycle
      FROM ordered
  )
  UPDATE workouts w SET cycle = numbered.cycle FROM numbered WHERE w.id = numbered.id`;

export const POINT_AT_NEXT_DAY = `
  WITH last_completed AS (
    SELECT DISTINCT ON (w.user_plan_id) w.user_plan_id, w.cycle, w.day_number, v.days_per_week
      FROM workouts w
      JOIN user_plans up ON up.id = w.user_plan_id
      JOIN plan_versions v ON v.id = up.plan_version_id
     WHERE w.status = 'completed'
     ORDER BY w.user_plan_id, w.created_at DESC, w.id DESC
  )
  UPDATE user_plans up
     SET cycle = CASE WHEN lc.day_number >= lc.days_per_week THEN lc.cycle + 1 ELSE lc.cycle END,
         day_number = CASE WHEN lc.day_number >= lc.days_per_week THEN 1 ELSE lc.day_number + 1 END
    FROM last_completed lc
   WHERE up.id = lc.user_plan_id`;

export const CYCLE_OF_OPEN_WORKOUTS = `
  UPDATE workouts w SET cycle = up.cycle
    FROM user_plans up
   WHERE w.user_plan_id = up.id AND w.status = 'in_progress'`;

export const CYCLE_OF_ABANDONED_WORKOUTS = `
  UPDATE workouts w
     SET cycle = COALESCE((SELECT c.cycle FROM workouts c
                            WHERE c.user_plan_id = w.user_plan_id AND c.status = 'completed'
                              AND (c.created_at, c.id) < (w.created_at, w.id)
                            ORDER BY c.created_at DESC, c.id DESC LIMIT 1), 1)
   WHERE w.status = 'abandoned' AND w.user_plan_id IS NOT NULL`;

export const POINTER_BACKFILL = [
  NUMBER_COMPLETED_CYCLES,
  POINT_AT_NEXT_DAY,
  CYCLE_OF_OPEN_WORKOUTS,
  CYCLE_OF_ABANDONED_WORKOUTS,
] as const;
