-- A built-in program's update that waits for an admin's unpublished draft of the plan (the seed sets it, the start
-- that publishes the update clears it), so the admin console can say so instead of only the start-up log.
ALTER TABLE "workout_plans" ADD COLUMN "seed_update_waiting_since" TIMESTAMPTZ(3);
