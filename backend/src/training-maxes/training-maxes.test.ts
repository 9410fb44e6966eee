import pg from 'pg';
import { createTestContext, type TestContext } from '../../test/test-db';
import { exerciseIds, lifterOnNsuns, logAllSets, nsunsPlanId, registerUser, type TestUser } from '../../test/helpers';
import { Decimal } from '@liftplan/domain';

let ctx: TestContext;
let ids: Record<string, number>;
beforeAll(async () => {
  ctx = await createTestContext();
  ids = await exerciseIds(ctx);
});
afterAll(() => ctx.drop());

const UNKNOWN_EXERCISE_ID = 99_999_999;

const tmRows = (userId: number, exerciseId?: number) =>
  ctx.db.trainingMax.findMany({
    where: { userId, ...(exerciseId ? { exerciseId } : {}) },
    orderBy: [{ effectiveDate: 'asc' }, { id: 'asc' }],
  });

const setup = (user: TestUser, exerciseTMs: unknown) =>
  ctx.http().post('/api/training-maxes/setup').set(user.auth).send({ exerciseTMs });

const adjust = (user: TestUser, exerciseId: number | string, body: unknown) =>
  ctx
    .http()
    .post(`/api/training-maxes/${exerciseId}/adjust`)
    .set(user.auth)
    .send(body as object);

