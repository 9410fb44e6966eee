// The exercise library (prisma/exercises.json, seeded) and its search: fuzzy, accent-insensitive, alias-aware,
// ranked in PostgreSQL (pg_trgm + unaccent, migration 20261202000100_exercise_library).
import { EXERCISE_EQUIPMENT, EXERCISE_SEARCH_LIMIT } from '@liftplan/domain';
import { createTestContext, type TestContext } from '../../test/test-db';
import { registerAdmin, registerUser, type TestUser } from '../../test/helpers';
import { EXERCISE_LIBRARY, seedExerciseLibrary } from '../seed/exercises';

type Exercise = {
  id: number;
  slug: string;
  name: string;
  muscleGroup: string | null;
  category: string;
  isUpperBody: boolean;
  secondaryMuscles: string[];
  equipment: string | null;
  aliases: string[];
};

let ctx: TestContext;
let admin: TestUser;
let lifter: TestUser;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await registerAdmin(ctx);
  lifter = await registerUser(ctx);
});
afterAll(() => ctx.drop());

let counter = 0;
const freshSlug = (prefix = 'lib') => `${prefix}-${Date.now().toString(36)}-${++counter}`;

async function search(query: Record<string, string>, who: TestUser = lifter): Promise<Exercise[]> {
  const url = who === admin ? '/api/admin/exercises' : '/api/exercises';
  const res = await ctx.http().get(url).query(query).set(who.auth).expect(200);
  return res.body.exercises;
}
const slugs = (exercises: Exercise[]) => exercises.map((e) => e.slug);

/** Slugs the built-in program files use: the library must keep them. */
const PROGRAM_SLUGS = [
  'power-clean',
  'chin-up',
  'pull-up',
  'dip',
  'lat-pulldown',
  'face-pull',
  'dumbbell-row',
  'barbell-curl',
  'shrug',
  'good-morning',
  'paused-squat',
  'pin-squat',
  'deficit-deadlift',
  'stiff-leg-deadlift',
  'hanging-leg-raise',
  'leg-curl',
  'power-snatch',
  'glute-ham-raise',
  'back-extension',
  'block-pull',
  'halting-deadlift',
  'pendlay-row',
  'close-grip-bench',
  'incline-bench',
  'front-squat',
  'sumo-deadlift',
  'box-squat',
  'safety-bar-squat',
  'floor-press',
  'push-press',
  'dumbbell-bench-press',
];

/** The first library version's 12 exercises: slugs, names and fields unchanged. */
const ORIGINAL_12: Array<[string, string, string, boolean]> = [
  ['bench-press', 'Bench Press', 'chest', true],
  ['squat', 'Squat', 'legs', false],
  ['ohp', 'Overhead Press', 'shoulders', true],
  ['deadlift', 'Deadlift', 'back', false],
  ['close-grip-bench', 'Close Grip Bench Press', 'chest', true],
  ['sumo-deadlift', 'Sumo Deadlift', 'back', false],
  ['front-squat', 'Front Squat', 'legs', false],
  ['incline-bench', 'Incline Bench Press', 'chest', true],
  ['barbell-row', 'Barbell Row', 'back', true],
  ['romanian-deadlift', 'Romanian Deadlift', 'back', false],
  ['leg-press', 'Leg Press', 'legs', false],
  ['dumbbell-ohp', 'Dumbbell OHP', 'shoulders', true],
];

