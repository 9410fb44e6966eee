// The server's side of the 1RM → TM walk (the setup form's test walks the same values through the same engine).
import { createTestContext, type TestContext } from '../../test/test-db';
import { exerciseIds, registerUser } from '../../test/helpers';
import { trainingMaxFromOneRepMax } from '@liftplan/domain';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.drop());

function ninetyPercentHalfUp(hundredths: number): string {
  const thousandths = hundredths * 9;
  const rounded = Math.floor(thousandths / 10) + (thousandths % 10 >= 5 ? 1 : 0);
  return (rounded / 100).toFixed(2);
}

it('the engine gives 90 % to 2 decimals, halves up, for every 1RM 20.00–400.00 in 0.05 steps', () => {
  const mismatches: string[] = [];
  for (let hundredths = 2000; hundredths <= 40000; hundredths += 5) {
    const oneRepMax = (hundredths / 100).toFixed(2);
    const tm = trainingMaxFromOneRepMax(Number(oneRepMax)).toFixed(2);
    if (tm !== ninetyPercentHalfUp(hundredths)) mismatches.push(`${oneRepMax} → ${tm}`);
  }
  expect(mismatches).toEqual([]);
});

it.each([70.85, 20.05, 399.95, 133.35])(
  'setup with a 1RM of %d stores exactly what the form shows',
  async (oneRepMax) => {
    const user = await registerUser(ctx);
    const ids = await exerciseIds(ctx);
    await ctx
      .http()
      .post('/api/training-maxes/setup')
      .set(user.auth)
      .send({ exerciseTMs: [{ exerciseId: ids['squat'], oneRepMax }] })
      .expect(201);
    const row = await ctx.db.trainingMax.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.weight.toFixed(2)).toBe(ninetyPercentHalfUp(Math.round(oneRepMax * 100)));
  },
);
