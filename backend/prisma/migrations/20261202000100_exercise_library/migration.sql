-- The exercise library grows (≈ 185 exercises, seeded from prisma/exercises.json) and gains secondary muscles,
-- equipment and aliases; search becomes fuzzy (pg_trgm) and accent-insensitive (unaccent), ranked in SQL.

-- ---------- extensions (both are "trusted": a database owner without superuser may create them) ----------
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;

-- ---------- columns ----------
-- NULL = never filled (rows that predate the library): the seed fills those once, and never touches a row an
-- admin has edited since. An admin's empty list is '{}', not NULL.
ALTER TABLE "exercises"
    ADD COLUMN "secondary_muscles" TEXT[],
    ADD COLUMN "equipment" TEXT,
    ADD COLUMN "aliases" TEXT[];
ALTER TABLE "exercises"
    ADD CONSTRAINT "exercises_equipment_check" CHECK ("equipment" IN
        ('barbell', 'dumbbell', 'machine', 'cable', 'bodyweight', 'kettlebell', 'band', 'other'));

-- ---------- search text ----------
-- unaccent() is only STABLE (its dictionary could change), so it can't appear in an index expression. The usual
-- wrapper: an IMMUTABLE SQL function naming the dictionary schema-qualified, so search_path can't change it.
CREATE OR REPLACE FUNCTION public.f_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- What a search term and the searched text are both reduced to: unaccented, lower-case, punctuation and runs of
-- white space turned into single spaces ("Close-Grip  Développé" → "close grip developpe").
CREATE OR REPLACE FUNCTION public.search_normalize(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT btrim(regexp_replace(lower(public.f_unaccent($1)), '[[:space:][:punct:]]+', ' ', 'g')) $$;

-- One exercise's searchable text: name, slug and aliases.
CREATE OR REPLACE FUNCTION public.exercise_search_text(name text, slug text, aliases text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT public.search_normalize(concat_ws(' ', name, slug, array_to_string(aliases, ' '))) $$;

-- Trigram index for similarity (%, <%) and substring (LIKE) matching over that text.
CREATE INDEX "exercises_search_trgm_idx" ON "exercises"
    USING GIN (public.exercise_search_text("name", "slug", "aliases") public.gin_trgm_ops);