describe('the seeded library', () => {
  it('holds at least 150 exercises, each with every field filled', async () => {
    const rows = await ctx.db.exercise.findMany({ where: { slug: { in: EXERCISE_LIBRARY.map((e) => e.slug) } } });
    expect(EXERCISE_LIBRARY.length).toBeGreaterThanOrEqual(150);
    expect(rows).toHaveLength(EXERCISE_LIBRARY.length);
    for (const row of rows) {
      expect(row.name.length).toBeGreaterThan(0);
      expect(['chest', 'back', 'shoulders', 'arms', 'legs', 'core', 'full body']).toContain(row.muscleGroup);
      expect(EXERCISE_EQUIPMENT).toContain(row.equipment);
      expect(['compound', 'isolation']).toContain(row.category);
      expect(row.secondaryMuscles.length).toBeGreaterThan(0);
      expect(row.aliases.length).toBeGreaterThan(0);
    }
    // No name or alias belongs to two exercises (ignoring case): an exact search term has one exact match.
    const owners = new Map<string, Set<string>>();
    for (const e of EXERCISE_LIBRARY) {
      for (const term of [e.name, ...e.aliases].map((n) => n.toLowerCase())) {
        owners.set(term, (owners.get(term) ?? new Set()).add(e.slug));
      }
    }
    expect([...owners].filter(([, slugs]) => slugs.size > 1)).toEqual([]);
  });

  it('keeps the original 12 exercises and has every slug the program files use', async () => {
    const bySlug = new Map((await ctx.db.exercise.findMany()).map((e) => [e.slug, e]));
    for (const [slug, name, muscleGroup, isUpperBody] of ORIGINAL_12) {
      expect(bySlug.get(slug)).toMatchObject({ slug, name, muscleGroup, isUpperBody, category: 'compound' });
    }
    expect(PROGRAM_SLUGS.filter((slug) => !bySlug.has(slug))).toEqual([]);
  });

  it('re-seeding creates nothing and never overwrites an admin edit; rows that predate the columns get them once', async () => {
    // An admin edited the deadlift (aliases cleared, equipment changed)…
    const deadlift = await ctx.db.exercise.findUniqueOrThrow({ where: { slug: 'deadlift' } });
    await ctx
      .http()
      .patch(`/api/admin/exercises/${deadlift.id}`)
      .set(admin.auth)
      .send({ aliases: [], equipment: 'other', name: 'Deadlift (conventional)' })
      .expect(200);
    // …and the squat is as rows were before the columns existed.
    await ctx.db.$executeRaw`UPDATE "exercises" SET "secondary_muscles" = NULL, "equipment" = NULL, "aliases" = NULL
                              WHERE "slug" = 'squat'`;
    const result = await seedExerciseLibrary(ctx.db);
    expect(result).toEqual({ count: 0, filled: 1 });
    expect(await ctx.db.exercise.findUniqueOrThrow({ where: { slug: 'deadlift' } })).toMatchObject({
      name: 'Deadlift (conventional)',
      aliases: [],
      equipment: 'other',
    });
    const library = EXERCISE_LIBRARY.find((e) => e.slug === 'squat')!;
    expect(await ctx.db.exercise.findUniqueOrThrow({ where: { slug: 'squat' } })).toMatchObject({
      secondaryMuscles: library.secondaryMuscles,
      equipment: library.equipment,
      aliases: library.aliases,
    });
    expect(await seedExerciseLibrary(ctx.db)).toEqual({ count: 0, filled: 0 });
    // Restore the deadlift for the search tests (order-independent file).
    await ctx.db.exercise.update({
      where: { id: deadlift.id },
      data: { name: deadlift.name, aliases: deadlift.aliases, equipment: deadlift.equipment },
    });
  });
});

