import pg from 'pg';
import { createTestContext, type TestContext } from '../../test/test-db';
import { exerciseIds, lifterOnNsuns, logAllSets, registerUser } from '../../test/helpers';

// Completing a workout is the hot write path: its statements (BEGIN and COMMIT included) are counted on pg.Client,
// as `pnpm bench` counts them, so a change that adds a round trip fails here rather than only in the benchmark.

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.drop());

function recordStatements() {
  const sent: string[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    sent.push(typeof first === 'string' ? first : (first?.text ?? '?'));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  return { sent, restore: () => (pg.Client.prototype.query = original) };
}

it('completing an nSuns workout with a TM increase takes at most 5 round trips in one transaction', async () => {
  const user = await lifterOnNsuns(ctx);
  const started = (await ctx.http().post('/api/workouts').set(user.auth).send({ dayNumber: 2 }).expect(201)).body;
  await logAllSets(ctx, user, started.workout, 6);

  const statements = recordStatements();
  const res = await ctx.http().post(`/api/workouts/${started.workout.id}/complete`).set(user.auth);
  statements.restore();

  expect(res.status).toBe(200);
  expect(res.body.progression).toEqual([expect.objectContaining({ previousTM: 140, newTM: 147.5 })]);
  expect(statements.sent.length).toBeLessThanOrEqual(5);
  expect(statements.sent[0]).toMatch(/^BEGIN/);
  expect(statements.sent.at(-1)).toMatch(/^COMMIT/);
});

it('completing the last session of a finite program while paused ends the enrolment, also in at most 5', async () => {
  const user = await registerUser(ctx);
  const plan = await ctx.db.workoutPlan.findUniqueOrThrow({ where: { slug: 'smolov-jr-bench' } });
  await ctx.http().post(`/api/plans/${plan.id}/subscribe`).set(user.auth).expect(201);
  const bench = (await exerciseIds(ctx))['bench-press'];
  await ctx
    .http()
    .post('/api/training-maxes/setup')
    .set(user.auth)
    .send({ exerciseTMs: [{ exerciseId: bench, trainingMax: 100 }] })
    .expect(201);
  for (let i = 0; i < 11; i++) await ctx.http().post('/api/plans/current/skip').set(user.auth).send({}).expect(200);
  const started = (await ctx.http().post('/api/workouts').set(user.auth).send({}).expect(201)).body;
  await logAllSets(ctx, user, started.workout, 3);
  await ctx.http().post('/api/plans/current/pause').set(user.auth).send({}).expect(200);

  const statements = recordStatements();
  await ctx.http().post(`/api/workouts/${started.workout.id}/complete`).set(user.auth).expect(200);
  statements.restore();

  expect(statements.sent.length).toBeLessThanOrEqual(5);
  const enrolment = await ctx.db.userPlan.findFirstOrThrow({ where: { userId: user.id }, include: { pauses: true } });
  expect(enrolment).toMatchObject({ status: 'completed', isActive: false, pausedAt: null });
  expect(enrolment.endedAt).not.toBeNull();
  expect(enrolment.pauses.map((p) => p.resumedAt)).toEqual([enrolment.endedAt]);
  const cycles = await ctx.db.completedCycle.findMany({ where: { userPlanId: enrolment.id } });
  expect(cycles.map((c) => [c.cycle, c.workoutId])).toEqual([[1, started.workout.id]]);
});
