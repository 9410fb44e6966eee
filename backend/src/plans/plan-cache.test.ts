// GET /api/plans/:id from the in-process cache of immutable versions: ETag / If-None-Match → 304, visibility still
// decided per request, and an admin's edit seen at once (issue 15).
import { createTestContext, type TestContext } from '../../test/test-db';
import { exportedPlanBody, registerAdmin, registerUser, type TestUser } from '../../test/helpers';

let ctx: TestContext;
let admin: TestUser;
let planId: number;
let body: Record<string, unknown>;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await registerAdmin(ctx);
  const source = await ctx.db.workoutPlan.findUniqueOrThrow({ where: { slug: 'texas-method' } });
  body = { ...(await exportedPlanBody(ctx, admin, source.id)).body, slug: 'cached-texas' };
  planId = (await ctx.http().post('/api/admin/plans').set(admin.auth).send(body).expect(201)).body.plan.id;
});
afterAll(() => ctx.drop());

it('answers 304 to a client that has this version, 200 with a new ETag once an admin renamed the plan', async () => {
  const lifter = await registerUser(ctx);
  const first = await ctx.http().get(`/api/plans/${planId}`).set(lifter.auth).expect(200);
  const etag: string = first.headers.etag!;
  expect(etag).toMatch(/^"plan-v\d+-\d+"$/);
  await ctx.http().get(`/api/plans/${planId}`).set(lifter.auth).set('If-None-Match', etag).expect(304);

  await ctx
    .http()
    .put(`/api/admin/plans/${planId}`)
    .set(admin.auth)
    .send({ ...body, name: 'Texas Method, renamed' })
    .expect(200);
  const after = await ctx.http().get(`/api/plans/${planId}`).set(lifter.auth).set('If-None-Match', etag).expect(200);
  expect(after.body.plan.name).toBe('Texas Method, renamed');
  expect(after.headers.etag).not.toBe(etag);
});

it('a structural edit is a new version for browsers at once, while a subscriber keeps their pinned one', async () => {
  const subscriber = await registerUser(ctx);
  await ctx.http().post(`/api/plans/${planId}/subscribe`).set(subscriber.auth).send({}).expect(201);
  const pinned = (await ctx.http().get(`/api/plans/${planId}`).set(subscriber.auth).expect(200)).body.plan;
  const weeks = structuredClone(
    (body as { weeks: Array<{ days: Array<{ exercises: Array<{ sets: Array<{ reps: number }> }> }> }> }).weeks,
  );
  weeks[0]!.days[0]!.exercises[0]!.sets[0]!.reps += 1;
  await ctx
    .http()
    .put(`/api/admin/plans/${planId}`)
    .set(admin.auth)
    .send({ ...body, weeks })
    .expect(200);
  const browser = await registerUser(ctx);
  const seen = (await ctx.http().get(`/api/plans/${planId}`).set(browser.auth).expect(200)).body.plan;
  expect(seen.version).toBe(pinned.version + 1);
  expect(seen.weeks[0].days[0].exercises[0].sets[0].reps).toBe(pinned.weeks[0].days[0].exercises[0].sets[0].reps + 1);
  const still = (await ctx.http().get(`/api/plans/${planId}`).set(subscriber.auth).expect(200)).body.plan;
  expect(still.version).toBe(pinned.version);
});

