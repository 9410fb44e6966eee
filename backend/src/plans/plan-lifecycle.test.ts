// Plans over time (issue 14): drafts invisible to lifters, publishing a new version with a recommendation, a
// running subscription upgraded once with a preview of its next workout, archive / restore, and program files
// exported and imported (every built-in program round-trips).
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
import { programPlanInput, readProgramFiles, type ProgramFile } from '../seed/program-files';

let ctx: TestContext;
let admin: TestUser;
let idBySlug: Map<string, number>;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await registerAdmin(ctx);
  idBySlug = new Map(Object.entries(await exerciseIds(ctx)));
});
afterAll(() => ctx.drop());

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const exportAsAdmin = async (planId: number): Promise<ProgramFile> =>
  (await ctx.http().get(`/api/admin/plans/${planId}/export`).set(admin.auth).expect(200)).body;
const bodyOf = (file: ProgramFile) => programPlanInput(file, idBySlug);
let counter = 0;
const freshSlug = (base: string) => `${base}-${Date.now().toString(36)}-${++counter}`;

/** A copy of a built-in plan as a new published plan of its own, so edits don't disturb other tests. */
async function copyOf(slug: string): Promise<{ id: number; file: ProgramFile }> {
  const source = await ctx.db.workoutPlan.findUniqueOrThrow({ where: { slug } });
  const file = await exportAsAdmin(source.id);
  file.plan.slug = freshSlug(slug);
  const created = await ctx.http().post('/api/admin/plans').set(admin.auth).send(bodyOf(file)).expect(201);
  return { id: created.body.plan.id, file };
}

async function subscribeWithTms(lifter: TestUser, planId: number) {
  const res = await ctx.http().post(`/api/plans/${planId}/subscribe`).set(lifter.auth).send({}).expect(201);
  await ctx
    .http()
    .post('/api/training-maxes/setup')
    .set(lifter.auth)
    .send({ exerciseTMs: res.body.requiredExercises.map((e: Json) => ({ exerciseId: e.id, trainingMax: 100 })) })
    .expect(201);
}

describe('drafts', () => {
  it('a plan created as a draft is invisible to lifters until published', async () => {
    const { file } = await copyOf('texas-method');
    file.plan.slug = freshSlug('draft-texas');
    const created = await ctx.http().post('/api/admin/plans?draft=true').set(admin.auth).send(bodyOf(file)).expect(201);
    const id = created.body.plan.id;
    expect(created.body.plan).toMatchObject({ status: 'draft', publishedAt: null, version: 1 });
    const lifter = await registerUser(ctx);
    const list = await ctx.http().get('/api/plans').set(lifter.auth).expect(200);
    expect(list.body.plans.map((p: Json) => p.id)).not.toContain(id);
    await ctx.http().get(`/api/plans/${id}`).set(lifter.auth).expect(404);
    await ctx.http().post(`/api/plans/${id}/subscribe`).set(lifter.auth).send({}).expect(404);
    await ctx.http().get(`/api/plans/${id}/export`).set(lifter.auth).expect(404);
    const drafts = await ctx.http().get('/api/admin/plans?status=draft').set(admin.auth).expect(200);
    expect(drafts.body.plans.map((p: Json) => [p.id, p.status])).toContainEqual([id, 'draft']);

    const published = await ctx.http().post(`/api/admin/plans/${id}/publish`).set(admin.auth).send({}).expect(200);
    expect(published.body.plan).toMatchObject({ status: 'published', version: 1, publishedAt: expect.any(String) });
    await ctx.http().get(`/api/plans/${id}`).set(lifter.auth).expect(200);
  });

  it('a draft of a published plan keeps lifters on the published version; discarding it changes nothing', async () => {
    const { id, file } = await copyOf('texas-method');
    file.plan.name = 'Texas Method (draft name)';
    const sets = (file.plan.weeks![0]!.days[0]!.exercises[0] as Json).sets;
    sets[0].percentage = 0.85;
    const draft = await ctx.http().put(`/api/admin/plans/${id}/draft`).set(admin.auth).send(bodyOf(file)).expect(200);
    expect(draft.body.plan).toMatchObject({ version: 2, publishedAt: null, name: 'Texas Method (draft name)' });
    const lifter = await registerUser(ctx);
    const seen = await ctx.http().get(`/api/plans/${id}`).set(lifter.auth).expect(200);
    expect(seen.body.plan).toMatchObject({ version: 1, name: expect.not.stringContaining('draft') });
    await ctx.http().delete(`/api/admin/plans/${id}/draft`).set(admin.auth).expect(200, { planDeleted: false });
    await ctx.http().delete(`/api/admin/plans/${id}/draft`).set(admin.auth).expect(404);
    const admins = await ctx.http().get(`/api/admin/plans/${id}`).set(admin.auth).expect(200);
    expect(admins.body.plan).toMatchObject({ version: 1, status: 'published' });
  });
});

