// Issue 12 (helper DASH): lifter preferences, generated warm-ups, regenerate after a TM change, CSV and JSON export,
// the current plan as 200 { plan: null }, and over-long display names.
import { createTestContext, type TestContext } from '../../test/test-db';
import { exerciseIds, lifterOnNsuns, nsunsPlanId, registerUser, uniqueEmail, type TestUser } from '../../test/helpers';
import { csvCell } from './workout-export';

let ctx: TestContext;
let ids: Record<string, number>;
beforeAll(async () => {
  ctx = await createTestContext();
  ids = await exerciseIds(ctx);
});
afterAll(() => ctx.drop());

type SetDto = {
  id: number;
  exercise: { slug: string };
  tmExerciseId: number;
  tier: string;
  kind: string;
  setOrder: number;
  percentage: number | null;
  prescribedWeight: number | null;
  prescribedReps: number;
  isAmrap: boolean;
  isProgression: boolean;
  completed: boolean;
};
type WorkoutDto = { id: number; status: string; sets: SetDto[] };

const patchMe = (user: TestUser, body: unknown) =>
  ctx
    .http()
    .patch('/api/users/me')
    .set(user.auth)
    .send(body as object);
const startDay = async (user: TestUser, dayNumber: number): Promise<WorkoutDto> =>
  (await ctx.http().post('/api/workouts').set(user.auth).send({ dayNumber }).expect(201)).body.workout;
const regenerate = (user: TestUser, workoutId: number | string, body: unknown = {}) =>
  ctx
    .http()
    .post(`/api/workouts/${workoutId}/regenerate`)
    .set(user.auth)
    .send(body as object);
const current = async (user: TestUser) => (await ctx.http().get('/api/plans/current').set(user.auth).expect(200)).body;
const adjust = (user: TestUser, slug: string, body: unknown) =>
  ctx
    .http()
    .post(`/api/training-maxes/${ids[slug]}/adjust`)
    .set(user.auth)
    .send(body as object);
const setsOf = (workoutId: number) =>
  ctx.db.workoutSet.findMany({ where: { workoutId }, orderBy: [{ exerciseOrder: 'asc' }, { setOrder: 'asc' }] });

describe('lifter preferences: warmups and defaultRestSeconds', () => {
  it('defaults: warm-ups off, 120 s rest; PATCH sets them; GET /me shows them', async () => {
    const user = await registerUser(ctx);
    const me = (await ctx.http().get('/api/users/me').set(user.auth).expect(200)).body.user;
    expect(me).toMatchObject({ warmups: 'off', defaultRestSeconds: 120 });
    expect(me).not.toHaveProperty('passwordHash');
    const res = await patchMe(user, { warmups: 'standard', defaultRestSeconds: 90 }).expect(200);
    expect(res.body.user).toMatchObject({ warmups: 'standard', defaultRestSeconds: 90 });
    await patchMe(user, { defaultRestSeconds: 0 }).expect(200);
    await patchMe(user, { defaultRestSeconds: 1800 }).expect(200);
  });

  it.each([
    [{ warmups: 'ramp' }],
    [{ warmups: null }],
    [{ defaultRestSeconds: -1 }],
    [{ defaultRestSeconds: 1801 }],
    [{ defaultRestSeconds: 90.5 }],
    [{ defaultRestSeconds: '90' }],
    [{ warmups: 'standard', defaultRestSeconds: 5000 }], // one bad field: nothing written
  ])('400 VALIDATION_ERROR for %j, nothing changed', async (body) => {
    const user = await registerUser(ctx);
    const res = await patchMe(user, body).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    const row = await ctx.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect({ warmups: row.warmups, rest: row.defaultRestSeconds }).toEqual({ warmups: 'off', rest: 120 });
  });

  it('the database refuses what the API would (CHECK constraints)', async () => {
    const user = await registerUser(ctx);
    await expect(ctx.db.user.update({ where: { id: user.id }, data: { warmups: 'ramp' } })).rejects.toThrow();
    await expect(ctx.db.user.update({ where: { id: user.id }, data: { defaultRestSeconds: 1801 } })).rejects.toThrow();
  });
});

