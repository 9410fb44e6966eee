// Golden tests of the 5/3/1 family and Juggernaut 2.0: every week and day of one cycle at a lb and a kg TM set, to the
// plate, and the TMs after one and two cycles, through the projection API a lifter uses. The expected values in
// golden/<slug>.golden.json were computed by hand-written decimal arithmetic from the SOURCE tables (not from the
// program files, not from the engine), nearest increment with exact halves up (the lifter default):
// - wendler-531, -bbb, -fsl: reference/programs.md §2 (T-Nation article quoted at
//   http://crossfitreno.blogspot.com/2015/01/wendler-cycle-quick-over-view.html: 65/75/85, 70/80/90, 75/85/95,
//   deload 40/50/60; +5 lb upper / +10 lb lower per cycle), warm-ups 40×5/50×5/60×3 (github.com/jesse99/liftwell);
//   BBB §2.1 5×10 @ 50 % (https://www.jimwendler.com/blogs/jimwendler-com/boring-but-big-3-month-challenge);
//   FSL §4 5×5 at the first work set (https://www.jimwendler.com/blogs/jimwendler-com/5x5-first-set-last-vs-boring-but-big).
// - wendler-531-beginners: §3 (https://thefitness.wiki/routines/5-3-1-for-beginners/; Liftosaur the5314b.md).
// - wendler-531-monolith: §13, weeks 1–3 from
//   https://jimwendler.com/blogs/jimwendler-com/101078918-building-the-monolith-5-3-1-for-size (read); weeks 4–6 and
//   the +5/+10 lb raise after week 3 only from Liftosaur monolith531.md [VL].
// - juggernaut-method-2: §12 table (Liftosaur juggernaut-method.md ÷ 0.9 [VL]) and the §0 check row "Juggernaut 10s
//   wave, TM 300 lb": accumulation 5×10 @180, intensification 165×5, 190×5, 3×10 @205, realization 150×5, 180×3,
//   210×1, 225×10+.
// Rounding ties: every fixture lists sets whose exact weight is halfway between two plates (e.g. bench TM 250 lb ×
// 65 % = 162.5 → 165, deadlift 182.5 kg × 50 % = 91.25 → 92.5): nearest rounds them up.
import {
  expectOneCycleAt,
  expectWithinOfSource,
  projectPlan,
  registerLifter,
  readGolden,
  sessionsByKey,
  slugAndTier,
  tmsOf,
  useGoldenHarness,
  type GoldenSessions,
  type ProjectedSession as Session,
  type TmSet,
  type Unit,
} from './golden/program-golden';

type Golden = {
  program: string;
  cycleWeeks: number;
  amrapExtraReps: number;
  sets: Array<
    GoldenSessions & {
      trainingMaxes: TmSet;
      warmups?: Record<string, string>;
      approximation?: { why: string; sessions: Record<string, string> };
    }
  >;
  progression: Array<{
    unit: Unit;
    amrapExtraReps: number;
    weeks: number;
    trainingMaxes: TmSet;
    note: string;
    expect: Record<string, TmSet>;
  }>;
};

const PROGRAMS = [
  'wendler-531',
  'wendler-531-bbb',
  'wendler-531-beginners',
  'wendler-531-fsl',
  'wendler-531-monolith',
  'juggernaut-method-2',
];
const golden = (slug: string) => readGolden<Golden>(slug);

const harness = useGoldenHarness();

/** A projection for a new lifter who trains in `unit`. */
const project = async (slug: string, unit: Unit, tms: TmSet, weeks: number, amrapExtraReps: number) =>
  projectPlan(harness, slug, await registerLifter(harness.ctx, unit), tms, weeks, amrapExtraReps);

/** "squat 195×5 225×5 255×5+ | squat FSL 195×5 …": one part per slot, the tier named when it isn't Main. */
const byKey = (sessions: Session[], warmups = false) =>
  sessionsByKey(sessions, { partBy: 'slot', label: slugAndTier, warmups });