describe('POST /api/training-maxes/setup', () => {
  it('turns a one-rep max into a TM of 90 %, kept to 2 decimals and not rounded to plates', async () => {
    const user = await registerUser(ctx);
    const res = await setup(user, [
      { exerciseId: ids['bench-press'], oneRepMax: 101.15 },
      { exerciseId: ids.squat, oneRepMax: 142.5 },
      { exerciseId: ids.deadlift, oneRepMax: 200 },
    ]).expect(201);
    const byslug = Object.fromEntries(
      res.body.trainingMaxes.map((t: { exercise: { slug: string }; trainingMax: number }) => [
        t.exercise.slug,
        t.trainingMax,
      ]),
    );
    expect(byslug).toEqual({ 'bench-press': 91.04, squat: 128.25, deadlift: 180 });
    expect(res.body).toMatchObject({ unit: 'kg', planId: null });

    const rows = await tmRows(user.id);
    expect(rows).toHaveLength(3);
    const bench = rows.find((r) => r.exerciseId === ids['bench-press'])!;
    expect(bench.weight.toString()).toBe('91.04');
    expect(bench).toMatchObject({ unit: 'kg', source: 'setup', workoutId: null, convertedFromId: null, note: null });
  });

  it('takes a training max as is', async () => {
    const user = await registerUser(ctx);
    await setup(user, [
      { exerciseId: ids.ohp, trainingMax: 61.13 },
      { exerciseId: ids['barbell-row'], trainingMax: 72.5 },
    ]).expect(201);
    const rows = await tmRows(user.id);
    expect(rows.map((r) => [r.exerciseId, r.weight.toString(), r.source])).toEqual(
      expect.arrayContaining([
        [ids.ohp, '61.13', 'setup'],
        [ids['barbell-row'], '72.5', 'setup'],
      ]),
    );
  });

  it('mixes one-rep maxes and training maxes in one request, all in one effective date', async () => {
    const user = await registerUser(ctx);
    const res = await setup(user, [
      { exerciseId: ids['bench-press'], oneRepMax: 110 },
      { exerciseId: ids.squat, trainingMax: 140 },
    ]).expect(201);
    expect(res.body.trainingMaxes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          exercise: expect.objectContaining({ slug: 'bench-press' }),
          trainingMax: 99,
          source: 'setup',
          missing: false,
        }),
        expect.objectContaining({
          exercise: expect.objectContaining({ slug: 'squat' }),
          trainingMax: 140,
          source: 'setup',
          missing: false,
        }),
      ]),
    );
    const rows = await tmRows(user.id);
    expect(new Set(rows.map((r) => r.effectiveDate.getTime())).size).toBe(1);
  });

  it("stores TMs in the lifter's unit", async () => {
    const user = await registerUser(ctx);
    await ctx.http().patch('/api/users/me').set(user.auth).send({ unitPreference: 'lb' }).expect(200);
    const res = await setup(user, [{ exerciseId: ids.squat, oneRepMax: 315 }]).expect(201);
    expect(res.body.unit).toBe('lb');
    expect(res.body.trainingMaxes[0].trainingMax).toBe(283.5);
    const [row] = await tmRows(user.id);
    expect(row).toMatchObject({ unit: 'lb' });
    expect(row!.weight.toString()).toBe('283.5');
  });

  it('appends: a second setup adds rows and the latest one is current', async () => {
    const user = await registerUser(ctx);
    await setup(user, [{ exerciseId: ids.squat, trainingMax: 100 }]).expect(201);
    const res = await setup(user, [{ exerciseId: ids.squat, trainingMax: 105 }]).expect(201);
    expect(res.body.trainingMaxes).toEqual([expect.objectContaining({ trainingMax: 105 })]);
    expect((await tmRows(user.id)).map((r) => r.weight.toString())).toEqual(['100', '105']);
  });

  it('422 for an unknown exercise, naming its path, and writes none of the entries', async () => {
    const user = await registerUser(ctx);
    const res = await setup(user, [
      { exerciseId: ids.squat, trainingMax: 100 },
      { exerciseId: UNKNOWN_EXERCISE_ID, trainingMax: 100 },
    ]).expect(422);
    expect(res.body.error.code).toBe('UNKNOWN_EXERCISE');
    expect(res.body.error.details).toEqual([{ path: 'exerciseTMs.1.exerciseId', message: expect.any(String) }]);
    expect(await tmRows(user.id)).toHaveLength(0);
  });

  it.each<[string, unknown, string]>([
    [
      'a duplicated exercise',
      [
        { exerciseId: 2, trainingMax: 100 },
        { exerciseId: 2, oneRepMax: 120 },
      ],
      'exerciseTMs.1.exerciseId',
    ],
    ['a negative weight', [{ exerciseId: 2, trainingMax: -100 }], 'exerciseTMs.0'],
    ['a zero one-rep max', [{ exerciseId: 2, oneRepMax: 0 }], 'exerciseTMs.0'],
    ['more than 2 decimals', [{ exerciseId: 2, oneRepMax: 100.125 }], 'exerciseTMs.0'],
    ['both oneRepMax and trainingMax', [{ exerciseId: 2, oneRepMax: 100, trainingMax: 90 }], 'exerciseTMs.0'],
    ['neither oneRepMax nor trainingMax', [{ exerciseId: 2 }], 'exerciseTMs.0'],
    ['an unknown field in an entry', [{ exerciseId: 2, trainingMax: 100, unit: 'lb' }], 'exerciseTMs.0'],
    ['a weight as a string', [{ exerciseId: 2, trainingMax: '100' }], 'exerciseTMs.0'],
    ['a fractional exercise id', [{ exerciseId: 2.5, trainingMax: 100 }], 'exerciseTMs.0'],
    ['a weight beyond Decimal(6,2)', [{ exerciseId: 2, trainingMax: 10000 }], 'exerciseTMs.0'],
    ['an empty list', [], 'exerciseTMs'],
    ['no list', undefined, 'exerciseTMs'],
  ])('400 for %s, nothing written', async (_name, exerciseTMs, path) => {
    const user = await registerUser(ctx);
    const body = exerciseTMs === undefined ? {} : { exerciseTMs: substituteSquat(exerciseTMs) };
    const res = await ctx.http().post('/api/training-maxes/setup').set(user.auth).send(body).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining([expect.stringContaining(path)]),
    );
    expect(await tmRows(user.id)).toHaveLength(0);
  });

  it('400 for an unknown top-level field (userId), nothing written for anyone', async () => {
    const user = await registerUser(ctx);
    const other = await registerUser(ctx);
    const res = await ctx
      .http()
      .post('/api/training-maxes/setup')
      .set(user.auth)
      .send({ userId: other.id, exerciseTMs: [{ exerciseId: ids.squat, trainingMax: 100 }] })
      .expect(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain('');
    expect(await tmRows(user.id)).toHaveLength(0);
    expect(await tmRows(other.id)).toHaveLength(0);
  });

  it('400 for an exercise id beyond the id range, not a 500', async () => {
    const user = await registerUser(ctx);
    await setup(user, [{ exerciseId: 2 ** 31, trainingMax: 100 }]).expect(400);
    expect(await tmRows(user.id)).toHaveLength(0);
  });

  it('401 without a token', async () => {
    await ctx
      .http()
      .post('/api/training-maxes/setup')
      .send({ exerciseTMs: [{ exerciseId: ids.squat, trainingMax: 100 }] })
      .expect(401);
  });
});

