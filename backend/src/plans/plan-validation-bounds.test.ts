// Audit item: one admin request with daysPerWeek = 2³¹ made the structure check loop 2³¹ times (heap death after
// 62 s). Validation must stop at the first bound a value fails, and error bodies stay small.
import { createTestContext, type TestContext } from '../../test/test-db';
import { exerciseIds, registerAdmin, type TestUser } from '../../test/helpers';
import { MAX_ISSUES_REPORTED } from '../http/errors';

let ctx: TestContext;
let admin: TestUser;
let ids: Record<string, number>;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await registerAdmin(ctx);
  ids = await exerciseIds(ctx);
});
afterAll(() => ctx.drop());

function plan(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Bounds',
    slug: 'bounds',
    daysPerWeek: 1,
    days: [
      {
        dayNumber: 1,
        exercises: [
          { exerciseId: ids['squat'], tier: 'T1', sortOrder: 1, sets: [{ setOrder: 1, percentage: 0.8, reps: 5 }] },
        ],
      },
    ],
    ...overrides,
  };
}

const routes = () => [
  {
    name: 'preview',
    send: (p: object) =>
      ctx.http().post('/api/admin/plans/preview').set(admin.auth).send({ plan: p, sampleTrainingMaxes: [] }),
  },
  { name: 'create', send: (p: object) => ctx.http().post('/api/admin/plans').set(admin.auth).send(p) },
];

describe('plan validation never works on a value that failed its own bounds', () => {
  it.each([2147483648, 1e6, 5e5, 8])(
    'daysPerWeek %d → 400 at once, small body, nothing written',
    async (daysPerWeek) => {
      const plansBefore = await ctx.db.workoutPlan.count();
      for (const route of routes()) {
        const started = Date.now();
        const res = await route.send(plan({ daysPerWeek })).expect(400);
        const elapsed = Date.now() - started;
        expect(res.body.error.code).toBe('VALIDATION_ERROR');
        expect(res.body.error.details).toEqual([
          { path: expect.stringMatching(/daysPerWeek$/), message: expect.any(String) },
        ]);
        expect(JSON.stringify(res.body).length).toBeLessThan(1000);
        // Not a timing assertion on the machine's speed: the broken version needed seconds to minutes here.
        expect(elapsed).toBeLessThan(5000);
      }
      expect(await ctx.db.workoutPlan.count()).toBe(plansBefore);
    },
  );

  it('10⁴ overlapping rules are refused by the array bound, without the quadratic overlap check', async () => {
    const rules = Array.from({ length: 10_000 }, () => ({ category: 'upper', minReps: 0, maxReps: 5, increase: 2.5 }));
    const res = await ctx
      .http()
      .post('/api/admin/plans/preview')
      .set(admin.auth)
      .send({ plan: plan({ progressionRules: rules }), sampleTrainingMaxes: [] })
      .expect(400);
    expect(res.body.error.details).toEqual([{ path: 'plan.progressionRules', message: expect.any(String) }]);
  });

  it(`a body with thousands of problems reports at most ${MAX_ISSUES_REPORTED} of them and says how many more`, async () => {
    const sets = Array.from({ length: 50 }, (_, i) => ({ setOrder: i + 1, percentage: -1, reps: 0 }));
    const exercises = Array.from({ length: 30 }, (_, i) => ({
      exerciseId: ids['squat'],
      tier: 'T1',
      sortOrder: i + 1,
      sets,
    }));
    const p = plan({ days: [{ dayNumber: 1, exercises }] });
    const res = await ctx.http().post('/api/admin/plans').set(admin.auth).send(p).expect(400);
    const details = res.body.error.details as Array<{ path: string; message: string }>;
    expect(details).toHaveLength(MAX_ISSUES_REPORTED + 1);
    expect(details.at(-1)!.message).toMatch(/^…and \d+ more problems$/);
    expect(JSON.stringify(res.body).length).toBeLessThan(10_000);
  });

  it('structure checks still report with valid bounds (a missing day next to a valid daysPerWeek)', async () => {
    const res = await ctx
      .http()
      .post('/api/admin/plans/preview')
      .set(admin.auth)
      .send({ plan: plan({ daysPerWeek: 2 }), sampleTrainingMaxes: [] })
      .expect(400);
    expect(res.body.error.details).toEqual([{ path: 'plan.days', message: 'day 2 is missing (days must be 1..2)' }]);
  });
});
