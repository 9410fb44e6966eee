-- Plan model v2 (docs/decisions/0009-plan-model-v2.md): multi-week cycles, TM percentage, set kinds, rest,
-- four progression rule kinds, a next-workout pointer per subscription, stall counters and cycle-end bookkeeping.
-- Every existing plan becomes a 1-week cycle; every subscription points at its next day; history keeps its order.

-- DropIndex
DROP INDEX "plan_days_plan_version_id_day_number_key";

-- DropIndex
DROP INDEX "workouts_user_plan_id_idx";

-- AlterTable
ALTER TABLE "plan_day_exercises" ADD COLUMN     "rest_seconds" INTEGER;

-- AlterTable
ALTER TABLE "plan_days" ADD COLUMN     "week_number" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "plan_progression_rules" ADD COLUMN     "factor" DECIMAL(5,4),
ADD COLUMN     "failures" INTEGER,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'amrap_table',
ADD COLUMN     "max_steps" INTEGER,
ALTER COLUMN "min_reps" DROP NOT NULL,
ALTER COLUMN "max_reps" DROP NOT NULL,
ALTER COLUMN "increase" DROP NOT NULL,
ALTER COLUMN "unit" DROP NOT NULL;

-- AlterTable
ALTER TABLE "plan_sets" ADD COLUMN     "increment_offset" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'main',
ADD COLUMN     "reps_max" INTEGER,
ALTER COLUMN "percentage" DROP NOT NULL;

-- AlterTable
ALTER TABLE "plan_versions" ADD COLUMN     "cycle_weeks" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "tm_percent" DECIMAL(5,4) NOT NULL DEFAULT 0.9;

-- AlterTable
ALTER TABLE "user_plans" ADD COLUMN     "cycle" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "day_number" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "week_number" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "rounding" TEXT NOT NULL DEFAULT 'nearest';

-- AlterTable
ALTER TABLE "workout_sets" ADD COLUMN     "actual_weight" DECIMAL(6,2),
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'main',
ADD COLUMN     "reps_max" INTEGER,
ADD COLUMN     "rest_seconds" INTEGER,
ALTER COLUMN "percentage" DROP NOT NULL,
ALTER COLUMN "prescribed_weight" DROP NOT NULL;