/** it.each tables are built before `ids` is known: exercise 2 stands for squat. */
function substituteSquat(entries: unknown): unknown {
  if (!Array.isArray(entries)) return entries;
  return entries.map((e) =>
    e && typeof e === 'object' && (e as { exerciseId?: unknown }).exerciseId === 2
      ? { ...e, exerciseId: ids.squat }
      : e,
  );
}

describe('GET /api/training-maxes', () => {
  it('without a plan and without TMs: an empty list', async () => {
    const user = await registerUser(ctx);
    const res = await ctx.http().get('/api/training-maxes').set(user.auth).expect(200);
    expect(res.body).toEqual({ unit: 'kg', planId: null, tmPercent: 0.9, trainingMaxes: [] });
  });

  it('without a plan: every TM the lifter has, current values only, sorted by name', async () => {
    const user = await registerUser(ctx);
    await setup(user, [
      { exerciseId: ids.squat, trainingMax: 100 },
      { exerciseId: ids['barbell-row'], trainingMax: 60 },
    ]).expect(201);
    await adjust(user, ids.squat!, { trainingMax: 110 }).expect(201);
    const res = await ctx.http().get('/api/training-maxes').set(user.auth).expect(200);
    expect(res.body.planId).toBeNull();
    expect(res.body.trainingMaxes).toEqual([
      {
        exercise: { id: ids['barbell-row'], slug: 'barbell-row', name: 'Barbell Row' },
        trainingMax: 60,
        effectiveDate: expect.any(String),
        source: 'setup',
        missing: false,
      },
      {
        exercise: { id: ids.squat, slug: 'squat', name: 'Squat' },
        trainingMax: 110,
        effectiveDate: expect.any(String),
        source: 'manual',
        missing: false,
      },
    ]);
  });

  it("on a plan: exactly the plan's required exercises, missing ones flagged, others left out", async () => {
    const user = await registerUser(ctx);
    const planId = await nsunsPlanId(ctx);
    await ctx.http().post(`/api/plans/${planId}/subscribe`).set(user.auth).expect(201);
    await setup(user, [
      { exerciseId: ids.squat, trainingMax: 140 },
      { exerciseId: ids['barbell-row'], trainingMax: 60 },
    ]).expect(201);
    const res = await ctx.http().get('/api/training-maxes').set(user.auth).expect(200);
    expect(res.body.planId).toBe(planId);
    expect(
      res.body.trainingMaxes.map((t: { exercise: { slug: string }; missing: boolean; trainingMax: number | null }) => [
        t.exercise.slug,
        t.missing,
        t.trainingMax,
      ]),
    ).toEqual([
      ['bench-press', true, null],
      ['ohp', true, null],
      ['squat', false, 140],
      ['deadlift', true, null],
    ]);
    const missing = res.body.trainingMaxes.find((t: { exercise: { slug: string } }) => t.exercise.slug === 'ohp');
    expect(missing).toMatchObject({ effectiveDate: null, source: null });
  });

  it("shows TMs in the lifter's unit", async () => {
    const user = await registerUser(ctx);
    await setup(user, [{ exerciseId: ids.squat, trainingMax: 100 }]).expect(201);
    await ctx.http().patch('/api/users/me').set(user.auth).send({ unitPreference: 'lb' }).expect(200);
    const res = await ctx.http().get('/api/training-maxes').set(user.auth).expect(200);
    expect(res.body.unit).toBe('lb');
    expect(res.body.trainingMaxes[0].trainingMax).toBe(220.46);
  });

  it("never shows another lifter's TMs", async () => {
    const user = await registerUser(ctx);
    const other = await registerUser(ctx);
    await setup(other, [{ exerciseId: ids.squat, trainingMax: 200 }]).expect(201);
    const res = await ctx.http().get('/api/training-maxes').set(user.auth).expect(200);
    expect(res.body.trainingMaxes).toEqual([]);
  });
});

