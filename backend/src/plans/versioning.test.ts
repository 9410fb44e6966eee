// Plans are versioned implicitly (docs/decisions/0003-implicit-plan-versioning.md): a subscription pins the
// version it started on, an admin's edit affects new subscribers only, and workouts keep pointing at the day they
// were generated from.
import { createTestContext, type TestContext } from '../../test/test-db';
import { exerciseIds, logAllSets, registerAdmin, registerUser, type TestUser } from '../../test/helpers';

let ctx: TestContext;
let admin: TestUser;
let ids: Record<string, number>;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await registerAdmin(ctx);
  ids = await exerciseIds(ctx);
});
afterAll(() => ctx.drop());

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let counter = 0;
const freshSlug = () => `versioned-${Date.now().toString(36)}-${++counter}`;

/** A two-day plan; `benchScheme` is day 1's bench sets as [percentage, reps, amrap?] (the last one drives progression). */
function planBody(
  slug: string,
  benchScheme: Array<[number, number, boolean?]>,
  upperIncrease = 2.5,
  name = 'Versioned Plan',
): Json {
  return {
    name,
    slug,
    daysPerWeek: 2,
    days: [
      {
        dayNumber: 1,
        name: 'Bench Day',
        exercises: [
          {
            exerciseId: ids['bench-press'],
            tier: 'T1',
            sortOrder: 1,
            sets: benchScheme.map(([percentage, reps, amrap], i) => ({
              setOrder: i + 1,
              percentage,
              reps,
              isAmrap: Boolean(amrap),
              isProgression: Boolean(amrap) && i === benchScheme.length - 1,
            })),
          },
        ],
      },
      {
        dayNumber: 2,
        name: 'Squat Day',
        exercises: [
          {
            exerciseId: ids['squat'],
            tier: 'T1',
            sortOrder: 1,
            sets: [{ setOrder: 1, percentage: 0.8, reps: 5, isAmrap: true, isProgression: true }],
          },
        ],
      },
    ],
    progressionRules: [
      { category: 'upper', minReps: 0, maxReps: 99, increase: upperIncrease },
      { category: 'lower', minReps: 0, maxReps: 99, increase: 5 },
    ],
  };
}

const V1: Array<[number, number, boolean?]> = [
  [0.65, 8],
  [0.75, 6],
  [0.85, 4, true],
];
const V2: Array<[number, number, boolean?]> = [
  [0.7, 5],
  [0.8, 5],
  [0.9, 3],
  [0.95, 1, true],
];

async function createPlan(body: Json) {
  return (await ctx.http().post('/api/admin/plans').set(admin.auth).send(body).expect(201)).body.plan as Json;
}
async function putPlan(id: number, body: Json) {
  return (await ctx.http().put(`/api/admin/plans/${id}`).set(admin.auth).send(body).expect(200)).body.plan as Json;
}

/** A lifter subscribed to `planId` with bench 100 kg and squat 140 kg training maxes. */
async function subscribedLifter(planId: number): Promise<TestUser & { userPlan: Json }> {
  const user = await registerUser(ctx);
  const sub = await ctx.http().post(`/api/plans/${planId}/subscribe`).set(user.auth).expect(201);
  await ctx
    .http()
    .post('/api/training-maxes/setup')
    .set(user.auth)
    .send({
      exerciseTMs: [
        { exerciseId: ids['bench-press'], trainingMax: 100 },
        { exerciseId: ids['squat'], trainingMax: 140 },
      ],
    })
    .expect(201);
  return { ...user, userPlan: sub.body.userPlan };
}

async function startWorkout(user: TestUser, dayNumber: number) {
  return (await ctx.http().post('/api/workouts').set(user.auth).send({ dayNumber }).expect(201)).body.workout as Json;
}

const benchSets = (plan: Json) => plan.days[0].exercises[0].sets.map((s: Json) => [s.percentage, s.reps, s.isAmrap]);
const prescribed = (workout: Json) =>
  workout.sets.map((s: Json) => [s.percentage, s.prescribedWeight, s.prescribedReps, s.isProgression]);
