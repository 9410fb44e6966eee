// The harness the program golden tests (seed/programs*.test.ts) share: one test database per test file, lifters who
// train in lb or kg, plan ids by seed key, the projection API, the fixtures next to this file, and the session lines
// the fixtures are written in ("squat 195×5 225×5 255×5+ | squat BBB 150×10 …"), and two checks several fixtures
// share. What each test expects stays in its file.
import fs from 'node:fs';
import path from 'node:path';
import { createTestContext, type TestContext } from '../../../test/test-db';
import { exerciseIds, registerUser, type TestUser } from '../../../test/helpers';

export type Unit = 'kg' | 'lb';
/** Training maxes (or 1RMs) by exercise slug. */
export type TmSet = Record<string, number>;
/** What a fixture holds for each lifter it tests: the unit, the plate increment and every session line by key. */
export type GoldenSessions = { unit: Unit; increment: number; sessions: Record<string, string> };

export type ProjectedSet = {
  exercise: { slug: string };
  tier: string;
  kind: string;
  exerciseOrder: number;
  prescribedWeight: number | null;
  prescribedReps: number;
  repsMax: number | null;
  isAmrap: boolean;
  isProgression: boolean;
};
export type ProjectedSession = {
  cycle: number;
  weekNumber: number;
  dayNumber: number;
  dayName: string;
  isDeload: boolean;
  sets: ProjectedSet[];
  trainingMaxes: Array<{ slug: string; trainingMax: number }>;
};
export type Projection = { unit: Unit; increment: number; rounding: string; sessions: ProjectedSession[] };

/** The test database and the exercise ids by slug; both are set once the file's first beforeAll has run. */
export type GoldenHarness = { ctx: TestContext; ids: Record<string, number> };

/** Creates the test database before the file's tests (beforeAll) and drops it after them (afterAll). */
export function useGoldenHarness(): GoldenHarness {
  const harness = {} as GoldenHarness;
  beforeAll(async () => {
    harness.ctx = await createTestContext();
    harness.ids = await exerciseIds(harness.ctx);
  });
  afterAll(() => harness.ctx.drop());
  return harness;
}

/** A new lifter; a lb lifter switches the unit preference, `weightIncrement` (if given) replaces the default step. */
export async function registerLifter(ctx: TestContext, unit: Unit, weightIncrement?: number): Promise<TestUser> {
  const user = await registerUser(ctx);
  if (unit === 'lb') await ctx.http().patch('/api/users/me').set(user.auth).send({ unitPreference: 'lb' }).expect(200);
  if (weightIncrement !== undefined)
    await ctx.http().patch('/api/users/me').set(user.auth).send({ weightIncrement }).expect(200);
  return user;
}

/** A kg and a lb lifter, registered once before the file's tests (after the harness's beforeAll). */
export function useLifterPerUnit(harness: GoldenHarness): Partial<Record<Unit, TestUser>> {
  const users: Partial<Record<Unit, TestUser>> = {};
  beforeAll(async () => {
    for (const unit of ['kg', 'lb'] as const) users[unit] = await registerLifter(harness.ctx, unit);
  });
  return users;
}

/** The id of the built-in plan loaded from program file `slug`. */
export const planIdOf = async (ctx: TestContext, slug: string): Promise<number> =>
  (await ctx.db.workoutPlan.findUniqueOrThrow({ where: { seedKey: slug } })).id;

/** POST /api/plans/:id/projection as `user`; an undefined `amrapExtraReps` is left out of the request. */
export async function projectPlan(
  { ctx, ids }: GoldenHarness,
  slug: string,
  user: TestUser,
  trainingMaxes: TmSet,
  weeks: number,
  amrapExtraReps?: number,
): Promise<Projection> {
  const res = await ctx
    .http()
    .post(`/api/plans/${await planIdOf(ctx, slug)}/projection`)
    .set(user.auth)
    .send({
      weeks,
      amrapExtraReps,
      trainingMaxes: Object.entries(trainingMaxes).map(([lift, trainingMax]) => ({
        exerciseId: ids[lift],
        trainingMax,
      })),
    })
    .expect(200);
  return res.body as Projection;
}

/** The fixture golden/<slug>.golden.json. */
export const readGolden = <Golden>(slug: string): Golden =>
  JSON.parse(fs.readFileSync(path.join(__dirname, `${slug}.golden.json`), 'utf8')) as Golden;

