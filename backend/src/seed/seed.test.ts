// The built-in data: the exercise library, nSuns 4-Day LP as plan data and its progression rules, applied idempotently.
// nSuns 4-day is version 2 of the built-in plan: docs/decisions/0010-nsuns-4day-progression.md.
import { createTestContext, type TestContext } from '../../test/test-db';
import { exerciseIds, nsunsPlanId, registerAdmin, registerUser } from '../../test/helpers';
import { toStructure, structureHash } from '../plans/plan-structure';
import { planBody } from '@liftplan/domain';
import { loadLatestVersion, updatePlan } from '../plans/plans.service';
import { readExerciseLibrary } from './exercises';
import { NSUNS_SLUG, programPlanInput, readProgramFile, readProgramFiles } from './program-files';
import { seedDatabase } from './seed';

let ctx: TestContext;
let ids: Record<string, number>;
let planId: number;
beforeAll(async () => {
  ctx = await createTestContext(); // seeds once
  ids = await exerciseIds(ctx);
  planId = await nsunsPlanId(ctx);
});
afterAll(() => ctx.drop());

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** [percentage, reps, isAmrap, isProgression] per set. */
type SetRow = [number, number, boolean, boolean];
const rows = (slot: Json): SetRow[] => slot.sets.map((s: Json) => [s.percentage, s.reps, s.isAmrap, s.isProgression]);
/** Shorthand for expected sets: `[pct%, reps]`, `+` marks AMRAP, `!` progression. */
const scheme = (...sets: Array<[number, number, ('+' | '+!' | '!')?]>): SetRow[] =>
  sets.map(([pct, reps, mark]) => [pct / 100, reps, mark?.includes('+') ?? false, mark?.includes('!') ?? false]);
const nsunsInput = (idBySlug: Record<string, number>) =>
  programPlanInput(readProgramFile(NSUNS_SLUG), new Map(Object.entries(idBySlug)));

async function latestNsuns(): Promise<Json> {
  const version = await loadLatestVersion(ctx.db, planId);
  expect(version).not.toBeNull();
  const admin = await registerAdmin(ctx);
  return (await ctx.http().get(`/api/admin/plans/${planId}`).set(admin.auth).expect(200)).body.plan;
}

async function allCounts() {
  const [exercises, plans, versions, days, slots, sets, rules] = await Promise.all([
    ctx.db.exercise.count(),
    ctx.db.workoutPlan.count(),
    ctx.db.planVersion.count(),
    ctx.db.planDay.count(),
    ctx.db.planDayExercise.count(),
    ctx.db.planSet.count(),
    ctx.db.planProgressionRule.count(),
  ]);
  return { exercises, plans, versions, days, slots, sets, rules };
}

const versionsOfNsuns = async () =>
  ctx.db.planVersion.findMany({
    where: { planId },
    orderBy: { version: 'asc' },
    select: { id: true, version: true, structureHash: true },
  });

const LIBRARY_SIZE = 185;

describe('exercise library', () => {
  const TABLE: Array<[string, string, string, boolean]> = [
    ['bench-press', 'Bench Press', 'chest', true],
    ['squat', 'Squat', 'legs', false],
    ['ohp', 'Overhead Press', 'shoulders', true],
    ['deadlift', 'Deadlift', 'back', false],
    ['close-grip-bench', 'Close Grip Bench Press', 'chest', true],
    ['sumo-deadlift', 'Sumo Deadlift', 'back', false],
    ['front-squat', 'Front Squat', 'legs', false],
    ['incline-bench', 'Incline Bench Press', 'chest', true],
    ['barbell-row', 'Barbell Row', 'back', true],
    ['romanian-deadlift', 'Romanian Deadlift', 'back', false],
    ['leg-press', 'Leg Press', 'legs', false],
    ['dumbbell-ohp', 'Dumbbell OHP', 'shoulders', true],
  ];

  it('holds the whole library file (185 exercises), the 12 original ones unchanged and compound', async () => {
    const exercises = await ctx.db.exercise.findMany({ orderBy: { id: 'asc' } });
    expect(exercises).toHaveLength(LIBRARY_SIZE);
    expect(exercises.map((e) => e.slug).sort()).toEqual(
      readExerciseLibrary()
        .map((e) => e.slug)
        .sort(),
    );
    const bySlug = new Map(exercises.map((e) => [e.slug, e]));
    for (const [slug, name, muscleGroup, isUpperBody] of TABLE) {
      expect(bySlug.get(slug)).toMatchObject({ slug, name, muscleGroup, isUpperBody, category: 'compound' });
    }
  });

  it('is what lifters see at GET /api/exercises', async () => {
    const lifter = await registerUser(ctx);
    const res = await ctx.http().get('/api/exercises').set(lifter.auth).expect(200);
    expect(res.body.exercises).toHaveLength(LIBRARY_SIZE);
    const listed = new Map(
      res.body.exercises.map((e: Json) => [e.slug, [e.slug, e.name, e.muscleGroup, e.isUpperBody]]),
    );
    for (const row of TABLE) expect(listed.get(row[0])).toEqual(row);
  });
});