const versionsOf = async (planId: number) =>
  (
    await ctx.db.planVersion.findMany({
      where: { planId },
      orderBy: { version: 'asc' },
      select: { id: true, version: true },
    })
  ).map((v) => v.version);

/** Every workout / subscription points at rows that exist, and a generated workout's day belongs to its subscription's version. */
async function expectNoDanglingReferences() {
  const [orphans] = await ctx.db.$queryRaw<Array<Record<string, number>>>`
    SELECT
      (SELECT count(*)::int FROM workouts w WHERE w.plan_day_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM plan_days pd WHERE pd.id = w.plan_day_id)) AS "workoutDays",
      (SELECT count(*)::int FROM workouts w WHERE w.user_plan_id IS NOT NULL AND w.plan_day_id IS NULL) AS "workoutDaysLost",
      (SELECT count(*)::int FROM workouts w JOIN user_plans up ON up.id = w.user_plan_id JOIN plan_days pd ON pd.id = w.plan_day_id
          WHERE pd.plan_version_id <> up.plan_version_id) AS "workoutDayOtherVersion",
      (SELECT count(*)::int FROM user_plans up
          WHERE NOT EXISTS (SELECT 1 FROM plan_versions pv WHERE pv.id = up.plan_version_id AND pv.plan_id = up.plan_id)) AS "userPlanVersions",
      (SELECT count(*)::int FROM plan_days pd
          WHERE NOT EXISTS (SELECT 1 FROM plan_versions pv WHERE pv.id = pd.plan_version_id AND pv.plan_id = pd.plan_id)) AS "dayVersions"`;
  expect(orphans).toEqual({
    workoutDays: 0,
    workoutDaysLost: 0,
    workoutDayOtherVersion: 0,
    userPlanVersions: 0,
    dayVersions: 0,
  });
}

