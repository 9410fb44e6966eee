import { createTestContext, type TestContext } from '../../test/test-db';
import { exerciseIds, registerUser, type TestUser } from '../../test/helpers';

let ctx: TestContext;
let ids: Record<string, number>;
beforeAll(async () => {
  ctx = await createTestContext();
  ids = await exerciseIds(ctx);
});
afterAll(() => ctx.drop());

const KG_PLATES = [25, 20, 15, 10, 5, 2.5, 1.25];
const LB_PLATES = [45, 35, 25, 10, 5, 2.5];

const patchMe = (user: TestUser, body: unknown) =>
  ctx
    .http()
    .patch('/api/users/me')
    .set(user.auth)
    .send(body as object);

const tmRows = (userId: number, exerciseId: number) =>
  ctx.db.trainingMax.findMany({ where: { userId, exerciseId }, orderBy: [{ effectiveDate: 'asc' }, { id: 'asc' }] });

/** The current TM per slug, as the API shows it. */
async function currentTms(user: TestUser): Promise<{ unit: string; tms: Record<string, number> }> {
  const res = await ctx.http().get('/api/training-maxes').set(user.auth).expect(200);
  return {
    unit: res.body.unit,
    tms: Object.fromEntries(
      res.body.trainingMaxes.map((t: { exercise: { slug: string }; trainingMax: number }) => [
        t.exercise.slug,
        t.trainingMax,
      ]),
    ),
  };
}

/** The latest stored row per exercise: unit and weight exactly as in the database. */
async function latestRows(userId: number, slugs: string[]) {
  const out: Record<string, { unit: string; weight: string }> = {};
  for (const slug of slugs) {
    const rows = await tmRows(userId, ids[slug]!);
    const last = rows[rows.length - 1]!;
    out[slug] = { unit: last.unit, weight: last.weight.toString() };
  }
  return out;
}

async function lifterWithTms(tms: Record<string, number> = { squat: 100, 'bench-press': 101.13 }): Promise<TestUser> {
  const user = await registerUser(ctx);
  await ctx
    .http()
    .post('/api/training-maxes/setup')
    .set(user.auth)
    .send({ exerciseTMs: Object.entries(tms).map(([slug, trainingMax]) => ({ exerciseId: ids[slug], trainingMax })) })
    .expect(201);
  return user;
}

