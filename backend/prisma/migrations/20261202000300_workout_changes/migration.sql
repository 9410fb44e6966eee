-- A workout that bends: sets the lifter added to an in-progress workout (an extra set of a slot, or an accessory
-- exercise from the library), and exercises swapped for the day (the exercise the plan prescribed is kept).
ALTER TABLE "workout_sets"
    ADD COLUMN "is_added" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "swapped_from_exercise_id" INTEGER;

ALTER TABLE "workout_sets"
    ADD CONSTRAINT "workout_sets_swapped_from_exercise_id_fkey" FOREIGN KEY ("swapped_from_exercise_id")
        REFERENCES "exercises"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE INDEX "workout_sets_swapped_from_exercise_id_idx" ON "workout_sets"("swapped_from_exercise_id");
