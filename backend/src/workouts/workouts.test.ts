import crypto from 'node:crypto';
import { createTestContext, type TestContext } from '../../test/test-db';
import {
  exerciseIds,
  lifterOnNsuns,
  logAllSets,
  nsunsPlanId,
  registerAdmin,
  registerUser,
  type TestUser,
} from '../../test/helpers';

let ctx: TestContext;
let ids: Record<string, number>;
let admin: TestUser;
beforeAll(async () => {
  ctx = await createTestContext();
  ids = await exerciseIds(ctx);
  admin = await registerAdmin(ctx);
});
afterAll(() => ctx.drop());

type SetDto = {
  id: number;
  exercise: { slug: string };
  tmExerciseId: number;
  tier: string;
  setOrder: number;
  percentage: number;
  prescribedWeight: number;
  prescribedReps: number;
  isAmrap: boolean;
  isProgression: boolean;
  actualReps: number | null;
  completed: boolean;
  plates: { perSide: number[]; remainderPerSide: number; belowBar: boolean } | null;
};
type WorkoutDto = { id: number; status: string; dayNumber: number; unit: string; sets: SetDto[]; progression: unknown };

const start = (user: TestUser, body: unknown) =>
  ctx
    .http()
    .post('/api/workouts')
    .set(user.auth)
    .send(body as object);

async function startDay(user: TestUser, dayNumber: number): Promise<WorkoutDto> {
  return (await start(user, { dayNumber }).expect(201)).body.workout;
}

const complete = (user: TestUser, workoutId: number) =>
  ctx.http().post(`/api/workouts/${workoutId}/complete`).set(user.auth);
const abandon = (user: TestUser, workoutId: number) =>
  ctx.http().post(`/api/workouts/${workoutId}/abandon`).set(user.auth);
const logSet = (user: TestUser, workoutId: number, setId: number, body: unknown) =>
  ctx
    .http()
    .patch(`/api/workouts/${workoutId}/sets/${setId}`)
    .set(user.auth)
    .send(body as object);

const tmRows = (userId: number) =>
  ctx.db.trainingMax.findMany({ where: { userId }, orderBy: [{ effectiveDate: 'asc' }, { id: 'asc' }] });
const workoutRows = (userId: number) =>
  ctx.db.workout.findMany({ where: { userId }, include: { sets: { orderBy: { id: 'asc' } } }, orderBy: { id: 'asc' } });

const slotSets = (workout: WorkoutDto, tier: string) => workout.sets.filter((s) => s.tier === tier);

// ---------------------------------------------------------------------------------------------------------------

