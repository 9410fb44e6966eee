-- Lifter preferences (issue 12): generated warm-ups and a default rest between sets.
-- warmups: 'off' (only the plan's own warm-up sets) | 'standard' (40 %×5, 50 %×5, 60 %×3 of the first work set when a
-- slot has none). Default 'off': existing lifters' workouts and projections don't change without their say.
ALTER TABLE "users"
    ADD COLUMN "warmups" TEXT NOT NULL DEFAULT 'off',
    ADD COLUMN "default_rest_seconds" INTEGER NOT NULL DEFAULT 120;
ALTER TABLE "users"
    ADD CONSTRAINT "users_warmups_check" CHECK ("warmups" IN ('off', 'standard'));
ALTER TABLE "users"
    ADD CONSTRAINT "users_default_rest_seconds_check" CHECK ("default_rest_seconds" BETWEEN 0 AND 1800);

-- When an in-progress workout's open sets were last prescribed from the TMs (NULL: at creation). A TM row written
-- after it makes the workout "stale"; POST /api/workouts/:id/regenerate re-prescribes and sets it.
ALTER TABLE "workouts" ADD COLUMN "prescribed_at" TIMESTAMPTZ(3);
