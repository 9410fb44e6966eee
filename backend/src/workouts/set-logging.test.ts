// Issue 12, logging what really happened: actual weight, reps on every set, RPE, notes, skipping a set, the
// workout's note, and progression judged on weight as well as reps (DESIGN.md § "Logging what happened").
import { createTestContext, type TestContext } from '../../test/test-db';
import { lifterOnNsuns, logAllSets, registerUser, type TestUser } from '../../test/helpers';
import type { WorkoutDto, WorkoutSetDto } from '@liftplan/domain';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.drop());

const startDay = async (user: TestUser, dayNumber: number): Promise<WorkoutDto> =>
  (await ctx.http().post('/api/workouts').set(user.auth).send({ dayNumber }).expect(201)).body.workout;
const patchSet = (user: TestUser, workoutId: number, setId: number, body: unknown) =>
  ctx
    .http()
    .patch(`/api/workouts/${workoutId}/sets/${setId}`)
    .set(user.auth)
    .send(body as object);
const patchWorkout = (user: TestUser, workoutId: number, body: unknown) =>
  ctx
    .http()
    .patch(`/api/workouts/${workoutId}`)
    .set(user.auth)
    .send(body as object);
const getWorkout = async (user: TestUser, id: number): Promise<WorkoutDto> =>
  (await ctx.http().get(`/api/workouts/${id}`).set(user.auth).expect(200)).body.workout;
const setOf = (workout: WorkoutDto, id: number) => workout.sets.find((s) => s.id === id)!;
const progressionSet = (workout: WorkoutDto) => workout.sets.find((s) => s.isProgression)!;
const firstPlainSet = (workout: WorkoutDto) => workout.sets.find((s) => !s.isAmrap && s.kind !== 'warmup')!;
const logged = (s: WorkoutSetDto) => ({
  actualWeight: s.actualWeight,
  actualReps: s.actualReps,
  rpe: s.rpe,
  note: s.note,
  completed: s.completed,
  skipped: s.skipped,
});

