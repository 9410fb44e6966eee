import type { Db } from '../db/prisma';
import { Prisma, type Exercise } from '../generated/prisma/client';
import { conflict, notFound } from '../http/errors';
import {
  EXERCISE_SEARCH_LIMIT,
  type CreateExerciseBody,
  type ExerciseDto,
  type ExerciseUsage,
  type ListExercisesQuery,
  type UpdateExerciseBody,
} from '@liftplan/domain';

export const toExerciseDto = (e: Exercise): ExerciseDto => ({
  id: e.id,
  slug: e.slug,
  name: e.name,
  muscleGroup: e.muscleGroup,
  category: e.category as ExerciseDto['category'],
  isUpperBody: e.isUpperBody,
  // NULL only in rows that predate these columns and were not filled by the seed (no library entry).
  secondaryMuscles: e.secondaryMuscles ?? [],
  equipment: e.equipment as ExerciseDto['equipment'],
  aliases: e.aliases ?? [],
  createdAt: e.createdAt.toISOString(),
});

/**
 * The library, filtered. Without a search term: every match, by name. With one: ranked in PostgreSQL, at most
 * EXERCISE_SEARCH_LIMIT, best first (see searchExerciseIds).
 */
export async function listExercises(db: Db, query: ListExercisesQuery): Promise<ExerciseDto[]> {
  if (query.search && hasSearchableText(query.search)) {
    const ids = await searchExerciseIds(db, query.search, query);
    const rows = await db.exercise.findMany({ where: { id: { in: ids } } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => (byId.has(id) ? [toExerciseDto(byId.get(id)!)] : []));
  }
  const where: Prisma.ExerciseWhereInput = {};
  if (query.category) where.category = query.category;
  if (query.muscleGroup) where.muscleGroup = query.muscleGroup;
  if (query.bodyPart) where.isUpperBody = query.bodyPart === 'upper';
  if (query.equipment) where.equipment = query.equipment;
  const exercises = await db.exercise.findMany({ where, orderBy: { name: 'asc' } });
  return exercises.map(toExerciseDto);
}

/** Letters or digits left once white space and punctuation are gone (SQL's search_normalize drops the same). */
const searchableText = (search: string) => search.replace(/[\s\p{P}\p{S}]+/gu, '');
const hasSearchableText = (search: string) => searchableText(search).length > 0;
/** Trigrams need three characters: shorter terms ("DL", "BP") match whole words or word starts instead. */
const TRIGRAM_MIN_LENGTH = 3;

/**
 * Fuzzy, accent- and case-insensitive search over name, slug and aliases, in SQL (migration
 * 20261202000100_exercise_library): both sides go through search_normalize (unaccented, lower case, punctuation
 * as spaces). Candidates come from the trigram index on exercise_search_text(name, slug, aliases): word
 * similarity (`<%`, pg_trgm.word_similarity_threshold) or a word starting with the term (a regular expression
 * the index serves too; the normalised term holds no punctuation, so nothing in it is special). A term under 3
 * characters ("DL") has no trigrams: only the word-start match applies. Ranked: exact name/slug/alias match,
 * then the same ignoring spaces ("dead lift" = "deadlift"), then trigram similarity to the name, then to the
 * best alias, then word similarity to the whole text, then name.
 */
async function searchExerciseIds(db: Db, search: string, filters: ListExercisesQuery): Promise<number[]> {
  const text = Prisma.sql`public.exercise_search_text(e."name", e."slug", e."aliases")`;
  const conditions: Prisma.Sql[] = [];
  if (searchableText(search).length < TRIGRAM_MIN_LENGTH) {
    conditions.push(Prisma.sql`${text} ~ ('\\m' || q.term)`);
  } else {
    conditions.push(Prisma.sql`(q.term <% ${text} OR ${text} ~ ('\\m' || q.term))`);
  }
  if (filters.category) conditions.push(Prisma.sql`e."category" = ${filters.category}`);
  if (filters.muscleGroup) conditions.push(Prisma.sql`e."muscle_group" = ${filters.muscleGroup}`);
  if (filters.bodyPart) conditions.push(Prisma.sql`e."is_upper_body" = ${filters.bodyPart === 'upper'}`);
  if (filters.equipment) conditions.push(Prisma.sql`e."equipment" = ${filters.equipment}`);
  const rows = await db.$queryRaw<Array<{ id: number }>>`
    WITH q AS (
      SELECT t.term, replace(t.term, ' ', '') AS compact
        FROM (SELECT public.search_normalize(${search}::text) AS term) t
    ), candidates AS (
      SELECT e."id", e."name", ${text} AS search_text,
             public.search_normalize(e."name") AS name_n,
             public.search_normalize(e."slug") AS slug_n,
             ARRAY(SELECT public.search_normalize(a) FROM unnest(e."aliases") a) AS aliases_n
        FROM "exercises" e, q
       WHERE ${Prisma.join(conditions, ' AND ')}
    )
    SELECT c."id"
      FROM candidates c, q
     ORDER BY (q.term IN (c.name_n, c.slug_n) OR q.term = ANY (c.aliases_n)) DESC,
              (q.compact IN (replace(c.name_n, ' ', ''), replace(c.slug_n, ' ', ''))
                 OR q.compact IN (SELECT replace(a, ' ', '') FROM unnest(c.aliases_n) a)) DESC,
              similarity(q.term, c.name_n) DESC,
              COALESCE((SELECT max(similarity(q.term, a)) FROM unnest(c.aliases_n) a), 0) DESC,
              word_similarity(q.term, c.search_text) DESC,
              c."name", c."id"
     LIMIT ${EXERCISE_SEARCH_LIMIT}`;
  return rows.map((row) => row.id);
}

export async function getExercise(db: Db, id: number): Promise<ExerciseDto> {
  const exercise = await db.exercise.findUnique({ where: { id } });
  if (!exercise) throw notFound('Exercise');
  return toExerciseDto(exercise);
}

export async function createExercise(db: Db, body: CreateExerciseBody): Promise<ExerciseDto> {
  // Explicit empty lists, not NULL: NULL marks rows that predate the columns, which the seed may fill.
  const data = { ...body, secondaryMuscles: body.secondaryMuscles ?? [], aliases: body.aliases ?? [] };
  try {
    return toExerciseDto(await db.exercise.create({ data }));
  } catch (err) {
    throw slugConflictOr(err, body.slug);
  }
}

/**
 * Plans show their exercises' names (a plan's detail is cached per version and plan change, in every process, and
 * clients revalidate it by ETag), so the plans that use a changed exercise are marked in the same transaction
 * (`exercises_changed_at`, not `updated_at`: an admin editing the plan must not be told someone else saved it).
 */
export async function updateExercise(db: Db, id: number, body: UpdateExerciseBody): Promise<ExerciseDto> {
  await getExercise(db, id);
  try {
    return await db.$transaction(async (tx) => {
      const updated = await tx.exercise.update({ where: { id }, data: body });
      await tx.$executeRaw`
        UPDATE workout_plans SET exercises_changed_at = now()
         WHERE id IN (SELECT d.plan_id FROM plan_days d JOIN plan_day_exercises x ON x.plan_day_id = d.id
                       WHERE x.exercise_id = ${id} OR x.tm_exercise_id = ${id}
                      UNION SELECT r.plan_id FROM plan_progression_rules r WHERE r.exercise_id = ${id})`;
      return toExerciseDto(updated);
    });
  } catch (err) {
    throw slugConflictOr(err, body.slug);
  }
}

/** Refused with 409 while any plan, training max or workout references the exercise. */
export async function deleteExercise(db: Db, id: number): Promise<void> {
  await getExercise(db, id);
  const usage = await exerciseUsage(db, id);
  if (usage.plans.length > 0 || usage.trainingMaxes > 0 || usage.workoutSets > 0) {
    throw conflict('EXERCISE_IN_USE', describeUsage(usage), usage);
  }
  try {
    await db.exercise.delete({ where: { id } });
  } catch (err) {
    // A reference created between the check and the delete: the foreign keys still refuse it.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2003') {
      throw conflict('EXERCISE_IN_USE', 'This exercise is now referenced by other data', await exerciseUsage(db, id));
    }
    throw err;
  }
}

