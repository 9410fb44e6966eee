-- Built-in plans remember which seed made them and the seed fingerprint last applied (see seed/seed.ts).
-- AlterTable
ALTER TABLE "workout_plans" ADD COLUMN     "seed_hash" TEXT,
ADD COLUMN     "seed_key" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "workout_plans_seed_key_key" ON "workout_plans"("seed_key");


-- Adopt an nSuns plan seeded before this migration: its newest version is what the seed last applied.
UPDATE "workout_plans" p
   SET "seed_key" = 'nsuns-4day-lp',
       "seed_hash" = (SELECT v."structure_hash" FROM "plan_versions" v WHERE v."plan_id" = p."id" ORDER BY v."version" DESC LIMIT 1)
 WHERE p."slug" = 'nsuns-4day-lp';