describe('nSuns 4-Day LP (days, progression sets, progression rules)', () => {
  let plan: Json;
  beforeAll(async () => {
    plan = await latestNsuns();
  });

  it('has the published header', () => {
    expect(plan).toMatchObject({ slug: NSUNS_SLUG, name: 'nSuns 4-Day LP', daysPerWeek: 4, isPublic: true });
    expect(plan.description).toMatch(/nSuns/);
  });

  it('has 4 days, each a 9-set T1 and an 8-set T2', () => {
    expect(plan.days.map((d: Json) => d.dayNumber)).toEqual([1, 2, 3, 4]);
    for (const day of plan.days) {
      expect(day.exercises.map((e: Json) => [e.tier, e.sortOrder, e.sets.length])).toEqual([
        ['T1', 1, 9],
        ['T2', 2, 8],
      ]);
      for (const slot of day.exercises)
        expect(slot.sets.map((s: Json) => s.setOrder)).toEqual(slot.sets.map((_: unknown, i: number) => i + 1));
    }
  });

  it('day 1: Bench Volume 65x8, 75x6, 85x4x3, 80x5, 75x6, 70x7, 65x8+ (not a progression set) and OHP T2 (its 70x8 moves the OHP TM)', () => {
    const [t1, t2] = plan.days[0].exercises;
    expect(plan.days[0].name).toBe('Bench Volume + OHP');
    expect(t1).toMatchObject({
      exercise: { slug: 'bench-press' },
      tmExercise: { slug: 'bench-press' },
      displayName: 'Bench Volume',
    });
    expect(rows(t1)).toEqual(
      scheme([65, 8], [75, 6], [85, 4], [85, 4], [85, 4], [80, 5], [75, 6], [70, 7], [65, 8, '+']),
    );
    expect(t2).toMatchObject({ exercise: { slug: 'ohp' }, tmExercise: { slug: 'ohp' }, displayName: null });
    expect(rows(t2)).toEqual(scheme([50, 6], [60, 5], [70, 3], [70, 5], [70, 7], [70, 4], [70, 6], [70, 8, '!']));
  });

  it('day 2: squat T1 with 95% 1+ as the progression set; sumo deadlift T2 on the deadlift TM', () => {
    const [t1, t2] = plan.days[1].exercises;
    expect(t1).toMatchObject({ exercise: { slug: 'squat' }, tmExercise: { slug: 'squat' } });
    expect(rows(t1)).toEqual(
      scheme([75, 5], [85, 3], [95, 1, '+!'], [90, 3], [85, 3], [80, 3], [75, 5], [70, 5], [65, 5, '+']),
    );
    expect(t2).toMatchObject({
      exercise: { slug: 'sumo-deadlift' },
      tmExerciseId: ids['deadlift'],
      tmExercise: { slug: 'deadlift' },
    });
    expect(rows(t2)).toEqual(scheme([50, 5], [60, 5], [70, 3], [70, 5], [70, 7], [70, 4], [70, 6], [70, 8]));
  });

  it('day 3: bench T1 and close-grip bench T2 on the bench TM', () => {
    const [t1, t2] = plan.days[2].exercises;
    expect(t1).toMatchObject({
      exercise: { slug: 'bench-press' },
      tmExercise: { slug: 'bench-press' },
      displayName: null,
    });
    expect(rows(t1)).toEqual(
      scheme([75, 5], [85, 3], [95, 1, '+!'], [90, 3], [85, 5], [80, 3], [75, 5], [70, 3], [65, 5, '+']),
    );
    expect(t2).toMatchObject({ exercise: { slug: 'close-grip-bench' }, tmExerciseId: ids['bench-press'] });
    expect(rows(t2)).toEqual(scheme([40, 6], [50, 5], [60, 3], [60, 5], [60, 7], [60, 4], [60, 6], [60, 8]));
  });

  it('day 4: deadlift T1 and front squat T2 on the squat TM', () => {
    const [t1, t2] = plan.days[3].exercises;
    expect(t1).toMatchObject({ exercise: { slug: 'deadlift' }, tmExercise: { slug: 'deadlift' } });
    expect(rows(t1)).toEqual(
      scheme([75, 5], [85, 3], [95, 1, '+!'], [90, 3], [85, 3], [80, 3], [75, 3], [70, 3], [65, 3, '+']),
    );
    expect(t2).toMatchObject({ exercise: { slug: 'front-squat' }, tmExerciseId: ids['squat'] });
    expect(rows(t2)).toEqual(scheme([35, 5], [45, 5], [55, 3], [55, 5], [55, 7], [55, 4], [55, 6], [55, 8]));
  });

  it('days 2-4 have exactly one progression set: the highest-% AMRAP of its T1; T2 has no AMRAP', () => {
    for (const day of plan.days.slice(1)) {
      const [t1, t2] = day.exercises;
      const progression = day.exercises.flatMap((e: Json) =>
        e.sets.filter((s: Json) => s.isProgression).map((s: Json) => ({ ...s, tier: e.tier })),
      );
      expect(progression).toHaveLength(1);
      const amraps = t1.sets.filter((s: Json) => s.isAmrap);
      const highest = Math.max(...amraps.map((s: Json) => s.percentage));
      expect(progression[0]).toMatchObject({ tier: 'T1', isAmrap: true, percentage: highest });
      expect(t1.sets.filter((s: Json) => s.isAmrap && s.percentage === highest)).toHaveLength(1);
      expect(t2.sets.some((s: Json) => s.isAmrap)).toBe(false);
    }
  });

  it('has the 8 category progression rules (upper/lower by AMRAP reps, kg) and the OHP rules', () => {
    const rules = plan.progressionRules.map((r: Json) => [
      r.exerciseId,
      r.category,
      r.minReps,
      r.maxReps,
      r.increase,
      r.unit,
    ]);
    expect(rules).toHaveLength(11); // 8 category bands, 2 OHP bands, the OHP stall reset
    expect(rules).toEqual(
      expect.arrayContaining([
        [null, 'upper', 0, 1, 0, 'kg'],
        [null, 'upper', 2, 3, 2.5, 'kg'],
        [null, 'upper', 4, 5, 2.5, 'kg'],
        [null, 'upper', 6, 99, 5, 'kg'],
        [null, 'lower', 0, 1, 0, 'kg'],
        [null, 'lower', 2, 3, 2.5, 'kg'],
        [null, 'lower', 4, 5, 5, 'kg'],
        [null, 'lower', 6, 99, 7.5, 'kg'],
        [ids.ohp, null, 0, 7, 0, 'kg'],
        [ids.ohp, null, 8, 99, 2.5, 'kg'],
      ]),
    );
    expect(plan.progressionRules.filter((r: Json) => r.kind === 'stall_reset')).toEqual([
      expect.objectContaining({ exerciseId: ids.ohp, failures: 2, factor: 0.9 }),
    ]);
  });

  it('requires the four main lifts, and the stored rows match the API view', async () => {
    expect(plan.requiredExercises.map((e: Json) => e.slug)).toEqual(['bench-press', 'ohp', 'squat', 'deadlift']);
    const [sets, amrap, progression] = await Promise.all([
      ctx.db.planSet.count({ where: { planDayExercise: { planDay: { planId } } } }),
      ctx.db.planSet.count({ where: { planDayExercise: { planDay: { planId } }, isAmrap: true } }),
      ctx.db.planSet.findMany({
        where: { planDayExercise: { planDay: { planId } }, isProgression: true },
        select: {
          percentage: true,
          reps: true,
          planDayExercise: { select: { tier: true, planDay: { select: { dayNumber: true } } } },
        },
      }),
    ]);
    expect(sets).toBe(68);
    expect(amrap).toBe(7); // day 1: one; days 2-4: two each
    expect(
      progression
        .map((p) => [p.planDayExercise.planDay.dayNumber, p.planDayExercise.tier, p.percentage!.toString(), p.reps])
        .sort(),
    ).toEqual([
      [1, 'T2', '0.7', 8],
      [2, 'T1', '0.95', 1],
      [3, 'T1', '0.95', 1],
      [4, 'T1', '0.95', 1],
    ]);
  });

  it('is itself a valid admin plan body (the same validation as POST /api/admin/plans)', async () => {
    const admin = await registerAdmin(ctx);
    const body = { ...nsunsInput(ids), slug: 'nsuns-copy', isPublic: false };
    const res = await ctx.http().post('/api/admin/plans').set(admin.auth).send(body).expect(201);
    const strip = (p: Json) =>
      p.days.map((d: Json) =>
        d.exercises.map((e: Json) => [e.exerciseId, e.tmExerciseId, e.tier, e.displayName, rows(e)]),
      );
    expect(strip(res.body.plan)).toEqual(strip(plan));
    await ctx.http().delete(`/api/admin/plans/${res.body.plan.id}`).set(admin.auth).expect(204);
  });
});