it("an admin's renamed exercise is seen at once in the plan, its card and the dashboard, without a false edit conflict", async () => {
  const lifter = await registerUser(ctx);
  await ctx.http().post(`/api/plans/${planId}/subscribe`).set(lifter.auth).send({}).expect(201);
  const before = await ctx.http().get(`/api/plans/${planId}`).set(lifter.auth).expect(200);
  const slot = before.body.plan.weeks[0].days[0].exercises[0];
  await ctx.http().get('/api/plans').set(lifter.auth).expect(200); // the plan cards' outlines are cached too
  await ctx.http().get('/api/plans/current').set(lifter.auth).expect(200);

  const renamed = `${slot.exercise.name} (renamed)`;
  await ctx.http().patch(`/api/admin/exercises/${slot.exerciseId}`).set(admin.auth).send({ name: renamed }).expect(200);

  const after = await ctx
    .http()
    .get(`/api/plans/${planId}`)
    .set(lifter.auth)
    .set('If-None-Match', before.headers.etag!)
    .expect(200);
  expect(after.headers.etag).not.toBe(before.headers.etag);
  expect(after.body.plan.weeks[0].days[0].exercises[0].exercise.name).toBe(renamed);
  const cards = (await ctx.http().get('/api/plans').set(lifter.auth).expect(200)).body.plans;
  const card = cards.find((p: { id: number }) => p.id === planId);
  expect(card.mainLifts.map((l: { name: string }) => l.name)).toContain(renamed);
  const current = (await ctx.http().get('/api/plans/current').set(lifter.auth).expect(200)).body;
  expect(JSON.stringify(current)).toContain(renamed);

  // The plan's editor token (updatedAt) did not move: an admin who opened the builder before can still save.
  await ctx
    .http()
    .put(`/api/admin/plans/${planId}?expectedUpdatedAt=${encodeURIComponent(before.body.plan.updatedAt)}`)
    .set(admin.auth)
    .send({ ...body, description: 'Saved after the rename' })
    .expect(200);
});

it('visibility is checked per request: a plan made private is gone for browsers even with a cached ETag', async () => {
  const lifter = await registerUser(ctx);
  const res = await ctx.http().get(`/api/plans/${planId}`).set(lifter.auth).expect(200);
  await ctx
    .http()
    .put(`/api/admin/plans/${planId}`)
    .set(admin.auth)
    .send({ ...body, isPublic: false })
    .expect(200);
  await ctx.http().get(`/api/plans/${planId}`).set(lifter.auth).set('If-None-Match', res.headers.etag!).expect(404);
});

it('generates from the cached version the same workout, also for a version whose week rows predate the weeks table', async () => {
  const copy = (
    await ctx
      .http()
      .post('/api/admin/plans')
      .set(admin.auth)
      .send({ ...body, slug: 'cached-texas-no-weeks', isPublic: true })
      .expect(201)
  ).body.plan;
  await ctx.db.$executeRaw`DELETE FROM plan_weeks WHERE plan_version_id = ${copy.versionId}`;
  const workoutOn = async (plan: { id: number }) => {
    const lifter = await registerUser(ctx);
    await ctx.http().post(`/api/plans/${plan.id}/subscribe`).set(lifter.auth).send({}).expect(201);
    const detail = (await ctx.http().get(`/api/plans/${plan.id}`).set(lifter.auth).expect(200)).body.plan;
    const exerciseTMs = detail.requiredExercises.map((e: { id: number }) => ({ exerciseId: e.id, trainingMax: 100 }));
    await ctx.http().post('/api/training-maxes/setup').set(lifter.auth).send({ exerciseTMs }).expect(201);
    const started = await ctx.http().post('/api/workouts').set(lifter.auth).send({ dayNumber: 2 }).expect(201);
    return { detail, sets: started.body.workout.sets.map(({ id: _id, ...set }: { id: number }) => set) };
  };
  await ctx.http().put(`/api/admin/plans/${planId}`).set(admin.auth).send(body).expect(200); // public again
  const original = await workoutOn({ id: planId });
  const withoutWeeks = await workoutOn(copy);
  expect(withoutWeeks.detail.weeks.map((w: { days: unknown[] }) => w.days.length)).toEqual(
    original.detail.weeks.map((w: { days: unknown[] }) => w.days.length),
  );
  expect(withoutWeeks.sets.length).toBeGreaterThan(0);
  expect(withoutWeeks.sets).toEqual(original.sets);
});
