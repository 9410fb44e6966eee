// Subscriber counts on plan cards: admins decide deletes and upgrades with them, so theirs are counted per request;
// lifters' cards share one count per process for up to 10 s (issue 15: the count read an index entry per lifter).
import { createTestContext, type TestContext } from '../../test/test-db';
import { lifterOnNsuns, nsunsPlanId, registerAdmin, registerUser } from '../../test/helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.drop());

type Card = { id: number; activeSubscribers: number };
const countOn = (plans: Card[], id: number) => plans.find((p) => p.id === id)!.activeSubscribers;

it("the admin list counts at once; a lifter's card catches up within 10 s", async () => {
  const admin = await registerAdmin(ctx);
  const watcher = await registerUser(ctx);
  const nsuns = await nsunsPlanId(ctx);
  const lifterCount = async () =>
    countOn((await ctx.http().get('/api/plans').set(watcher.auth).expect(200)).body.plans, nsuns);
  const adminCount = async () =>
    countOn((await ctx.http().get('/api/admin/plans').set(admin.auth).expect(200)).body.plans, nsuns);

  const before = await lifterCount();
  expect(await adminCount()).toBe(before);
  await lifterOnNsuns(ctx);
  expect(await adminCount()).toBe(before + 1);

  const now = Date.now();
  const clock = jest.spyOn(Date, 'now').mockReturnValue(now + 10_001);
  try {
    expect(await lifterCount()).toBe(before + 1);
  } finally {
    clock.mockRestore();
  }
});