describe('re-running the seed', () => {
  it('changes nothing: row counts, ids, versions and hashes stay equal', async () => {
    const counts = await allCounts();
    const versions = await versionsOfNsuns();
    const exercises = await ctx.db.exercise.findMany({ orderBy: { id: 'asc' } });
    const plan = await ctx.db.workoutPlan.findUniqueOrThrow({ where: { id: planId } });

    await seedDatabase(ctx.db);
    await seedDatabase(ctx.db);

    expect(await allCounts()).toEqual(counts);
    expect(await versionsOfNsuns()).toEqual(versions);
    expect(await ctx.db.exercise.findMany({ orderBy: { id: 'asc' } })).toEqual(exercises);
    expect(await ctx.db.workoutPlan.findUniqueOrThrow({ where: { id: planId } })).toEqual(plan);
  });

  it('the stored hash is the hash of the seed structure', async () => {
    const [latest] = (await versionsOfNsuns()).slice(-1);
    const body = planBody.parse(nsunsInput(ids));
    expect(latest!.structureHash).toBe(structureHash(body));
    // …and of the stored structure read back (decimal round trip included).
    expect(structureHash(toStructure((await loadLatestVersion(ctx.db, planId))!))).toBe(latest!.structureHash);
  });

  it('leaves admin edits of library exercises alone', async () => {
    const admin = await registerAdmin(ctx);
    await ctx
      .http()
      .patch(`/api/admin/exercises/${ids['barbell-row']}`)
      .set(admin.auth)
      .send({ name: 'Pendlay Row', muscleGroup: 'upper-back' })
      .expect(200);
    await seedDatabase(ctx.db);
    expect(await ctx.db.exercise.findUniqueOrThrow({ where: { id: ids['barbell-row'] } })).toMatchObject({
      slug: 'barbell-row',
      name: 'Pendlay Row',
      muscleGroup: 'upper-back',
    });
    expect(await ctx.db.exercise.count()).toBe(LIBRARY_SIZE);
    await ctx
      .http()
      .patch(`/api/admin/exercises/${ids['barbell-row']}`)
      .set(admin.auth)
      .send({ name: 'Barbell Row', muscleGroup: 'back' })
      .expect(200);
  });
});

