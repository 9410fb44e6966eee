// Audit item: a NUL byte in any free text reached PostgreSQL (error 22021) and came back as a 500.
import { createTestContext, type TestContext } from '../../test/test-db';
import { exerciseIds, lifterOnNsuns, registerAdmin, uniqueEmail, type TestUser } from '../../test/helpers';

let ctx: TestContext;
let admin: TestUser;
let lifter: TestUser;
let ids: Record<string, number>;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await registerAdmin(ctx);
  lifter = await lifterOnNsuns(ctx);
  ids = await exerciseIds(ctx);
});
afterAll(() => ctx.drop());

const NUL = 'a\u0000b';

function planWithName(name: string) {
  return {
    name,
    slug: `nul-${Date.now()}`,
    daysPerWeek: 1,
    days: [
      {
        dayNumber: 1,
        exercises: [
          { exerciseId: ids['squat'], tier: 'T1', sortOrder: 1, sets: [{ setOrder: 1, percentage: 0.8, reps: 5 }] },
        ],
      },
    ],
  };
}

describe('control characters in free text are a 400, never a 500', () => {
  const cases: Array<[string, () => import('supertest').Test, string]> = [
    [
      'register displayName',
      () =>
        ctx
          .http()
          .post('/api/auth/register')
          .send({ email: uniqueEmail(), password: 'correct horse battery', displayName: NUL }),
      'displayName',
    ],
    [
      'profile displayName',
      () => ctx.http().patch('/api/users/me').set(lifter.auth).send({ displayName: NUL }),
      'displayName',
    ],
    [
      'TM adjust note',
      () =>
        ctx
          .http()
          .post(`/api/training-maxes/${ids['squat']}/adjust`)
          .set(lifter.auth)
          .send({ percentChange: 5, note: NUL }),
      'note',
    ],
    [
      'exercise name',
      () =>
        ctx
          .http()
          .post('/api/admin/exercises')
          .set(admin.auth)
          .send({ name: NUL, slug: 'nul-exercise', isUpperBody: true }),
      'name',
    ],
    ['plan name', () => ctx.http().post('/api/admin/plans').set(admin.auth).send(planWithName(NUL)), 'name'],
    [
      'plan description',
      () =>
        ctx
          .http()
          .post('/api/admin/plans')
          .set(admin.auth)
          .send({ ...planWithName('Fine'), description: NUL }),
      'description',
    ],
    ['exercise search', () => ctx.http().get('/api/exercises?search=a%00b').set(lifter.auth), 'search'],
    ['admin user search', () => ctx.http().get('/api/admin/users?search=a%00b').set(admin.auth), 'search'],
  ];

  it.each(cases)('%s', async (_name, send, field) => {
    const counts = async () => [
      await ctx.db.user.count(),
      await ctx.db.trainingMax.count(),
      await ctx.db.exercise.count(),
      await ctx.db.workoutPlan.count(),
    ];
    const before = await counts();
    const res = await send().expect(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(res.body.error.details).toContainEqual({
      path: field,
      message: expect.stringMatching(/control characters/),
    });
    expect(await counts()).toEqual(before);
  });

  it('line breaks are fine in multi-line text (a note), not in a one-line name', async () => {
    await ctx
      .http()
      .post(`/api/training-maxes/${ids['squat']}/adjust`)
      .set(lifter.auth)
      .send({ percentChange: -10, note: 'stalled twice\nreset' })
      .expect(201);
    await ctx.http().patch('/api/users/me').set(lifter.auth).send({ displayName: 'two\nlines' }).expect(400);
  });
});