describe('publish preview', () => {
  const preview = (id: number, body: object) =>
    ctx.http().post(`/api/admin/plans/${id}/publish/preview`).set(admin.auth).send(body);
  const versionRows = (planId: number) =>
    ctx.db.planVersion.findMany({ where: { planId }, orderBy: { id: 'asc' }, select: { id: true, publishedAt: true } });

  it('says whether publishing makes a new version and what changes for lifters, and writes nothing', async () => {
    const { id, file } = await copyOf('texas-method');
    const rows = await versionRows(id);

    file.plan.name = 'Texas Method (renamed)';
    const renamed = await preview(id, bodyOf(file)).expect(200);
    expect(renamed.body.preview).toEqual({
      publishedVersion: 1,
      version: 1,
      newVersion: false,
      changes: [], // lifters review structure: the days, sets and rules
    });

    (file.plan.weeks![0]!.days[0]!.exercises[0] as Json).sets[0].percentage = 0.85;
    const restructured = await preview(id, bodyOf(file)).expect(200);
    expect(restructured.body.preview).toMatchObject({ publishedVersion: 1, version: 2, newVersion: true });
    expect(restructured.body.preview.changes).toContainEqual(
      expect.objectContaining({ change: 'changed', where: expect.stringContaining('Week 1') }),
    );

    // A saved draft is not touched by a preview of other edits either.
    const saved = await ctx.http().put(`/api/admin/plans/${id}/draft`).set(admin.auth).send(bodyOf(file)).expect(200);
    expect(saved.body.plan.draftChangesStructure).toBe(true);
    const withDraft = await versionRows(id);
    file.plan.name = 'Texas Method (third name)';
    await preview(id, bodyOf(file)).expect(200);
    expect(await versionRows(id)).toEqual(withDraft);
    expect(withDraft.slice(0, rows.length)).toEqual(rows);
    const admins = await ctx.http().get(`/api/admin/plans/${id}`).set(admin.auth).expect(200);
    expect(admins.body.plan).toMatchObject({ version: 2, publishedAt: null, name: 'Texas Method (renamed)' });
  });

  it('a plan never published goes live as version 1; a lifter may not ask; bad bodies are refused naming the path', async () => {
    const { file } = await copyOf('texas-method');
    file.plan.slug = freshSlug('preview-draft');
    const created = await ctx.http().post('/api/admin/plans?draft=true').set(admin.auth).send(bodyOf(file)).expect(201);
    const id = created.body.plan.id;
    expect((await preview(id, bodyOf(file)).expect(200)).body.preview).toEqual({
      publishedVersion: null,
      version: 1,
      newVersion: true,
      changes: [],
    });
    const lifter = await registerUser(ctx);
    await ctx.http().post(`/api/admin/plans/${id}/publish/preview`).set(lifter.auth).send(bodyOf(file)).expect(403);
    const unknown = bodyOf(file) as Json;
    unknown.weeks[0].days[0].exercises[0].exerciseId = 999_999;
    const bad = await preview(id, unknown).expect(422);
    expect(JSON.stringify(bad.body)).toContain('weeks.0.days.0.exercises.0.exerciseId');
    await preview(id, { name: 'no structure' }).expect(400);
    await preview(999_999, bodyOf(file)).expect(404);
  });

  it('publishing only a new name keeps the published version and its upgrade offer', async () => {
    const { id, file } = await copyOf('texas-method');
    (file.plan.weeks![0]!.days[0]!.exercises[0] as Json).sets[0].percentage = 0.85;
    await ctx.http().put(`/api/admin/plans/${id}/draft`).set(admin.auth).send(bodyOf(file)).expect(200);
    await ctx
      .http()
      .post(`/api/admin/plans/${id}/publish`)
      .set(admin.auth)
      .send({ recommendedUpgrade: true, upgradeNote: 'Heavier first set' })
      .expect(200);
    file.plan.name = 'Texas Method, new name';
    const draft = await ctx.http().put(`/api/admin/plans/${id}/draft`).set(admin.auth).send(bodyOf(file)).expect(200);
    expect(draft.body.plan).toMatchObject({ version: 3, publishedAt: null, draftChangesStructure: false });
    const published = await ctx.http().post(`/api/admin/plans/${id}/publish`).set(admin.auth).send({}).expect(200);
    expect(published.body.plan).toMatchObject({ version: 2, name: 'Texas Method, new name' });
    const list = await ctx.http().get('/api/admin/plans').set(admin.auth).expect(200);
    const versions = list.body.plans.find((p: Json) => p.id === id).versions;
    expect(versions[0]).toMatchObject({ version: 2, recommendedUpgrade: true, upgradeNote: 'Heavier first set' });
  });
});