describe('a changed seed structure', () => {
  it('publishes a new version (service level: one altered percentage); subscribers keep theirs', async () => {
    const lifter = await registerUser(ctx);
    await ctx.http().post(`/api/plans/${planId}/subscribe`).set(lifter.auth).expect(201);
    const before = await versionsOfNsuns();
    const latest = before[before.length - 1]!;

    const body = planBody.parse(nsunsInput(ids));
    body.weeks[0]!.days[0]!.exercises[0]!.sets[0]!.percentage = 0.6;
    const updated = await updatePlan(ctx.db, planId, body);

    expect(updated.version).toBe(latest.version + 1);
    expect(updated.days[0]!.exercises[0]!.sets[0]!.percentage).toBe(0.6);
    expect(updated.days[0]!.exercises[0]!.sets.slice(1)).toHaveLength(8);
    const after = await versionsOfNsuns();
    expect(after.map((v) => v.id)).toEqual([...before.map((v) => v.id), updated.versionId]);
    expect(after[after.length - 1]!.structureHash).toBe(structureHash(body));

    const current = await ctx.http().get('/api/plans/current').set(lifter.auth).expect(200);
    expect(current.body.plan.versionId).toBe(latest.id);
    expect(current.body.plan.days[0].exercises[0].sets[0].percentage).toBe(0.65);

    // Back to the seed's structure (a new version again: the altered one had no subscribers, so it is replaced).
    const restored = await updatePlan(ctx.db, planId, planBody.parse(nsunsInput(ids)));
    expect(restored.days[0]!.exercises[0]!.sets[0]!.percentage).toBe(0.65);
    const final = await versionsOfNsuns();
    expect(final).toHaveLength(after.length);
    expect(final.map((v) => v.id)).not.toContain(updated.versionId);
    expect(final[final.length - 1]!.structureHash).toBe(latest.structureHash);
  });

  it('seedDatabase publishes a new version when the seed data itself changes', async () => {
    const programs = readProgramFiles();
    const nsuns = programs.find((p) => p.plan.slug === NSUNS_SLUG)!;
    const lifter = await registerUser(ctx);
    await ctx.http().post(`/api/plans/${planId}/subscribe`).set(lifter.auth).expect(201);
    const before = await versionsOfNsuns();
    const pinned = (await ctx.http().get('/api/plans/current').set(lifter.auth).expect(200)).body.userPlan;
    try {
      nsuns.plan.days![3]!.exercises[1]!.sets = [{ setOrder: 1, percentage: 0.4, reps: 5 }];
      await seedDatabase(ctx.db, undefined, programs);
      const after = await versionsOfNsuns();
      expect(after).toHaveLength(before.length + 1);
      expect(after[after.length - 1]!.version).toBe(before[before.length - 1]!.version + 1);
      const plan = await latestNsuns();
      expect(plan.days[3].exercises[1].sets).toEqual([expect.objectContaining({ percentage: 0.4, reps: 5 })]);
      // Idempotent again with the changed data.
      await seedDatabase(ctx.db, undefined, programs);
      expect(await versionsOfNsuns()).toEqual(after);
      // The subscriber is still on what they started with.
      const current = await ctx.http().get('/api/plans/current').set(lifter.auth).expect(200);
      expect(current.body.userPlan.planVersionId).toBe(pinned.planVersionId);
      expect(current.body.plan.days[3].exercises[1].sets[0].percentage).toBe(0.35);
    } finally {
      await seedDatabase(ctx.db); // back to the real seed for whatever runs next
    }
  });
});

