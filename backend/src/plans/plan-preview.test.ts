import { createTestContext, type TestContext } from '../../test/test-db';
import { exerciseIds, registerAdmin, registerUser } from '../../test/helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.drop());

function body(ids: Record<string, number>) {
  return {
    name: 'Preview me',
    slug: 'preview-me',
    daysPerWeek: 1,
    days: [
      {
        dayNumber: 1,
        exercises: [
          {
            exerciseId: ids['bench-press'],
            tier: 'T1',
            sortOrder: 1,
            sets: [
              { setOrder: 1, percentage: 0.85, reps: 3 },
              { setOrder: 2, percentage: 0.95, reps: 1, isAmrap: true, isProgression: true },
            ],
          },
          {
            exerciseId: ids['close-grip-bench'],
            tmExerciseId: ids['bench-press'],
            tier: 'T2',
            sortOrder: 2,
            sets: [{ setOrder: 1, percentage: 0.4, reps: 6 }],
          },
          { exerciseId: ids['squat'], tier: 'T2', sortOrder: 3, sets: [{ setOrder: 1, percentage: 0.5, reps: 5 }] },
        ],
      },
    ],
  };
}

describe('POST /api/admin/plans/preview', () => {
  it('prescribes every set like the engine (half-up ties) and writes nothing', async () => {
    const admin = await registerAdmin(ctx);
    const ids = await exerciseIds(ctx);
    const plansBefore = await ctx.db.workoutPlan.count();
    const res = await ctx
      .http()
      .post('/api/admin/plans/preview')
      .set(admin.auth)
      .send({ plan: body(ids), sampleTrainingMaxes: [{ exerciseId: ids['bench-press'], trainingMax: 125 }] })
      .expect(200);
    const [bench, closeGrip, squat] = res.body.preview.days[0].exercises;
    expect(bench.sets.map((s: { weight: number }) => s.weight)).toEqual([107.5, 120]); // 106.25 → 107.5, 118.75 → 120
    expect(closeGrip.sets[0].weight).toBe(50);
    expect(squat.sets[0].weight).toBeNull();
    expect(res.body.preview.missingTrainingMaxes).toEqual([ids['squat']]);
    expect(await ctx.db.workoutPlan.count()).toBe(plansBefore);
  });

  it('uses the given unit and increment', async () => {
    const admin = await registerAdmin(ctx);
    const ids = await exerciseIds(ctx);
    const res = await ctx
      .http()
      .post('/api/admin/plans/preview')
      .set(admin.auth)
      .send({
        plan: body(ids),
        unit: 'lb',
        increment: 5,
        sampleTrainingMaxes: [{ exerciseId: ids['bench-press'], trainingMax: 225 }],
      })
      .expect(200);
    expect(res.body.preview.days[0].exercises[0].sets.map((s: { weight: number }) => s.weight)).toEqual([190, 215]); // 191.25 → 190, 213.75 → 215
  });

  it('rejects an invalid plan with field paths, and lifters with 403', async () => {
    const admin = await registerAdmin(ctx);
    const ids = await exerciseIds(ctx);
    const bad = body(ids);
    bad.days[0]!.exercises[0]!.sets[0]!.percentage = 2;
    const res = await ctx
      .http()
      .post('/api/admin/plans/preview')
      .set(admin.auth)
      .send({ plan: bad, sampleTrainingMaxes: [] })
      .expect(400);
    expect(res.body.error.details[0].path).toBe('plan.days.0.exercises.0.sets.0.percentage');
    const lifter = await registerUser(ctx);
    await ctx
      .http()
      .post('/api/admin/plans/preview')
      .set(lifter.auth)
      .send({ plan: body(ids), sampleTrainingMaxes: [] })
      .expect(403);
  });
});
