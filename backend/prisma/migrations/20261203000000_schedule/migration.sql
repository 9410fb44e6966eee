-- Training on a calendar (issue 13): a lifter's time zone, enrolment status and dates, preferred days over time,
-- pauses, and finite programs (a declared number of cycles).

-- An IANA zone name ("Asia/Jerusalem"); every schedule date is computed in it. Checked by the API (Intl/Luxon).
ALTER TABLE "users" ADD COLUMN "time_zone" TEXT NOT NULL DEFAULT 'UTC';

-- How many times a version's cycle runs: NULL repeats until the lifter stops (nSuns, 5/3/1), 1 = Smolov Jr, Candito.
ALTER TABLE "plan_versions" ADD COLUMN "cycles" INTEGER;
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_cycles_check" CHECK ("cycles" BETWEEN 1 AND 52);

-- active → paused → active …; active|paused → ended (the lifter stops or picks another plan); active → completed
-- (the last session of a finite program). is_active stays true exactly while active or paused.
ALTER TABLE "user_plans"
    ADD COLUMN "status" TEXT NOT NULL DEFAULT 'active',
    ADD COLUMN "start_date" DATE,
    ADD COLUMN "paused_at" TIMESTAMPTZ(3);
UPDATE "user_plans" SET "status" = CASE WHEN "is_active" THEN 'active' ELSE 'ended' END,
                        "start_date" = ("started_at" AT TIME ZONE 'UTC')::date;
ALTER TABLE "user_plans" ALTER COLUMN "start_date" SET NOT NULL, ALTER COLUMN "start_date" SET DEFAULT CURRENT_DATE;
ALTER TABLE "user_plans"
    ADD CONSTRAINT "user_plans_status_check" CHECK ("status" IN ('active', 'paused', 'completed', 'ended')),
    ADD CONSTRAINT "user_plans_active_status_check" CHECK ("is_active" = ("status" IN ('active', 'paused'))),
    ADD CONSTRAINT "user_plans_paused_at_check" CHECK (("status" = 'paused') = ("paused_at" IS NOT NULL));

-- Preferred training days (ISO weekdays 1 = Monday … 7 = Sunday) from a date on: changing them re-lays the future
-- only, the past keeps the days it was planned with.
CREATE TABLE "user_plan_day_settings" (
    "id" SERIAL PRIMARY KEY,
    "user_plan_id" INTEGER NOT NULL,
    "effective_from" DATE NOT NULL,
    "preferred_days" SMALLINT[] NOT NULL,
    CONSTRAINT "user_plan_day_settings_days_check"
        CHECK (cardinality("preferred_days") BETWEEN 1 AND 7 AND "preferred_days" <@ ARRAY[1,2,3,4,5,6,7]::SMALLINT[])
);
ALTER TABLE "user_plan_day_settings" ADD CONSTRAINT "user_plan_day_settings_user_plan_id_fkey"
    FOREIGN KEY ("user_plan_id") REFERENCES "user_plans" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE UNIQUE INDEX "user_plan_day_settings_plan_from" ON "user_plan_day_settings" ("user_plan_id", "effective_from");

-- Existing enrolments get the default days for their plan's days per week.
INSERT INTO "user_plan_day_settings" ("user_plan_id", "effective_from", "preferred_days")
SELECT up."id", up."start_date",
       (CASE LEAST(GREATEST(v."days_per_week", 1), 7)
            WHEN 1 THEN ARRAY[1] WHEN 2 THEN ARRAY[1,4] WHEN 3 THEN ARRAY[1,3,5] WHEN 4 THEN ARRAY[1,2,4,5]
            WHEN 5 THEN ARRAY[1,2,3,4,5] WHEN 6 THEN ARRAY[1,2,3,4,5,6] ELSE ARRAY[1,2,3,4,5,6,7] END)::SMALLINT[]
  FROM "user_plans" up JOIN "plan_versions" v ON v."id" = up."plan_version_id";

-- A pause: days from paused_at's date up to (not including) resumed_at's date are not counted as missed.
CREATE TABLE "user_plan_pauses" (
    "id" SERIAL PRIMARY KEY,
    "user_plan_id" INTEGER NOT NULL,
    "paused_at" TIMESTAMPTZ(3) NOT NULL,
    "resumed_at" TIMESTAMPTZ(3),
    CONSTRAINT "user_plan_pauses_order_check" CHECK ("resumed_at" IS NULL OR "resumed_at" >= "paused_at")
);
ALTER TABLE "user_plan_pauses" ADD CONSTRAINT "user_plan_pauses_user_plan_id_fkey"
    FOREIGN KEY ("user_plan_id") REFERENCES "user_plans" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE INDEX "user_plan_pauses_user_plan_id" ON "user_plan_pauses" ("user_plan_id");

-- A lifter's secret calendar-feed key (GET /api/schedule.ics?key=…): 256 random bits, rotated or removed at will.
-- Kept in clear like any calendar provider's secret address, so the lifter can copy the URL again; it reads only
-- the lifter's training days, never writes.
ALTER TABLE "users" ADD COLUMN "calendar_key" TEXT;
CREATE UNIQUE INDEX "users_calendar_key_key" ON "users" ("calendar_key");