describe('a changed seed structure and an admin draft of the plan', () => {
  it('waits: the draft survives the start, and the seed version lands on the start after it is discarded', async () => {
    const programs = readProgramFiles();
    const nsuns = programs.find((p) => p.plan.slug === NSUNS_SLUG)!;
    const admin = await registerAdmin(ctx);
    const draftBody = structuredClone(nsunsInput(ids)) as Json;
    const days = draftBody.weeks?.[0]?.days ?? draftBody.days;
    days[1].exercises[0].sets[0].percentage = 0.8;
    const saved = await ctx.http().put(`/api/admin/plans/${planId}/draft`).set(admin.auth).send(draftBody);
    expect(saved.status).toBe(200);
    const before = await versionsOfNsuns();
    const logged: unknown[] = [];
    const log = { info: (fields: unknown) => logged.push(fields) } as unknown as Parameters<typeof seedDatabase>[1];
    try {
      nsuns.plan.days![3]!.exercises[1]!.sets = [{ setOrder: 1, percentage: 0.4, reps: 5 }];
      await seedDatabase(ctx.db, log, programs);
      expect(await versionsOfNsuns()).toEqual(before); // nothing published, the draft kept
      const draft = (await ctx.http().get(`/api/admin/plans/${planId}`).set(admin.auth).expect(200)).body.plan;
      expect(draft.publishedAt).toBeNull();
      expect(draft.days[1].exercises[0].sets[0].percentage).toBe(0.8);
      expect(JSON.stringify(logged)).toContain('update waiting: an admin draft of this plan is unpublished');
      // Admins see it waiting, in the builder (the draft) and on the plan list; the editors' token did not move.
      expect(draft).toMatchObject({ builtInUpdateWaiting: true, updatedAt: saved.body.plan.updatedAt });
      const listed = async () =>
        (await ctx.http().get('/api/admin/plans').set(admin.auth).expect(200)).body.plans.find(
          (p: Json) => p.id === planId,
        );
      expect(await listed()).toMatchObject({ builtInUpdateWaiting: true });
      const lifter = await registerUser(ctx);
      const cards = (await ctx.http().get('/api/plans').set(lifter.auth).expect(200)).body.plans;
      expect(cards.find((p: Json) => p.id === planId)).not.toHaveProperty('builtInUpdateWaiting');

      await ctx.http().delete(`/api/admin/plans/${planId}/draft`).set(admin.auth).expect(200);
      await seedDatabase(ctx.db, undefined, programs);
      const plan = await latestNsuns();
      expect(plan.days[3].exercises[1].sets).toEqual([expect.objectContaining({ percentage: 0.4, reps: 5 })]);
      expect(await listed()).not.toHaveProperty('builtInUpdateWaiting');
    } finally {
      await seedDatabase(ctx.db); // back to the real seed for whatever runs next
    }
  });
});

