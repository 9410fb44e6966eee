// Built-in program files reproduce their published numbers, through the API a lifter uses (projection and real
// workouts share the engine). Sources: reference/programs.md §1 table "5/3/1 TM 300 lb / 140 kg" and §2.
import type { TestUser } from '../../test/helpers';
import {
  planIdOf as planIdIn,
  projectPlan,
  registerLifter,
  setLine,
  tmsOf,
  useGoldenHarness,
  type ProjectedSession,
  type Unit,
} from './golden/program-golden';
import { readProgramFiles } from './program-files';

const harness = useGoldenHarness();

/** The programs the library ships (issue 11's list; sheiko-29 is left out: no primary source could be read). */
const BUILT_IN_SLUGS = [
  'candito-6-week',
  'juggernaut-method-2',
  'madcow-5x5',
  'nsuns-4day-lp',
  'nsuns-5day-lp',
  'nsuns-6day-lp',
  'smolov-jr-bench',
  'smolov-jr-squat',
  'texas-method',
  'wendler-531',
  'wendler-531-bbb',
  'wendler-531-bbb-3-month',
  'wendler-531-beginners',
  'wendler-531-fsl',
  'wendler-531-monolith',
];

const planIdOf = (slug: string) => planIdIn(harness.ctx, slug);
const lifter = (unit: Unit) => registerLifter(harness.ctx, unit);

/** Work-set weights (warm-ups and supplemental sets left out) of each week's squat day, from the projection. */
async function squatWaves(slug: string, user: TestUser, squatTm: number) {
  const tms = { ohp: 100, deadlift: 100, 'bench-press': 100, squat: squatTm };
  const { sessions } = await projectPlan(harness, slug, user, tms, 4);
  return sessions
    .filter((s) => s.dayName === 'Squat')
    .map((s) =>
      s.sets
        .filter((set) => set.kind === 'main')
        .map((set) => setLine(set))
        .join(' '),
    );
}