describe('an edit while lifters are on the plan', () => {
  let plan: Json;
  let early: TestUser & { userPlan: Json };
  let v2: Json;
  let earlyWorkout: Json;

  beforeAll(async () => {
    plan = await createPlan(planBody(freshSlug(), V1));
    early = await subscribedLifter(plan.id);
    earlyWorkout = await startWorkout(early, 1); // generated from version 1, still in progress during the edit
    v2 = await putPlan(plan.id, planBody(plan.slug, V2, 10));
  });

  it('publishes a new version and keeps the subscribed one', async () => {
    expect(v2.version).toBe(plan.version + 1);
    expect(v2.versionId).not.toBe(plan.versionId);
    expect(benchSets(v2)).toEqual([
      [0.7, 5, false],
      [0.8, 5, false],
      [0.9, 3, false],
      [0.95, 1, true],
    ]);
    expect(await versionsOf(plan.id)).toEqual([1, 2]);
    const admin_ = await ctx.http().get(`/api/admin/plans/${plan.id}`).set(admin.auth).expect(200);
    expect(admin_.body.plan.versionId).toBe(v2.versionId);
  });

  it("the early lifter's current plan and plan page still show version 1", async () => {
    const current = await ctx.http().get('/api/plans/current').set(early.auth).expect(200);
    expect(current.body.userPlan).toMatchObject({ planVersionId: plan.versionId, version: 1 });
    expect(current.body.plan.versionId).toBe(plan.versionId);
    expect(benchSets(current.body.plan)).toEqual([
      [0.65, 8, false],
      [0.75, 6, false],
      [0.85, 4, true],
    ]);
    expect(current.body.plan.progressionRules.find((r: Json) => r.category === 'upper').increase).toBe(2.5);
    const page = await ctx.http().get(`/api/plans/${plan.id}`).set(early.auth).expect(200);
    expect(page.body.plan.versionId).toBe(plan.versionId);
    expect(benchSets(page.body.plan)).toEqual(benchSets(current.body.plan));
  });

  it('the workout generated before the edit is untouched', async () => {
    const res = await ctx.http().get(`/api/workouts/${earlyWorkout.id}`).set(early.auth).expect(200);
    expect(prescribed(res.body.workout)).toEqual([
      [0.65, 65, 8, false],
      [0.75, 75, 6, false],
      [0.85, 85, 4, true],
    ]);
    const row = await ctx.db.workout.findUniqueOrThrow({ where: { id: earlyWorkout.id }, include: { planDay: true } });
    expect(row.planDay?.planVersionId).toBe(plan.versionId);
  });

  it("the early lifter's new workouts are generated from version 1, and progress by version 1's rules", async () => {
    await logAllSets(ctx, early, earlyWorkout as never, 6);
    const done = await ctx.http().post(`/api/workouts/${earlyWorkout.id}/complete`).set(early.auth).expect(200);
    expect(done.body.progression).toEqual([
      expect.objectContaining({ slug: 'bench-press', previousTM: 100, newTM: 102.5, increase: 2.5 }),
    ]);

    const next = await startWorkout(early, 1);
    expect(prescribed(next)).toEqual([
      [0.65, 67.5, 8, false], // 102.5 × 0.65 = 66.625 → 67.5
      [0.75, 77.5, 6, false], // 76.875 → 77.5
      [0.85, 87.5, 4, true], // 87.125 → 87.5
    ]);
    const row = await ctx.db.workout.findUniqueOrThrow({ where: { id: next.id }, include: { planDay: true } });
    expect(row.planDay).toMatchObject({ planVersionId: plan.versionId, dayNumber: 1 });
    await ctx.http().post(`/api/workouts/${next.id}/abandon`).set(early.auth).expect(200);
  });

  it('a new subscriber gets version 2: plan, workouts and rules', async () => {
    const late = await subscribedLifter(plan.id);
    expect(late.userPlan).toMatchObject({ planVersionId: v2.versionId, version: 2 });
    const current = await ctx.http().get('/api/plans/current').set(late.auth).expect(200);
    expect(benchSets(current.body.plan)).toEqual(benchSets(v2));
    const page = await ctx.http().get(`/api/plans/${plan.id}`).set(late.auth).expect(200);
    expect(page.body.plan.versionId).toBe(v2.versionId);

    const workout = await startWorkout(late, 1);
    expect(prescribed(workout)).toEqual([
      [0.7, 70, 5, false],
      [0.8, 80, 5, false],
      [0.9, 90, 3, false],
      [0.95, 95, 1, true],
    ]);
    const row = await ctx.db.workout.findUniqueOrThrow({ where: { id: workout.id }, include: { planDay: true } });
    expect(row.planDay?.planVersionId).toBe(v2.versionId);
    await logAllSets(ctx, late, workout as never, 3);
    const done = await ctx.http().post(`/api/workouts/${workout.id}/complete`).set(late.auth).expect(200);
    expect(done.body.progression).toEqual([
      expect.objectContaining({ slug: 'bench-press', previousTM: 100, newTM: 110, increase: 10 }),
    ]);
  });

  it('a lifter browsing (not subscribed) sees the newest version', async () => {
    const browser = await registerUser(ctx);
    const page = await ctx.http().get(`/api/plans/${plan.id}`).set(browser.auth).expect(200);
    expect(page.body.plan.versionId).toBe(v2.versionId);
    const list = await ctx.http().get('/api/plans').set(browser.auth).expect(200);
    expect(list.body.plans.find((p: Json) => p.id === plan.id)).toMatchObject({
      version: 2,
      setsPerDay: [4, 1],
      totalSets: 5,
    });
  });

  it('re-subscribing moves the lifter to the newest version; past workouts keep their day', async () => {
    const before = await ctx.db.workout.findMany({
      where: { userId: early.id },
      select: { id: true, planDayId: true },
      orderBy: { id: 'asc' },
    });
    expect(before.length).toBeGreaterThan(0);
    const sub = await ctx.http().post(`/api/plans/${plan.id}/subscribe`).set(early.auth).expect(201);
    expect(sub.body.userPlan.planVersionId).toBe(v2.versionId);
    const workout = await startWorkout(early, 2);
    expect(
      (await ctx.db.workout.findUniqueOrThrow({ where: { id: workout.id }, include: { planDay: true } })).planDay
        ?.planVersionId,
    ).toBe(v2.versionId);
    await ctx.http().post(`/api/workouts/${workout.id}/abandon`).set(early.auth).expect(200);

    // Another edit after that: versions with subscribers (1 and 2) stay, every old workout still has its day.
    await putPlan(
      plan.id,
      planBody(plan.slug, [
        [0.6, 10],
        [0.7, 8, true],
      ]),
    );
    expect(await versionsOf(plan.id)).toEqual([1, 2, 3]);
    const after = await ctx.db.workout.findMany({
      where: { id: { in: before.map((w) => w.id) } },
      select: { id: true, planDayId: true },
      orderBy: { id: 'asc' },
    });
    expect(after).toEqual(before);
    const old = await ctx.http().get(`/api/workouts/${earlyWorkout.id}`).set(early.auth).expect(200);
    expect(prescribed(old.body.workout).map((s: unknown[]) => s[0])).toEqual([0.65, 0.75, 0.85]);
    await expectNoDanglingReferences();
  });

  it('a header-only edit publishes no new version', async () => {
    const latest = (await ctx.http().get(`/api/admin/plans/${plan.id}`).set(admin.auth).expect(200)).body.plan;
    const versionCount = await ctx.db.planVersion.count({ where: { planId: plan.id } });
    const counts = await Promise.all([
      ctx.db.planDay.count(),
      ctx.db.planSet.count(),
      ctx.db.planProgressionRule.count(),
    ]);

    const body = planBody(
      plan.slug,
      [
        [0.6, 10],
        [0.7, 8, true],
      ],
      2.5,
      'Versioned Plan (renamed)',
    );
    body.description = 'Now with a description';
    body.days.reverse(); // same structure in another order
    const updated = await putPlan(plan.id, body);
    expect(updated).toMatchObject({
      name: 'Versioned Plan (renamed)',
      description: 'Now with a description',
      version: latest.version,
      versionId: latest.versionId,
    });
    expect(await ctx.db.planVersion.count({ where: { planId: plan.id } })).toBe(versionCount);
    expect(
      await Promise.all([ctx.db.planDay.count(), ctx.db.planSet.count(), ctx.db.planProgressionRule.count()]),
    ).toEqual(counts);
    // The new header shows everywhere, also to lifters pinned on an older version.
    const current = await ctx.http().get('/api/plans/current').set(early.auth).expect(200);
    expect(current.body.plan.name).toBe('Versioned Plan (renamed)');
  });
});

