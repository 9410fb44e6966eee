// Audit item: PATCHes of the progression set sent together with the completion answered 200 after the completion had
// already read the sets, so the stored reps differed from the reps progression used (12 of 15 trials).
// The race is made deterministic: the test holds the workout's row lock the way a completion in flight does.
import pg from 'pg';
import { createTestContext, type TestContext } from '../../test/test-db';
import { exerciseIds, lifterOnNsuns, logAllSets, type TestUser } from '../../test/helpers';

let ctx: TestContext;
let blocker: pg.Client;
beforeAll(async () => {
  ctx = await createTestContext();
  blocker = new pg.Client({ connectionString: ctx.url });
  await blocker.connect();
});
afterAll(async () => {
  await blocker.end();
  await ctx.drop();
});

type SetDto = { id: number; isProgression: boolean };

async function startWithProgressionReps(user: TestUser, reps: number) {
  const started = await ctx.http().post('/api/workouts').set(user.auth).send({ dayNumber: 2 }).expect(201);
  const workout = started.body.workout as {
    id: number;
    sets: Array<SetDto & { isAmrap: boolean; prescribedReps: number }>;
  };
  await logAllSets(ctx, user, workout, reps);
  return { workout, progressionSet: workout.sets.find((s) => s.isProgression)! };
}

/** Resolves once `count` other sessions of this database wait on a lock (or `until` says stop). */
async function waitForLockWaiters(count: number, until: { done: boolean } = { done: false }) {
  while (!until.done) {
    const { rows } = await blocker.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (rows[0].n >= count) return;
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('logging a set vs completing the workout', () => {
  it('a set change sent while a completion holds the workout waits for it, then is refused (409)', async () => {
    const user = await lifterOnNsuns(ctx);
    const { workout, progressionSet } = await startWithProgressionReps(user, 2);

    // The test plays the completion's first step (the status flip, which takes the workout's row lock) and keeps
    // its transaction open: this is the moment the real completion reads the sets.
    await blocker.query('BEGIN');
    await blocker.query(`UPDATE workouts SET status = 'completed', completed_at = now() WHERE id = $1`, [workout.id]);
    const patch = ctx
      .http()
      .patch(`/api/workouts/${workout.id}/sets/${progressionSet.id}`)
      .set(user.auth)
      .send({ actualReps: 14 })
      .then((r) => r);
    // Either the patch is answered at once (the bug: 200 behind the completion's back) or it waits for the lock.
    const patchAnswered = { done: false };
    void patch.then(() => (patchAnswered.done = true));
    await waitForLockWaiters(1, patchAnswered);
    const answeredWhileLocked = patchAnswered.done;
    await blocker.query('COMMIT');

    const patched = await patch;
    expect({ answeredWhileLocked, status: patched.status }).toEqual({ answeredWhileLocked: false, status: 409 });
    expect(patched.body.error.code).toBe('WORKOUT_ALREADY_COMPLETED');
    expect((await ctx.db.workoutSet.findUniqueOrThrow({ where: { id: progressionSet.id } })).actualReps).toBe(2);
  });

  it('a set change that holds the workout first is part of what the completion judges', async () => {
    const squat = (await exerciseIds(ctx))['squat']!;
    const user = await lifterOnNsuns(ctx);
    const { workout, progressionSet } = await startWithProgressionReps(user, 2);
    const [patched, completed] = await Promise.all([
      ctx.http().patch(`/api/workouts/${workout.id}/sets/${progressionSet.id}`).set(user.auth).send({ actualReps: 14 }),
      new Promise((r) => setTimeout(r, 0)).then(() =>
        ctx.http().post(`/api/workouts/${workout.id}/complete`).set(user.auth),
      ),
    ]);
    expect(completed.status).toBe(200);
    const stored = await ctx.db.workoutSet.findUniqueOrThrow({ where: { id: progressionSet.id } });
    const used = (completed.body.progression as Array<{ exerciseId: number; amrapReps: number }>).find(
      (o) => o.exerciseId === squat,
    )!;
    expect(used.amrapReps).toBe(stored.actualReps);
    expect(stored.actualReps).toBe(patched.status === 200 ? 14 : 2);
  });
});
