import { createTestContext, type TestContext } from '../../test/test-db';
import { exerciseIds, lifterOnNsuns, logAllSets, nsunsPlanId, registerUser } from '../../test/helpers';

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

describe('e1RM and PRs come from what was lifted (issue 12)', () => {
  type Point = { setId: number; weight: number; reps: number; estimate: number; isPersonalRecord: boolean };
  const squatPoints = async (user: { auth: { Authorization: string } }): Promise<Point[]> => {
    const res = await ctx.http().get('/api/progress').set(user.auth).expect(200);
    return res.body.estimatedOneRepMax.find((s: { exercise: { slug: string } }) => s.exercise.slug === 'squat').points;
  };
  const start = async (user: { auth: { Authorization: string } }, dayNumber: number) =>
    (await ctx.http().post('/api/workouts').set(user.auth).send({ dayNumber }).expect(201)).body.workout;
  const complete = (user: { auth: { Authorization: string } }, id: number) =>
    ctx.http().post(`/api/workouts/${id}/complete`).set(user.auth).expect(200);

  it('an e1RM below the 1RM the lifter entered is no PR; beating it with a heavier set than prescribed is', async () => {
    const user = await registerUser(ctx);
    const ids = await exerciseIds(ctx);
    await ctx
      .http()
      .post(`/api/plans/${await nsunsPlanId(ctx)}/subscribe`)
      .set(user.auth)
      .expect(201);
    await ctx
      .http()
      .post('/api/training-maxes/setup')
      .set(user.auth)
      .send({
        exerciseTMs: [
          { exerciseId: ids['squat'], oneRepMax: 100 },
          { exerciseId: ids['deadlift'], oneRepMax: 140 },
          { exerciseId: ids['bench-press'], oneRepMax: 80 },
          { exerciseId: ids['ohp'], oneRepMax: 50 },
        ],
      })
      .expect(201);
    const first = await start(user, 2);
    await logAllSets(ctx, user, first, 1);
    await complete(user, first.id);
    const [point] = await squatPoints(user);
    expect(point!.estimate).toBeLessThan(100);
    expect(point!.isPersonalRecord).toBe(false);
    let res = await ctx.http().get('/api/progress').set(user.auth).expect(200);
    expect(res.body.personalRecords.map((r: { exercise: { slug: string } }) => r.exercise.slug)).not.toContain('squat');

    const second = await start(user, 2);
    await logAllSets(ctx, user, second, 1);
    const top = second.sets.find((s: { isProgression: boolean }) => s.isProgression);
    await ctx
      .http()
      .patch(`/api/workouts/${second.id}/sets/${top.id}`)
      .set(user.auth)
      .send({ actualWeight: 100, actualReps: 3 })
      .expect(200);
    await complete(user, second.id);
    const points = await squatPoints(user);
    // Epley from the weight lifted: 100 × (1 + 3/30) = 110 > 100 entered.
    expect(points[1]).toMatchObject({ setId: top.id, weight: 100, reps: 3, estimate: 110, isPersonalRecord: true });
    res = await ctx.http().get('/api/progress').set(user.auth).expect(200);
    const record = res.body.personalRecords.find((r: { exercise: { slug: string } }) => r.exercise.slug === 'squat');
    expect(record).toMatchObject({ setId: top.id, weight: 100, reps: 3, estimate: 110, workoutId: second.id });
  });

  it('a set below its prescribed reps never counts as a max; skipped and warm-up sets neither', async () => {
    const user = await lifterOnNsuns(ctx);
    const workout = await start(user, 2);
    await logAllSets(ctx, user, workout, 1);
    const squats = workout.sets.filter((s: { exercise: { slug: string } }) => s.exercise.slug === 'squat');
    const firstSquat = squats.find((s: { isAmrap: boolean }) => !s.isAmrap); // 105 × 5
    // 150 × 4 would be an e1RM of 170, but 4 < 5 prescribed.
    await ctx
      .http()
      .patch(`/api/workouts/${workout.id}/sets/${firstSquat.id}`)
      .set(user.auth)
      .send({ actualWeight: 150, actualReps: 4 })
      .expect(200);
    const second = squats.find((s: { id: number; isAmrap: boolean }) => !s.isAmrap && s.id !== firstSquat.id);
    // Skipped: 160 × 3 logged first, then skipped — it counts for nothing.
    await ctx
      .http()
      .patch(`/api/workouts/${workout.id}/sets/${second.id}`)
      .set(user.auth)
      .send({ actualWeight: 160, actualReps: 3 })
      .expect(200);
    await ctx
      .http()
      .patch(`/api/workouts/${workout.id}/sets/${second.id}`)
      .set(user.auth)
      .send({ skipped: true })
      .expect(200);
    await complete(user, workout.id);
    const points = await squatPoints(user);
    expect(points).toHaveLength(1); // one point per workout and lift: its best set
    expect(points[0]!.weight).not.toBe(150);
    expect(points[0]!.weight).not.toBe(160);
    expect(points[0]!.estimate).toBeLessThan(170);
    expect(points[0]!.isPersonalRecord).toBe(true); // no 1RM entered, no earlier set: the first point is a record
  });
});