describe('program files', () => {
  it('every file loads: slug, author, source and a plan the admin API accepts', async () => {
    const files = readProgramFiles();
    expect(files.map((f) => f.plan.slug).sort()).toEqual(BUILT_IN_SLUGS);
    for (const file of files) {
      expect(file.meta).toMatchObject({ author: expect.any(String), sourceUrl: expect.stringMatching(/^https?:\/\//) });
      const { body } = await harness.ctx
        .http()
        .get(`/api/plans/${await planIdOf(file.plan.slug)}`)
        .set((await lifter('kg')).auth);
      expect(body.plan).toMatchObject({
        slug: file.plan.slug,
        cycleWeeks: file.plan.cycleWeeks ?? 1,
        tmPercent: file.plan.tmPercent ?? 0.9,
        daysPerWeek: file.plan.daysPerWeek,
      });
    }
  });

  it.each(BUILT_IN_SLUGS)('%s projects a full cycle for a kg and a lb lifter, every %%-set weighed', async (slug) => {
    const planId = await planIdOf(slug);
    for (const [unit, tm] of [
      ['kg', 100],
      ['lb', 225],
    ] as const) {
      const user = await lifter(unit);
      const { body } = await harness.ctx.http().get(`/api/plans/${planId}`).set(user.auth).expect(200);
      const plan = body.plan as {
        cycleWeeks: number;
        weeks: Array<{ days: unknown[] }>;
        requiredExercises: Array<{ id: number }>;
      };
      const res = await harness.ctx
        .http()
        .post(`/api/plans/${planId}/projection`)
        .set(user.auth)
        .send({
          weeks: plan.cycleWeeks,
          trainingMaxes: plan.requiredExercises.map((e) => ({ exerciseId: e.id, trainingMax: tm })),
        })
        .expect(200);
      const sessions = res.body.sessions as Array<{
        cycle: number;
        sets: Array<{ percentage: number | null; prescribedWeight: number | null }>;
      }>;
      expect(sessions).toHaveLength(plan.weeks.reduce((sum, week) => sum + week.days.length, 0));
      expect(sessions.every((s) => s.cycle === 1)).toBe(true);
      const weighed = sessions.flatMap((s) => s.sets).filter((set) => set.percentage !== null);
      expect(weighed.length).toBeGreaterThan(0);
      for (const set of weighed) expect(set.prescribedWeight).toBeGreaterThan(0);
    }
  });

  it.each(['wendler-531', 'wendler-531-bbb'])('%s: the published 5/3/1 wave at TM 300 lb and 140 kg', async (slug) => {
    // programs.md §1: "5/3/1 TM 300 lb wk1/2/3/4: 195/225/255+ · 210/240/270+ · 225/255/285+ · 120/150/180".
    expect(await squatWaves(slug, await lifter('lb'), 300)).toEqual([
      '195×5 225×5 255×5+',
      '210×3 240×3 270×3+',
      '225×5 255×3 285×1+',
      '120×5 150×5 180×5',
    ]);
    // "5/3/1 TM 140 kg: 90/105/120+ · 97.5/112.5/125+ · 105/120/132.5+ · 55/70/85" (nearest 2.5 kg).
    expect(await squatWaves(slug, await lifter('kg'), 140)).toEqual([
      '90×5 105×5 120×5+',
      '97.5×3 112.5×3 125×3+',
      '105×5 120×3 132.5×1+',
      '55×5 70×5 85×5',
    ]);
  });

  it('a cycle adds +5 lb to bench and press and +10 lb to squat and deadlift (kg lifters: +2.5 / +5 kg)', async () => {
    const tms = { ohp: 100, deadlift: 400, 'bench-press': 200, squat: 300 };
    const { sessions } = await projectPlan(harness, 'wendler-531', await lifter('lb'), tms, 5);
    expect(tmsOf(sessions.find((s) => s.cycle === 2))).toEqual({
      ohp: 105,
      deadlift: 410,
      'bench-press': 205,
      squat: 310,
    });
  });

  it('BBB trained for two cycles through real workouts: +5 lb upper / +10 lb lower exactly once per cycle', async () => {
    const user = await lifter('lb');
    await harness.ctx
      .http()
      .post(`/api/plans/${await planIdOf('wendler-531-bbb')}/subscribe`)
      .set(user.auth)
      .expect(201);
    const start = { ohp: 100, deadlift: 400, 'bench-press': 200, squat: 300 };
    await harness.ctx
      .http()
      .post('/api/training-maxes/setup')
      .set(user.auth)
      .send({
        exerciseTMs: Object.entries(start).map(([slug, trainingMax]) => ({
          exerciseId: harness.ids[slug],
          trainingMax,
        })),
      })
      .expect(201);
    const changes: string[] = [];
    for (let session = 1; session <= 32; session++) {
      const { body } = await harness.ctx.http().post('/api/workouts').set(user.auth).send({}).expect(201);
      const workout = body.workout as {
        id: number;
        sets: Array<{ id: number; isAmrap: boolean; prescribedReps: number }>;
      };
      for (const set of workout.sets.filter((s) => s.isAmrap)) {
        await harness.ctx
          .http()
          .patch(`/api/workouts/${workout.id}/sets/${set.id}`)
          .set(user.auth)
          .send({ completed: true, actualReps: set.prescribedReps + 2 })
          .expect(200);
      }
      const done = await harness.ctx.http().post(`/api/workouts/${workout.id}/complete`).set(user.auth).expect(200);
      for (const p of done.body.progression as Array<{ slug: string; previousTM: number; newTM: number }>)
        if (p.newTM !== p.previousTM) changes.push(`session ${session}: ${p.slug} ${p.previousTM} → ${p.newTM}`);
    }
    // Only the last session of each 16-session cycle (week 4, day 4) moves TMs, each lift once per cycle.
    expect(changes).toEqual([
      'session 16: ohp 100 → 105',
      'session 16: deadlift 400 → 410',
      'session 16: bench-press 200 → 205',
      'session 16: squat 300 → 310',
      'session 32: ohp 105 → 110',
      'session 32: deadlift 410 → 420',
      'session 32: bench-press 205 → 210',
      'session 32: squat 310 → 320',
    ]);
  });

  it('BBB adds 5×10 at 50 % of the TM after the main sets, not in the deload week', async () => {
    const supplemental = (s: ProjectedSession) =>
      s.sets.filter((set) => set.kind === 'supplemental').map((set) => `${set.prescribedWeight}×${set.prescribedReps}`);
    const tms = { ohp: 300, deadlift: 300, 'bench-press': 300, squat: 300 };
    const { sessions } = await projectPlan(harness, 'wendler-531-bbb', await lifter('lb'), tms, 4);
    expect(supplemental(sessions[0]!)).toEqual(Array(5).fill('150×10'));
    expect(supplemental(sessions[12]!)).toEqual([]);
  });

  it('5/3/1 for Beginners: the wave, FSL 5×5 at the first-set %, two squat days a week, no deload, +10 / +5 lb per 3 weeks', async () => {
    const tms = { squat: 300, 'bench-press': 200, deadlift: 400, ohp: 100 };
    const { sessions } = await projectPlan(harness, 'wendler-531-beginners', await lifter('lb'), tms, 4);
    const squat = (s: ProjectedSession) =>
      s.sets
        .filter((set) => set.exercise.slug === 'squat' && set.kind !== 'warmup')
        .map((set) => setLine(set))
        .join(' ');
    expect(sessions.map((s) => `${s.cycle}.${s.weekNumber}.${s.dayNumber}`)).toEqual([
      '1.1.1',
      '1.1.2',
      '1.1.3',
      '1.2.1',
      '1.2.2',
      '1.2.3',
      '1.3.1',
      '1.3.2',
      '1.3.3',
      '2.1.1',
      '2.1.2',
      '2.1.3',
    ]);
    expect(sessions.some((s) => s.isDeload)).toBe(false);
    expect(squat(sessions[0]!)).toBe('195×5 225×5 255×5+ 195×5 195×5 195×5 195×5 195×5');
    expect(squat(sessions[2]!)).toBe(squat(sessions[0]!)); // squat again on day 3
    expect(squat(sessions[3]!)).toBe('210×3 240×3 270×3+ 210×5 210×5 210×5 210×5 210×5');
    expect(squat(sessions[6]!)).toBe('225×5 255×3 285×1+ 225×5 225×5 225×5 225×5 225×5');
    expect(tmsOf(sessions[9])).toEqual({
      squat: 310,
      'bench-press': 205,
      deadlift: 410,
      ohp: 105,
    });
  });
});