describe('GET /api/users/me', () => {
  it('returns the profile with default settings and no secrets', async () => {
    const user = await registerUser(ctx, { displayName: 'Ann' });
    const res = await ctx.http().get('/api/users/me').set(user.auth).expect(200);
    expect(res.body.user).toEqual({
      id: user.id,
      email: user.email,
      displayName: 'Ann',
      unitPreference: 'kg',
      weightIncrement: 2.5,
      barWeight: 20,
      plates: KG_PLATES,
      rounding: 'nearest',
      warmups: 'off',
      defaultRestSeconds: 120,
      timeZone: 'UTC',
      isAdmin: false,
      createdAt: expect.any(String),
    });
    expect(JSON.stringify(res.body)).not.toMatch(/password/i);
  });

  it('401 without a token', async () => {
    const res = await ctx.http().get('/api/users/me').expect(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });
});

describe('PATCH /api/users/me', () => {
  it('updates display name and settings; plates are de-duplicated and sorted heaviest first', async () => {
    const user = await registerUser(ctx);
    const res = await patchMe(user, {
      displayName: '  Bo  ',
      weightIncrement: 1,
      barWeight: 15,
      plates: [20, 10, 20, 0.5, 5],
    }).expect(200);
    expect(res.body.user).toMatchObject({
      displayName: 'Bo',
      unitPreference: 'kg',
      weightIncrement: 1,
      barWeight: 15,
      plates: [20, 10, 5, 0.5],
    });
    const row = await ctx.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.displayName).toBe('Bo');
    expect(row.weightIncrement.toString()).toBe('1');
    expect(row.plates.map(String)).toEqual(['20', '10', '5', '0.5']);
    const me = await ctx.http().get('/api/users/me').set(user.auth).expect(200);
    expect(me.body.user).toEqual(res.body.user);
  });

  it('accepts a bar weight of 0 (no bar)', async () => {
    const user = await registerUser(ctx);
    await patchMe(user, { barWeight: 0 }).expect(200);
    expect((await ctx.db.user.findUniqueOrThrow({ where: { id: user.id } })).barWeight.toString()).toBe('0');
  });

  it.each<[string, unknown]>([
    ['an empty body', {}],
    ['a blank display name', { displayName: '   ' }],
    ['a display name over 80 characters', { displayName: 'x'.repeat(81) }],
    ['an unknown unit', { unitPreference: 'stone' }],
    ['a zero increment', { weightIncrement: 0 }],
    ['a negative increment', { weightIncrement: -2.5 }],
    ['an increment above 50', { weightIncrement: 51 }],
    ['an increment with 3 decimals', { weightIncrement: 1.125 }],
    ['a negative bar', { barWeight: -1 }],
    ['a bar above 100', { barWeight: 101 }],
    ['a bar with 3 decimals', { barWeight: 20.125 }],
    ['no plates', { plates: [] }],
    ['a negative plate', { plates: [20, -5] }],
    ['plates as a string', { plates: '20,10' }],
    ['isAdmin', { isAdmin: true }],
    ['isAdmin next to a valid field', { displayName: 'Mallory', isAdmin: true }],
    ['email', { email: 'new@example.com' }],
    ['passwordHash', { passwordHash: 'x' }],
    ['id', { id: 1 }],
    ['an unknown field', { displayName: 'Mallory', theme: 'dark' }],
    ['a null unit', { unitPreference: null }],
  ])('400 for %s; nothing changes', async (_name, body) => {
    const user = await lifterWithTms({ squat: 100 });
    const before = await ctx.db.user.findUniqueOrThrow({ where: { id: user.id } });
    const tmsBefore = await tmRows(user.id, ids.squat!);
    const res = await patchMe(user, body).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(await ctx.db.user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(before);
    expect(await tmRows(user.id, ids.squat!)).toEqual(tmsBefore);
  });

  it('a rejected unit switch converts nothing', async () => {
    const user = await lifterWithTms({ squat: 100 });
    await patchMe(user, { unitPreference: 'lb', isAdmin: true }).expect(400);
    expect(await currentTms(user)).toEqual({ unit: 'kg', tms: { squat: 100 } });
    expect(await tmRows(user.id, ids.squat!)).toHaveLength(1);
  });
});

describe('unit switching', () => {
  it('kg → lb converts every TM exactly once (100 kg → 220.46 lb), pointing back at the original row', async () => {
    const user = await lifterWithTms();
    const [origSquat] = await tmRows(user.id, ids.squat!);
    const res = await patchMe(user, { unitPreference: 'lb' }).expect(200);
    expect(res.body.user.unitPreference).toBe('lb');
    expect(await currentTms(user)).toEqual({ unit: 'lb', tms: { squat: 220.46, 'bench-press': 222.95 } });
    const rows = await tmRows(user.id, ids.squat!);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ unit: 'lb', source: 'unit_conversion', convertedFromId: origSquat!.id });
    expect(rows[1]!.weight.toString()).toBe('220.46');
  });

  it('switching back restores exactly the original kg values', async () => {
    const user = await lifterWithTms();
    await patchMe(user, { unitPreference: 'lb' }).expect(200);
    await patchMe(user, { unitPreference: 'kg' }).expect(200);
    expect(await currentTms(user)).toEqual({ unit: 'kg', tms: { squat: 100, 'bench-press': 101.13 } });
    expect(await latestRows(user.id, ['squat', 'bench-press'])).toEqual({
      squat: { unit: 'kg', weight: '100' },
      'bench-press': { unit: 'kg', weight: '101.13' },
    });
  });

  it('10 round trips kg ↔ lb do not drift', async () => {
    const user = await lifterWithTms();
    for (let i = 0; i < 10; i++) {
      await patchMe(user, { unitPreference: 'lb' }).expect(200);
      expect(await latestRows(user.id, ['squat', 'bench-press'])).toEqual({
        squat: { unit: 'lb', weight: '220.46' },
        'bench-press': { unit: 'lb', weight: '222.95' },
      });
      await patchMe(user, { unitPreference: 'kg' }).expect(200);
      expect(await latestRows(user.id, ['squat', 'bench-press'])).toEqual({
        squat: { unit: 'kg', weight: '100' },
        'bench-press': { unit: 'kg', weight: '101.13' },
      });
    }
    expect(await tmRows(user.id, ids.squat!)).toHaveLength(21);
  });

  it('a TM entered in lb survives lb → kg → lb exactly', async () => {
    const user = await registerUser(ctx);
    await patchMe(user, { unitPreference: 'lb' }).expect(200);
    await ctx
      .http()
      .post('/api/training-maxes/setup')
      .set(user.auth)
      .send({ exerciseTMs: [{ exerciseId: ids.squat, trainingMax: 225 }] })
      .expect(201);
    await patchMe(user, { unitPreference: 'kg' }).expect(200);
    expect((await currentTms(user)).tms.squat).toBe(102.06);
    await patchMe(user, { unitPreference: 'lb' }).expect(200);
    expect((await currentTms(user)).tms.squat).toBe(225);
  });

  it('a TM changed after a switch is converted from its new value', async () => {
    const user = await lifterWithTms({ squat: 100 });
    await patchMe(user, { unitPreference: 'lb' }).expect(200);
    await ctx
      .http()
      .post(`/api/training-maxes/${ids.squat}/adjust`)
      .set(user.auth)
      .send({ trainingMax: 225 })
      .expect(201);
    await patchMe(user, { unitPreference: 'kg' }).expect(200);
    expect((await currentTms(user)).tms.squat).toBe(102.06);
  });

  it('a repeated PATCH with the same unit does not convert again', async () => {
    const user = await lifterWithTms();
    await patchMe(user, { unitPreference: 'lb' }).expect(200);
    await patchMe(user, { unitPreference: 'lb' }).expect(200);
    await patchMe(user, { unitPreference: 'lb', displayName: 'Still lb' }).expect(200);
    expect(await tmRows(user.id, ids.squat!)).toHaveLength(2);
    expect(await currentTms(user)).toEqual({ unit: 'lb', tms: { squat: 220.46, 'bench-press': 222.95 } });
    await patchMe(user, { unitPreference: 'kg' }).expect(200);
    await patchMe(user, { unitPreference: 'kg' }).expect(200);
    expect(await tmRows(user.id, ids.squat!)).toHaveLength(3);
  });

  it('a lifter without TMs switches unit without writing TM rows', async () => {
    const user = await registerUser(ctx);
    await patchMe(user, { unitPreference: 'lb' }).expect(200);
    expect(await ctx.db.trainingMax.count({ where: { userId: user.id } })).toBe(0);
  });

  it('default increment, bar and plates follow the unit, both ways', async () => {
    const user = await registerUser(ctx);
    const lb = await patchMe(user, { unitPreference: 'lb' }).expect(200);
    expect(lb.body.user).toMatchObject({ unitPreference: 'lb', weightIncrement: 5, barWeight: 45, plates: LB_PLATES });
    const kg = await patchMe(user, { unitPreference: 'kg' }).expect(200);
    expect(kg.body.user).toMatchObject({
      unitPreference: 'kg',
      weightIncrement: 2.5,
      barWeight: 20,
      plates: KG_PLATES,
    });
  });

  it('custom settings are kept on a switch; only the settings still at their default follow', async () => {
    const user = await registerUser(ctx);
    await patchMe(user, { weightIncrement: 1, plates: [20, 10, 5, 2.5, 1.25, 0.5] }).expect(200);
    const res = await patchMe(user, { unitPreference: 'lb' }).expect(200);
    expect(res.body.user).toMatchObject({
      unitPreference: 'lb',
      weightIncrement: 1,
      barWeight: 45,
      plates: [20, 10, 5, 2.5, 1.25, 0.5],
    });
  });

  it('settings given with the switch win over the defaults', async () => {
    const user = await registerUser(ctx);
    const res = await patchMe(user, { unitPreference: 'lb', weightIncrement: 2.5, barWeight: 35 }).expect(200);
    expect(res.body.user).toMatchObject({
      unitPreference: 'lb',
      weightIncrement: 2.5,
      barWeight: 35,
      plates: LB_PLATES,
    });
  });

  it('concurrent identical switches convert once', async () => {
    const user = await lifterWithTms();
    const results = await Promise.all(Array.from({ length: 6 }, () => patchMe(user, { unitPreference: 'lb' })));
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(200));
    expect(await tmRows(user.id, ids.squat!)).toHaveLength(2);
    expect(await currentTms(user)).toEqual({ unit: 'lb', tms: { squat: 220.46, 'bench-press': 222.95 } });
  });

  it('concurrent opposite switches never double-convert: TM rows stay consistent with the final unit', async () => {
    const user = await lifterWithTms();
    const units = ['lb', 'kg', 'lb', 'kg', 'lb', 'lb', 'kg', 'lb', 'kg', 'lb'];
    const results = await Promise.all(units.map((unitPreference) => patchMe(user, { unitPreference })));
    expect(results.map((r) => r.status)).toEqual(Array(units.length).fill(200));

    const me = await ctx.http().get('/api/users/me').set(user.auth).expect(200);
    const finalUnit = me.body.user.unitPreference as 'kg' | 'lb';
    for (const [slug, kg, lb] of [
      ['squat', '100', '220.46'],
      ['bench-press', '101.13', '222.95'],
    ] as const) {
      const rows = await tmRows(user.id, ids[slug]!);
      // Every conversion switches unit relative to the row before it, and lands exactly on one of the two values.
      rows.slice(1).forEach((row, i) => {
        expect(row.source).toBe('unit_conversion');
        expect(row.unit).not.toBe(rows[i]!.unit);
        expect(row.weight.toString()).toBe(row.unit === 'kg' ? kg : lb);
      });
      expect(rows[rows.length - 1]!.unit).toBe(finalUnit);
    }
    const expected =
      finalUnit === 'kg' ? { squat: 100, 'bench-press': 101.13 } : { squat: 220.46, 'bench-press': 222.95 };
    expect(await currentTms(user)).toEqual({ unit: finalUnit, tms: expected });
    // Settings followed the final unit too.
    expect(me.body.user).toMatchObject(
      finalUnit === 'kg' ? { weightIncrement: 2.5, barWeight: 20 } : { weightIncrement: 5, barWeight: 45 },
    );
  });
});

