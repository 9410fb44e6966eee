-- Logging what really happened (issue 12): per set an RPE, a note and "skipped"; per workout a note.
-- actual_weight already exists (it defaults to the prescribed weight when a set is completed without one).

ALTER TABLE "workout_sets"
    ADD COLUMN "rpe" NUMERIC(3, 1),
    ADD COLUMN "note" TEXT,
    ADD COLUMN "skipped" BOOLEAN NOT NULL DEFAULT false;
-- RPE 6–10 in steps of 0.5 (6, 6.5, … 10).
ALTER TABLE "workout_sets"
    ADD CONSTRAINT "workout_sets_rpe_check" CHECK ("rpe" IS NULL OR ("rpe" BETWEEN 6 AND 10 AND ("rpe" * 2) = trunc("rpe" * 2)));
ALTER TABLE "workout_sets"
    ADD CONSTRAINT "workout_sets_note_length_check" CHECK ("note" IS NULL OR char_length("note") <= 500);

ALTER TABLE "workouts" ADD COLUMN "note" TEXT;
ALTER TABLE "workouts"
    ADD CONSTRAINT "workouts_note_length_check" CHECK ("note" IS NULL OR char_length("note") <= 1000);

-- The one-rep max the lifter entered when a TM was set up from one: a PR must beat it (an e1RM below the 1RM
-- entered is no record). NULL when the TM was entered directly or came from progression.
ALTER TABLE "training_maxes" ADD COLUMN "one_rep_max" NUMERIC(6, 2);
