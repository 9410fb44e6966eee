-- Plans over time (issue 14): a version is a draft until published; at most one draft per plan. A plan's status is
-- derived: archived (archived_at), draft (no published version yet) or published.
ALTER TABLE "plan_versions"
    ADD COLUMN "published_at" TIMESTAMPTZ(3),
    -- A draft's header (name, slug, description, visibility, library): applied to the plan when it is published.
    ADD COLUMN "draft_header" JSONB,
    -- An admin's word to lifters on an older version: "recommended: fixes the OHP increments".
    ADD COLUMN "upgrade_note" TEXT,
    ADD COLUMN "recommended_upgrade" BOOLEAN NOT NULL DEFAULT false;
UPDATE "plan_versions" SET "published_at" = "created_at";
ALTER TABLE "plan_versions"
    ADD CONSTRAINT "plan_versions_upgrade_note_check" CHECK (char_length("upgrade_note") <= 500),
    ADD CONSTRAINT "plan_versions_draft_header_check" CHECK ("draft_header" IS NULL OR "published_at" IS NULL);
CREATE UNIQUE INDEX "plan_versions_one_draft_per_plan" ON "plan_versions" ("plan_id") WHERE "published_at" IS NULL;
