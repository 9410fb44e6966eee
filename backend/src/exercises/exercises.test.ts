import { createTestContext, type TestContext } from '../../test/test-db';
import { exerciseIds, registerAdmin, registerUser, type TestUser } from '../../test/helpers';

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
/** A slug no other test in this file uses. */
const freshSlug = (prefix = 'ex') => `${prefix}-${Date.now().toString(36)}-${++counter}`;

async function createExercise(body: Record<string, unknown> = {}) {
  const res = await ctx
    .http()
    .post('/api/admin/exercises')
    .set(admin.auth)
    .send({ slug: freshSlug(), name: 'Pendlay Row', ...body })
    .expect(201);
  return res.body.exercise as {
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
}

const paths = (res: { body: { error: { details: Array<{ path: string }> } } }) =>
  res.body.error.details.map((d) => d.path);

/** A one-day plan whose only slot uses `exerciseId` (and optionally another TM exercise). */
function onePlanBody(exerciseId: number, extra: { tmExerciseId?: number; name?: string } = {}) {
  return {
    name: extra.name ?? 'Usage Plan',
    slug: freshSlug('plan'),
    daysPerWeek: 1,
    days: [
      {
        dayNumber: 1,
        exercises: [
          {
            exerciseId,
            tmExerciseId: extra.tmExerciseId,
            tier: 'T1',
            sortOrder: 1,
            sets: [{ setOrder: 1, percentage: 0.8, reps: 5 }],
          },
        ],
      },
    ],
  };
}

describe('POST /api/admin/exercises', () => {
  it('creates an exercise (201) with defaults and normalised fields, and stores it', async () => {
    const slug = freshSlug('Hip-Thrust').toUpperCase();
    const res = await ctx
      .http()
      .post('/api/admin/exercises')
      .set(admin.auth)
      .send({ slug: `  ${slug}  `, name: '  Hip Thrust ', muscleGroup: 'Glutes' })
      .expect(201);
    expect(res.body.exercise).toEqual({
      id: expect.any(Number),
      slug: slug.toLowerCase(),
      name: 'Hip Thrust',
      muscleGroup: 'glutes',
      category: 'compound',
      isUpperBody: false,
      secondaryMuscles: [],
      equipment: null,
      aliases: [],
      createdAt: expect.any(String),
    });
    const row = await ctx.db.exercise.findUniqueOrThrow({ where: { id: res.body.exercise.id } });
    expect(row).toMatchObject({
      slug: slug.toLowerCase(),
      name: 'Hip Thrust',
      muscleGroup: 'glutes',
      category: 'compound',
      isUpperBody: false,
    });
  });

  it('accepts every field explicitly', async () => {
    const slug = freshSlug('curl');
    const res = await ctx
      .http()
      .post('/api/admin/exercises')
      .set(admin.auth)
      .send({ slug, name: 'Barbell Curl', muscleGroup: 'arms', category: 'isolation', isUpperBody: true })
      .expect(201);
    expect(res.body.exercise).toMatchObject({
      slug,
      name: 'Barbell Curl',
      muscleGroup: 'arms',
      category: 'isolation',
      isUpperBody: true,
    });
  });

  it('409 SLUG_TAKEN for a duplicate slug (also against the seeded library), nothing written', async () => {
    const before = await ctx.db.exercise.count();
    const res = await ctx
      .http()
      .post('/api/admin/exercises')
      .set(admin.auth)
      .send({ slug: 'bench-press', name: 'Another Bench' })
      .expect(409);
    expect(res.body.error).toMatchObject({
      code: 'SLUG_TAKEN',
      message: expect.stringContaining('bench-press'),
      details: [{ path: 'slug', message: expect.any(String) }],
    });
    // Case and whitespace are normalised before the uniqueness check.
    await ctx
      .http()
      .post('/api/admin/exercises')
      .set(admin.auth)
      .send({ slug: ' SQUAT ', name: 'Squat 2' })
      .expect(409);
    expect(await ctx.db.exercise.count()).toBe(before);
    expect(await ctx.db.exercise.count({ where: { name: { in: ['Another Bench', 'Squat 2'] } } })).toBe(0);
  });

  it.each([
    [{ name: 'No Slug' }, ['slug']],
    [{ slug: 'x', name: 'Too Short' }, ['slug']],
    [{ slug: 'Bad Slug!', name: 'Spaces' }, ['slug']],
    [{ slug: 'double--dash', name: 'Dashes' }, ['slug']],
    [{ slug: 'no-name' }, ['name']],
    [{ slug: 'blank-name', name: '   ' }, ['name']],
    [{ slug: 'long-name', name: 'x'.repeat(101) }, ['name']],
    [{ slug: 'bad-category', name: 'Bad', category: 'cardio' }, ['category']],
    [{ slug: 'bad-upper', name: 'Bad', isUpperBody: 'yes' }, ['isUpperBody']],
    [{ slug: 'bad-muscle', name: 'Bad', muscleGroup: 42 }, ['muscleGroup']],
    [{}, ['slug', 'name']],
  ])('400 VALIDATION_ERROR with the offending paths (%#)', async (body, expected) => {
    const before = await ctx.db.exercise.count();
    const res = await ctx.http().post('/api/admin/exercises').set(admin.auth).send(body).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(paths(res).sort()).toEqual([...expected].sort());
    expect(await ctx.db.exercise.count()).toBe(before);
  });

  it('400 for unknown fields and writes nothing (not even the known ones)', async () => {
    const slug = freshSlug('sneaky');
    const res = await ctx
      .http()
      .post('/api/admin/exercises')
      .set(admin.auth)
      .send({ slug, name: 'Sneaky', id: 999999, createdAt: '2000-01-01T00:00:00Z' })
      .expect(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(res.body.error.message).toMatch(/id|createdAt|unrecognized/i);
    expect(await ctx.db.exercise.findUnique({ where: { slug } })).toBeNull();
    expect(await ctx.db.exercise.findUnique({ where: { id: 999999 } })).toBeNull();
  });
});

describe('GET /api/admin/exercises and /:id', () => {
  it('lists the whole library sorted by name', async () => {
    const res = await ctx.http().get('/api/admin/exercises').set(admin.auth).expect(200);
    const names = res.body.exercises.map((e: { name: string }) => e.name);
    expect(names.length).toBe(await ctx.db.exercise.count());
    expect(names).toEqual([...names].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(names).toEqual(expect.arrayContaining(['Bench Press', 'Squat', 'Dumbbell OHP']));
  });

  it('returns one exercise', async () => {
    const created = await createExercise({ muscleGroup: 'lats', isUpperBody: true });
    const res = await ctx.http().get(`/api/admin/exercises/${created.id}`).set(admin.auth).expect(200);
    expect(res.body.exercise).toEqual(created);
  });

  it('404 NOT_FOUND for an unknown id, 400 for a non-numeric one', async () => {
    const res = await ctx.http().get('/api/admin/exercises/99999999').set(admin.auth).expect(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    const bad = await ctx.http().get('/api/admin/exercises/abc').set(admin.auth).expect(400);
    expect(bad.body.error.code).toBe('VALIDATION_ERROR');
    expect(paths(bad)).toEqual(['id']);
  });
});

describe('PATCH /api/admin/exercises/:id', () => {
  it('updates only the given fields', async () => {
    const created = await createExercise({ muscleGroup: 'lats', category: 'compound', isUpperBody: true });
    const res = await ctx
      .http()
      .patch(`/api/admin/exercises/${created.id}`)
      .set(admin.auth)
      .send({ name: 'Pendlay Row (strict)', category: 'isolation' })
      .expect(200);
    expect(res.body.exercise).toEqual({ ...created, name: 'Pendlay Row (strict)', category: 'isolation' });
    const row = await ctx.db.exercise.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({
      name: 'Pendlay Row (strict)',
      category: 'isolation',
      muscleGroup: 'lats',
      isUpperBody: true,
      slug: created.slug,
    });
  });

  it('changes the slug and can clear the muscle group', async () => {
    const created = await createExercise({ muscleGroup: 'lats' });
    const slug = freshSlug('renamed');
    const res = await ctx
      .http()
      .patch(`/api/admin/exercises/${created.id}`)
      .set(admin.auth)
      .send({ slug, muscleGroup: null, isUpperBody: true })
      .expect(200);
    expect(res.body.exercise).toMatchObject({ id: created.id, slug, muscleGroup: null, isUpperBody: true });
  });

  it('409 SLUG_TAKEN when renaming onto an existing slug; the row is unchanged', async () => {
    const created = await createExercise();
    const res = await ctx
      .http()
      .patch(`/api/admin/exercises/${created.id}`)
      .set(admin.auth)
      .send({ slug: 'deadlift', name: 'Changed' })
      .expect(409);
    expect(res.body.error.code).toBe('SLUG_TAKEN');
    expect(await ctx.db.exercise.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      slug: created.slug,
      name: created.name,
    });
  });

  it('400 for an empty body, an invalid value or an unknown field; nothing changes', async () => {
    const created = await createExercise();
    const empty = await ctx.http().patch(`/api/admin/exercises/${created.id}`).set(admin.auth).send({}).expect(400);
    expect(empty.body.error.code).toBe('VALIDATION_ERROR');
    const invalid = await ctx
      .http()
      .patch(`/api/admin/exercises/${created.id}`)
      .set(admin.auth)
      .send({ category: 'cardio' })
      .expect(400);
    expect(paths(invalid)).toEqual(['category']);
    const unknown = await ctx
      .http()
      .patch(`/api/admin/exercises/${created.id}`)
      .set(admin.auth)
      .send({ name: 'Changed', id: 1 })
      .expect(400);
    expect(unknown.body.error.code).toBe('VALIDATION_ERROR');
    const row = await ctx.db.exercise.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ name: created.name, category: created.category, slug: created.slug });
  });

  it('404 for an unknown exercise', async () => {
    const res = await ctx
      .http()
      .patch('/api/admin/exercises/99999999')
      .set(admin.auth)
      .send({ name: 'Ghost' })
      .expect(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });
});

describe('DELETE /api/admin/exercises/:id', () => {
  it('204 for an unused exercise, which is then gone', async () => {
    const created = await createExercise();
    await ctx.http().delete(`/api/admin/exercises/${created.id}`).set(admin.auth).expect(204);
    expect(await ctx.db.exercise.findUnique({ where: { id: created.id } })).toBeNull();
    await ctx.http().get(`/api/admin/exercises/${created.id}`).set(admin.auth).expect(404);
    await ctx.http().delete(`/api/admin/exercises/${created.id}`).set(admin.auth).expect(404);
  });

  it('409 EXERCISE_IN_USE while a plan uses it, naming the plan; 204 once the plan is gone', async () => {
    const created = await createExercise();
    const plan = await ctx
      .http()
      .post('/api/admin/plans')
      .set(admin.auth)
      .send(onePlanBody(created.id, { name: 'Row Focus' }))
      .expect(201);
    const res = await ctx.http().delete(`/api/admin/exercises/${created.id}`).set(admin.auth).expect(409);
    expect(res.body.error.code).toBe('EXERCISE_IN_USE');
    expect(res.body.error.message).toContain('Row Focus');
    expect(res.body.error.details).toEqual({
      plans: [{ id: plan.body.plan.id, name: 'Row Focus' }],
      trainingMaxes: 0,
      workoutSets: 0,
    });
    expect(await ctx.db.exercise.findUnique({ where: { id: created.id } })).not.toBeNull();

    await ctx.http().delete(`/api/admin/plans/${plan.body.plan.id}`).set(admin.auth).expect(204);
    await ctx.http().delete(`/api/admin/exercises/${created.id}`).set(admin.auth).expect(204);
  });

  it('409 while a plan uses it only as the TM exercise of a slot', async () => {
    const created = await createExercise();
    const ids = await exerciseIds(ctx);
    await ctx
      .http()
      .post('/api/admin/plans')
      .set(admin.auth)
      .send(onePlanBody(ids['bench-press']!, { tmExerciseId: created.id, name: 'TM Ref Plan' }))
      .expect(201);
    const res = await ctx.http().delete(`/api/admin/exercises/${created.id}`).set(admin.auth).expect(409);
    expect(res.body.error.code).toBe('EXERCISE_IN_USE');
    expect(res.body.error.details.plans.map((p: { name: string }) => p.name)).toEqual(['TM Ref Plan']);
  });

  it('409 while a plan has a progression rule for it', async () => {
    const created = await createExercise();
    const ids = await exerciseIds(ctx);
    const body = {
      ...onePlanBody(ids['squat']!, { name: 'Rule Ref Plan' }),
      progressionRules: [{ exerciseId: created.id, minReps: 0, maxReps: 10, increase: 1 }],
    };
    await ctx.http().post('/api/admin/plans').set(admin.auth).send(body).expect(201);
    const res = await ctx.http().delete(`/api/admin/exercises/${created.id}`).set(admin.auth).expect(409);
    expect(res.body.error.details.plans.map((p: { name: string }) => p.name)).toEqual(['Rule Ref Plan']);
  });

  it('the seeded lifts are in use by nSuns', async () => {
    const ids = await exerciseIds(ctx);
    const res = await ctx.http().delete(`/api/admin/exercises/${ids['front-squat']}`).set(admin.auth).expect(409);
    expect(res.body.error.message).toContain('nSuns 4-Day LP');
  });

  it('409 EXERCISE_IN_USE while a lifter has a training max for it', async () => {
    const created = await createExercise();
    const user = await registerUser(ctx);
    await ctx
      .http()
      .post('/api/training-maxes/setup')
      .set(user.auth)
      .send({ exerciseTMs: [{ exerciseId: created.id, trainingMax: 80 }] })
      .expect(201);
    const res = await ctx.http().delete(`/api/admin/exercises/${created.id}`).set(admin.auth).expect(409);
    expect(res.body.error.code).toBe('EXERCISE_IN_USE');
    expect(res.body.error.details).toEqual({ plans: [], trainingMaxes: 1, workoutSets: 0 });
    expect(res.body.error.message).toMatch(/training max/);
    expect(await ctx.db.exercise.findUnique({ where: { id: created.id } })).not.toBeNull();
  });

  it.each(['exerciseId', 'tmExerciseId'] as const)(
    '409 EXERCISE_IN_USE while a logged workout set references it as %s',
    async (column) => {
      const created = await createExercise();
      const ids = await exerciseIds(ctx);
      const user = await registerUser(ctx);
      // A workout logged against the exercise (e.g. under a plan that has since been archived): set up directly.
      await ctx.db.workout.create({
        data: {
          userId: user.id,
          dayNumber: 1,
          status: 'abandoned',
          sets: {
            create: {
              exerciseId: column === 'exerciseId' ? created.id : ids['bench-press']!,
              tmExerciseId: column === 'tmExerciseId' ? created.id : ids['bench-press']!,
              exerciseOrder: 1,
              tier: 'T1',
              setOrder: 1,
              percentage: '0.75',
              prescribedWeight: '60',
              prescribedReps: 5,
            },
          },
        },
      });
      const res = await ctx.http().delete(`/api/admin/exercises/${created.id}`).set(admin.auth).expect(409);
      expect(res.body.error.code).toBe('EXERCISE_IN_USE');
      expect(res.body.error.details).toEqual({ plans: [], trainingMaxes: 0, workoutSets: 1 });
      expect(res.body.error.message).toMatch(/workout set/);
      expect(await ctx.db.exercise.findUnique({ where: { id: created.id } })).not.toBeNull();
    },
  );

  it('404 for an unknown exercise, 400 for a bad id', async () => {
    await ctx.http().delete('/api/admin/exercises/99999999').set(admin.auth).expect(404);
    await ctx.http().delete('/api/admin/exercises/-1').set(admin.auth).expect(400);
  });
});

describe('GET /api/exercises (lifters)', () => {
  const slugsOf = (res: { body: { exercises: Array<{ slug: string }> } }) =>
    res.body.exercises.map((e) => e.slug).sort();

  it('lists the library for any signed-in user', async () => {
    const res = await ctx.http().get('/api/exercises').set(lifter.auth).expect(200);
    expect(res.body.exercises.length).toBe(await ctx.db.exercise.count());
    expect(res.body.exercises.find((e: { slug: string }) => e.slug === 'ohp')).toEqual({
      id: expect.any(Number),
      slug: 'ohp',
      name: 'Overhead Press',
      muscleGroup: 'shoulders',
      category: 'compound',
      isUpperBody: true,
      secondaryMuscles: ['triceps', 'upper chest', 'traps'],
      equipment: 'barbell',
      aliases: expect.arrayContaining(['OHP', 'military press', 'strict press']),
      createdAt: expect.any(String),
    });
  });

  it('search matches names case-insensitively, best match first', async () => {
    const res = await ctx.http().get('/api/exercises').query({ search: 'BENCH' }).set(lifter.auth).expect(200);
    expect(res.body.exercises[0].slug).toBe('bench-press');
    expect(slugsOf(res)).toEqual(expect.arrayContaining(['bench-press', 'close-grip-bench', 'incline-bench']));
    const deadlifts = await ctx.http().get('/api/exercises').query({ search: 'deadLIFT' }).set(lifter.auth).expect(200);
    expect(deadlifts.body.exercises[0].slug).toBe('deadlift');
    expect(slugsOf(deadlifts)).toEqual(expect.arrayContaining(['deadlift', 'romanian-deadlift', 'sumo-deadlift']));
    const none = await ctx
      .http()
      .get('/api/exercises')
      .query({ search: 'zzz-no-such-thing' })
      .set(lifter.auth)
      .expect(200);
    expect(none.body.exercises).toEqual([]);
  });

  it('filters by category', async () => {
    const isolation = await createExercise({
      name: 'Lateral Raise Filter',
      category: 'isolation',
      muscleGroup: 'delts-filter',
      isUpperBody: true,
    });
    const res = await ctx.http().get('/api/exercises').query({ category: 'isolation' }).set(lifter.auth).expect(200);
    expect(res.body.exercises.length).toBeGreaterThan(0);
    expect(res.body.exercises.every((e: { category: string }) => e.category === 'isolation')).toBe(true);
    expect(res.body.exercises.map((e: { id: number }) => e.id)).toContain(isolation.id);
    const compound = await ctx
      .http()
      .get('/api/exercises')
      .query({ category: 'compound' })
      .set(lifter.auth)
      .expect(200);
    expect(compound.body.exercises.map((e: { id: number }) => e.id)).not.toContain(isolation.id);
    expect(compound.body.exercises.map((e: { slug: string }) => e.slug)).toEqual(
      expect.arrayContaining(['bench-press', 'squat']),
    );
  });

  it('filters by muscle group (case-insensitive input)', async () => {
    const res = await ctx.http().get('/api/exercises').query({ muscleGroup: 'Shoulders' }).set(lifter.auth).expect(200);
    expect(res.body.exercises.every((e: { muscleGroup: string }) => e.muscleGroup === 'shoulders')).toBe(true);
    expect(slugsOf(res)).toEqual(expect.arrayContaining(['dumbbell-ohp', 'ohp', 'lateral-raise']));
    expect(slugsOf(res)).not.toContain('bench-press');
    const legs = await ctx.http().get('/api/exercises').query({ muscleGroup: 'legs' }).set(lifter.auth).expect(200);
    expect(legs.body.exercises.every((e: { muscleGroup: string }) => e.muscleGroup === 'legs')).toBe(true);
    expect(slugsOf(legs)).toEqual(expect.arrayContaining(['front-squat', 'leg-press', 'squat']));
    expect(legs.body.exercises.length).toBe(await ctx.db.exercise.count({ where: { muscleGroup: 'legs' } }));
  });

  it('filters by body part', async () => {
    const upper = await ctx
      .http()
      .get('/api/exercises')
      .query({ bodyPart: 'upper', search: '' })
      .set(lifter.auth)
      .expect(200);
    const lower = await ctx.http().get('/api/exercises').query({ bodyPart: 'lower' }).set(lifter.auth).expect(200);
    expect(upper.body.exercises.every((e: { isUpperBody: boolean }) => e.isUpperBody)).toBe(true);
    expect(lower.body.exercises.every((e: { isUpperBody: boolean }) => !e.isUpperBody)).toBe(true);
    expect(slugsOf(upper)).toEqual(
      expect.arrayContaining([
        'bench-press',
        'ohp',
        'close-grip-bench',
        'incline-bench',
        'barbell-row',
        'dumbbell-ohp',
      ]),
    );
    expect(slugsOf(lower)).toEqual(
      expect.arrayContaining(['squat', 'deadlift', 'sumo-deadlift', 'front-squat', 'romanian-deadlift', 'leg-press']),
    );
    expect(upper.body.exercises.length + lower.body.exercises.length).toBe(await ctx.db.exercise.count());
  });

  it('combines filters', async () => {
    const res = await ctx
      .http()
      .get('/api/exercises')
      .query({ search: 'leg press', bodyPart: 'lower' })
      .set(lifter.auth)
      .expect(200);
    expect(res.body.exercises[0].slug).toBe('leg-press');
    expect(res.body.exercises.every((e: { isUpperBody: boolean }) => !e.isUpperBody)).toBe(true);
    const both = await ctx
      .http()
      .get('/api/exercises')
      .query({ muscleGroup: 'back', bodyPart: 'upper', category: 'compound' })
      .set(lifter.auth)
      .expect(200);
    expect(slugsOf(both)).toEqual(expect.arrayContaining(['barbell-row', 'pendlay-row', 'pull-up']));
    expect(slugsOf(both)).not.toContain('deadlift'); // lower body
    expect(slugsOf(both)).not.toContain('shrug'); // isolation
    expect(both.body.exercises.length).toBe(
      await ctx.db.exercise.count({ where: { muscleGroup: 'back', isUpperBody: true, category: 'compound' } }),
    );
  });

  it.each([{ bodyPart: 'middle' }, { category: 'cardio' }, { search: 'x'.repeat(101) }, { equipment: 'spoon' }])(
    '400 for an invalid filter %p',
    async (query) => {
      const res = await ctx.http().get('/api/exercises').query(query).set(lifter.auth).expect(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
      expect(paths(res)).toEqual(Object.keys(query));
    },
  );

  it('401 without a token', async () => {
    const res = await ctx.http().get('/api/exercises').expect(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });
});

describe('access control on /api/admin/exercises', () => {
  const routes: Array<[string, string]> = [
    ['get', '/api/admin/exercises'],
    ['get', '/api/admin/exercises/1'],
    ['post', '/api/admin/exercises'],
    ['patch', '/api/admin/exercises/1'],
    ['delete', '/api/admin/exercises/1'],
  ];

  it.each(routes)('403 FORBIDDEN for a lifter on %s %s; nothing changes', async (method, url) => {
    const before = await ctx.db.exercise.findMany({ orderBy: { id: 'asc' } });
    const req = (ctx.http() as unknown as Record<string, (u: string) => import('supertest').Test>)[method]!(url).set(
      lifter.auth,
    );
    const res = await (
      method === 'get' || method === 'delete' ? req : req.send({ slug: 'lifter-made', name: 'Lifter Made' })
    ).expect(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    expect(await ctx.db.exercise.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
  });

  it.each(routes)('401 without a token on %s %s', async (method, url) => {
    const req = (ctx.http() as unknown as Record<string, (u: string) => import('supertest').Test>)[method]!(url);
    const res = await req.expect(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });
});