describe('replacing progression rules while lifters are on the plan', () => {
  it('publishes a version with the new rules; the subscriber keeps the old ones', async () => {
    const plan = await createPlan(planBody(freshSlug(), V1));
    const lifter = await subscribedLifter(plan.id);
    const res = await ctx
      .http()
      .post(`/api/admin/plans/${plan.id}/progression-rules`)
      .set(admin.auth)
      .send({ progressionRules: [{ category: 'upper', minReps: 0, maxReps: 99, increase: 5 }] })
      .expect(200);
    expect(res.body.plan.version).toBe(2);
    expect(benchSets(res.body.plan)).toEqual(benchSets(plan));
    expect(await versionsOf(plan.id)).toEqual([1, 2]);

    const current = await ctx.http().get('/api/plans/current').set(lifter.auth).expect(200);
    expect(current.body.plan.versionId).toBe(plan.versionId);
    expect(current.body.plan.progressionRules).toHaveLength(2);

    const workout = await startWorkout(lifter, 1);
    await logAllSets(ctx, lifter, workout as never, 8);
    const done = await ctx.http().post(`/api/workouts/${workout.id}/complete`).set(lifter.auth).expect(200);
    expect(done.body.progression).toEqual([
      expect.objectContaining({ slug: 'bench-press', increase: 2.5, newTM: 102.5 }),
    ]);
  });
});

