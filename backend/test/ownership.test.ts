// Cross-user and privilege matrix: a lifter never reads or writes another lifter's resources (404, never 403 or
// 200 with someone else's data), never reaches /api/admin, and never writes a field the API does not offer.
import type { Test } from 'supertest';
import { createTestContext, type TestContext } from './test-db';
import {
  exerciseIds,
  lifterOnNsuns,
  logAllSets,
  nsunsPlanId,
  registerUser,
  uniqueEmail,
  type TestUser,
} from './helpers';

let ctx: TestContext;
let ids: Record<string, number>;
let planId: number;
let A: TestUser;
let B: TestUser;
let aDone: { id: number; setIds: number[] };
let aOpen: { id: number; setIds: number[] };
let bOpen: { id: number; setIds: number[] };

beforeAll(async () => {
  ctx = await createTestContext();
  ids = await exerciseIds(ctx);
  planId = await nsunsPlanId(ctx);
  A = await lifterOnNsuns(ctx);
  B = await lifterOnNsuns(ctx, { 'bench-press': 60, squat: 80, ohp: 40, deadlift: 100 });

  const done = (await ctx.http().post('/api/workouts').set(A.auth).send({ dayNumber: 1 }).expect(201)).body.workout;
  await logAllSets(ctx, A, done, 8);
  await ctx.http().post(`/api/workouts/${done.id}/complete`).set(A.auth).expect(200);
  const open = (await ctx.http().post('/api/workouts').set(A.auth).send({ dayNumber: 2 }).expect(201)).body.workout;
  const bWorkout = (await ctx.http().post('/api/workouts').set(B.auth).send({ dayNumber: 3 }).expect(201)).body.workout;
  const shape = (w: { id: number; sets: Array<{ id: number }> }) => ({ id: w.id, setIds: w.sets.map((s) => s.id) });
  aDone = shape(done);
  aOpen = shape(open);
  bOpen = shape(bWorkout);
});
afterAll(() => ctx.drop());

/** Everything a lifter owns, as stored. */
async function snapshot(userId: number) {
  const [user, trainingMaxes, workouts, plans] = await Promise.all([
    ctx.db.user.findUniqueOrThrow({ where: { id: userId } }),
    ctx.db.trainingMax.findMany({ where: { userId }, orderBy: { id: 'asc' } }),
    ctx.db.workout.findMany({
      where: { userId },
      include: { sets: { orderBy: { id: 'asc' } } },
      orderBy: { id: 'asc' },
    }),
    ctx.db.userPlan.findMany({ where: { userId }, orderBy: { id: 'asc' } }),
  ]);
  return { user, trainingMaxes, workouts, plans };
}

/** What admins manage: the library, plans with their versions and rules, and who is an admin. */
async function adminSnapshot() {
  const [exercises, plans, versions, rules, admins, users] = await Promise.all([
    ctx.db.exercise.findMany({ orderBy: { id: 'asc' } }),
    ctx.db.workoutPlan.findMany({ orderBy: { id: 'asc' } }),
    ctx.db.planVersion.findMany({ orderBy: { id: 'asc' } }),
    ctx.db.planProgressionRule.findMany({ orderBy: { id: 'asc' } }),
    ctx.db.user.findMany({ where: { isAdmin: true }, select: { id: true } }),
    ctx.db.user.count(),
  ]);
  return { exercises, plans, versions, rules, admins, users };
}

type Call = (user: TestUser) => Test;
const as = (user: TestUser, req: Test) => req.set(user.auth);

// ---------------------------------------------------------------------------------------------------------------

