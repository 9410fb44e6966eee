import { createTestContext, type TestContext } from '../../test/test-db';
import { lifterOnNsuns, logAllSets, registerUser } from '../../test/helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.drop());

async function completeDay(user: Awaited<ReturnType<typeof lifterOnNsuns>>, dayNumber: number, amrapReps: number) {
  const started = await ctx.http().post('/api/workouts').set(user.auth).send({ dayNumber }).expect(201);
  await logAllSets(ctx, user, started.body.workout, amrapReps);
  return (await ctx.http().post(`/api/workouts/${started.body.workout.id}/complete`).set(user.auth).expect(200)).body;
}

describe('GET /api/progress', () => {
  it('is empty for a new lifter', async () => {
    const user = await registerUser(ctx);
    const res = await ctx.http().get('/api/progress').set(user.auth).expect(200);
    expect(res.body).toEqual({ unit: 'kg', trainingMaxes: [], estimatedOneRepMax: [], personalRecords: [] });
  });

  it('charts TMs over time and e1RM from AMRAP sets, flagging personal records', async () => {
    const user = await lifterOnNsuns(ctx);
    await completeDay(user, 2, 6); // squat TM 140 → 147.5
    await completeDay(user, 2, 2); // lower e1RM on the 95 % set: not a PR
    const res = await ctx.http().get('/api/progress').set(user.auth).expect(200);

    const squatTm = res.body.trainingMaxes.find((s: { exercise: { slug: string } }) => s.exercise.slug === 'squat');
    expect(squatTm.points.map((p: { weight: number; source: string }) => [p.weight, p.source])).toEqual([
      [140, 'setup'],
      [147.5, 'progression'],
      [150, 'progression'],
    ]);

    const squat = res.body.estimatedOneRepMax.find((s: { exercise: { slug: string } }) => s.exercise.slug === 'squat');
    // First workout: 95 % of 140 = 133 → 132.5 × 6 reps → Epley 132.5 × (1 + 6/30) = 159
    expect(squat.points[0]).toMatchObject({ weight: 132.5, reps: 6, estimate: 159, isPersonalRecord: true });
    const secondTop = squat.points.find((p: { weight: number; reps: number }) => p.weight === 140 && p.reps === 2);
    expect(secondTop).toMatchObject({ isPersonalRecord: false }); // 95 % of 147.5 = 140.125 → 140; 140 × 1.0667 = 149.33
    const record = res.body.personalRecords.find((r: { exercise: { slug: string } }) => r.exercise.slug === 'squat');
    expect(record).toMatchObject({ estimate: 159, weight: 132.5, reps: 6 });
  });

  it('only shows the caller’s own data', async () => {
    const other = await registerUser(ctx);
    const res = await ctx.http().get('/api/progress').set(other.auth).expect(200);
    expect(res.body.trainingMaxes).toEqual([]);
  });
});