describe('search', () => {
  // Done when: "Search finds a deadlift from 'dead lift' and 'DL'."
  it.each([
    ['dead lift', 'deadlift'],
    ['DL', 'deadlift'],
    ['dl', 'deadlift'],
    ['deadlift', 'deadlift'],
    ['Dead-Lift', 'deadlift'],
    ['conventional deadlift', 'deadlift'],
    ['dedlift', 'deadlift'], // typo: trigram similarity
    ['RDL', 'romanian-deadlift'],
    ['OHP', 'ohp'],
    ['military press', 'ohp'],
    ['overhead press', 'ohp'],
    ['strict press', 'ohp'],
    ['bench', 'bench-press'],
    ['BP', 'bench-press'],
    ['flat bench', 'bench-press'],
    ['squat', 'squat'],
    ['SSB', 'safety-bar-squat'],
    ['pullup', 'pull-up'],
    ['pull up', 'pull-up'],
    ['chin', 'chin-up'],
    ['hex bar', 'trap-bar-deadlift'],
    ['GHR', 'glute-ham-raise'],
  ])('%p finds %p first (lifter and admin lists)', async (term, slug) => {
    const found = await search({ search: term });
    expect(found[0]?.slug).toBe(slug);
    expect((await search({ search: term }, admin))[0]?.slug).toBe(slug);
  });

  it('ranks exact matches above fuzzy ones: the deadlift family after the deadlift', async () => {
    const found = slugs(await search({ search: 'deadlift' }));
    expect(found[0]).toBe('deadlift');
    expect(found).toEqual(
      expect.arrayContaining(['sumo-deadlift', 'romanian-deadlift', 'deficit-deadlift', 'stiff-leg-deadlift']),
    );
    expect(found).not.toContain('dead-bug');
    const squats = slugs(await search({ search: 'squat' }));
    expect(squats[0]).toBe('squat');
    expect(squats).toEqual(expect.arrayContaining(['front-squat', 'box-squat', 'paused-squat']));
    expect(squats.indexOf('front-squat')).toBeGreaterThan(0);
  });

  it('a 1–2 character term matches whole words or word starts only, not letters inside words', async () => {
    const found = await search({ search: 'DL' });
    expect(found.length).toBeGreaterThan(1); // sumo DL, deficit DL…
    for (const e of found) {
      const words = [e.name, e.slug, ...e.aliases]
        .join(' ')
        .toLowerCase()
        .split(/[^a-z0-9]+/);
      expect(words.some((word) => word.startsWith('dl'))).toBe(true);
    }
    expect(slugs(found)).not.toContain('stiff-leg-deadlift'); // "SLDL": "dl" only inside a word
  });

  it('is accent- and case-insensitive in both directions', async () => {
    // Accented aliases in the library, unaccented input…
    expect((await search({ search: 'developpe couche' }))[0]?.slug).toBe('bench-press');
    expect((await search({ search: 'souleve de terre' }))[0]?.slug).toBe('deadlift');
    // …and an accented name, searched with and without accents.
    const created = await ctx
      .http()
      .post('/api/admin/exercises')
      .set(admin.auth)
      .send({ slug: freshSlug('dih'), name: 'Développé incliné haltères', aliases: ['Développé Incliné'] })
      .expect(201);
    for (const term of ['developpe incline halteres', 'DÉVELOPPÉ INCLINÉ', 'Developpe incline']) {
      expect((await search({ search: term }))[0]?.id).toBe(created.body.exercise.id);
    }
  });

  it('finds an exercise an admin created by its aliases; a PATCH of the aliases changes what finds it', async () => {
    const slug = freshSlug('zottman');
    const res = await ctx
      .http()
      .post('/api/admin/exercises')
      .set(admin.auth)
      .send({
        slug,
        name: 'Zottman Curl',
        muscleGroup: 'arms',
        category: 'isolation',
        isUpperBody: true,
        equipment: 'dumbbell',
        secondaryMuscles: ['Forearms', ' biceps ', 'forearms'],
        aliases: ['ZC', 'zottman twist curl', 'zc'],
      })
      .expect(201);
    const created: Exercise = res.body.exercise;
    // Lists are trimmed and deduplicated (ignoring case); muscles lower-cased, aliases keep their spelling.
    expect(created).toMatchObject({
      secondaryMuscles: ['forearms', 'biceps'],
      equipment: 'dumbbell',
      aliases: ['ZC', 'zottman twist curl'],
    });
    expect((await search({ search: 'ZC' }))[0]?.id).toBe(created.id);
    expect((await search({ search: 'zottman twist' }))[0]?.id).toBe(created.id);
    expect((await search({ search: 'zotman' }))[0]?.id).toBe(created.id); // typo

    await ctx
      .http()
      .patch(`/api/admin/exercises/${created.id}`)
      .set(admin.auth)
      .send({ aliases: ['rotating curl'] })
      .expect(200);
    expect(slugs(await search({ search: 'ZC' }))).not.toContain(slug);
    expect((await search({ search: 'rotating curl' }))[0]?.id).toBe(created.id);
    const row = await ctx.db.exercise.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ aliases: ['rotating curl'], secondaryMuscles: ['forearms', 'biceps'] });
  });

  it('filters by equipment, alone and with a search and the other filters', async () => {
    const kettlebells = await search({ equipment: 'kettlebell' });
    expect(kettlebells.every((e) => e.equipment === 'kettlebell')).toBe(true);
    expect(slugs(kettlebells)).toEqual(expect.arrayContaining(['kettlebell-swing', 'goblet-squat']));
    expect(kettlebells.length).toBe(await ctx.db.exercise.count({ where: { equipment: 'kettlebell' } }));

    const dumbbellBench = await search({ search: 'bench', equipment: 'dumbbell' });
    expect(dumbbellBench[0]?.slug).toBe('dumbbell-bench-press');
    expect(dumbbellBench.every((e) => e.equipment === 'dumbbell')).toBe(true);

    const barbellLowerSquats = await search({ search: 'squat', equipment: 'barbell', bodyPart: 'lower' });
    expect(barbellLowerSquats[0]?.slug).toBe('squat');
    expect(barbellLowerSquats.every((e) => e.equipment === 'barbell' && !e.isUpperBody)).toBe(true);
    expect(slugs(barbellLowerSquats)).not.toContain('goblet-squat');

    const isolation = await search({ search: 'curl', category: 'isolation', muscleGroup: 'legs' });
    expect(slugs(isolation)[0]).toBe('leg-curl');
    expect(isolation.every((e) => e.category === 'isolation' && e.muscleGroup === 'legs')).toBe(true);
  });

  it('is bounded: a search answers at most EXERCISE_SEARCH_LIMIT rows; no search lists everything', async () => {
    const broad = await search({ search: 's' });
    expect(broad.length).toBe(EXERCISE_SEARCH_LIMIT);
    const all = await search({});
    expect(all.length).toBe(await ctx.db.exercise.count());
    // Punctuation alone is no search term.
    expect((await search({ search: ' -- ' })).length).toBe(all.length);
    expect(await search({ search: 'qqqqzzzz' })).toEqual([]);
  });

  it('treats LIKE and regular-expression characters in the term as plain text', async () => {
    for (const term of ['%', '_', '.*', '(', '\\', "dead'lift", 'dead%lift', '[a-z]+']) {
      const res = await ctx.http().get('/api/exercises').query({ search: term }).set(lifter.auth).expect(200);
      expect(Array.isArray(res.body.exercises)).toBe(true);
    }
    expect((await search({ search: "dead'lift" }))[0]?.slug).toBe('deadlift');
    expect((await search({ search: '%' })).length).toBe(await ctx.db.exercise.count()); // no letters: no filter
  });

  it('the trigram index serves the candidate search', async () => {
    const plan = await ctx.db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      return tx.$queryRaw<Array<{ 'QUERY PLAN': string }>>`
        EXPLAIN SELECT "id" FROM "exercises" e
         WHERE 'dead lift' <% public.exercise_search_text(e."name", e."slug", e."aliases")
            OR public.exercise_search_text(e."name", e."slug", e."aliases") ~ '\\mdead lift'`;
    });
    expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain('exercises_search_trgm_idx');
  });
});

