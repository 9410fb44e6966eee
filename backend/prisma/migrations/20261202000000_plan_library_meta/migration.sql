-- Program library: where a plan comes from (author, source, level, goal, per-number sources, approximations).
-- Validated by the API's zod schema (planLibraryInput) on every write; NULL for plans nobody described.
ALTER TABLE "workout_plans" ADD COLUMN "library" JSONB;
ALTER TABLE "workout_plans"
  ADD CONSTRAINT "workout_plans_library_object" CHECK ("library" IS NULL OR jsonb_typeof("library") = 'object');