describe('GET /api/training-maxes/:exerciseId/history', () => {
  it('lists every row, oldest first: setup, manual changes with notes', async () => {
    const user = await registerUser(ctx);
    await setup(user, [{ exerciseId: ids.squat, trainingMax: 100 }]).expect(201);
    await adjust(user, ids.squat!, { percentChange: -10, note: 'deload' }).expect(201);
    await adjust(user, ids.squat!, { trainingMax: 95 }).expect(201);
    const res = await ctx.http().get(`/api/training-maxes/${ids.squat}/history`).set(user.auth).expect(200);
    expect(res.body.exercise).toEqual({ id: ids.squat, slug: 'squat', name: 'Squat' });
    expect(res.body.unit).toBe('kg');
    expect(res.body.history.map((h: Record<string, unknown>) => [h.weight, h.source, h.note, h.workoutId])).toEqual([
      [100, 'setup', null, null],
      [90, 'manual', 'deload', null],
      [95, 'manual', null, null],
    ]);
    const rows = await tmRows(user.id, ids.squat);
    expect(res.body.history.map((h: { id: number }) => h.id)).toEqual(rows.map((r) => r.id));
  });

  it('includes progression rows with the workout that produced them', async () => {
    const user = await lifterOnNsuns(ctx);
    const start = await ctx.http().post('/api/workouts').set(user.auth).send({ dayNumber: 2 }).expect(201);
    await logAllSets(ctx, user, start.body.workout, 6);
    await ctx.http().post(`/api/workouts/${start.body.workout.id}/complete`).set(user.auth).expect(200);
    const res = await ctx.http().get(`/api/training-maxes/${ids.squat}/history`).set(user.auth).expect(200);
    expect(res.body.history).toEqual([
      expect.objectContaining({ weight: 140, source: 'setup', workoutId: null }),
      expect.objectContaining({
        weight: 147.5,
        source: 'progression',
        workoutId: start.body.workout.id,
        recordedUnit: 'kg',
      }),
    ]);
    const deadlift = await ctx.http().get(`/api/training-maxes/${ids.deadlift}/history`).set(user.auth).expect(200);
    expect(deadlift.body.history).toHaveLength(1); // T2 sets never progress
  });

  it("shows rows in the lifter's unit and what was recorded", async () => {
    const user = await registerUser(ctx);
    await setup(user, [{ exerciseId: ids.squat, trainingMax: 100 }]).expect(201);
    await ctx.http().patch('/api/users/me').set(user.auth).send({ unitPreference: 'lb' }).expect(200);
    const res = await ctx.http().get(`/api/training-maxes/${ids.squat}/history`).set(user.auth).expect(200);
    expect(res.body.unit).toBe('lb');
    expect(res.body.history).toEqual([
      expect.objectContaining({ weight: 220.46, recordedWeight: 100, recordedUnit: 'kg', source: 'setup' }),
      expect.objectContaining({
        weight: 220.46,
        recordedWeight: 220.46,
        recordedUnit: 'lb',
        source: 'unit_conversion',
      }),
    ]);
  });

  it('an exercise without TMs has an empty history', async () => {
    const user = await registerUser(ctx);
    const res = await ctx.http().get(`/api/training-maxes/${ids['leg-press']}/history`).set(user.auth).expect(200);
    expect(res.body.history).toEqual([]);
  });

  it('404 for an unknown exercise, 400 for a bad id', async () => {
    const user = await registerUser(ctx);
    const res = await ctx.http().get(`/api/training-maxes/${UNKNOWN_EXERCISE_ID}/history`).set(user.auth).expect(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    for (const bad of ['abc', '0', '-1', '1.5', String(2 ** 31)]) {
      const r = await ctx.http().get(`/api/training-maxes/${bad}/history`).set(user.auth).expect(400);
      expect(r.body.error.code).toBe('VALIDATION_ERROR');
    }
  });
});

describe('POST /api/training-maxes/:exerciseId/adjust', () => {
  async function lifterWith(trainingMax: number): Promise<TestUser> {
    const user = await registerUser(ctx);
    await setup(user, [{ exerciseId: ids.squat, trainingMax }]).expect(201);
    return user;
  }

  it('percentChange −10 appends a manual row at 90 %, leaving the old row as it was', async () => {
    const user = await lifterWith(100);
    const [before] = await tmRows(user.id);
    const res = await adjust(user, ids.squat!, { percentChange: -10, note: 'reset after a stall' }).expect(201);
    expect(res.body.trainingMax).toEqual({
      exerciseId: ids.squat,
      weight: 90,
      unit: 'kg',
      effectiveDate: expect.any(String),
      source: 'manual',
      note: 'reset after a stall',
    });
    const rows = await tmRows(user.id);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual(before);
    expect(rows[1]).toMatchObject({ source: 'manual', note: 'reset after a stall', unit: 'kg' });
    expect(rows[1]!.weight.toString()).toBe('90');
    const current = await ctx.http().get('/api/training-maxes').set(user.auth).expect(200);
    expect(current.body.trainingMaxes[0]).toMatchObject({ trainingMax: 90, source: 'manual' });
  });

  it('percentage changes keep 2 decimals (exact decimal arithmetic, half up)', async () => {
    const user = await lifterWith(92.5);
    expect((await adjust(user, ids.squat!, { percentChange: -10 }).expect(201)).body.trainingMax.weight).toBe(83.25);
    expect((await adjust(user, ids.squat!, { percentChange: 5 }).expect(201)).body.trainingMax.weight).toBe(87.41); // 87.4125
    expect((await adjust(user, ids.squat!, { percentChange: 2.5 }).expect(201)).body.trainingMax.weight).toBe(89.6); // 89.59525
  });

  it('a trainingMax sets the value as is', async () => {
    const user = await lifterWith(100);
    const res = await adjust(user, ids.squat!, { trainingMax: 102.75 }).expect(201);
    expect(res.body.trainingMax).toMatchObject({ weight: 102.75, source: 'manual', note: null });
  });

  it('422 MISSING_TRAINING_MAX for a percentage change of an exercise without TM; nothing written', async () => {
    const user = await lifterWith(100);
    const res = await adjust(user, ids.deadlift!, { percentChange: -10 }).expect(422);
    expect(res.body.error.code).toBe('MISSING_TRAINING_MAX');
    expect(await tmRows(user.id)).toHaveLength(1);
  });

  it('422 UNKNOWN_EXERCISE for an exercise that does not exist; nothing written', async () => {
    const user = await lifterWith(100);
    const res = await adjust(user, UNKNOWN_EXERCISE_ID, { trainingMax: 100 }).expect(422);
    expect(res.body.error.code).toBe('UNKNOWN_EXERCISE');
    expect(await tmRows(user.id)).toHaveLength(1);
  });

  it.each<[string, unknown]>([
    ['both trainingMax and percentChange', { trainingMax: 100, percentChange: -10 }],
    ['neither', { note: 'x' }],
    ['an empty body', {}],
    ['a percentage below −50', { percentChange: -60 }],
    ['a percentage above 50', { percentChange: 51 }],
    ['a percentage with 3 decimals', { percentChange: 10.005 }],
    ['a negative training max', { trainingMax: -5 }],
    ['a training max with 3 decimals', { trainingMax: 100.001 }],
    ['a note over 200 characters', { trainingMax: 100, note: 'x'.repeat(201) }],
    ['an unknown field', { trainingMax: 100, source: 'progression' }],
    ['a weight field', { percentChange: -10, weight: 1 }],
  ])('400 for %s; nothing written', async (_name, body) => {
    const user = await lifterWith(100);
    const res = await adjust(user, ids.squat!, body).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(await tmRows(user.id)).toHaveLength(1);
  });

  it('400 for a bad exercise id in the path', async () => {
    const user = await lifterWith(100);
    await adjust(user, 'abc', { trainingMax: 100 }).expect(400);
    await adjust(user, String(2 ** 31), { trainingMax: 100 }).expect(400);
    expect(await tmRows(user.id)).toHaveLength(1);
  });

  it('a lb lifter adjusts in lb', async () => {
    const user = await lifterWith(100);
    await ctx.http().patch('/api/users/me').set(user.auth).send({ unitPreference: 'lb' }).expect(200);
    const res = await adjust(user, ids.squat!, { percentChange: -10 }).expect(201);
    expect(res.body.trainingMax).toMatchObject({ weight: 198.41, unit: 'lb' }); // 220.46 × 0.9 = 198.414
  });
});

describe('training max limit: 1000 kg / 2200 lb (engine MAX_TRAINING_MAX)', () => {
  const lbLifter = async () => {
    const user = await registerUser(ctx);
    await ctx.http().patch('/api/users/me').set(user.auth).send({ unitPreference: 'lb' }).expect(200);
    return user;
  };

  it.each<[string, 'kg' | 'lb', Record<string, number>, string]>([
    ['a kg TM above 1000 kg', 'kg', { trainingMax: 1000.01 }, '1000 kg'],
    ['a kg 1RM whose 90 % is above 1000 kg', 'kg', { oneRepMax: 1111.12 }, '1111.11 kg'],
    ['the former maximum, 9999.99 kg', 'kg', { trainingMax: 9999.99 }, '1000 kg'],
    ['a lb TM above 2200 lb', 'lb', { trainingMax: 2200.01 }, '2200 lb'],
    ['a lb 1RM whose 90 % is above 2200 lb', 'lb', { oneRepMax: 2444.45 }, '2444.44 lb'],
  ])(
    'setup: 422 TRAINING_MAX_TOO_HEAVY for %s, naming the limit; nothing written',
    async (_name, unit, weight, limitText) => {
      const user = unit === 'lb' ? await lbLifter() : await registerUser(ctx);
      const res = await setup(user, [
        { exerciseId: ids['bench-press'], trainingMax: 100 },
        { exerciseId: ids.squat, ...weight },
      ]).expect(422);
      expect(res.body.error.code).toBe('TRAINING_MAX_TOO_HEAVY');
      expect(res.body.error.message).toContain(limitText);
      expect(res.body.error.details).toEqual([
        { path: `exerciseTMs.1.${Object.keys(weight)[0]}`, message: expect.stringContaining(limitText) },
      ]);
      expect(await tmRows(user.id)).toHaveLength(0);
    },
  );

  it('setup accepts exactly the limit, from a TM or from the heaviest 1RM that gives it', async () => {
    const kg = await registerUser(ctx);
    await setup(kg, [
      { exerciseId: ids.squat, trainingMax: 1000 },
      { exerciseId: ids.deadlift, oneRepMax: 1111.11 },
    ]).expect(201);
    expect((await tmRows(kg.id)).map((r) => r.weight.toString())).toEqual(['1000', '1000']);
    const lb = await lbLifter();
    await setup(lb, [
      { exerciseId: ids.squat, trainingMax: 2200 },
      { exerciseId: ids.deadlift, oneRepMax: 2444.44 },
    ]).expect(201);
    expect((await tmRows(lb.id)).map((r) => [r.weight.toString(), r.unit])).toEqual([
      ['2200', 'lb'],
      ['2200', 'lb'],
    ]);
  });

  it('adjust: 422 for a trainingMax above the limit; nothing written', async () => {
    const user = await registerUser(ctx);
    await setup(user, [{ exerciseId: ids.squat, trainingMax: 800 }]).expect(201);
    const res = await adjust(user, ids.squat!, { trainingMax: 1000.01 }).expect(422);
    expect(res.body.error).toMatchObject({
      code: 'TRAINING_MAX_TOO_HEAVY',
      message: expect.stringContaining('1000 kg'),
    });
    expect(res.body.error.details).toEqual([{ path: 'trainingMax', message: expect.stringContaining('1000 kg') }]);
    expect(await tmRows(user.id)).toHaveLength(1);
  });

  it('adjust: 422 for a percentage that would pass the limit (800 kg + 50 %); nothing written', async () => {
    const user = await registerUser(ctx);
    await setup(user, [{ exerciseId: ids.squat, trainingMax: 800 }]).expect(201);
    const res = await adjust(user, ids.squat!, { percentChange: 50 }).expect(422);
    expect(res.body.error).toMatchObject({
      code: 'TRAINING_MAX_TOO_HEAVY',
      message: expect.stringContaining('1000 kg'),
    });
    expect(res.body.error.details).toEqual([{ path: 'percentChange', message: expect.stringContaining('1200 kg') }]);
    expect(await tmRows(user.id)).toHaveLength(1);
    await adjust(user, ids.squat!, { percentChange: 25 }).expect(201); // exactly 1000
  });

  it('adjust: a lb lifter is limited at 2200 lb', async () => {
    const user = await lbLifter();
    await setup(user, [{ exerciseId: ids.squat, trainingMax: 2000 }]).expect(201);
    const res = await adjust(user, ids.squat!, { percentChange: 10.01 }).expect(422);
    expect(res.body.error.message).toContain('2200 lb');
    expect((await adjust(user, ids.squat!, { percentChange: 10 }).expect(201)).body.trainingMax).toMatchObject({
      weight: 2200,
      unit: 'lb',
    });
  });

  it('a TM stored above the limit before it existed can be lowered, and only below the limit', async () => {
    const user = await registerUser(ctx);
    await ctx.db.trainingMax.create({
      data: { userId: user.id, exerciseId: ids.squat!, weight: '9999.99', unit: 'kg', source: 'legacy' },
    });
    await adjust(user, ids.squat!, { percentChange: -50 }).expect(422); // 5000 kg: still too heavy
    expect((await adjust(user, ids.squat!, { trainingMax: 200 }).expect(201)).body.trainingMax.weight).toBe(200);
  });
});

describe('concurrent setups and adjustments (serialised per lifter)', () => {
  it('a setup with the same weight and unit as the current TM writes no row and answers with the current state', async () => {
    const user = await registerUser(ctx);
    await setup(user, [
      { exerciseId: ids.squat, trainingMax: 100 },
      { exerciseId: ids.deadlift, oneRepMax: 200 },
    ]).expect(201);
    const res = await setup(user, [
      { exerciseId: ids.squat, trainingMax: 100 },
      { exerciseId: ids.deadlift, trainingMax: 180 },
    ]).expect(201);
    expect(
      res.body.trainingMaxes.map((t: { trainingMax: number; source: string }) => [t.trainingMax, t.source]),
    ).toEqual([
      [180, 'setup'],
      [100, 'setup'],
    ]);
    expect(await tmRows(user.id)).toHaveLength(2);
    await setup(user, [
      { exerciseId: ids.squat, trainingMax: 100 },
      { exerciseId: ids.deadlift, trainingMax: 185 },
    ]).expect(201);
    expect((await tmRows(user.id)).map((r) => [r.exerciseId, r.weight.toString()])).toEqual([
      [ids.squat, '100'],
      [ids.deadlift, '180'],
      [ids.deadlift, '185'],
    ]);
  });

  it('after a switch to lb, re-entering the converted lb value writes nothing; the same number in lb is a change', async () => {
    const user = await registerUser(ctx);
    await setup(user, [{ exerciseId: ids.squat, trainingMax: 100 }]).expect(201);
    await ctx.http().patch('/api/users/me').set(user.auth).send({ unitPreference: 'lb' }).expect(200);
    await setup(user, [{ exerciseId: ids.squat, trainingMax: 220.46 }]).expect(201); // current row: 220.46 lb
    expect(await tmRows(user.id)).toHaveLength(2);
    await setup(user, [{ exerciseId: ids.squat, trainingMax: 100 }]).expect(201); // 100 lb, not 100 kg
    expect((await tmRows(user.id)).map((r) => [r.weight.toString(), r.unit])).toEqual([
      ['100', 'kg'],
      ['220.46', 'lb'],
      ['100', 'lb'],
    ]);
  });

  it('20 identical parallel setups: all 201, exactly one row per exercise', async () => {
    const user = await registerUser(ctx);
    const body = [
      { exerciseId: ids.squat, trainingMax: 140 },
      { exerciseId: ids['bench-press'], oneRepMax: 110 },
      { exerciseId: ids.deadlift, trainingMax: 180 },
      { exerciseId: ids.ohp, trainingMax: 60 },
    ];
    const results = await Promise.all(Array.from({ length: 20 }, () => setup(user, body)));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    for (const r of results) expect(r.body.trainingMaxes).toHaveLength(4);
    const rows = await tmRows(user.id);
    expect(rows).toHaveLength(4);
    expect(Object.fromEntries(rows.map((r) => [r.exerciseId, r.weight.toString()]))).toEqual({
      [ids.squat!]: '140',
      [ids['bench-press']!]: '99',
      [ids.deadlift!]: '180',
      [ids.ohp!]: '60',
    });
  });

  it('20 parallel +10 % adjustments all apply, each from the previous stored value (compounded exactly)', async () => {
    const user = await registerUser(ctx);
    await setup(user, [{ exerciseId: ids.squat, trainingMax: 100 }]).expect(201);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => adjust(user, ids.squat!, { percentChange: 10 })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));

    // The service's rule: each step is the stored TM × 1.10, kept to 2 decimals half up.
    const steps: string[] = [];
    let tm = new Decimal('100');
    for (let i = 0; i < 20; i++) {
      tm = tm.mul('1.1').toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
      steps.push(tm.toFixed());
    }
    expect(steps.at(-1)).toBe('672.8');
    const rows = await tmRows(user.id, ids.squat);
    expect(rows.map((r) => r.weight.toString())).toEqual(['100', ...steps]);
    expect(results.map((r) => String(r.body.trainingMax.weight)).sort((a, b) => Number(a) - Number(b))).toEqual(steps);
    const current = await ctx.http().get('/api/training-maxes').set(user.auth).expect(200);
    expect(current.body.trainingMaxes[0]).toMatchObject({ trainingMax: 672.8, source: 'manual' });
  });
});

describe('a lifter whose account stays locked too long', () => {
  /** Resolves once another session of this database waits on a lock. */
  async function lockWaiter(client: pg.Client): Promise<void> {
    for (;;) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if (rows[0].n > 0) return;
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  it('an adjustment that outlives the transaction timeout waiting for its turn gets 409 LIFTER_BUSY, nothing written', async () => {
    const user = await registerUser(ctx);
    await setup(user, [{ exerciseId: ids.squat, trainingMax: 100 }]).expect(201);
    const blocker = new pg.Client({ connectionString: ctx.url });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('SELECT id FROM users WHERE id = $1 FOR UPDATE', [user.id]);
      const pending = adjust(user, ids.squat!, { percentChange: 10 }).then((r) => r);
      await lockWaiter(blocker);
      await new Promise((r) => setTimeout(r, 5_500)); // past Prisma's 5 s interactive-transaction timeout
      await blocker.query('ROLLBACK');
      const res = await pending;
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('LIFTER_BUSY');
    } finally {
      await blocker.end();
    }
    expect(await tmRows(user.id)).toHaveLength(1);
  }, 20_000);
});