-- AlterTable
ALTER TABLE "workouts" ADD COLUMN     "cycle" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "week_number" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "plan_weeks" (
    "id" SERIAL NOT NULL,
    "plan_version_id" INTEGER NOT NULL,
    "week_number" INTEGER NOT NULL,
    "name" TEXT,
    "is_deload" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "plan_weeks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stall_counters" (
    "user_plan_id" INTEGER NOT NULL,
    "exercise_id" INTEGER NOT NULL,
    "consecutive_misses" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "stall_counters_pkey" PRIMARY KEY ("user_plan_id","exercise_id")
);

-- CreateTable
CREATE TABLE "completed_cycles" (
    "user_plan_id" INTEGER NOT NULL,
    "cycle" INTEGER NOT NULL,
    "workout_id" INTEGER,
    "completed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "completed_cycles_pkey" PRIMARY KEY ("user_plan_id","cycle")
);

-- CreateIndex
CREATE UNIQUE INDEX "plan_weeks_plan_version_id_week_number_key" ON "plan_weeks"("plan_version_id", "week_number");

-- CreateIndex
CREATE UNIQUE INDEX "plan_days_plan_version_id_week_number_day_number_key" ON "plan_days"("plan_version_id", "week_number", "day_number");

-- CreateIndex
CREATE INDEX "workouts_user_plan_id_cycle_week_number_idx" ON "workouts"("user_plan_id", "cycle", "week_number");

-- AddForeignKey
ALTER TABLE "plan_weeks" ADD CONSTRAINT "plan_weeks_plan_version_id_fkey" FOREIGN KEY ("plan_version_id") REFERENCES "plan_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stall_counters" ADD CONSTRAINT "stall_counters_user_plan_id_fkey" FOREIGN KEY ("user_plan_id") REFERENCES "user_plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stall_counters" ADD CONSTRAINT "stall_counters_exercise_id_fkey" FOREIGN KEY ("exercise_id") REFERENCES "exercises"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "completed_cycles" ADD CONSTRAINT "completed_cycles_user_plan_id_fkey" FOREIGN KEY ("user_plan_id") REFERENCES "user_plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ---------- constraints Prisma cannot express ----------
ALTER TABLE "plan_sets" DROP CONSTRAINT "plan_sets_percentage_check",
  DROP CONSTRAINT "plan_sets_progression_is_amrap_check",
  ADD CONSTRAINT "plan_sets_percentage_check" CHECK ("percentage" IS NULL OR ("percentage" > 0 AND "percentage" <= 1.5)),
  ADD CONSTRAINT "plan_sets_kind_check" CHECK ("kind" IN ('warmup', 'main', 'supplemental', 'accessory')),
  ADD CONSTRAINT "plan_sets_weightless_is_accessory_check" CHECK ("percentage" IS NOT NULL OR "kind" = 'accessory'),
  ADD CONSTRAINT "plan_sets_progression_kind_check"
    CHECK (NOT "is_progression" OR ("kind" IN ('main', 'supplemental') AND "percentage" IS NOT NULL)),
  ADD CONSTRAINT "plan_sets_reps_max_check" CHECK ("reps_max" IS NULL OR "reps_max" >= "reps");

ALTER TABLE "plan_versions"
  ADD CONSTRAINT "plan_versions_cycle_weeks_check" CHECK ("cycle_weeks" BETWEEN 1 AND 52),
  ADD CONSTRAINT "plan_versions_tm_percent_check" CHECK ("tm_percent" >= 0.5 AND "tm_percent" <= 1);

ALTER TABLE "plan_day_exercises"
  ADD CONSTRAINT "plan_day_exercises_rest_seconds_check" CHECK ("rest_seconds" IS NULL OR "rest_seconds" >= 0);

ALTER TABLE "plan_progression_rules" DROP CONSTRAINT "plan_progression_rules_range_check",
  DROP CONSTRAINT "plan_progression_rules_unit_check",
  ADD CONSTRAINT "plan_progression_rules_kind_check"
    CHECK ("kind" IN ('amrap_table', 'reps_over_target', 'cycle_increment', 'stall_reset')),
  ADD CONSTRAINT "plan_progression_rules_unit_check"
    CHECK ("unit" IS NULL OR "unit" IN ('kg', 'lb') OR ("kind" = 'cycle_increment' AND "unit" = 'percent')),
  -- COALESCE: a CHECK passes on NULL, and a missing field must fail it.
  ADD CONSTRAINT "plan_progression_rules_fields_check" CHECK (COALESCE(CASE "kind"
    WHEN 'amrap_table' THEN "min_reps" >= 0 AND "max_reps" >= "min_reps" AND "increase" IS NOT NULL AND "unit" IS NOT NULL
    WHEN 'reps_over_target' THEN "increase" IS NOT NULL AND "unit" IS NOT NULL AND ("max_steps" IS NULL OR "max_steps" >= 1)
    WHEN 'cycle_increment' THEN "increase" IS NOT NULL AND "unit" IS NOT NULL
    WHEN 'stall_reset' THEN "failures" >= 1 AND "factor" > 0 AND "factor" < 1
  END, false));

ALTER TABLE "user_plans"
  ADD CONSTRAINT "user_plans_pointer_check" CHECK ("cycle" >= 1 AND "week_number" >= 1 AND "day_number" >= 1);

ALTER TABLE "users" ADD CONSTRAINT "users_rounding_check" CHECK ("rounding" IN ('nearest', 'down'));

ALTER TABLE "workouts" DROP CONSTRAINT "workouts_status_check",
  ADD CONSTRAINT "workouts_status_check" CHECK ("status" IN ('in_progress', 'completed', 'abandoned', 'skipped'));

ALTER TABLE "workout_sets"
  ADD CONSTRAINT "workout_sets_kind_check" CHECK ("kind" IN ('warmup', 'main', 'supplemental', 'accessory')),
  ADD CONSTRAINT "workout_sets_actual_weight_check" CHECK ("actual_weight" IS NULL OR "actual_weight" >= 0);

ALTER TABLE "stall_counters"
  ADD CONSTRAINT "stall_counters_misses_check" CHECK ("consecutive_misses" >= 0);

-- ---------- data: every existing plan is a 1-week cycle ----------
INSERT INTO "plan_weeks" ("plan_version_id", "week_number", "name", "is_deload")
SELECT "id", 1, NULL, false FROM "plan_versions";

-- ---------- data: history gets cycle numbers ----------
-- Within a subscription, completed workouts ran day 1, 2, … of a repeating week: a new cycle starts whenever the
-- day number does not go up.
WITH ordered AS (
  SELECT "id", "user_plan_id", "created_at", "day_number",
         lag("day_number") OVER (PARTITION BY "user_plan_id" ORDER BY "created_at", "id") AS prev_day
    FROM "workouts" WHERE "user_plan_id" IS NOT NULL AND "status" = 'completed'
), numbered AS (
  SELECT "id", 1 + sum(CASE WHEN prev_day IS NOT NULL AND "day_number" <= prev_day THEN 1 ELSE 0 END)
                   OVER (PARTITION BY "user_plan_id" ORDER BY "created_at", "id") AS cycle
    FROM ordered
)
UPDATE "workouts" w SET "cycle" = numbered.cycle FROM numbered WHERE w."id" = numbered."id";

-- ---------- data: every subscription points at its next day (the day after its last completed one) ----------
WITH last_completed AS (
  SELECT DISTINCT ON (w."user_plan_id") w."user_plan_id", w."cycle", w."day_number", v."days_per_week"
    FROM "workouts" w
    JOIN "user_plans" up ON up."id" = w."user_plan_id"
    JOIN "plan_versions" v ON v."id" = up."plan_version_id"
   WHERE w."status" = 'completed'
   ORDER BY w."user_plan_id", w."created_at" DESC, w."id" DESC
)
UPDATE "user_plans" up
   SET "cycle" = CASE WHEN lc."day_number" >= lc."days_per_week" THEN lc."cycle" + 1 ELSE lc."cycle" END,
       "day_number" = CASE WHEN lc."day_number" >= lc."days_per_week" THEN 1 ELSE lc."day_number" + 1 END
  FROM last_completed lc
 WHERE up."id" = lc."user_plan_id";

-- A workout in progress belongs to the pointer's cycle; an abandoned one to the cycle of the last completed
-- workout before it.
UPDATE "workouts" w SET "cycle" = up."cycle"
  FROM "user_plans" up
 WHERE w."user_plan_id" = up."id" AND w."status" = 'in_progress';

UPDATE "workouts" w
   SET "cycle" = COALESCE((SELECT c."cycle" FROM "workouts" c
                            WHERE c."user_plan_id" = w."user_plan_id" AND c."status" = 'completed'
                              AND (c."created_at", c."id") < (w."created_at", w."id")
                            ORDER BY c."created_at" DESC, c."id" DESC LIMIT 1), 1)
 WHERE w."status" = 'abandoned' AND w."user_plan_id" IS NOT NULL;