describe("user B on user A's resources", () => {
  const crossUser: Array<[string, Call]> = [
    ["GET A's in-progress workout", (u) => as(u, ctx.http().get(`/api/workouts/${aOpen.id}`))],
    ["GET A's completed workout", (u) => as(u, ctx.http().get(`/api/workouts/${aDone.id}`))],
    [
      "PATCH a set of A's workout (done)",
      (u) => as(u, ctx.http().patch(`/api/workouts/${aOpen.id}/sets/${aOpen.setIds[0]}`)).send({ completed: true }),
    ],
    [
      "PATCH a set of A's workout (reps)",
      (u) => as(u, ctx.http().patch(`/api/workouts/${aOpen.id}/sets/${aOpen.setIds[2]}`)).send({ actualReps: 12 }),
    ],
    [
      "PATCH A's set through B's own workout",
      (u) => as(u, ctx.http().patch(`/api/workouts/${bOpen.id}/sets/${aOpen.setIds[0]}`)).send({ completed: true }),
    ],
    [
      "PATCH a set of A's completed workout",
      (u) => as(u, ctx.http().patch(`/api/workouts/${aDone.id}/sets/${aDone.setIds[0]}`)).send({ actualReps: 1 }),
    ],
    ["complete A's in-progress workout", (u) => as(u, ctx.http().post(`/api/workouts/${aOpen.id}/complete`))],
    ["complete A's completed workout", (u) => as(u, ctx.http().post(`/api/workouts/${aDone.id}/complete`))],
    ["abandon A's in-progress workout", (u) => as(u, ctx.http().post(`/api/workouts/${aOpen.id}/abandon`))],
    ["abandon A's completed workout", (u) => as(u, ctx.http().post(`/api/workouts/${aDone.id}/abandon`))],
    [
      "add a set to A's workout",
      (u) => as(u, ctx.http().post(`/api/workouts/${aOpen.id}/sets`)).send({ exerciseId: ids.squat }),
    ],
    [
      "add an accessory to A's completed workout",
      (u) => as(u, ctx.http().post(`/api/workouts/${aDone.id}/sets`)).send({ exerciseId: ids['barbell-curl'] }),
    ],
    [
      "delete a set of A's workout",
      (u) => as(u, ctx.http().delete(`/api/workouts/${aOpen.id}/sets/${aOpen.setIds[0]}`)),
    ],
    [
      "delete A's set through B's own workout",
      (u) => as(u, ctx.http().delete(`/api/workouts/${bOpen.id}/sets/${aOpen.setIds[0]}`)),
    ],
    [
      "swap an exercise of A's workout",
      (u) =>
        as(u, ctx.http().post(`/api/workouts/${aOpen.id}/swap`)).send({ exerciseOrder: 1, exerciseId: ids.deadlift }),
    ],
  ];

  it.each(crossUser)('%s → 404, nothing of A shown or changed', async (_name, call) => {
    const [aBefore, bBefore] = await Promise.all([snapshot(A.id), snapshot(B.id)]);
    const res = await call(B);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
    expect(await snapshot(A.id)).toEqual(aBefore);
    expect(await snapshot(B.id)).toEqual(bBefore);
  });

  it('A still reaches the same resources (the 404s above are about ownership, not the ids)', async () => {
    await ctx.http().get(`/api/workouts/${aOpen.id}`).set(A.auth).expect(200);
    await ctx.http().get(`/api/workouts/${aDone.id}`).set(A.auth).expect(200);
  });

  it("B's workout list holds only B's workouts, whatever the query says", async () => {
    const res = await ctx.http().get(`/api/workouts?userId=${A.id}`).set(B.auth).expect(200);
    expect(res.body.items.map((w: { id: number }) => w.id)).toEqual([bOpen.id]);
    expect(res.body.total).toBe(1);
  });

  it("A's in-progress workout does not block B: the one-in-progress rule is per lifter", async () => {
    const list = await ctx.http().get('/api/workouts?status=in_progress').set(A.auth).expect(200);
    expect(list.body.items.map((w: { id: number }) => w.id)).toEqual([aOpen.id]);
    expect((await ctx.db.workout.findUniqueOrThrow({ where: { id: bOpen.id } })).status).toBe('in_progress');
  });

  it("TM history is per lifter: B sees only B's rows for the same exercise", async () => {
    const bRows = await ctx.db.trainingMax.findMany({
      where: { userId: B.id, exerciseId: ids.ohp },
      orderBy: { id: 'asc' },
    });
    const res = await ctx.http().get(`/api/training-maxes/${ids.ohp}/history`).set(B.auth).expect(200);
    expect(res.body.history.map((h: { id: number }) => h.id)).toEqual(bRows.map((r) => r.id));
    expect(res.body.history.map((h: { weight: number }) => h.weight)).toEqual([40]);
    // A's history has A's progression row from A's workout; B never sees it.
    const a = await ctx.http().get(`/api/training-maxes/${ids.ohp}/history`).set(A.auth).expect(200);
    expect(a.body.history.map((h: { weight: number; workoutId: number | null }) => [h.weight, h.workoutId])).toEqual([
      [60, null],
      [62.5, aDone.id], // nSuns v2: day 1's last OHP set (all 8 reps) raised OHP (ADR 0010)
    ]);
  });

  it("GET /api/training-maxes shows B's own values", async () => {
    const res = await ctx.http().get('/api/training-maxes').set(B.auth).expect(200);
    expect(
      res.body.trainingMaxes.map((t: { exercise: { slug: string }; trainingMax: number }) => [
        t.exercise.slug,
        t.trainingMax,
      ]),
    ).toEqual([
      ['bench-press', 60],
      ['ohp', 40],
      ['squat', 80],
      ['deadlift', 100],
    ]);
  });

  it('adjusting a TM appends a row for the caller only', async () => {
    const user = await lifterOnNsuns(ctx, { 'bench-press': 50, squat: 70, ohp: 30, deadlift: 90 });
    const aBefore = await snapshot(A.id);
    await ctx
      .http()
      .post(`/api/training-maxes/${ids.squat}/adjust`)
      .set(user.auth)
      .send({ percentChange: -10 })
      .expect(201);
    expect(await snapshot(A.id)).toEqual(aBefore);
    const rows = await ctx.db.trainingMax.findMany({
      where: { userId: { in: [user.id, A.id, B.id] }, exerciseId: ids.squat, source: 'manual' },
    });
    expect(rows.map((r) => [r.userId, r.weight.toString()])).toEqual([[user.id, '63']]);
  });

  it("GET /api/plans/current shows B's own subscription and workout", async () => {
    const res = await ctx.http().get('/api/plans/current').set(B.auth).expect(200);
    const bPlan = await ctx.db.userPlan.findFirstOrThrow({ where: { userId: B.id, isActive: true } });
    expect(res.body.userPlan.id).toBe(bPlan.id);
    expect(res.body.inProgressWorkout).toEqual({
      id: bOpen.id,
      cycle: 1,
      weekNumber: 1,
      dayNumber: 3,
      staleTrainingMaxes: [],
    });
    expect(res.body.missingTMs).toEqual([]);
  });

  it("a lifter without a plan gets { plan: null }, not someone else's plan", async () => {
    const lonely = await registerUser(ctx);
    const res = await ctx.http().get('/api/plans/current').set(lonely.auth).expect(200);
    expect(res.body).toEqual({ plan: null });
  });

  it("unsubscribing ends only the caller's plan", async () => {
    const user = await registerUser(ctx);
    await ctx.http().post(`/api/plans/${planId}/subscribe`).set(user.auth).expect(201);
    const aBefore = await snapshot(A.id);
    await ctx.http().delete('/api/plans/current').set(user.auth).expect(204);
    expect(await snapshot(A.id)).toEqual(aBefore);
    await ctx.http().get('/api/plans/current').set(A.auth).expect(200);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('/api/admin/* for lifters', () => {
  const planBody = () => ({
    name: 'Sneaky',
    slug: 'sneaky-plan',
    daysPerWeek: 1,
    days: [
      {
        dayNumber: 1,
        exercises: [
          { exerciseId: ids.squat, tier: 'T1', sortOrder: 1, sets: [{ setOrder: 1, percentage: 0.8, reps: 5 }] },
        ],
      },
    ],
  });
  const adminRoutes: Array<[string, string, () => string, () => object | undefined]> = [
    ['GET', 'users', () => '/api/admin/users', () => undefined],
    ['PATCH', 'users/:id (promote)', () => `/api/admin/users/${B.id}`, () => ({ isAdmin: true })],
    ['GET', 'exercises', () => '/api/admin/exercises', () => undefined],
    ['GET', 'exercises/:id', () => `/api/admin/exercises/${ids.squat}`, () => undefined],
    [
      'POST',
      'exercises',
      () => '/api/admin/exercises',
      () => ({ slug: 'sneaky-lift', name: 'Sneaky Lift', isUpperBody: true }),
    ],
    ['PATCH', 'exercises/:id', () => `/api/admin/exercises/${ids.squat}`, () => ({ name: 'Renamed' })],
    ['DELETE', 'exercises/:id', () => `/api/admin/exercises/${ids['leg-press']}`, () => undefined],
    ['GET', 'plans', () => '/api/admin/plans', () => undefined],
    ['GET', 'plans/:id', () => `/api/admin/plans/${planId}`, () => undefined],
    ['POST', 'plans', () => '/api/admin/plans', planBody],
    ['PUT', 'plans/:id', () => `/api/admin/plans/${planId}`, () => ({ ...planBody(), slug: 'nsuns-4day-lp' })],
    ['DELETE', 'plans/:id', () => `/api/admin/plans/${planId}`, () => undefined],
    [
      'POST',
      'plans/:id/progression-rules',
      () => `/api/admin/plans/${planId}/progression-rules`,
      () => ({ progressionRules: [{ category: 'upper', minReps: 0, maxReps: 99, increase: 50 }] }),
    ],
    ['GET', 'an unknown admin path', () => '/api/admin/nothing-here', () => undefined],
  ];

  const send = (method: string, url: string, body: object | undefined, user?: TestUser) => {
    const http = ctx.http();
    let req =
      method === 'GET'
        ? http.get(url)
        : method === 'POST'
          ? http.post(url)
          : method === 'PUT'
            ? http.put(url)
            : method === 'PATCH'
              ? http.patch(url)
              : http.delete(url);
    if (user) req = req.set(user.auth);
    return body ? req.send(body) : req;
  };

  it.each(adminRoutes)(
    '%s /api/admin/%s → 403 for a lifter, 401 without a token; nothing changes',
    async (method, _name, url, body) => {
      const before = await adminSnapshot();
      const res = await send(method, url(), body(), B);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
      expect((await send(method, url(), body())).status).toBe(401);
      expect(await adminSnapshot()).toEqual(before);
    },
  );
});

// ---------------------------------------------------------------------------------------------------------------

describe('mass assignment: unknown fields in lifter write bodies are rejected and change nothing', () => {
  let M: TestUser;
  let mOpen: { id: number; setIds: number[]; amrapSetId: number };
  beforeAll(async () => {
    M = await lifterOnNsuns(ctx);
    const w = (await ctx.http().post('/api/workouts').set(M.auth).send({ dayNumber: 2 }).expect(201)).body.workout;
    mOpen = {
      id: w.id,
      setIds: w.sets.map((s: { id: number }) => s.id),
      amrapSetId: w.sets.find((s: { isAmrap: boolean }) => s.isAmrap).id,
    };
  });

  const tm = () => ({ exerciseId: ids.squat, trainingMax: 150 });
  const writes: Array<[string, string, () => string, () => object]> = [
    ['PATCH', 'users/me isAdmin', () => '/api/users/me', () => ({ isAdmin: true })],
    ['PATCH', 'users/me userId', () => '/api/users/me', () => ({ displayName: 'X', userId: A.id })],
    ['PATCH', 'users/me id', () => '/api/users/me', () => ({ displayName: 'X', id: A.id })],
    ['PATCH', 'users/me email', () => '/api/users/me', () => ({ email: uniqueEmail() })],
    ['PATCH', 'users/me passwordHash', () => '/api/users/me', () => ({ passwordHash: 'x' })],
    [
      'POST',
      'setup userId (top level)',
      () => '/api/training-maxes/setup',
      () => ({ userId: A.id, exerciseTMs: [tm()] }),
    ],
    [
      'POST',
      'setup userId (entry)',
      () => '/api/training-maxes/setup',
      () => ({ exerciseTMs: [{ ...tm(), userId: A.id }] }),
    ],
    [
      'POST',
      'setup source',
      () => '/api/training-maxes/setup',
      () => ({ exerciseTMs: [{ ...tm(), source: 'progression' }] }),
    ],
    [
      'POST',
      'setup workoutId',
      () => '/api/training-maxes/setup',
      () => ({ exerciseTMs: [{ ...tm(), workoutId: aDone.id }] }),
    ],
    [
      'POST',
      'setup weight',
      () => '/api/training-maxes/setup',
      () => ({ exerciseTMs: [{ exerciseId: ids.squat, weight: 150 }] }),
    ],
    ['POST', 'setup unit', () => '/api/training-maxes/setup', () => ({ exerciseTMs: [{ ...tm(), unit: 'lb' }] })],
    [
      'POST',
      'setup effectiveDate',
      () => '/api/training-maxes/setup',
      () => ({ exerciseTMs: [{ ...tm(), effectiveDate: '2030-01-01T00:00:00Z' }] }),
    ],
    [
      'POST',
      'adjust userId',
      () => `/api/training-maxes/${ids.squat}/adjust`,
      () => ({ trainingMax: 150, userId: A.id }),
    ],
    [
      'POST',
      'adjust weight',
      () => `/api/training-maxes/${ids.squat}/adjust`,
      () => ({ percentChange: -10, weight: 1 }),
    ],
    [
      'POST',
      'adjust source',
      () => `/api/training-maxes/${ids.squat}/adjust`,
      () => ({ trainingMax: 150, source: 'progression' }),
    ],
    [
      'POST',
      'adjust workoutId',
      () => `/api/training-maxes/${ids.squat}/adjust`,
      () => ({ trainingMax: 150, workoutId: aDone.id }),
    ],
    ['POST', 'adjust unit', () => `/api/training-maxes/${ids.squat}/adjust`, () => ({ trainingMax: 150, unit: 'lb' })],
    ['POST', 'start userId', () => '/api/workouts', () => ({ dayNumber: 1, userId: A.id })],
    ['POST', 'start status', () => '/api/workouts', () => ({ dayNumber: 1, status: 'completed' })],
    ['POST', 'start planDayId', () => '/api/workouts', () => ({ dayNumber: 1, planDayId: 1 })],
    ['POST', 'start sets', () => '/api/workouts', () => ({ dayNumber: 1, sets: [{ prescribedWeight: 1 }] })],
    ['POST', 'start unit', () => '/api/workouts', () => ({ dayNumber: 1, unit: 'lb' })],
    [
      'PATCH',
      'set prescribedWeight',
      () => `/api/workouts/${mOpen.id}/sets/${mOpen.setIds[0]}`,
      () => ({ completed: true, prescribedWeight: 1 }),
    ],
    [
      'PATCH',
      'set prescribedReps',
      () => `/api/workouts/${mOpen.id}/sets/${mOpen.setIds[0]}`,
      () => ({ completed: true, prescribedReps: 1 }),
    ],
    [
      'PATCH',
      'set weight',
      () => `/api/workouts/${mOpen.id}/sets/${mOpen.setIds[0]}`,
      () => ({ actualReps: 5, weight: 999 }),
    ],
    [
      'PATCH',
      'set isProgression',
      () => `/api/workouts/${mOpen.id}/sets/${mOpen.setIds[0]}`,
      () => ({ actualReps: 5, isProgression: true }),
    ],
    [
      'PATCH',
      'set isAmrap',
      () => `/api/workouts/${mOpen.id}/sets/${mOpen.setIds[0]}`,
      () => ({ completed: true, isAmrap: true }),
    ],
    [
      'PATCH',
      'set workoutId',
      () => `/api/workouts/${mOpen.id}/sets/${mOpen.amrapSetId}`,
      () => ({ actualReps: 9, workoutId: aOpen.id }),
    ],
    [
      'PATCH',
      'set userId',
      () => `/api/workouts/${mOpen.id}/sets/${mOpen.setIds[0]}`,
      () => ({ completed: true, userId: A.id }),
    ],
    ['POST', 'complete status', () => `/api/workouts/${mOpen.id}/complete`, () => ({ status: 'abandoned' })],
    [
      'POST',
      'complete progression',
      () => `/api/workouts/${mOpen.id}/complete`,
      () => ({ progression: [{ exerciseId: ids.squat, newTM: 500 }] }),
    ],
    ['POST', 'complete userId', () => `/api/workouts/${mOpen.id}/complete`, () => ({ userId: A.id })],
    ['POST', 'abandon status', () => `/api/workouts/${mOpen.id}/abandon`, () => ({ status: 'completed' })],
    ['POST', 'abandon userId', () => `/api/workouts/${mOpen.id}/abandon`, () => ({ userId: A.id })],
  ];

  it.each(writes)('%s %s → 400, nothing written for the caller or anyone else', async (method, _name, url, body) => {
    const [mBefore, aBefore, adminBefore] = await Promise.all([snapshot(M.id), snapshot(A.id), adminSnapshot()]);
    const http = ctx.http();
    const req = method === 'POST' ? http.post(url()) : http.patch(url());
    const res = await req.set(M.auth).send(body());
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(await snapshot(M.id)).toEqual(mBefore);
    expect(await snapshot(A.id)).toEqual(aBefore);
    expect(await adminSnapshot()).toEqual(adminBefore);
  });

  it('POST /api/auth/register with isAdmin or unit settings → 400, no account', async () => {
    for (const extra of [{ isAdmin: true }, { unitPreference: 'lb' }, { id: 1 }]) {
      const email = uniqueEmail();
      const res = await ctx
        .http()
        .post('/api/auth/register')
        .send({ email, password: 'correct horse battery', displayName: 'Eve', ...extra })
        .expect(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
      expect(await ctx.db.user.findUnique({ where: { email } })).toBeNull();
    }
  });

  it('POST /api/plans/:id/subscribe never writes body fields (the route takes no body)', async () => {
    const user = await registerUser(ctx);
    const aBefore = await snapshot(A.id);
    const res = await ctx
      .http()
      .post(`/api/plans/${planId}/subscribe`)
      .set(user.auth)
      .send({ userId: A.id, planVersionId: 1, isActive: false, startedAt: '2000-01-01T00:00:00Z' });
    // Ignored rather than rejected (plans/subscriptions code); what matters is that none of it is written.
    expect([201, 400]).toContain(res.status);
    const plans = await ctx.db.userPlan.findMany({ where: { userId: user.id } });
    if (res.status === 201) {
      expect(plans).toHaveLength(1);
      expect(plans[0]).toMatchObject({ isActive: true });
      expect(plans[0]!.startedAt.getFullYear()).toBeGreaterThan(2000);
    } else {
      expect(plans).toHaveLength(0);
    }
    expect(await snapshot(A.id)).toEqual(aBefore);
  });
});