describe('upgrading a running subscription', () => {
  it('a lifter on v1 sees v2 with its note, reviews the diff and next workout with their TMs, upgrades once', async () => {
    const { id, file } = await copyOf('nsuns-4day-lp');
    const lifter = await registerUser(ctx);
    await subscribeWithTms(lifter, id);
    // Day 1 done under v1: the pointer is on day 2 (whose first bench set the admin changes).
    const first = await ctx.http().post('/api/workouts').set(lifter.auth).send({}).expect(201);
    await logAllSets(ctx, lifter, first.body.workout, 5);
    await ctx.http().post(`/api/workouts/${first.body.workout.id}/complete`).set(lifter.auth).send({}).expect(200);

    const week = file.plan.weeks![0]!;
    const day2 = week.days.find((d: Json) => d.dayNumber === 2)! as Json;
    const oldPercentage = day2.exercises[0].sets[0].percentage;
    day2.exercises[0].sets[0].percentage = oldPercentage + 0.05;
    await ctx.http().put(`/api/admin/plans/${id}/draft`).set(admin.auth).send(bodyOf(file)).expect(200);
    const before = await ctx.http().get('/api/plans/current').set(lifter.auth).expect(200);
    expect(before.body.upgradeAvailable).toBeNull(); // a draft is not an upgrade
    await ctx
      .http()
      .post(`/api/admin/plans/${id}/publish`)
      .set(admin.auth)
      .send({ recommendedUpgrade: true, upgradeNote: 'Heavier first set on day 2' })
      .expect(200);

    const current = await ctx.http().get('/api/plans/current').set(lifter.auth).expect(200);
    expect(current.body.upgradeAvailable).toEqual({
      version: 2,
      recommended: true,
      note: 'Heavier first set on day 2',
    });
    const offer = await ctx.http().get('/api/plans/current/upgrade').set(lifter.auth).expect(200);
    expect(offer.body.currentVersion).toBe(1);
    expect(offer.body.upgrade.changes).toEqual([
      expect.objectContaining({ change: 'changed', where: expect.stringMatching(/^Week 1 · Day 2.* · set 1$/) }),
    ]);
    const { current: oldNext, upgraded: newNext } = offer.body.upgrade.nextWorkout;
    expect([oldNext.dayNumber, newNext.dayNumber]).toEqual([2, 2]);
    expect(newNext.sets[0].weight).toBeGreaterThan(oldNext.sets[0].weight);

    const [a, b] = await Promise.all([
      ctx.http().post('/api/plans/current/upgrade').set(lifter.auth).send({ version: 2 }),
      ctx.http().post('/api/plans/current/upgrade').set(lifter.auth).send({ version: 2 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const done = a.status === 200 ? a : b;
    expect(done.body).toMatchObject({ fromVersion: 1, toVersion: 2, next: { cycle: 1, weekNumber: 1, dayNumber: 2 } });

    const next = await ctx.http().post('/api/workouts').set(lifter.auth).send({}).expect(201);
    expect(next.body.workout.dayNumber).toBe(2);
    expect(next.body.workout.sets[0].prescribedWeight).toBe(newNext.sets[0].weight);
    const history = await ctx.http().get(`/api/workouts/${first.body.workout.id}`).set(lifter.auth).expect(200);
    expect(history.body.workout.status).toBe('completed'); // kept, on v1's day
    expect((await ctx.http().get('/api/plans/current').set(lifter.auth)).body.upgradeAvailable).toBeNull();
  });

  it('a version published after the review → 409 PLAN_CHANGED; a shorter version clamps the day', async () => {
    const { id, file } = await copyOf('nsuns-4day-lp');
    const lifter = await registerUser(ctx);
    await subscribeWithTms(lifter, id);
    for (let i = 0; i < 3; i++) await ctx.http().post('/api/plans/current/skip').set(lifter.auth).send({}).expect(200);
    const threeDays = structuredClone(file);
    threeDays.plan.daysPerWeek = 3;
    threeDays.plan.weeks![0]!.days = threeDays.plan.weeks![0]!.days.filter((d: Json) => d.dayNumber <= 3);
    await ctx.http().put(`/api/admin/plans/${id}/draft`).set(admin.auth).send(bodyOf(threeDays)).expect(200);
    await ctx.http().post(`/api/admin/plans/${id}/publish`).set(admin.auth).send({}).expect(200);
    const offer = await ctx.http().get('/api/plans/current/upgrade').set(lifter.auth).expect(200);
    expect(offer.body.upgrade.version).toBe(2);
    expect(offer.body.upgrade.changes).toContainEqual(
      expect.objectContaining({ change: 'removed', where: expect.stringMatching(/^Week 1 · Day 4/) }),
    );
    expect(offer.body.upgrade.nextWorkout.upgraded.dayNumber).toBe(3);

    const again = structuredClone(threeDays);
    again.plan.name = 'Another edit';
    (again.plan.weeks![0]!.days[0]!.exercises[0] as Json).sets[0].reps += 1;
    await ctx.http().put(`/api/admin/plans/${id}/draft`).set(admin.auth).send(bodyOf(again)).expect(200);
    await ctx.http().post(`/api/admin/plans/${id}/publish`).set(admin.auth).send({}).expect(200);
    await ctx
      .http()
      .post('/api/plans/current/upgrade')
      .set(lifter.auth)
      .send({ version: 2 })
      .expect(409, /PLAN_CHANGED/);
    const upgraded = await ctx
      .http()
      .post('/api/plans/current/upgrade')
      .set(lifter.auth)
      .send({ version: 3 })
      .expect(200);
    expect(upgraded.body.next).toMatchObject({ weekNumber: 1, dayNumber: 3 });
  });
});

describe('archive and restore', () => {
  it('hides a plan from browsing and new subscriptions; its lifters keep training; admins list it by status', async () => {
    const { id } = await copyOf('texas-method');
    const onIt = await registerUser(ctx);
    await subscribeWithTms(onIt, id);
    const archived = await ctx.http().post(`/api/admin/plans/${id}/archive`).set(admin.auth).send({}).expect(200);
    expect(archived.body.plan.status).toBe('archived');
    const newcomer = await registerUser(ctx);
    expect((await ctx.http().get('/api/plans').set(newcomer.auth)).body.plans.map((p: Json) => p.id)).not.toContain(id);
    await ctx.http().post(`/api/plans/${id}/subscribe`).set(newcomer.auth).send({}).expect(404);
    await ctx.http().post('/api/workouts').set(onIt.auth).send({}).expect(201);
    const list = await ctx.http().get('/api/admin/plans?status=archived').set(admin.auth).expect(200);
    const row = list.body.plans.find((p: Json) => p.id === id);
    expect(row).toMatchObject({ status: 'archived', versions: [{ version: 1, activeSubscribers: 1 }] });
    await ctx.http().post(`/api/admin/plans/${id}/restore`).set(admin.auth).send({}).expect(200);
    await ctx.http().post(`/api/admin/plans/${id}/restore`).set(admin.auth).send({}).expect(409);
    await ctx.http().post(`/api/plans/${id}/subscribe`).set(newcomer.auth).send({}).expect(201);
  });
});

describe('export and import', () => {
  it('every built-in program round-trips: export → import → a draft with the identical structure', async () => {
    const files = readProgramFiles();
    expect(files).toHaveLength(15);
    for (const program of files) {
      const plan = await ctx.db.workoutPlan.findUniqueOrThrow({
        where: { slug: program.plan.slug },
        include: { versions: { orderBy: { version: 'desc' }, take: 1 } },
      });
      const exported = await exportAsAdmin(plan.id);
      expect(exported.format).toBe('liftplan-program/1');
      exported.plan.slug = `${program.plan.slug}-copy`;
      const imported = await ctx.http().post('/api/admin/plans/import').set(admin.auth).send(exported).expect(201);
      expect(imported.body.plan).toMatchObject({ status: 'draft', name: plan.name });
      const copy = await ctx.db.planVersion.findFirstOrThrow({ where: { planId: imported.body.plan.id } });
      expect([program.plan.slug, copy.structureHash]).toEqual([program.plan.slug, plan.versions[0]!.structureHash]);
    }
  }, 120_000);

  it('unknown exercises → 400 naming each path; a slug in use → 409 naming plan.slug; nothing is created', async () => {
    const nsuns = await exportAsAdmin(await nsunsPlanId(ctx));
    const before = await ctx.db.workoutPlan.count();
    const unknown = structuredClone(nsuns);
    unknown.plan.slug = freshSlug('unknown');
    (unknown.plan.weeks![0]!.days[1]!.exercises[1] as Json).exercise = 'zercher-squat-on-one-leg';
    const res = await ctx.http().post('/api/admin/plans/import').set(admin.auth).send(unknown).expect(400);
    expect(res.body.error.details).toEqual([
      { path: 'plan.weeks.0.days.1.exercises.1.exercise', message: 'unknown exercise "zercher-squat-on-one-leg"' },
    ]);
    const clash = await ctx.http().post('/api/admin/plans/import').set(admin.auth).send(nsuns).expect(409);
    expect(clash.body.error).toMatchObject({ code: 'SLUG_TAKEN', details: [{ path: 'plan.slug' }] });
    const invalid = structuredClone(nsuns);
    invalid.plan.slug = freshSlug('invalid');
    (invalid.plan.weeks![0]!.days[0]!.exercises[0] as Json).sets[0].reps = 0;
    const bad = await ctx.http().post('/api/admin/plans/import').set(admin.auth).send(invalid).expect(400);
    expect(bad.body.error.details[0].path).toBe('plan.weeks.0.days.0.exercises.0.sets.0.reps');
    await ctx.http().post('/api/admin/plans/import').set(admin.auth).send({ format: 'something-else' }).expect(400);
    expect(await ctx.db.workoutPlan.count()).toBe(before);
  });

  it('a lifter downloads any plan they can see as the same file', async () => {
    const lifter = await lifterOnNsuns(ctx);
    const id = await nsunsPlanId(ctx);
    const res = await ctx.http().get(`/api/plans/${id}/export`).set(lifter.auth).expect(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="nsuns-4day-lp.json"');
    expect(res.body).toEqual(await exportAsAdmin(id));
    await ctx.http().get(`/api/admin/plans/${id}/export`).set(lifter.auth).expect(403);
  });
});