describe('display names: over-long names are refused, not cut', () => {
  it('register: 81 characters → 400 naming displayName; nothing created', async () => {
    const email = uniqueEmail();
    const res = await ctx
      .http()
      .post('/api/auth/register')
      .send({ email, password: 'correct horse battery', displayName: 'x'.repeat(377) })
      .expect(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(JSON.stringify(res.body.error.details)).toContain('displayName');
    expect(await ctx.db.user.count({ where: { email } })).toBe(0);
  });

  it('profile: 81 characters → 400, name unchanged; 80 accepted whole', async () => {
    const user = await registerUser(ctx, { displayName: 'Ada' });
    await patchMe(user, { displayName: 'y'.repeat(81) }).expect(400);
    expect((await ctx.db.user.findUniqueOrThrow({ where: { id: user.id } })).displayName).toBe('Ada');
    const ok = await patchMe(user, { displayName: 'z'.repeat(80) }).expect(200);
    expect(ok.body.user.displayName).toHaveLength(80);
  });
});

describe('generated warm-ups (setting standard)', () => {
  it('nSuns day 2: squat T1 and sumo deadlift T2 get 40/50/60 % of their first work set; nothing else changes', async () => {
    const off = await lifterOnNsuns(ctx);
    const plain = await startDay(off, 2);
    const user = await lifterOnNsuns(ctx);
    await patchMe(user, { warmups: 'standard' }).expect(200);
    const workout = await startDay(user, 2);
    expect(workout.sets).toHaveLength(plain.sets.length + 6);
    const t1 = workout.sets.filter((s) => s.tier === 'T1');
    // first work set 105 (0.75 × 140): 42, 52.5, 63 → 42.5, 52.5, 62.5
    expect(t1.slice(0, 4).map((s) => [s.kind, s.setOrder, s.prescribedWeight, s.prescribedReps])).toEqual([
      ['warmup', 1, 42.5, 5],
      ['warmup', 2, 52.5, 5],
      ['warmup', 3, 62.5, 3],
      ['main', 4, 105, 5],
    ]);
    const t2 = workout.sets.filter((s) => s.tier === 'T2');
    // first work set 90: 36, 45, 54 → 35, 45, 55
    expect(t2.slice(0, 3).map((s) => s.prescribedWeight)).toEqual([35, 45, 55]);
    const warmups = workout.sets.filter((s) => s.kind === 'warmup');
    expect(warmups.every((s) => !s.isProgression && !s.isAmrap)).toBe(true);
    // The work sets are the same as without warm-ups.
    const work = (w: WorkoutDto) =>
      w.sets
        .filter((s) => s.kind !== 'warmup')
        .map((s) => [s.tier, s.prescribedWeight, s.prescribedReps, s.isProgression]);
    expect(work(workout)).toEqual(work(plain));
  });

  it('the projection shows the same warm-ups for the lifter', async () => {
    const user = await lifterOnNsuns(ctx);
    await patchMe(user, { warmups: 'standard' }).expect(200);
    const planId = await nsunsPlanId(ctx);
    const projection = (
      await ctx.http().post(`/api/plans/${planId}/projection`).set(user.auth).send({ weeks: 1 }).expect(200)
    ).body;
    const day2 = projection.sessions.find((s: { dayNumber: number }) => s.dayNumber === 2);
    const workout = await startDay(user, 2);
    const view = (sets: Array<Pick<SetDto, 'kind' | 'tier' | 'prescribedWeight' | 'prescribedReps'>>) =>
      sets.map((s) => `${s.tier} ${s.kind} ${s.prescribedWeight}×${s.prescribedReps}`);
    expect(view(day2.sets)).toEqual(view(workout.sets));
  });
});

describe('GET /api/plans/current without a plan', () => {
  it('200 { plan: null }, not a 404', async () => {
    const user = await registerUser(ctx);
    expect(await current(user)).toEqual({ plan: null });
  });
});

describe('POST /api/workouts/:id/regenerate and staleTrainingMaxes', () => {
  it('a deload after starting marks the workout stale; regenerate re-prescribes open sets only, then it is fresh', async () => {
    const user = await lifterOnNsuns(ctx);
    const workout = await startDay(user, 2);
    expect((await current(user)).inProgressWorkout).toMatchObject({ id: workout.id, staleTrainingMaxes: [] });
    const first = workout.sets[0]!;
    await ctx
      .http()
      .patch(`/api/workouts/${workout.id}/sets/${first.id}`)
      .set(user.auth)
      .send({ completed: true })
      .expect(200);

    await adjust(user, 'squat', { percentChange: -10, note: 'Deload: missed reps twice' }).expect(201);
    expect((await current(user)).inProgressWorkout.staleTrainingMaxes).toEqual([
      { exerciseId: ids.squat, name: expect.any(String) },
    ]);
    const history = (await ctx.http().get(`/api/training-maxes/${ids.squat}/history`).set(user.auth).expect(200)).body;
    expect(history.history.at(-1)).toMatchObject({ weight: 126, note: 'Deload: missed reps twice', source: 'manual' });

    const before = await setsOf(workout.id);
    const res = await regenerate(user, workout.id).expect(200);
    const t1 = (res.body.workout as WorkoutDto).sets.filter((s) => s.tier === 'T1');
    // TM 126: set 1 stays 105 (completed); 0.85 → 107.1 → 107.5; 0.95 → 119.7 → 120 …
    expect(t1.map((s) => s.prescribedWeight)).toEqual([105, 107.5, 120, 112.5, 107.5, 100, 95, 87.5, 82.5]);
    // Sumo deadlift follows the deadlift TM, which did not change.
    const t2Before = before.filter((s) => s.tier === 'T2').map((s) => s.prescribedWeight!.toNumber());
    expect(res.body.workout.sets.filter((s: SetDto) => s.tier === 'T2').map((s: SetDto) => s.prescribedWeight)).toEqual(
      t2Before,
    );
    expect(res.body.changedSetIds).toHaveLength(8);
    expect((await current(user)).inProgressWorkout.staleTrainingMaxes).toEqual([]);
    // Regenerating again changes nothing.
    expect((await regenerate(user, workout.id).expect(200)).body.changedSetIds).toEqual([]);
  });

  it('a unit switch is not a TM change', async () => {
    const user = await lifterOnNsuns(ctx);
    await startDay(user, 1);
    await patchMe(user, { unitPreference: 'lb' }).expect(200);
    expect((await current(user)).inProgressWorkout.staleTrainingMaxes).toEqual([]);
  });

  it('409 when not in progress, 404 for another lifter’s or no workout, 400 for bad input; nothing changed', async () => {
    const user = await lifterOnNsuns(ctx);
    const other = await lifterOnNsuns(ctx);
    const workout = await startDay(user, 1);
    await adjust(user, 'bench-press', { percentChange: -10 }).expect(201);
    const before = JSON.stringify(await setsOf(workout.id));

    expect((await regenerate(other, workout.id).expect(404)).body.error.code).toBe('NOT_FOUND');
    await regenerate(user, 999999999).expect(404);
    expect((await regenerate(user, 'abc').expect(400)).body.error.code).toBe('VALIDATION_ERROR');
    expect((await regenerate(user, workout.id, { force: true }).expect(400)).body.error.code).toBe('VALIDATION_ERROR');
    expect(JSON.stringify(await setsOf(workout.id))).toBe(before);

    await ctx.http().post(`/api/workouts/${workout.id}/abandon`).set(user.auth).send({}).expect(200);
    expect((await regenerate(user, workout.id).expect(409)).body.error.code).toBe('WORKOUT_NOT_IN_PROGRESS');
    expect(JSON.stringify(await setsOf(workout.id))).toBe(before);
    await ctx.http().post(`/api/workouts/${workout.id}/regenerate`).expect(401);
  });
});

describe('GET /api/workouts/export.csv', () => {
  it('one row per logged set, escaped, formula cells defused, only the lifter’s own', async () => {
    const user = await lifterOnNsuns(ctx);
    const other = await lifterOnNsuns(ctx);
    const workout = await startDay(user, 1);
    const [a, b] = workout.sets;
    const log = (setId: number, body: object) =>
      ctx.http().patch(`/api/workouts/${workout.id}/sets/${setId}`).set(user.auth).send(body).expect(200);
    await log(a!.id, { completed: true });
    await log(b!.id, { completed: true, actualReps: 4 });
    // A note that would be a formula and needs quoting, written directly (the note API is another part's).
    await ctx.db.$executeRaw`UPDATE workout_sets SET note = ${'=HYPERLINK("x"), ok'} WHERE id = ${a!.id}`;
    const otherWorkout = await startDay(other, 1);
    await ctx
      .http()
      .patch(`/api/workouts/${otherWorkout.id}/sets/${otherWorkout.sets[0]!.id}`)
      .set(other.auth)
      .send({ completed: true })
      .expect(200);

    const res = await ctx.http().get('/api/workouts/export.csv').set(user.auth).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('attachment');
    const lines = res.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'date,plan,cycle,week,day,day_name,exercise,kind,unit,prescribed_weight,actual_weight,prescribed_reps,actual_reps,rpe,note',
    );
    expect(lines).toHaveLength(3); // header + two logged sets; open sets and the other lifter's are not there
    expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2},nSuns 4-Day LP,1,1,1,/);
    expect(lines[1]).toContain(`,main,kg,${a!.prescribedWeight},${a!.prescribedWeight},${a!.prescribedReps},`);
    expect(lines[1]!.endsWith(`,"'=HYPERLINK(""x""), ok"`)).toBe(true);
    expect(lines[2]).toContain(`,${b!.prescribedReps},4,,`);
  });

  it('a lifter with nothing logged gets the header only; 401 without a token', async () => {
    const user = await registerUser(ctx);
    const res = await ctx.http().get('/api/workouts/export.csv').set(user.auth).expect(200);
    expect(res.text.trimEnd().split('\r\n')).toHaveLength(1);
    await ctx.http().get('/api/workouts/export.csv').expect(401);
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['=a,b', '"\'=a,b"'],
  ])('csvCell(%j) as text → %j', (input, expected) => {
    expect(csvCell(input, { text: true })).toBe(expected);
  });
});

