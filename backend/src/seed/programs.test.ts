// Built-in program files reproduce their published numbers, through the API a lifter uses (projection and real
// workouts share the engine). Sources: reference/programs.md §1 table "5/3/1 TM 300 lb / 140 kg" and §2.
import { createTestContext, type TestContext } from '../../test/test-db';
import { exerciseIds, registerUser, type TestUser } from '../../test/helpers';
import { readProgramFiles } from './program-files';

let ctx: TestContext;
let ids: Record<string, number>;
beforeAll(async () => {
  ctx = await createTestContext();
  ids = await exerciseIds(ctx);
});
afterAll(() => ctx.drop());

const planIdOf = async (slug: string) => (await ctx.db.workoutPlan.findUniqueOrThrow({ where: { seedKey: slug } })).id;

async function lifter(unit: 'kg' | 'lb'): Promise<TestUser> {
  const user = await registerUser(ctx);
  if (unit === 'lb') await ctx.http().patch('/api/users/me').set(user.auth).send({ unitPreference: 'lb' }).expect(200);
  return user;
}

/** Work-set weights (warm-ups and supplemental sets left out) of each week's squat day, from the projection. */
async function squatWaves(slug: string, user: TestUser, squatTm: number) {
  const res = await ctx
    .http()
    .post(`/api/plans/${await planIdOf(slug)}/projection`)
    .set(user.auth)
    .send({
      weeks: 4,
      trainingMaxes: ['ohp', 'deadlift', 'bench-press', 'squat'].map((slug) => ({
        exerciseId: ids[slug],
        trainingMax: slug === 'squat' ? squatTm : 100,
      })),
    })
    .expect(200);
  return res.body.sessions
    .filter((s: { dayName: string }) => s.dayName === 'Squat')
    .map((s: { sets: Array<{ kind: string; prescribedWeight: number; prescribedReps: number; isAmrap: boolean }> }) =>
      s.sets
        .filter((set) => set.kind === 'main')
        .map((set) => `${set.prescribedWeight}×${set.prescribedReps}${set.isAmrap ? '+' : ''}`)
        .join(' '),
    );
}

describe('program files', () => {
  it('every file loads: slug, author, source and a plan the admin API accepts', async () => {
    const files = readProgramFiles();
    expect(files.map((f) => f.plan.slug).sort()).toEqual(['wendler-531', 'wendler-531-bbb', 'wendler-531-beginners']);
    for (const file of files) {
      expect(file.meta).toMatchObject({ author: expect.any(String), sourceUrl: expect.stringMatching(/^https?:\/\//) });
      const { body } = await ctx
        .http()
        .get(`/api/plans/${await planIdOf(file.plan.slug)}`)
        .set((await lifter('kg')).auth);
      expect(body.plan).toMatchObject({
        slug: file.plan.slug,
        cycleWeeks: file.plan.cycleWeeks,
        tmPercent: 0.9,
        daysPerWeek: file.plan.daysPerWeek,
      });
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
    const user = await lifter('lb');
    const res = await ctx
      .http()
      .post(`/api/plans/${await planIdOf('wendler-531')}/projection`)
      .set(user.auth)
      .send({
        weeks: 5,
        trainingMaxes: [
          { exerciseId: ids.ohp, trainingMax: 100 },
          { exerciseId: ids.deadlift, trainingMax: 400 },
          { exerciseId: ids['bench-press'], trainingMax: 200 },
          { exerciseId: ids.squat, trainingMax: 300 },
        ],
      })
      .expect(200);
    const cycle2 = res.body.sessions.find((s: { cycle: number }) => s.cycle === 2);
    expect(
      Object.fromEntries(
        cycle2.trainingMaxes.map((t: { slug: string; trainingMax: number }) => [t.slug, t.trainingMax]),
      ),
    ).toEqual({
      ohp: 105,
      deadlift: 410,
      'bench-press': 205,
      squat: 310,
    });
  });

  it('BBB adds 5×10 at 50 % of the TM after the main sets, not in the deload week', async () => {
    const user = await lifter('lb');
    const res = await ctx
      .http()
      .post(`/api/plans/${await planIdOf('wendler-531-bbb')}/projection`)
      .set(user.auth)
      .send({
        weeks: 4,
        trainingMaxes: ['ohp', 'deadlift', 'bench-press', 'squat'].map((slug) => ({
          exerciseId: ids[slug],
          trainingMax: 300,
        })),
      })
      .expect(200);
    const supplemental = (s: { sets: Array<{ kind: string; prescribedWeight: number; prescribedReps: number }> }) =>
      s.sets.filter((set) => set.kind === 'supplemental').map((set) => `${set.prescribedWeight}×${set.prescribedReps}`);
    expect(supplemental(res.body.sessions[0])).toEqual(Array(5).fill('150×10'));
    expect(supplemental(res.body.sessions[12])).toEqual([]);
  });

  it('5/3/1 for Beginners: the wave, FSL 5×5 at the first-set %, two squat days a week, no deload, +10 / +5 lb per 3 weeks', async () => {
    const user = await lifter('lb');
    const res = await ctx
      .http()
      .post(`/api/plans/${await planIdOf('wendler-531-beginners')}/projection`)
      .set(user.auth)
      .send({
        weeks: 4,
        trainingMaxes: [
          { exerciseId: ids.squat, trainingMax: 300 },
          { exerciseId: ids['bench-press'], trainingMax: 200 },
          { exerciseId: ids.deadlift, trainingMax: 400 },
          { exerciseId: ids.ohp, trainingMax: 100 },
        ],
      })
      .expect(200);
    type Session = {
      cycle: number;
      weekNumber: number;
      dayNumber: number;
      isDeload: boolean;
      sets: Array<{
        exercise: { slug: string };
        kind: string;
        prescribedWeight: number;
        prescribedReps: number;
        isAmrap: boolean;
      }>;
      trainingMaxes: Array<{ slug: string; trainingMax: number }>;
    };
    const sessions: Session[] = res.body.sessions;
    const squat = (s: Session) =>
      s.sets
        .filter((set) => set.exercise.slug === 'squat' && set.kind !== 'warmup')
        .map((set) => `${set.prescribedWeight}×${set.prescribedReps}${set.isAmrap ? '+' : ''}`)
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
    expect(Object.fromEntries(sessions[9]!.trainingMaxes.map((t) => [t.slug, t.trainingMax]))).toEqual({
      squat: 310,
      'bench-press': 205,
      deadlift: 410,
      ohp: 105,
    });
  });
});