describe('PATCH /api/workouts/:id/sets/:setId: what was lifted', () => {
  it('records a heavier weight, reps on a regular set, an RPE and a note; the workout shows them', async () => {
    const user = await lifterOnNsuns(ctx);
    const workout = await startDay(user, 2);
    const set = firstPlainSet(workout); // squat 105 × 5
    expect(logged(set)).toEqual({
      actualWeight: null,
      actualReps: null,
      rpe: null,
      note: null,
      completed: false,
      skipped: false,
    });
    const body = { actualWeight: 107.5, actualReps: 4, rpe: 8.5, note: '  belt on  ', completed: true };
    const res = await patchSet(user, workout.id, set.id, body).expect(200);
    expect(res.body.set).toEqual({
      id: set.id,
      workoutId: workout.id,
      actualWeight: 107.5,
      actualReps: 4,
      rpe: 8.5,
      note: 'belt on',
      completed: true,
      skipped: false,
    });
    expect(logged(setOf(await getWorkout(user, workout.id), set.id))).toEqual({
      actualWeight: 107.5,
      actualReps: 4,
      rpe: 8.5,
      note: 'belt on',
      completed: true,
      skipped: false,
    });
    // Replaying the same change (the offline queue may) leaves the same row.
    await patchSet(user, workout.id, set.id, body).expect(200);
    expect(logged(setOf(await getWorkout(user, workout.id), set.id))).toMatchObject({ actualWeight: 107.5, rpe: 8.5 });
    // null clears the RPE and the note; an empty note clears it too.
    await patchSet(user, workout.id, set.id, { rpe: null, note: '' }).expect(200);
    expect(logged(setOf(await getWorkout(user, workout.id), set.id))).toMatchObject({ rpe: null, note: null });
  });

  it('a set marked done without a weight was done at the prescribed weight (and the prescribed reps)', async () => {
    const user = await lifterOnNsuns(ctx);
    const workout = await startDay(user, 2);
    const set = firstPlainSet(workout);
    const res = await patchSet(user, workout.id, set.id, { completed: true }).expect(200);
    expect(res.body.set).toMatchObject({ actualWeight: set.prescribedWeight, actualReps: set.prescribedReps });
    // A weight logged before ticking stays.
    const next = workout.sets.find((s) => s.id !== set.id && !s.isAmrap)!;
    await patchSet(user, workout.id, next.id, { actualWeight: 100 }).expect(200);
    const ticked = await patchSet(user, workout.id, next.id, { completed: true }).expect(200);
    expect(ticked.body.set.actualWeight).toBe(100);
  });

  it('skipping a set un-does it and keeps its note; completing it again un-skips it', async () => {
    const user = await lifterOnNsuns(ctx);
    const workout = await startDay(user, 2);
    const set = firstPlainSet(workout);
    await patchSet(user, workout.id, set.id, { completed: true, rpe: 9, note: 'knee' }).expect(200);
    const skipped = await patchSet(user, workout.id, set.id, { skipped: true }).expect(200);
    expect(skipped.body.set).toMatchObject({
      skipped: true,
      completed: false,
      actualReps: null,
      actualWeight: null,
      rpe: null,
      note: 'knee',
    });
    const done = await patchSet(user, workout.id, set.id, { completed: true }).expect(200);
    expect(done.body.set).toMatchObject({ skipped: false, completed: true, actualReps: set.prescribedReps });
    // The queue merges a skip then a tick into one body when the UI sends both keys: the latest values win.
    await patchSet(user, workout.id, set.id, { skipped: false, completed: false }).expect(200);
    expect(logged(setOf(await getWorkout(user, workout.id), set.id))).toMatchObject({
      skipped: false,
      completed: false,
    });
  });

  it.each<[string, unknown]>([
    ['RPE below 6', { rpe: 5.5 }],
    ['RPE above 10', { rpe: 10.5 }],
    ['RPE not in halves', { rpe: 7.25 }],
    ['RPE as text', { rpe: '8' }],
    ['a 501-character note', { note: 'x'.repeat(501) }],
    ['a note that is a number', { note: 5 }],
    ['done and skipped at once', { completed: true, skipped: true }],
    ['skipped not a boolean', { skipped: 'yes' }],
    ['a weight with 3 decimals', { actualWeight: 100.125 }],
    ['an unknown key', { rpe: 8, mood: 'great' }],
    ['nothing to change', {}],
  ])('400 for %s, and nothing changes', async (_name, body) => {
    const user = await lifterOnNsuns(ctx);
    const workout = await startDay(user, 2);
    const set = firstPlainSet(workout);
    await patchSet(user, workout.id, set.id, { actualWeight: 110, rpe: 7, note: 'ok' }).expect(200);
    const res = await patchSet(user, workout.id, set.id, body).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(logged(setOf(await getWorkout(user, workout.id), set.id))).toMatchObject({
      actualWeight: 110,
      rpe: 7,
      note: 'ok',
      skipped: false,
    });
  });

  it("another lifter's set is a 404 and stays untouched", async () => {
    const owner = await lifterOnNsuns(ctx);
    const workout = await startDay(owner, 2);
    const set = firstPlainSet(workout);
    const other = await registerUser(ctx);
    const res = await patchSet(other, workout.id, set.id, { rpe: 9, note: 'mine', skipped: true }).expect(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    expect(logged(setOf(await getWorkout(owner, workout.id), set.id))).toMatchObject({
      rpe: null,
      note: null,
      skipped: false,
    });
  });
});

describe('PATCH /api/workouts/:id { note }', () => {
  it('sets, trims and clears the note, in progress and after completion', async () => {
    const user = await lifterOnNsuns(ctx);
    const workout = await startDay(user, 2);
    expect(workout.note).toBeNull();
    const res = await patchWorkout(user, workout.id, { note: '  Slept badly.  ' }).expect(200);
    expect(res.body.workout).toMatchObject({ id: workout.id, note: 'Slept badly.', status: 'in_progress' });
    expect((await getWorkout(user, workout.id)).note).toBe('Slept badly.');

    await logAllSets(ctx, user, workout, 3);
    await ctx.http().post(`/api/workouts/${workout.id}/complete`).set(user.auth).expect(200);
    const after = await patchWorkout(user, workout.id, { note: 'Slept badly; squats moved well anyway.' }).expect(200);
    expect(after.body.workout).toMatchObject({ status: 'completed', note: 'Slept badly; squats moved well anyway.' });
    const list = await ctx.http().get('/api/workouts').set(user.auth).expect(200);
    expect(list.body.items[0]).toMatchObject({ id: workout.id, note: 'Slept badly; squats moved well anyway.' });

    await patchWorkout(user, workout.id, { note: null }).expect(200);
    expect((await getWorkout(user, workout.id)).note).toBeNull();
  });

  it.each<[string, unknown]>([
    ['a 1001-character note', { note: 'x'.repeat(1001) }],
    ['no note key', {}],
    ['an unknown key', { note: 'ok', status: 'completed' }],
    ['a number', { note: 42 }],
  ])('400 for %s, and nothing changes', async (_name, body) => {
    const user = await lifterOnNsuns(ctx);
    const workout = await startDay(user, 2);
    await patchWorkout(user, workout.id, { note: 'kept' }).expect(200);
    const res = await patchWorkout(user, workout.id, body).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(await getWorkout(user, workout.id)).toMatchObject({ note: 'kept', status: 'in_progress' });
  });

  it("another lifter's workout (or none) is a 404", async () => {
    const owner = await lifterOnNsuns(ctx);
    const workout = await startDay(owner, 2);
    const other = await registerUser(ctx);
    expect((await patchWorkout(other, workout.id, { note: 'hi' }).expect(404)).body.error.code).toBe('NOT_FOUND');
    await patchWorkout(owner, 987654, { note: 'hi' }).expect(404);
    expect((await getWorkout(owner, workout.id)).note).toBeNull();
  });
});

describe('progression judged on weight and reps', () => {
  const complete = async (user: TestUser, workoutId: number) =>
    (await ctx.http().post(`/api/workouts/${workoutId}/complete`).set(user.auth).expect(200)).body;
  const squatTms = async (user: TestUser) =>
    (
      await ctx.db.trainingMax.findMany({
        where: { userId: user.id, exercise: { slug: 'squat' } },
        orderBy: { id: 'asc' },
      })
    ).map((r) => r.weight.toString());

  it('a progression set done lighter than prescribed moves no TM, and the result says why', async () => {
    const user = await lifterOnNsuns(ctx);
    const workout = await startDay(user, 2);
    const top = progressionSet(workout); // squat 95 % × 1+ at 132.5
    expect(top.prescribedWeight).toBe(132.5);
    await logAllSets(ctx, user, workout, 6);
    await patchSet(user, workout.id, top.id, { actualWeight: 130 }).expect(200);
    const result = await complete(user, workout.id);
    const squat = result.progression.find((p: { slug: string }) => p.slug === 'squat');
    expect(squat).toEqual({
      exerciseId: top.tmExerciseId,
      slug: 'squat',
      previousTM: 140,
      newTM: 140,
      increase: 0,
      amrapReps: 6,
      held: 'lighter_than_prescribed',
    });
    expect(await squatTms(user)).toEqual(['140']);
    // The result survives a reload.
    expect((await getWorkout(user, workout.id)).progression).toContainEqual(squat);
  });

  it('a heavier progression set counts as usual (6 reps → +7.5 kg)', async () => {
    const user = await lifterOnNsuns(ctx);
    const workout = await startDay(user, 2);
    const top = progressionSet(workout);
    await logAllSets(ctx, user, workout, 6);
    await patchSet(user, workout.id, top.id, { actualWeight: 135 }).expect(200);
    const result = await complete(user, workout.id);
    const squat = result.progression.find((p: { slug: string }) => p.slug === 'squat');
    expect(squat).toMatchObject({ previousTM: 140, newTM: 147.5, increase: 7.5, amrapReps: 6 });
    expect(squat.held).toBeUndefined();
    expect(await squatTms(user)).toEqual(['140', '147.5']);
  });

  it('a skipped progression set moves nothing', async () => {
    const user = await lifterOnNsuns(ctx);
    const workout = await startDay(user, 2);
    const top = progressionSet(workout);
    await logAllSets(ctx, user, workout, 6);
    await patchSet(user, workout.id, top.id, { skipped: true }).expect(200);
    const result = await complete(user, workout.id);
    expect(result.progression.find((p: { slug: string }) => p.slug === 'squat')).toBeUndefined();
    expect(await squatTms(user)).toEqual(['140']);
  });
});

describe('the database backs the rules up (CHECK constraints)', () => {
  it.each<[string, string]>([
    ['an RPE of 7.25', `UPDATE workout_sets SET rpe = 7.25 WHERE id = $1`],
    ['an RPE of 5.5', `UPDATE workout_sets SET rpe = 5.5 WHERE id = $1`],
    ['an RPE of 10.5', `UPDATE workout_sets SET rpe = 10.5 WHERE id = $1`],
    ['a 501-character set note', `UPDATE workout_sets SET note = repeat('x', 501) WHERE id = $1`],
  ])('refuses %s', async (_name, sql) => {
    const user = await lifterOnNsuns(ctx);
    const workout = await startDay(user, 2);
    await expect(ctx.db.$executeRawUnsafe(sql, firstPlainSet(workout).id)).rejects.toThrow(/check/i);
  });

  it('accepts every half step from 6 to 10, and refuses a 1001-character workout note', async () => {
    const user = await lifterOnNsuns(ctx);
    const workout = await startDay(user, 2);
    const set = firstPlainSet(workout);
    for (const rpe of [6, 6.5, 7, 7.5, 8, 8.5, 9, 9.5, 10])
      await ctx.db.$executeRawUnsafe(`UPDATE workout_sets SET rpe = $2 WHERE id = $1`, set.id, rpe);
    await expect(
      ctx.db.$executeRawUnsafe(`UPDATE workouts SET note = repeat('x', 1001) WHERE id = $1`, workout.id),
    ).rejects.toThrow(/check/i);
  });
});