describe('seeding an empty database', () => {
  it('creates the library and the plan from scratch, once', async () => {
    const { createTestDatabase } = await import('../../test/test-db');
    const fresh = await createTestDatabase({ seeded: false });
    try {
      expect(await fresh.db.exercise.count()).toBe(0);
      await seedDatabase(fresh.db);
      const counts = async () => [
        await fresh.db.exercise.count(),
        await fresh.db.workoutPlan.count(),
        await fresh.db.planVersion.count(),
        await fresh.db.planDay.count(),
        await fresh.db.planSet.count(),
        await fresh.db.planProgressionRule.count(),
      ];
      // The 185-exercise library and 15 program files (days / sets / rules): candito-6-week 21/199/0,
      // juggernaut-method-2 64/320/2, madcow-5x5 3/45/2, nsuns-4day-lp 4/68/11, nsuns-5day-lp 5/85/8,
      // nsuns-6day-lp 6/99/8, smolov-jr-bench and -squat 12/93/0 each, texas-method 6/36/3,
      // wendler-531-bbb-3-month 48/468/4, wendler-531-bbb 16/156/4, wendler-531-beginners 9/198/2,
      // wendler-531-fsl 16/156/4, wendler-531-monolith 18/321/2, wendler-531 16/96/4.
      const expected = [LIBRARY_SIZE, 15, 15, 256, 2433, 54];
      expect(await counts()).toEqual(expected);
      await seedDatabase(fresh.db);
      expect(await counts()).toEqual(expected);
    } finally {
      await fresh.drop();
    }
  });
});

describe('admin changes to a built-in plan survive restarts', () => {
  it('an edited structure and header are not overwritten by the next seed', async () => {
    const { createTestDatabase } = await import('../../test/test-db');
    const fresh = await createTestDatabase({ seeded: false });
    try {
      await seedDatabase(fresh.db);
      const plan = await fresh.db.workoutPlan.findUniqueOrThrow({ where: { seedKey: NSUNS_SLUG } });
      const freshIds = Object.fromEntries((await fresh.db.exercise.findMany()).map((e) => [e.slug, e.id]));
      const edited = planBody.parse({
        ...nsunsInput(freshIds),
        name: 'nSuns (club edition)',
      });
      edited.weeks[0]!.days[0]!.exercises[0]!.sets[0]!.reps = 10;
      await updatePlan(fresh.db, plan.id, edited);
      const versions = await fresh.db.planVersion.findMany({ where: { planId: plan.id }, orderBy: { id: 'asc' } });

      await seedDatabase(fresh.db);

      expect(await fresh.db.planVersion.findMany({ where: { planId: plan.id }, orderBy: { id: 'asc' } })).toEqual(
        versions,
      );
      expect((await fresh.db.workoutPlan.findUniqueOrThrow({ where: { id: plan.id } })).name).toBe(
        'nSuns (club edition)',
      );
    } finally {
      await fresh.drop();
    }
  });

  it('a deleted (archived) built-in plan is not recreated', async () => {
    const { createTestDatabase } = await import('../../test/test-db');
    const fresh = await createTestDatabase({ seeded: false });
    try {
      await seedDatabase(fresh.db);
      const plan = await fresh.db.workoutPlan.findUniqueOrThrow({ where: { seedKey: NSUNS_SLUG } });
      const user = await fresh.db.user.create({
        data: { email: 'past@example.com', passwordHash: 'x', displayName: 'Past' },
      });
      const version = await fresh.db.planVersion.findFirstOrThrow({ where: { planId: plan.id } });
      await fresh.db.userPlan.create({
        data: {
          userId: user.id,
          planId: plan.id,
          planVersionId: version.id,
          isActive: false,
          status: 'ended',
          endedAt: new Date(),
        },
      });
      const { deletePlan } = await import('../plans/plans.service');
      expect(await deletePlan(fresh.db, plan.id)).toEqual({ archived: true });

      await seedDatabase(fresh.db);

      expect(await fresh.db.workoutPlan.count({ where: { seedKey: NSUNS_SLUG } })).toBe(1);
      expect((await fresh.db.workoutPlan.findUniqueOrThrow({ where: { id: plan.id } })).archivedAt).not.toBeNull();
    } finally {
      await fresh.drop();
    }
  });
});
