// A plan's library description (author, source, level, goal, sources, approximations): built-in programs carry
// their file's `meta`; admins may set it on any plan; lifters see it on the plan list and the plan page.
import { createTestContext, type TestContext } from '../../test/test-db';
import { exerciseIds, registerAdmin, registerUser, type TestUser } from '../../test/helpers';
import { readProgramFile, readProgramFiles } from '../seed/program-files';
import { seedDatabase } from '../seed/seed';

let ctx: TestContext;
let ids: Record<string, number>;
let admin: TestUser;
let lifter: TestUser;
beforeAll(async () => {
  ctx = await createTestContext();
  ids = await exerciseIds(ctx);
  admin = await registerAdmin(ctx);
  lifter = await registerUser(ctx);
});
afterAll(() => ctx.drop());

const LIBRARY = {
  author: 'Club Coach',
  sourceUrl: 'https://example.com/program',
  level: 'beginner',
  goal: 'strength',
  recommendedRounding: 'down',
  sources: [{ what: 'All percentages', url: 'https://example.com/sheet', verified: 'the coach wrote them' }],
  approximations: ['Accessories are left to the lifter.'],
};

const onePlan = (slug: string, extra: Record<string, unknown> = {}) => ({
  name: `Plan ${slug}`,
  slug,
  daysPerWeek: 1,
  days: [
    {
      dayNumber: 1,
      exercises: [
        {
          exerciseId: ids.squat,
          tier: 'Main',
          sortOrder: 1,
          sets: [{ setOrder: 1, percentage: 0.8, reps: 5, isAmrap: true, isProgression: true }],
        },
      ],
    },
  ],
  ...extra,
});

describe('built-in programs', () => {
  it('each shows its file meta as `library` on the list and the plan page', async () => {
    const { body } = await ctx.http().get('/api/plans').set(lifter.auth).expect(200);
    for (const file of readProgramFiles()) {
      const summary = body.plans.find((p: { slug: string }) => p.slug === file.plan.slug);
      const { author, sourceUrl, level, goal, recommendedRounding, sources, approximations } = file.meta;
      const expected = { author, sourceUrl, level, goal, recommendedRounding, sources, approximations };
      expect(summary.library).toEqual(expected);
      const detail = await ctx.http().get(`/api/plans/${summary.id}`).set(lifter.auth).expect(200);
      expect(detail.body.plan.library).toEqual(expected);
    }
  });

  it('a changed description in a file updates the plan on the next start without publishing a version', async () => {
    const programs = readProgramFiles();
    const file = programs.find((p) => p.plan.slug === 'wendler-531')!;
    const plan = await ctx.db.workoutPlan.findUniqueOrThrow({ where: { seedKey: 'wendler-531' } });
    const versions = await ctx.db.planVersion.count({ where: { planId: plan.id } });
    file.meta.approximations = [...(file.meta.approximations ?? []), 'A note added later.'];
    try {
      await seedDatabase(ctx.db, undefined, programs);
      const { body } = await ctx.http().get(`/api/plans/${plan.id}`).set(lifter.auth).expect(200);
      expect(body.plan.library.approximations.at(-1)).toBe('A note added later.');
      expect(await ctx.db.planVersion.count({ where: { planId: plan.id } })).toBe(versions);
    } finally {
      await seedDatabase(ctx.db);
    }
    const { body } = await ctx.http().get(`/api/plans/${plan.id}`).set(lifter.auth).expect(200);
    expect(body.plan.library.approximations).toEqual(readProgramFile('wendler-531').meta.approximations);
  });
});

describe('admin plans', () => {
  it('have no library unless the admin gives one; a replace without `library` keeps it; null clears it', async () => {
    const bare = await ctx.http().post('/api/admin/plans').set(admin.auth).send(onePlan('lib-bare')).expect(201);
    expect(bare.body.plan.library).toBeNull();

    const created = await ctx
      .http()
      .post('/api/admin/plans')
      .set(admin.auth)
      .send(onePlan('lib-described', { library: LIBRARY }))
      .expect(201);
    expect(created.body.plan.library).toEqual(LIBRARY);
    const id = created.body.plan.id;

    const kept = await ctx.http().put(`/api/admin/plans/${id}`).set(admin.auth).send(onePlan('lib-described'));
    expect(kept.status).toBe(200);
    expect(kept.body.plan.library).toEqual(LIBRARY);

    const cleared = await ctx
      .http()
      .put(`/api/admin/plans/${id}`)
      .set(admin.auth)
      .send(onePlan('lib-described', { library: null }))
      .expect(200);
    expect(cleared.body.plan.library).toBeNull();
  });

  it('defaults the optional parts: sources and approximations empty, the rest null', async () => {
    const res = await ctx
      .http()
      .post('/api/admin/plans')
      .set(admin.auth)
      .send(onePlan('lib-minimal', { library: { author: 'Someone' } }))
      .expect(201);
    expect(res.body.plan.library).toEqual({
      author: 'Someone',
      sourceUrl: null,
      level: null,
      goal: null,
      recommendedRounding: null,
      sources: [],
      approximations: [],
    });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a non-http source', { sourceUrl: 'javascript:alert(1)' }, 'library.sourceUrl'],
    ['an unknown level', { level: 'elite' }, 'library.level'],
    ['an unknown goal', { goal: 'cardio' }, 'library.goal'],
    ['an unknown field', { price: 10 }, 'library'],
    ['a source without a url', { sources: [{ what: 'x', verified: 'y' }] }, 'library.sources.0.url'],
    ['too many approximations', { approximations: Array(31).fill('x') }, 'library.approximations'],
    ['an overlong author', { author: 'a'.repeat(101) }, 'library.author'],
  ])('refuses %s with 400 naming the field, and stores nothing', async (_, library, field) => {
    const slug = `lib-bad-${Math.random().toString(36).slice(2, 8)}`;
    const res = await ctx.http().post('/api/admin/plans').set(admin.auth).send(onePlan(slug, { library }));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(field);
    expect(await ctx.db.workoutPlan.count({ where: { slug } })).toBe(0);
  });
});