describe('PATCH /api/users/me: unit switches stay within the training max limit (1000 kg / 2200 lb)', () => {
  it('422 TRAINING_MAX_TOO_HEAVY when a TM would pass 2200 lb (998 kg = 2200.21 lb); nothing changes', async () => {
    const user = await lifterWithTms({ squat: 998, 'bench-press': 100 });
    const before = await ctx.db.trainingMax.findMany({ where: { userId: user.id }, orderBy: { id: 'asc' } });
    const res = await patchMe(user, { unitPreference: 'lb', displayName: 'Not saved' }).expect(422);
    expect(res.body.error.code).toBe('TRAINING_MAX_TOO_HEAVY');
    expect(res.body.error.message).toContain('2200 lb');
    expect(res.body.error.message).toContain('Squat');
    expect(res.body.error.details).toEqual([
      { path: 'unitPreference', message: expect.stringContaining('2200.21 lb') },
    ]);
    expect(await ctx.db.trainingMax.findMany({ where: { userId: user.id }, orderBy: { id: 'asc' } })).toEqual(before);
    const me = await ctx.http().get('/api/users/me').set(user.auth).expect(200);
    expect(me.body.user).toMatchObject({
      unitPreference: 'kg',
      displayName: 'Test Lifter',
      weightIncrement: 2.5,
      barWeight: 20,
    });
  });

  it('a TM stored before the limit existed (9999.99 kg) gives 422, not a 500', async () => {
    const user = await registerUser(ctx);
    await ctx.db.trainingMax.create({
      data: { userId: user.id, exerciseId: ids.squat!, weight: '9999.99', unit: 'kg', source: 'legacy' },
    });
    const res = await patchMe(user, { unitPreference: 'lb' }).expect(422);
    expect(res.body.error.code).toBe('TRAINING_MAX_TOO_HEAVY');
    expect(await ctx.db.trainingMax.count({ where: { userId: user.id } })).toBe(1);
  });

  it('997.9 kg converts to 2199.99 lb, within the limit', async () => {
    const user = await lifterWithTms({ squat: 997.9 });
    await patchMe(user, { unitPreference: 'lb' }).expect(200);
    expect(await currentTms(user)).toEqual({ unit: 'lb', tms: { squat: 2199.99 } });
  });
});