describe('POST /api/workouts: generation from the pinned plan day and current TMs', () => {
  it('day 2 of nSuns from squat TM 140 and deadlift TM 180: every set prescribed to the plate', async () => {
    const user = await lifterOnNsuns(ctx);
    const res = await start(user, { dayNumber: 2 }).expect(201);
    const workout = res.body.workout as WorkoutDto & Record<string, unknown>;
    expect(workout).toMatchObject({
      dayNumber: 2,
      dayName: 'Squat + Sumo Deadlift',
      planId: await nsunsPlanId(ctx),
      planName: 'nSuns 4-Day LP',
      unit: 'kg',
      status: 'in_progress',
      completedAt: null,
      progression: null,
    });
    expect(workout.sets).toHaveLength(17);

    const t1 = slotSets(workout, 'T1');
    expect(t1.map((s) => s.exercise.slug)).toEqual(Array(9).fill('squat'));
    expect(t1.map((s) => s.tmExerciseId)).toEqual(Array(9).fill(ids.squat));
    expect(t1.map((s) => s.setOrder)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(t1.map((s) => s.percentage)).toEqual([0.75, 0.85, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65]);
    // 0.95 × 140 = 133 → 132.5; 0.85 × 140 = 119 → 120; 0.7 × 140 = 98 → 97.5; 0.65 × 140 = 91 → 90
    expect(t1.map((s) => s.prescribedWeight)).toEqual([105, 120, 132.5, 125, 120, 112.5, 105, 97.5, 90]);
    expect(t1.map((s) => s.prescribedReps)).toEqual([5, 3, 1, 3, 3, 3, 5, 5, 5]);
    expect(t1.map((s) => s.isAmrap)).toEqual([false, false, true, false, false, false, false, false, true]);
    expect(t1.map((s) => s.isProgression)).toEqual([false, false, true, false, false, false, false, false, false]);

    const t2 = slotSets(workout, 'T2');
    expect(t2.map((s) => s.exercise.slug)).toEqual(Array(8).fill('sumo-deadlift'));
    expect(t2.map((s) => s.tmExerciseId)).toEqual(Array(8).fill(ids.deadlift));
    expect(t2.map((s) => s.prescribedWeight)).toEqual([90, 107.5, 125, 125, 125, 125, 125, 125]);
    expect(t2.map((s) => s.prescribedReps)).toEqual([5, 5, 3, 5, 7, 4, 6, 8]);
    expect(t2.every((s) => !s.isAmrap && !s.isProgression)).toBe(true);

    expect(workout.sets.every((s) => s.actualReps === null && !s.completed)).toBe(true);
    // Plates per side on a 20 kg bar: 132.5 → 56.25 a side.
    expect(t1[2]!.plates).toEqual({ perSide: [25, 25, 5, 1.25], remainderPerSide: 0, belowBar: false });
    expect(t2[0]!.plates).toEqual({ perSide: [25, 10], remainderPerSide: 0, belowBar: false });

    const [row] = await workoutRows(user.id);
    expect(row).toMatchObject({ id: workout.id, dayNumber: 2, status: 'in_progress', unit: 'kg', completedAt: null });
    expect(row!.planDayId).not.toBeNull();
    expect(row!.userPlanId).not.toBeNull();
    expect(row!.sets).toHaveLength(17);
    const progressionRow = row!.sets.find((s) => s.isProgression)!;
    expect(progressionRow.prescribedWeight!.toString()).toBe('132.5');
    expect(progressionRow.id).toBe(t1[2]!.id);
  });

  it('GET /:id returns exactly what the start returned', async () => {
    const user = await lifterOnNsuns(ctx);
    const started = (await start(user, { dayNumber: 1 }).expect(201)).body.workout;
    const read = await ctx.http().get(`/api/workouts/${started.id}`).set(user.auth).expect(200);
    expect(read.body.workout).toEqual(started);
  });

  it('rounds exact halves up, in exact decimals (0.85 × 125 = 106.25 → 107.5)', async () => {
    const user = await lifterOnNsuns(ctx, { 'bench-press': 125, squat: 140, ohp: 60, deadlift: 180 });
    const workout = await startDay(user, 1);
    // 65x8, 75x6, 85x4 ×3, 80x5, 75x6, 70x7, 65x8+ of 125: 81.25 → 82.5, 93.75 → 95, 106.25 → 107.5, 100, 95, 87.5, 82.5
    expect(slotSets(workout, 'T1').map((s) => s.prescribedWeight)).toEqual([
      82.5, 95, 107.5, 107.5, 107.5, 100, 95, 87.5, 82.5,
    ]);
    // nSuns v2: day 1's 65 % 8+ is AMRAP but moves no TM; the OHP T2's last set does (docs/decisions/0010).
    expect(slotSets(workout, 'T1').map((s) => s.isProgression)).toEqual(Array(9).fill(false));
    expect(slotSets(workout, 'T2').map((s) => s.isProgression)).toEqual([...Array(7).fill(false), true]);
  });

  it("rounds to the lifter's own increment", async () => {
    const user = await lifterOnNsuns(ctx);
    await ctx.http().patch('/api/users/me').set(user.auth).send({ weightIncrement: 1 }).expect(200);
    const workout = await startDay(user, 2);
    expect(slotSets(workout, 'T1').map((s) => s.prescribedWeight)).toEqual([105, 119, 133, 126, 119, 112, 105, 98, 91]);
  });

  it('a lb lifter gets lb weights rounded to 5 lb and lb plates', async () => {
    const user = await lbLifterOnNsuns({ 'bench-press': 225, squat: 300, ohp: 135, deadlift: 400 });
    const workout = await startDay(user, 2);
    expect(workout.unit).toBe('lb');
    expect(slotSets(workout, 'T1').map((s) => s.prescribedWeight)).toEqual([
      225, 255, 285, 270, 255, 240, 225, 210, 195,
    ]);
    expect(slotSets(workout, 'T2').map((s) => s.prescribedWeight)).toEqual([200, 240, 280, 280, 280, 280, 280, 280]);
    expect(slotSets(workout, 'T1')[2]!.plates).toEqual({
      perSide: [45, 45, 25, 5],
      remainderPerSide: 0,
      belowBar: false,
    });
  });

  it('422 DAY_NOT_IN_PLAN for a day the plan does not have; nothing created', async () => {
    const user = await lifterOnNsuns(ctx);
    const res = await start(user, { dayNumber: 5 }).expect(422);
    expect(res.body.error.code).toBe('DAY_NOT_IN_PLAN');
    expect(res.body.error.details).toEqual([{ path: 'dayNumber', message: expect.stringContaining('4') }]);
    expect(await workoutRows(user.id)).toHaveLength(0);
  });

  it('404 NO_ACTIVE_PLAN without a plan, even with TMs; nothing created', async () => {
    const user = await lifterOnNsuns(ctx);
    await ctx.http().delete('/api/plans/current').set(user.auth).expect(204);
    const res = await start(user, { dayNumber: 1 }).expect(404);
    expect(res.body.error.code).toBe('NO_ACTIVE_PLAN');
    const fresh = await registerUser(ctx);
    expect((await start(fresh, { dayNumber: 1 }).expect(404)).body.error.code).toBe('NO_ACTIVE_PLAN');
    expect(await workoutRows(user.id)).toHaveLength(0);
  });

  it('422 MISSING_TRAINING_MAX naming the missing exercises; nothing created', async () => {
    const user = await registerUser(ctx);
    await ctx
      .http()
      .post(`/api/plans/${await nsunsPlanId(ctx)}/subscribe`)
      .set(user.auth)
      .expect(201);
    const none = await start(user, { dayNumber: 2 }).expect(422);
    expect(none.body.error.code).toBe('MISSING_TRAINING_MAX');
    expect(none.body.error.details.missingTMs.map((m: { slug: string }) => m.slug).sort()).toEqual([
      'deadlift',
      'squat',
    ]);

    await ctx
      .http()
      .post('/api/training-maxes/setup')
      .set(user.auth)
      .send({ exerciseTMs: [{ exerciseId: ids.squat, trainingMax: 140 }] })
      .expect(201);
    const one = await start(user, { dayNumber: 2 }).expect(422);
    expect(one.body.error.details).toEqual({
      missingTMs: [{ exerciseId: ids.deadlift, slug: 'deadlift', name: 'Deadlift' }],
    });
    expect(one.body.error.message).toContain('Deadlift');
    expect(one.body.error.message).not.toContain('Squat');
    expect(await workoutRows(user.id)).toHaveLength(0);
  });

  it.each<[string, unknown]>([
    // `{}` is no longer a 400: it starts the pointer's workout (plan model v2; plan-model-v2.test.ts).
    ['day 0', { dayNumber: 0 }],
    ['day 8', { dayNumber: 8 }],
    ['a fractional day', { dayNumber: 1.5 }],
    ['a day as a string', { dayNumber: '1' }],
    ['a null day', { dayNumber: null }],
    ['an unknown field', { dayNumber: 1, planDayId: 1 }],
  ])('400 for %s; nothing created', async (_name, body) => {
    const user = await lifterOnNsuns(ctx);
    const res = await start(user, body).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(await workoutRows(user.id)).toHaveLength(0);
  });

  it("409 WORKOUT_IN_PROGRESS with the open workout's id when one is already in progress", async () => {
    const user = await lifterOnNsuns(ctx);
    const first = await startDay(user, 1);
    const res = await start(user, { dayNumber: 2 }).expect(409);
    expect(res.body.error).toMatchObject({ code: 'WORKOUT_IN_PROGRESS', details: { workoutId: first.id } });
    expect((await workoutRows(user.id)).map((w) => w.id)).toEqual([first.id]);
  });

  it('concurrent starts create exactly one workout; the others get 409 with its id', async () => {
    const user = await lifterOnNsuns(ctx);
    const results = await Promise.all(Array.from({ length: 5 }, () => start(user, { dayNumber: 2 })));
    const created = results.filter((r) => r.status === 201);
    const conflicts = results.filter((r) => r.status === 409);
    expect(created).toHaveLength(1);
    expect(conflicts).toHaveLength(4);
    const id = created[0]!.body.workout.id;
    for (const r of conflicts)
      expect(r.body.error).toMatchObject({ code: 'WORKOUT_IN_PROGRESS', details: { workoutId: id } });
    const rows = await workoutRows(user.id);
    expect(rows.map((w) => w.id)).toEqual([id]);
    expect(rows[0]!.sets).toHaveLength(17);
    expect(await ctx.db.workoutSet.count({ where: { workout: { userId: user.id } } })).toBe(17);
  });

  it('after abandoning, a new workout can start', async () => {
    const user = await lifterOnNsuns(ctx);
    const first = await startDay(user, 1);
    const res = await abandon(user, first.id).expect(200);
    expect(res.body.workout).toMatchObject({ id: first.id, status: 'abandoned', completedAt: null });
    const second = await startDay(user, 1);
    expect(second.id).not.toBe(first.id);
    expect((await workoutRows(user.id)).map((w) => w.status)).toEqual(['abandoned', 'in_progress']);
  });

  it('after completing, a new workout can start', async () => {
    const user = await lifterOnNsuns(ctx);
    const first = await startDay(user, 1);
    await complete(user, first.id).expect(200);
    await startDay(user, 2);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('POST /api/workouts/:id/abandon', () => {
  it('only an in-progress workout can be abandoned; nothing else changes', async () => {
    const user = await lifterOnNsuns(ctx);
    const w = await startDay(user, 1);
    await abandon(user, w.id).expect(200);
    expect((await abandon(user, w.id).expect(409)).body.error.code).toBe('WORKOUT_NOT_IN_PROGRESS');
    expect((await complete(user, w.id).expect(409)).body.error.code).toBe('WORKOUT_NOT_IN_PROGRESS');
    expect((await logSet(user, w.id, w.sets[0]!.id, { completed: true }).expect(409)).body.error.code).toBe(
      'WORKOUT_NOT_IN_PROGRESS',
    );

    const done = await startDay(user, 2);
    await complete(user, done.id).expect(200);
    expect((await abandon(user, done.id).expect(409)).body.error.code).toBe('WORKOUT_ALREADY_COMPLETED');
    expect((await workoutRows(user.id)).map((r) => r.status)).toEqual(['abandoned', 'completed']);
  });

  it('404 for an unknown workout, 400 for a bad id or a body', async () => {
    const user = await lifterOnNsuns(ctx);
    expect((await abandon(user, 99_999_999).expect(404)).body.error.code).toBe('NOT_FOUND');
    await ctx.http().post('/api/workouts/abc/abandon').set(user.auth).expect(400);
    const w = await startDay(user, 1);
    await abandon(user, w.id).send({ status: 'completed' }).expect(400);
    expect((await workoutRows(user.id))[0]!.status).toBe('in_progress');
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('GET /api/workouts and /:id', () => {
  let user: TestUser;
  let w: Record<'day1' | 'day2' | 'day3' | 'day4', WorkoutDto>;
  beforeAll(async () => {
    user = await lifterOnNsuns(ctx);
    const day1 = await startDay(user, 1);
    await abandon(user, day1.id).expect(200);
    const day2 = await startDay(user, 2);
    for (const set of day2.sets.slice(0, 3)) await logSet(user, day2.id, set.id, { completed: true }).expect(200);
    await complete(user, day2.id).expect(200);
    const day3 = await startDay(user, 3);
    await abandon(user, day3.id).expect(200);
    const day4 = await startDay(user, 4);
    w = { day1, day2, day3, day4 };
  });

  it('lists newest first with defaults page 1, pageSize 20', async () => {
    const res = await ctx.http().get('/api/workouts').set(user.auth).expect(200);
    expect(res.body).toMatchObject({ page: 1, pageSize: 20, total: 4 });
    expect(res.body.items.map((i: { id: number }) => i.id)).toEqual([w.day4.id, w.day3.id, w.day2.id, w.day1.id]);
    const completed = res.body.items[2];
    expect(completed).toMatchObject({
      dayNumber: 2,
      status: 'completed',
      setCount: 17,
      completedSetCount: 3,
      progression: [],
      planName: 'nSuns 4-Day LP',
    });
    expect(completed.completedAt).toEqual(expect.any(String));
    expect(completed.sets).toBeUndefined();
  });

  it('paginates', async () => {
    const p1 = await ctx.http().get('/api/workouts?page=1&pageSize=3').set(user.auth).expect(200);
    expect(p1.body).toMatchObject({ page: 1, pageSize: 3, total: 4 });
    expect(p1.body.items.map((i: { id: number }) => i.id)).toEqual([w.day4.id, w.day3.id, w.day2.id]);
    const p2 = await ctx.http().get('/api/workouts?page=2&pageSize=3').set(user.auth).expect(200);
    expect(p2.body.items.map((i: { id: number }) => i.id)).toEqual([w.day1.id]);
    const p9 = await ctx.http().get('/api/workouts?page=9&pageSize=3').set(user.auth).expect(200);
    expect(p9.body).toMatchObject({ items: [], total: 4 });
  });

  it('filters by status', async () => {
    const abandoned = await ctx.http().get('/api/workouts?status=abandoned').set(user.auth).expect(200);
    expect(abandoned.body.total).toBe(2);
    expect(abandoned.body.items.map((i: { id: number }) => i.id)).toEqual([w.day3.id, w.day1.id]);
    const inProgress = await ctx.http().get('/api/workouts?status=in_progress').set(user.auth).expect(200);
    expect(inProgress.body.items.map((i: { id: number }) => i.id)).toEqual([w.day4.id]);
    const completed = await ctx.http().get('/api/workouts?status=completed&pageSize=1').set(user.auth).expect(200);
    expect(completed.body).toMatchObject({ total: 1, items: [expect.objectContaining({ id: w.day2.id })] });
  });

  it.each(['page=0', 'pageSize=0', 'pageSize=101', 'page=abc', 'status=done', 'page=1.5'])(
    '400 for ?%s',
    async (query) => {
      const res = await ctx.http().get(`/api/workouts?${query}`).set(user.auth).expect(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
    },
  );

  it('a lifter without workouts gets an empty page', async () => {
    const other = await registerUser(ctx);
    const res = await ctx.http().get('/api/workouts').set(other.auth).expect(200);
    expect(res.body).toEqual({ items: [], page: 1, pageSize: 20, total: 0 });
  });

  it('GET /:id returns one workout with its sets and logged reps', async () => {
    const res = await ctx.http().get(`/api/workouts/${w.day2.id}`).set(user.auth).expect(200);
    expect(res.body.workout).toMatchObject({ id: w.day2.id, status: 'completed', dayNumber: 2 });
    expect(res.body.workout.sets).toHaveLength(17);
    // Done without reps records the prescribed reps, except on the AMRAP (set 3), which records none.
    expect(res.body.workout.sets.slice(0, 4).map((s: SetDto) => [s.completed, s.actualReps])).toEqual([
      [true, 5],
      [true, 3],
      [true, null],
      [false, null],
    ]);
  });

  it('GET /:id: 404 for an unknown id, 400 for a bad one', async () => {
    expect((await ctx.http().get('/api/workouts/99999999').set(user.auth).expect(404)).body.error.code).toBe(
      'NOT_FOUND',
    );
    for (const bad of ['abc', '0', '-3', String(2 ** 31)])
      await ctx.http().get(`/api/workouts/${bad}`).set(user.auth).expect(400);
  });

  it('401 without a token', async () => {
    await ctx.http().get('/api/workouts').expect(401);
    await ctx.http().get(`/api/workouts/${w.day1.id}`).expect(401);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('PATCH /api/workouts/:id/sets/:setId', () => {
  it('marking a regular set done without reps records the prescribed reps', async () => {
    const user = await lifterOnNsuns(ctx);
    const w = await startDay(user, 2);
    const set = w.sets[0]!;
    const res = await logSet(user, w.id, set.id, { completed: true }).expect(200);
    // Done without a weight: done at the prescribed weight (issue 12).
    expect(res.body.set).toEqual({
      id: set.id,
      workoutId: w.id,
      actualReps: 5,
      actualWeight: 105,
      rpe: null,
      note: null,
      completed: true,
      skipped: false,
    });
    const row = await ctx.db.workoutSet.findUniqueOrThrow({ where: { id: set.id } });
    expect(row).toMatchObject({ actualReps: 5, completed: true });
  });

  it('un-marking a regular set clears its reps (not done means no reps); an AMRAP keeps the entered reps', async () => {
    const user = await lifterOnNsuns(ctx);
    const w = await startDay(user, 2);
    const set = w.sets[0]!;
    await logSet(user, w.id, set.id, { completed: true }).expect(200);
    expect((await logSet(user, w.id, set.id, { completed: false }).expect(200)).body.set).toMatchObject({
      actualReps: null,
      completed: false,
    });
    const amrap = w.sets.find((s) => s.isProgression)!;
    await logSet(user, w.id, amrap.id, { completed: true, actualReps: 4 }).expect(200);
    expect((await logSet(user, w.id, amrap.id, { completed: false }).expect(200)).body.set).toMatchObject({
      actualReps: 4,
      completed: false,
    });
  });

  it('an AMRAP set done without reps records no reps; entered reps are kept', async () => {
    const user = await lifterOnNsuns(ctx);
    const w = await startDay(user, 2);
    const amrap = w.sets.find((s) => s.isProgression)!;
    expect((await logSet(user, w.id, amrap.id, { completed: true }).expect(200)).body.set).toMatchObject({
      actualReps: null,
      completed: true,
    });
    expect((await logSet(user, w.id, amrap.id, { actualReps: 7 }).expect(200)).body.set).toMatchObject({
      actualReps: 7,
      completed: true,
    });
    expect((await logSet(user, w.id, amrap.id, { completed: true }).expect(200)).body.set).toMatchObject({
      actualReps: 7,
    });
  });

  it('logs missed reps, clears reps with null, and un-completes', async () => {
    const user = await lifterOnNsuns(ctx);
    const w = await startDay(user, 2);
    const set = w.sets[1]!;
    expect((await logSet(user, w.id, set.id, { actualReps: 2, completed: true }).expect(200)).body.set).toMatchObject({
      actualReps: 2,
      completed: true,
    });
    expect((await logSet(user, w.id, set.id, { completed: true }).expect(200)).body.set).toMatchObject({
      actualReps: 2,
    });
    expect((await logSet(user, w.id, set.id, { actualReps: null }).expect(200)).body.set).toMatchObject({
      actualReps: null,
      completed: true,
    });
    expect((await logSet(user, w.id, set.id, { completed: false }).expect(200)).body.set).toMatchObject({
      actualReps: null,
      completed: false,
    });
    expect((await logSet(user, w.id, set.id, { actualReps: 0 }).expect(200)).body.set).toMatchObject({ actualReps: 0 });
  });

  it.each<[string, unknown]>([
    ['an empty body', {}],
    ['negative reps', { actualReps: -1 }],
    ['fractional reps', { actualReps: 2.5 }],
    ['reps above 200', { actualReps: 201 }],
    ['reps as a string', { actualReps: '5' }],
    ['completed as a string', { completed: 'yes' }],
    ['a prescribed weight', { completed: true, prescribedWeight: 500 }],
    ['a progression flag', { actualReps: 5, isProgression: true }],
    ['a workout id', { completed: true, workoutId: 1 }],
  ])('400 for %s; the set is unchanged', async (_name, body) => {
    const user = await lifterOnNsuns(ctx);
    const w = await startDay(user, 2);
    const before = await ctx.db.workoutSet.findUniqueOrThrow({ where: { id: w.sets[0]!.id } });
    const res = await logSet(user, w.id, w.sets[0]!.id, body).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(await ctx.db.workoutSet.findUniqueOrThrow({ where: { id: w.sets[0]!.id } })).toEqual(before);
  });

  it('404 for a set of another workout (same lifter) or an unknown set; 400 for bad ids', async () => {
    const user = await lifterOnNsuns(ctx);
    const old = await startDay(user, 1);
    await abandon(user, old.id).expect(200);
    const current = await startDay(user, 2);
    expect((await logSet(user, current.id, old.sets[0]!.id, { completed: true }).expect(404)).body.error.code).toBe(
      'NOT_FOUND',
    );
    await logSet(user, old.id, current.sets[0]!.id, { completed: true }).expect(404);
    await logSet(user, current.id, 99_999_999, { completed: true }).expect(404);
    await logSet(user, 99_999_999, current.sets[0]!.id, { completed: true }).expect(404);
    await logSet(user, current.id, 2 ** 31, { completed: true }).expect(400);
    await ctx.http().patch(`/api/workouts/${current.id}/sets/abc`).set(user.auth).send({ completed: true }).expect(400);
    const rows = await ctx.db.workoutSet.findMany({ where: { workoutId: { in: [old.id, current.id] } } });
    expect(rows.every((s) => !s.completed && s.actualReps === null)).toBe(true);
  });

  it('409 after completion; the set is unchanged', async () => {
    const user = await lifterOnNsuns(ctx);
    const w = await startDay(user, 2);
    await complete(user, w.id).expect(200);
    const res = await logSet(user, w.id, w.sets[0]!.id, { actualReps: 5, completed: true }).expect(409);
    expect(res.body.error.code).toBe('WORKOUT_ALREADY_COMPLETED');
    expect(await ctx.db.workoutSet.findUniqueOrThrow({ where: { id: w.sets[0]!.id } })).toMatchObject({
      actualReps: null,
      completed: false,
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('POST /api/workouts/:id/complete: progression by the AMRAP reps of each progression set', () => {
  it('squat 95 % 1+ with 6 reps → +7.5 kg; the result is stored and shown again after a reload', async () => {
    const user = await lifterOnNsuns(ctx);
    const w = await startDay(user, 2);
    await logAllSets(ctx, user, w, 6);
    const before = await tmRows(user.id);
    const res = await complete(user, w.id).expect(200);
    const expected = [
      { exerciseId: ids.squat, slug: 'squat', previousTM: 140, newTM: 147.5, increase: 7.5, amrapReps: 6 },
    ];
    expect(res.body.progression).toEqual(expected);
    expect(res.body.workout).toMatchObject({ id: w.id, status: 'completed', progression: expected });
    expect(res.body.workout.completedAt).toEqual(expect.any(String));

    const after = await tmRows(user.id);
    expect(after.slice(0, before.length)).toEqual(before);
    const added = after.slice(before.length);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ exerciseId: ids.squat, unit: 'kg', source: 'progression', workoutId: w.id });
    expect(added[0]!.weight.toString()).toBe('147.5');

    const reloaded = await ctx.http().get(`/api/workouts/${w.id}`).set(user.auth).expect(200);
    expect(reloaded.body.workout.progression).toEqual(expected);
    expect(reloaded.body.workout).toEqual(res.body.workout);
    const list = await ctx.http().get('/api/workouts').set(user.auth).expect(200);
    expect(list.body.items[0].progression).toEqual(expected);
  });

  it.each<[number, number, string, number, number]>([
    [3, 6, 'bench-press', 100, 5], // upper 6+
    [3, 4, 'bench-press', 100, 2.5], // upper 4–5
    [3, 3, 'bench-press', 100, 2.5], // upper 2–3
    [2, 5, 'squat', 140, 5], // lower 4–5
    [2, 2, 'squat', 140, 2.5], // lower 2–3
    [4, 12, 'deadlift', 180, 7.5], // lower 6+
    [4, 1, 'deadlift', 180, 0],
    [3, 1, 'bench-press', 100, 0],
    [2, 0, 'squat', 140, 0],
  ])('day %i with %i AMRAP reps raises %s (TM %d) by %d kg', async (day, reps, slug, tm, increase) => {
    const user = await lifterOnNsuns(ctx);
    const w = await startDay(user, day);
    await logAllSets(ctx, user, w, reps);
    const before = await tmRows(user.id);
    const res = await complete(user, w.id).expect(200);
    expect(res.body.progression).toEqual([
      { exerciseId: ids[slug], slug, previousTM: tm, newTM: tm + increase, increase, amrapReps: reps },
    ]);
    const added = (await tmRows(user.id)).slice(before.length);
    if (increase === 0) {
      expect(added).toHaveLength(0); // +0 writes no TM row
    } else {
      expect(added.map((r) => [r.exerciseId, r.weight.toString(), r.source, r.workoutId])).toEqual([
        [ids[slug], String(tm + increase), 'progression', w.id],
      ]);
    }
  });

  it('day 1 (nSuns v2): the 65 % 8+ bench moves nothing; all 8 reps of the last OHP set raise OHP +2.5 kg', async () => {
    const user = await lifterOnNsuns(ctx);
    const w = await startDay(user, 1);
    await logAllSets(ctx, user, w, 12); // 12 reps on the 8+ would have been +5 kg on bench under seed 003
    const res = await complete(user, w.id).expect(200);
    expect(res.body.progression).toEqual([
      { exerciseId: ids.ohp, slug: 'ohp', previousTM: 60, newTM: 62.5, increase: 2.5, amrapReps: 8 },
    ]);
  });

  it('day 1 (nSuns v2): 7 of 8 OHP reps hold the OHP TM; two such weeks in a row reset it to 90 %', async () => {
    const user = await lifterOnNsuns(ctx);
    const shortWeek = async () => {
      const w = await startDay(user, 1);
      for (const set of w.sets) {
        const short = set.tier === 'T2' && set.isProgression;
        await ctx
          .http()
          .patch(`/api/workouts/${w.id}/sets/${set.id}`)
          .set(user.auth)
          .send({ completed: true, actualReps: short ? 7 : set.prescribedReps })
          .expect(200);
      }
      return (await complete(user, w.id).expect(200)).body.progression;
    };
    expect(await shortWeek()).toEqual([
      expect.objectContaining({ slug: 'ohp', previousTM: 60, newTM: 60, increase: 0 }),
    ]);
    expect(await shortWeek()).toEqual([
      expect.objectContaining({ slug: 'ohp', previousTM: 60, newTM: 54, increase: -6, kind: 'stall_reset' }),
    ]);
  });

  it('an unlogged progression set moves nothing', async () => {
    const user = await lifterOnNsuns(ctx);
    const w = await startDay(user, 2);
    for (const set of w.sets.filter((s) => !s.isAmrap))
      await logSet(user, w.id, set.id, { completed: true }).expect(200);
    const before = await tmRows(user.id);
    const res = await complete(user, w.id).expect(200);
    expect(res.body.progression).toEqual([]);
    expect(await tmRows(user.id)).toEqual(before);
  });

  it('only the progression set counts, not other AMRAP sets', async () => {
    const user = await lifterOnNsuns(ctx);
    const w = await startDay(user, 2);
    const [progression, lastAmrap] = w.sets.filter((s) => s.isAmrap);
    expect(progression!.isProgression).toBe(true);
    expect(lastAmrap!.isProgression).toBe(false);
    await logSet(user, w.id, progression!.id, { actualReps: 2, completed: true }).expect(200);
    await logSet(user, w.id, lastAmrap!.id, { actualReps: 15, completed: true }).expect(200);
    const res = await complete(user, w.id).expect(200);
    expect(res.body.progression).toEqual([expect.objectContaining({ slug: 'squat', amrapReps: 2, increase: 2.5 })]);
  });

  it('the next generated workout uses the raised TM', async () => {
    const user = await lifterOnNsuns(ctx);
    const w = await startDay(user, 2);
    await logAllSets(ctx, user, w, 6);
    await complete(user, w.id).expect(200);
    const next = await startDay(user, 2);
    // TM 147.5: 0.75 → 110.625 → 110; 0.95 → 140.125 → 140; deadlift (T2) unchanged
    expect(slotSets(next, 'T1').map((s) => s.prescribedWeight)).toEqual([
      110, 125, 140, 132.5, 125, 117.5, 110, 102.5, 95,
    ]);
    expect(slotSets(next, 'T2').map((s) => s.prescribedWeight)).toEqual([90, 107.5, 125, 125, 125, 125, 125, 125]);
    const tms = await ctx.http().get('/api/training-maxes').set(user.auth).expect(200);
    expect(
      tms.body.trainingMaxes.find((t: { exercise: { slug: string } }) => t.exercise.slug === 'squat'),
    ).toMatchObject({ trainingMax: 147.5, source: 'progression' });
  });

  it.each<[number, number, string, number, number]>([
    [2, 6, 'squat', 300, 15], // 7.5 kg → 15 lb
    [2, 4, 'squat', 300, 10], // 5 kg → 11.02 lb → 10
    [3, 7, 'bench-press', 225, 10], // 5 kg → 10 lb
    [3, 2, 'bench-press', 225, 5], // 2.5 kg → 5 lb
  ])(
    'a lb lifter gets kg rules converted: day %i, %i reps, %s %d lb → +%d lb',
    async (day, reps, slug, tm, increase) => {
      const user = await lbLifterOnNsuns({ 'bench-press': 225, squat: 300, ohp: 135, deadlift: 400 });
      const w = await startDay(user, day);
      await logAllSets(ctx, user, w, reps);
      const res = await complete(user, w.id).expect(200);
      expect(res.body.progression).toEqual([
        { exerciseId: ids[slug], slug, previousTM: tm, newTM: tm + increase, increase, amrapReps: reps },
      ]);
      const last = (await tmRows(user.id)).at(-1)!;
      expect(last).toMatchObject({ exerciseId: ids[slug], unit: 'lb', source: 'progression', workoutId: w.id });
      expect(last.weight.toString()).toBe(String(tm + increase));
    },
  );

  it('a lifter who switched kg → lb progresses from the converted TM', async () => {
    const user = await lifterOnNsuns(ctx);
    await ctx.http().patch('/api/users/me').set(user.auth).send({ unitPreference: 'lb' }).expect(200);
    const w = await startDay(user, 2);
    expect(w.unit).toBe('lb');
    await logAllSets(ctx, user, w, 6);
    const res = await complete(user, w.id).expect(200);
    expect(res.body.progression).toEqual([
      expect.objectContaining({ previousTM: 308.65, newTM: 323.65, increase: 15 }),
    ]);
  });

  it('a repeated completion is 409 WORKOUT_ALREADY_COMPLETED and changes nothing', async () => {
    const user = await lifterOnNsuns(ctx);
    const w = await startDay(user, 2);
    await logAllSets(ctx, user, w, 6);
    await complete(user, w.id).expect(200);
    const tmsBefore = await tmRows(user.id);
    const workoutBefore = await workoutRows(user.id);
    const res = await complete(user, w.id).expect(409);
    expect(res.body.error.code).toBe('WORKOUT_ALREADY_COMPLETED');
    expect(await tmRows(user.id)).toEqual(tmsBefore);
    expect(await workoutRows(user.id)).toEqual(workoutBefore);
  });

  it('N=10 concurrent completions: exactly one 200, the rest 409, one TM row per progressed exercise', async () => {
    const user = await lifterOnNsuns(ctx);
    const w = await startDay(user, 2);
    await logAllSets(ctx, user, w, 6);
    const before = await tmRows(user.id);
    const results = await Promise.all(Array.from({ length: 10 }, () => complete(user, w.id)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array(9).fill(409)]);
    for (const r of results.filter((x) => x.status === 409))
      expect(r.body.error.code).toBe('WORKOUT_ALREADY_COMPLETED');
    const ok = results.find((r) => r.status === 200)!;
    expect(ok.body.progression).toEqual([expect.objectContaining({ slug: 'squat', previousTM: 140, newTM: 147.5 })]);

    const added = (await tmRows(user.id)).slice(before.length);
    expect(added.map((r) => [r.exerciseId, r.weight.toString(), r.workoutId])).toEqual([[ids.squat, '147.5', w.id]]);
    const row = (await workoutRows(user.id))[0]!;
    expect(row.status).toBe('completed');
    expect(row.progressionResult).toEqual(ok.body.progression);
  });

  it('404 for an unknown workout, 400 for a bad id or a body; nothing completed', async () => {
    const user = await lifterOnNsuns(ctx);
    expect((await complete(user, 99_999_999).expect(404)).body.error.code).toBe('NOT_FOUND');
    await ctx.http().post('/api/workouts/abc/complete').set(user.auth).expect(400);
    const w = await startDay(user, 2);
    await logAllSets(ctx, user, w, 6);
    const res = await complete(user, w.id)
      .send({ progression: [{ exerciseId: ids.squat, newTM: 500 }] })
      .expect(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect((await workoutRows(user.id))[0]!.status).toBe('in_progress');
    expect(await ctx.db.trainingMax.count({ where: { userId: user.id, source: 'progression' } })).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('progression rules: exercise rule before category rule, pinned to the subscribed version', () => {
  /** A one-day plan with squat, bench and OHP, each ending in a progression AMRAP at 90 %. */
  async function createRulePlan(): Promise<number> {
    const slot = (exercise: string, sortOrder: number) => ({
      exerciseId: ids[exercise],
      tier: 'T1',
      sortOrder,
      sets: [
        { setOrder: 1, percentage: 0.8, reps: 5 },
        { setOrder: 2, percentage: 0.9, reps: 3, isAmrap: true, isProgression: true },
      ],
    });
    const res = await ctx
      .http()
      .post('/api/admin/plans')
      .set(admin.auth)
      .send({
        name: 'Rule test',
        slug: `rule-test-${crypto.randomBytes(4).toString('hex')}`,
        daysPerWeek: 1,
        days: [
          { dayNumber: 1, name: 'All three', exercises: [slot('squat', 1), slot('bench-press', 2), slot('ohp', 3)] },
        ],
        progressionRules: [
          { exerciseId: ids.squat, minReps: 5, maxReps: 99, increase: 10 },
          { category: 'lower', minReps: 1, maxReps: 99, increase: 7.5 },
          { category: 'upper', minReps: 1, maxReps: 99, increase: 2.5 },
          { exerciseId: ids.ohp, minReps: 1, maxReps: 99, increase: 10, unit: 'lb' },
        ],
      })
      .expect(201);
    return res.body.plan.id;
  }

  async function lifterOn(planId: number, unit: 'kg' | 'lb', tms: Record<string, number>): Promise<TestUser> {
    const user = await registerUser(ctx);
    if (unit === 'lb')
      await ctx.http().patch('/api/users/me').set(user.auth).send({ unitPreference: 'lb' }).expect(200);
    await ctx.http().post(`/api/plans/${planId}/subscribe`).set(user.auth).expect(201);
    await ctx
      .http()
      .post('/api/training-maxes/setup')
      .set(user.auth)
      .send({ exerciseTMs: Object.entries(tms).map(([slug, trainingMax]) => ({ exerciseId: ids[slug], trainingMax })) })
      .expect(201);
    return user;
  }

  async function runDay(user: TestUser, amrapReps: number) {
    const w = await startDay(user, 1);
    await logAllSets(ctx, user, w, amrapReps);
    return { workout: w, res: await complete(user, w.id).expect(200) };
  }

  it('the exercise rule wins over the category rule; one completion raises several TMs', async () => {
    const planId = await createRulePlan();
    const user = await lifterOn(planId, 'kg', { squat: 100, 'bench-press': 80, ohp: 50 });
    const { workout, res } = await runDay(user, 6);
    expect(res.body.progression).toEqual([
      { exerciseId: ids.squat, slug: 'squat', previousTM: 100, newTM: 110, increase: 10, amrapReps: 6 }, // exercise rule, not lower's 7.5
      { exerciseId: ids['bench-press'], slug: 'bench-press', previousTM: 80, newTM: 82.5, increase: 2.5, amrapReps: 6 }, // category upper
      { exerciseId: ids.ohp, slug: 'ohp', previousTM: 50, newTM: 55, increase: 5, amrapReps: 6 }, // 10 lb → 4.54 kg → 5 kg
    ]);
    const rows = await ctx.db.trainingMax.findMany({
      where: { userId: user.id, workoutId: workout.id },
      orderBy: { exerciseId: 'asc' },
    });
    expect(rows.map((r) => [r.exerciseId, r.weight.toString()]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual(
      [
        [ids.squat, '110'],
        [ids['bench-press'], '82.5'],
        [ids.ohp, '55'],
      ].sort((a, b) => Number(a[0]) - Number(b[0])),
    );
  });

  it("outside the exercise rule's rep range the category rule applies", async () => {
    const planId = await createRulePlan();
    const user = await lifterOn(planId, 'kg', { squat: 100, 'bench-press': 80, ohp: 50 });
    const { res } = await runDay(user, 3);
    expect(res.body.progression.find((p: { slug: string }) => p.slug === 'squat')).toMatchObject({
      increase: 7.5,
      newTM: 107.5,
    });
  });

  it('a lb lifter: kg rules are converted, lb rules apply as written', async () => {
    const planId = await createRulePlan();
    const user = await lifterOn(planId, 'lb', { squat: 225, 'bench-press': 185, ohp: 115 });
    const { res } = await runDay(user, 6);
    expect(res.body.progression.map((p: { slug: string; increase: number }) => [p.slug, p.increase])).toEqual([
      ['squat', 20], // 10 kg → 22.05 lb → 20
      ['bench-press', 5], // 2.5 kg → 5.51 lb → 5
      ['ohp', 10], // lb rule as is
    ]);
  });

  it('rules changed by an admin after subscribing do not affect the subscribed lifter', async () => {
    const planId = await createRulePlan();
    const early = await lifterOn(planId, 'kg', { squat: 100, 'bench-press': 80, ohp: 50 });
    await ctx
      .http()
      .post(`/api/admin/plans/${planId}/progression-rules`)
      .set(admin.auth)
      .send({ progressionRules: [{ exerciseId: ids.squat, minReps: 0, maxReps: 99, increase: 20 }] })
      .expect(200);
    const late = await lifterOn(planId, 'kg', { squat: 100, 'bench-press': 80, ohp: 50 });

    const earlyRun = await runDay(early, 6);
    expect(earlyRun.res.body.progression.map((p: { slug: string; increase: number }) => [p.slug, p.increase])).toEqual([
      ['squat', 10],
      ['bench-press', 2.5],
      ['ohp', 5],
    ]);
    const lateRun = await runDay(late, 6);
    expect(lateRun.res.body.progression.map((p: { slug: string; increase: number }) => [p.slug, p.increase])).toEqual([
      ['squat', 20],
      ['bench-press', 0],
      ['ohp', 0],
    ]);
    // +0 writes no row: only squat moved for the late subscriber.
    expect(await ctx.db.trainingMax.count({ where: { userId: late.id, workoutId: lateRun.workout.id } })).toBe(1);
  });
});

async function lbLifterOnNsuns(tms: Record<string, number>): Promise<TestUser> {
  const user = await registerUser(ctx);
  await ctx.http().patch('/api/users/me').set(user.auth).send({ unitPreference: 'lb' }).expect(200);
  await ctx
    .http()
    .post(`/api/plans/${await nsunsPlanId(ctx)}/subscribe`)
    .set(user.auth)
    .expect(201);
  await ctx
    .http()
    .post('/api/training-maxes/setup')
    .set(user.auth)
    .send({ exerciseTMs: Object.entries(tms).map(([slug, trainingMax]) => ({ exerciseId: ids[slug], trainingMax })) })
    .expect(201);
  return user;
}

describe('POST /api/workouts/:id/complete: the training max limit (1000 kg / 2200 lb)', () => {
  it('a progression that would pass 1000 kg completes the workout and stops at the limit, saying so', async () => {
    const user = await lifterOnNsuns(ctx, { 'bench-press': 100, squat: 995, ohp: 60, deadlift: 180 });
    const w = await startDay(user, 2);
    await logAllSets(ctx, user, w, 6); // +7.5 kg → 1002.5
    const res = await complete(user, w.id).expect(200);
    const expected = [
      { exerciseId: ids.squat, slug: 'squat', previousTM: 995, newTM: 1000, increase: 5, amrapReps: 6, capped: true },
    ];
    expect(res.body.progression).toEqual(expected);
    expect(res.body.workout).toMatchObject({ status: 'completed', progression: expected });
    const last = (await tmRows(user.id)).at(-1)!;
    expect(last).toMatchObject({ exerciseId: ids.squat, source: 'progression', workoutId: w.id });
    expect(last.weight.toString()).toBe('1000');
  });

  it('a lb lifter stops at 2200 lb', async () => {
    const user = await lbLifterOnNsuns({ 'bench-press': 225, squat: 2190, ohp: 135, deadlift: 400 });
    const w = await startDay(user, 2);
    await logAllSets(ctx, user, w, 6); // 7.5 kg → +15 lb → 2205
    const res = await complete(user, w.id).expect(200);
    expect(res.body.progression).toEqual([
      expect.objectContaining({ previousTM: 2190, newTM: 2200, increase: 10, capped: true }),
    ]);
  });

  it('a TM already at or above the limit (stored before it existed) does not move, and the workout still completes', async () => {
    const user = await lifterOnNsuns(ctx);
    await ctx.db.trainingMax.create({
      data: { userId: user.id, exerciseId: ids.squat!, weight: '9999.99', unit: 'kg', source: 'legacy' },
    });
    const w = await startDay(user, 2);
    await logAllSets(ctx, user, w, 6);
    const before = await tmRows(user.id);
    const res = await complete(user, w.id).expect(200);
    expect(res.body.progression).toEqual([
      {
        exerciseId: ids.squat,
        slug: 'squat',
        previousTM: 9999.99,
        newTM: 9999.99,
        increase: 0,
        amrapReps: 6,
        capped: true,
      },
    ]);
    expect(res.body.workout.status).toBe('completed');
    expect(await tmRows(user.id)).toEqual(before);
  });

  it('below the limit nothing says capped', async () => {
    const user = await lifterOnNsuns(ctx, { 'bench-press': 100, squat: 990, ohp: 60, deadlift: 180 });
    const w = await startDay(user, 2);
    await logAllSets(ctx, user, w, 6);
    const res = await complete(user, w.id).expect(200);
    expect(res.body.progression).toEqual([
      { exerciseId: ids.squat, slug: 'squat', previousTM: 990, newTM: 997.5, increase: 7.5, amrapReps: 6 },
    ]);
  });
});

describe('POST /api/workouts/:id/complete and manual adjustments are serialised per lifter', () => {
  it('a completion and parallel adjustments never lose an update: every TM row builds on the one before', async () => {
    const user = await lifterOnNsuns(ctx);
    const w = await startDay(user, 2);
    await logAllSets(ctx, user, w, 6);
    const adjust = () =>
      ctx.http().post(`/api/training-maxes/${ids.squat}/adjust`).set(user.auth).send({ percentChange: 10 });
    const results = await Promise.all([adjust(), adjust(), complete(user, w.id), adjust(), adjust()]);
    expect(results.map((r) => r.status)).toEqual([201, 201, 200, 201, 201]);
    const rows = (await tmRows(user.id)).filter((r) => r.exerciseId === ids.squat);
    expect(rows).toHaveLength(6);
    rows.slice(1).forEach((row, i) => {
      const previous = rows[i]!.weight;
      const expected = row.source === 'progression' ? previous.plus(7.5) : previous.mul(1.1).toDecimalPlaces(2);
      expect(row.weight.toString()).toBe(expected.toString());
    });
    const progression = results[2]!.body.progression[0];
    const progressionRow = rows.find((r) => r.source === 'progression')!;
    expect(String(progression.newTM)).toBe(progressionRow.weight.toString());
  });
});