describe('editing a plan nobody ever subscribed to', () => {
  it('replaces the version in place: no pile-up of versions or rows', async () => {
    const plan = await createPlan(planBody(freshSlug(), V1));
    const rowsOf = async () => ({
      versions: await ctx.db.planVersion.count({ where: { planId: plan.id } }),
      days: await ctx.db.planDay.count({ where: { planId: plan.id } }),
      sets: await ctx.db.planSet.count({ where: { planDayExercise: { planDay: { planId: plan.id } } } }),
      rules: await ctx.db.planProgressionRule.count({ where: { planId: plan.id } }),
    });
    expect(await rowsOf()).toEqual({ versions: 1, days: 2, sets: 4, rules: 2 });

    const edited = await putPlan(plan.id, planBody(plan.slug, V2));
    expect(await rowsOf()).toEqual({ versions: 1, days: 2, sets: 5, rules: 2 });
    expect(await ctx.db.planVersion.findUnique({ where: { id: plan.versionId } })).toBeNull();

    const again = await putPlan(plan.id, planBody(plan.slug, [[0.5, 10, true]]));
    expect(await rowsOf()).toEqual({ versions: 1, days: 2, sets: 2, rules: 2 });
    expect(again.versionId).not.toBe(edited.versionId);

    // The surviving version is the newest structure, and that is what a first subscriber gets.
    const lifter = await subscribedLifter(plan.id);
    expect(lifter.userPlan.planVersionId).toBe(again.versionId);
    const workout = await startWorkout(lifter, 1);
    expect(prescribed(workout)).toEqual([[0.5, 50, 10, true]]);

    // Once someone is on it, the next edit keeps their version and the unsubscribed newer one is replaced again.
    const v3 = await putPlan(plan.id, planBody(plan.slug, V1));
    expect(await ctx.db.planVersion.count({ where: { planId: plan.id } })).toBe(2);
    await putPlan(plan.id, planBody(plan.slug, V2));
    const versions = await ctx.db.planVersion.findMany({ where: { planId: plan.id }, orderBy: { version: 'asc' } });
    expect(versions.map((v) => v.id)).toHaveLength(2);
    expect(versions[0]!.id).toBe(again.versionId);
    expect(versions.map((v) => v.id)).not.toContain(v3.versionId);
    await expectNoDanglingReferences();
  });
});

describe('concurrent edits and subscriptions', () => {
  it('lifters subscribing while an admin edits each get a whole, existing version', async () => {
    const plan = await createPlan(planBody(freshSlug(), V1));
    const lifters = await Promise.all([registerUser(ctx), registerUser(ctx), registerUser(ctx)]);
    for (let round = 0; round < 4; round++) {
      const scheme: Array<[number, number, boolean?]> = [
        [0.6 + round / 100, 5],
        [0.8, 3, true],
      ];
      const results = await Promise.all([
        ctx.http().put(`/api/admin/plans/${plan.id}`).set(admin.auth).send(planBody(plan.slug, scheme)),
        ...lifters.map((l) => ctx.http().post(`/api/plans/${plan.id}/subscribe`).set(l.auth)),
      ]);
      expect(results.map((r) => r.status)).toEqual([200, 201, 201, 201]);
      for (const res of results.slice(1)) {
        expect(await ctx.db.planVersion.findUnique({ where: { id: res.body.userPlan.planVersionId } })).not.toBeNull();
      }
    }
    for (const lifter of lifters) await ctx.http().get('/api/plans/current').set(lifter.auth).expect(200);
    await expectNoDanglingReferences();
  });

  it('deleting a plan while a lifter subscribes: never an active subscription on an archived plan', async () => {
    for (let round = 0; round < 4; round++) {
      const plan = await createPlan(planBody(freshSlug(), V1));
      const past = await registerUser(ctx);
      await ctx.http().post(`/api/plans/${plan.id}/subscribe`).set(past.auth).expect(201);
      await ctx.http().delete('/api/plans/current').set(past.auth).expect(204); // history: the plan will be archived
      const lifter = await registerUser(ctx);
      const [del, sub] = await Promise.all([
        ctx.http().delete(`/api/admin/plans/${plan.id}`).set(admin.auth),
        ctx.http().post(`/api/plans/${plan.id}/subscribe`).set(lifter.auth),
      ]);
      const archived = del.status === 200;
      expect([del.status, sub.status]).toEqual(archived ? [200, 404] : [409, 201]);
      const active = await ctx.db.userPlan.count({ where: { planId: plan.id, isActive: true } });
      expect(active).toBe(archived ? 0 : 1);
      if (!archived) await ctx.http().delete('/api/plans/current').set(lifter.auth).expect(204);
    }
  });
});

describe('referential integrity across everything above', () => {
  it('has no dangling plan day or plan version references', async () => {
    await expectNoDanglingReferences();
  });
});
