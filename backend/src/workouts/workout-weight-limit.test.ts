// Audit item (weights beyond Decimal(6,2)): a TM stored before the limit existed can prescribe more than a weight
// column holds. Starting that workout is a 422 naming the lift, not a 500.
import { createTestContext, type TestContext } from '../../test/test-db';
import { exerciseIds, lifterOnNsuns } from '../../test/helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.drop());

it('an old 9999.99 kg squat TM for a lifter in lb (22,046 lb): starting its day is a 422 and writes nothing', async () => {
  const user = await lifterOnNsuns(ctx);
  const ids = await exerciseIds(ctx);
  await ctx.db.trainingMax.create({
    data: {
      userId: user.id,
      exerciseId: ids['squat']!,
      weight: '9999.99',
      unit: 'kg',
      source: 'manual',
      effectiveDate: new Date(Date.now() + 1000),
    },
  });
  await ctx.db.user.update({ where: { id: user.id }, data: { unitPreference: 'lb' } });
  const res = await ctx.http().post('/api/workouts').set(user.auth).send({ dayNumber: 2 }).expect(422);
  expect(res.body.error).toMatchObject({ code: 'TRAINING_MAX_TOO_HEAVY', message: expect.stringContaining('Squat') });
  expect(await ctx.db.workout.count({ where: { userId: user.id } })).toBe(0);
});