describe.each(PROGRAMS)('%s', (slug) => {
  const fixture = golden(slug);

  it.each(fixture.sets.map((set) => [set.unit, set] as const))(
    'one cycle, every week and day, at the %s TM set',
    async (_unit, set) => {
      const res = await project(slug, set.unit, set.trainingMaxes, fixture.cycleWeeks, fixture.amrapExtraReps);
      expectOneCycleAt(res, set);
      // Monolith weeks 4–6: the file's stand-in for the mid-cycle TM raise (see the fixture's "approximation").
      expect(byKey(res.sessions)).toEqual({ ...set.sessions, ...set.approximation?.sessions });
      if (set.warmups) expect(byKey(res.sessions, true)).toEqual(set.warmups);
    },
  );

  const approximated = fixture.sets.filter((set) => set.approximation);
  if (approximated.length > 0) {
    it.each(approximated.map((set) => [set.unit, set] as const))(
      'weeks 4–6 at the %s TM set: every set within one increment of pct × (TM + the week-3 raise)',
      (_unit, set) => {
        expectWithinOfSource(set.approximation!.sessions, set.sessions, set.increment);
      },
    );
  }
});

describe.each(PROGRAMS)('%s: training maxes after one and two cycles', (slug) => {
  const fixture = golden(slug);
  const cases = fixture.progression.map((c) => [c.unit, c.amrapExtraReps, c] as const);

  it.each(cases)('%s lifter, every AMRAP at target + %i reps', async (_unit, _extra, c) => {
    const res = await project(slug, c.unit, c.trainingMaxes, c.weeks, c.amrapExtraReps);
    const at = (label: string) => {
      // "cycle 2" = its first session; "W4 D1" = that session of cycle 1.
      const m = /^cycle (\d+)$/.exec(label);
      const [cycle, week] = m ? [Number(m[1]), 1] : [1, Number(/^W(\d+) D1$/.exec(label)![1])];
      const session = res.sessions.find((s) => s.cycle === cycle && s.weekNumber === week && s.dayNumber === 1);
      if (!session) throw new Error(`no session ${label}`);
      return tmsOf(session);
    };
    const actual = Object.fromEntries(Object.keys(c.expect).map((label) => [label, at(label)]));
    expect(actual).toEqual(c.expect);
  });
});

describe('juggernaut-method-2: realization progression', () => {
  it('+3 reps over the standard: +15 lb squat/deadlift, +7.5 lb bench/press after each realization week', async () => {
    const res = await project(
      'juggernaut-method-2',
      'lb',
      { squat: 300, 'bench-press': 250, ohp: 135, deadlift: 405 },
      4,
      3,
    );
    const tm = (week: number, day: number) =>
      tmsOf(res.sessions.find((s) => s.weekNumber === week && s.dayNumber === day)!);
    // Accumulation and intensification AMRAPs (weeks 1–2) move nothing; each realization day moves its own lift.
    expect(tm(3, 1)).toEqual({ squat: 300, 'bench-press': 250, ohp: 135, deadlift: 405 });
    expect(tm(3, 2)).toEqual({ squat: 315, 'bench-press': 250, ohp: 135, deadlift: 405 });
    expect(tm(4, 1)).toEqual({ squat: 315, 'bench-press': 257.5, ohp: 142.5, deadlift: 420 });
  });

  it('at most 10 reps over the standard count (maxSteps 10): +12 reps raise squat by 50 lb, bench by 25 lb', async () => {
    const res = await project(
      'juggernaut-method-2',
      'lb',
      { squat: 300, 'bench-press': 250, ohp: 135, deadlift: 405 },
      4,
      12,
    );
    expect(tmsOf(res.sessions.find((s) => s.weekNumber === 4 && s.dayNumber === 1)!)).toEqual({
      squat: 350,
      'bench-press': 275,
      ohp: 160,
      deadlift: 455,
    });
  });

  // The engine converts and rounds the whole raise once (3 × 2.5 lb = 7.5 lb = 3.40 kg → 2.5 kg), the same convention
  // as +5 lb → +2.5 kg; rounding per rep would give 1.13 kg → 0 and bench and press would never rise.
  it('kg lifter, +3 reps: bench and press +2.5 kg per realization week (3 × 2.5 lb = 3.40 kg)', async () => {
    const fixture = golden('juggernaut-method-2').progression.find((c) => c.unit === 'kg')!;
    const res = await project('juggernaut-method-2', 'kg', fixture.trainingMaxes, 4, 3);
    const week4 = tmsOf(res.sessions.find((s) => s.weekNumber === 4 && s.dayNumber === 1)!);
    expect(week4).toEqual(fixture.expect['W4 D1']); // bench 105 → 107.5, press 62.5 → 65
  });
});