describe('GET /api/users/me/export', () => {
  it('everything the lifter owns, no password hash, nothing of anyone else', async () => {
    const user = await lifterOnNsuns(ctx);
    const other = await lifterOnNsuns(ctx);
    await startDay(other, 1);
    await adjust(user, 'squat', { percentChange: -10, note: 'Deload' }).expect(201);
    const workout = await startDay(user, 1);
    const res = await ctx.http().get('/api/users/me/export').set(user.auth).expect(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const backup = res.body;
    expect(backup).toMatchObject({
      format: 'liftplan-backup',
      version: 1,
      profile: { id: user.id, email: user.email },
    });
    expect(JSON.stringify(backup)).not.toMatch(/passwordHash|password_hash|\$argon|\$2[aby]\$/);
    expect(backup.trainingMaxes).toHaveLength(5); // 4 from setup + the deload
    expect(backup.trainingMaxes.find((t: { note: string | null }) => t.note === 'Deload')).toMatchObject({
      weight: 126,
      exercise: { slug: 'squat' },
    });
    expect(backup.subscriptions).toHaveLength(1);
    expect(backup.workouts).toHaveLength(1);
    expect(backup.workouts[0].id).toBe(workout.id);
    expect(backup.workouts[0].sets).toHaveLength(workout.sets.length);
    const otherIds = (await ctx.db.workout.findMany({ where: { userId: other.id } })).map((w) => w.id);
    expect(backup.workouts.some((w: { id: number }) => otherIds.includes(w.id))).toBe(false);
    await ctx.http().get('/api/users/me/export').expect(401);
  });
});
