-- Cached plan details (per process, and by clients through the ETag) show exercise names: an exercise change now
-- touches this column of the plans that use it, so every cache key and ETag moves (updated_at stays the editors'
-- concurrency token).
ALTER TABLE "workout_plans" ADD COLUMN "exercises_changed_at" TIMESTAMPTZ(3);