async function exerciseUsage(db: Db, exerciseId: number): Promise<ExerciseUsage> {
  const [plans, trainingMaxes, workoutSets] = await Promise.all([
    db.workoutPlan.findMany({
      where: {
        OR: [
          { days: { some: { exercises: { some: { OR: [{ exerciseId }, { tmExerciseId: exerciseId }] } } } } },
          { progressionRules: { some: { exerciseId } } },
        ],
      },
      select: { id: true, name: true },
      orderBy: { name: 'asc' },
    }),
    db.trainingMax.count({ where: { exerciseId } }),
    db.workoutSet.count({ where: { OR: [{ exerciseId }, { tmExerciseId: exerciseId }] } }),
  ]);
  return { plans, trainingMaxes, workoutSets };
}

function describeUsage(usage: ExerciseUsage): string {
  const parts: string[] = [];
  if (usage.plans.length) parts.push(`plans (${usage.plans.map((p) => p.name).join(', ')})`);
  if (usage.trainingMaxes) parts.push(`${usage.trainingMaxes} training max record(s)`);
  if (usage.workoutSets) parts.push(`${usage.workoutSets} logged workout set(s)`);
  return `This exercise is still used by ${parts.join(', ')}`;
}

function slugConflictOr(err: unknown, slug: string | undefined): unknown {
  if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
    return conflict('SLUG_TAKEN', `An exercise with slug "${slug}" already exists`, [
      { path: 'slug', message: 'already taken' },
    ]);
  }
  return err;
}