/** One set: "255×5+" (+ = AMRAP); with `repRanges`, "_×8-10" for a set without weight and a rep range. */
export function setLine(set: ProjectedSet, repRanges = false): string {
  const amrap = set.isAmrap ? '+' : '';
  if (!repRanges) return `${set.prescribedWeight}×${set.prescribedReps}${amrap}`;
  const reps = set.repsMax === null ? `${set.prescribedReps}` : `${set.prescribedReps}-${set.repsMax}`;
  return `${set.prescribedWeight ?? '_'}×${reps}${amrap}`;
}

export type SessionFormat = {
  /** A new part at each change of exercise slot (exerciseOrder) or of exercise (slug). */
  partBy: 'slot' | 'exercise';
  /** A part's name, from its first set; the exercise slug unless given. */
  label?: (set: ProjectedSet) => string;
  /** The warm-up sets instead of the others. */
  warmups?: boolean;
  /** See setLine. */
  repRanges?: boolean;
};

/** "squat FSL": the slug, then the tier unless it is Main. */
export const slugAndTier = (set: ProjectedSet) =>
  set.tier === 'Main' ? set.exercise.slug : `${set.exercise.slug} ${set.tier}`;
/** "squat[supplemental]": the slug, then the set kind unless it is main. */
export const slugAndKind = (set: ProjectedSet) =>
  set.kind === 'main' ? set.exercise.slug : `${set.exercise.slug}[${set.kind}]`;

/** "squat 195×5 225×5 255×5+ | squat BBB 150×10 …": the session's sets, one part per slot or exercise, in order. */
export function describeSession(session: ProjectedSession, format: SessionFormat): string {
  const { partBy, label = (set: ProjectedSet) => set.exercise.slug, warmups = false, repRanges = false } = format;
  const partOf = (set: ProjectedSet) => (partBy === 'slot' ? set.exerciseOrder : set.exercise.slug);
  const parts: Array<{ key: number | string; label: string; sets: string[] }> = [];
  for (const set of session.sets.filter((s) => (s.kind === 'warmup') === warmups)) {
    if (parts.at(-1)?.key !== partOf(set)) parts.push({ key: partOf(set), label: label(set), sets: [] });
    parts.at(-1)!.sets.push(setLine(set, repRanges));
  }
  return parts.map((p) => `${p.label} ${p.sets.join(' ')}`).join(' | ');
}

/** "W1 D2": a session's key in the fixtures. */
export const sessionKey = (session: ProjectedSession) => `W${session.weekNumber} D${session.dayNumber}`;

/** Every session's line by its key, as the fixtures list them. */
export const sessionsByKey = (sessions: ProjectedSession[], format: SessionFormat) =>
  Object.fromEntries(sessions.map((s) => [sessionKey(s), describeSession(s, format)]));

/** The training maxes a session is prescribed from, by slug. */
export function tmsOf(session: ProjectedSession | undefined): TmSet {
  if (!session) throw new Error('no such session');
  return Object.fromEntries(session.trainingMaxes.map((t) => [t.slug, t.trainingMax]));
}

/** The first session (week 1, day 1) of `cycle`. */
export function firstSessionOf(sessions: ProjectedSession[], cycle: number): ProjectedSession {
  const first = sessions.find((s) => s.cycle === cycle && s.weekNumber === 1 && s.dayNumber === 1);
  if (!first) throw new Error(`no session at the start of cycle ${cycle}`);
  return first;
}

/** The weights of a session line, in order. */
export const weightsOf = (line: string) => [...line.matchAll(/(\d+(?:\.\d+)?)×/g)].map((m) => Number(m[1]));

/** The projection is in the fixture set's unit and increment, rounded to the nearest plate, all in cycle 1. */
export function expectOneCycleAt(projection: Projection, set: { unit: Unit; increment: number }): void {
  expect({ unit: projection.unit, increment: projection.increment, rounding: projection.rounding }).toEqual({
    unit: set.unit,
    increment: set.increment,
    rounding: 'nearest',
  });
  expect(projection.sessions.every((s) => s.cycle === 1)).toBe(true);
}

/** Each session line the file gives instead of the source's has the source's sets, each within `tolerance`. */
export function expectWithinOfSource(
  approximation: Record<string, string>,
  source: Record<string, string>,
  tolerance: number,
): void {
  for (const [day, line] of Object.entries(approximation)) {
    const sourceWeights = weightsOf(source[day]!);
    const file = weightsOf(line);
    expect(file).toHaveLength(sourceWeights.length);
    file.forEach((w, i) => expect(Math.abs(w - sourceWeights[i]!)).toBeLessThanOrEqual(tolerance));
  }
}