describe('validation', () => {
  const paths = (res: { body: { error: { details: Array<{ path: string }> } } }) =>
    res.body.error.details.map((d) => d.path);

  it.each([
    [{ aliases: 'DL' }, ['aliases']],
    [{ aliases: Array.from({ length: 21 }, (_, i) => `alias ${i}`) }, ['aliases']],
    [{ aliases: ['x'.repeat(61)] }, ['aliases.0']],
    [{ aliases: ['ok', '   '] }, ['aliases.1']],
    [{ aliases: ['tab\there'] }, ['aliases.0']],
    [{ secondaryMuscles: [42] }, ['secondaryMuscles.0']],
    [{ secondaryMuscles: Array.from({ length: 13 }, (_, i) => `muscle ${i}`) }, ['secondaryMuscles']],
    [{ equipment: 'spoon' }, ['equipment']],
  ])('POST 400 VALIDATION_ERROR for %p, nothing written', async (extra, expected) => {
    const slug = freshSlug('bad');
    const res = await ctx
      .http()
      .post('/api/admin/exercises')
      .set(admin.auth)
      .send({ slug, name: 'Bad', ...extra })
      .expect(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_ERROR', message: expect.any(String) });
    expect(paths(res)).toEqual(expected);
    expect(await ctx.db.exercise.findUnique({ where: { slug } })).toBeNull();
  });

  it('PATCH 400 for bad lists; equipment can be cleared with null', async () => {
    const created = await ctx
      .http()
      .post('/api/admin/exercises')
      .set(admin.auth)
      .send({ slug: freshSlug('patch'), name: 'Patch Me', equipment: 'band', aliases: ['PM'] })
      .expect(201);
    const id = created.body.exercise.id;
    const bad = await ctx
      .http()
      .patch(`/api/admin/exercises/${id}`)
      .set(admin.auth)
      .send({ aliases: [null] })
      .expect(400);
    expect(paths(bad)).toEqual(['aliases.0']);
    const cleared = await ctx
      .http()
      .patch(`/api/admin/exercises/${id}`)
      .set(admin.auth)
      .send({ equipment: null })
      .expect(200);
    expect(cleared.body.exercise).toMatchObject({ equipment: null, aliases: ['PM'] });
  });

  it('GET 400 for an unknown equipment filter', async () => {
    const res = await ctx.http().get('/api/exercises').query({ equipment: 'spoon' }).set(lifter.auth).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(paths(res)).toEqual(['equipment']);
  });
});
