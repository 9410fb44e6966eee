// Subscriber counts on plan cards: admins decide deletes and upgrades with them, so theirs are counted per request;
// lifters' cards share one count per process for up to 10 s (issue 15: the count read an index entry per lifter).
import { createTestContext, type TestContext } from '../../test/test-db';
import { exportedPlanBody, lifterOnNsuns, nsunsPlanId, registerAdmin, registerUser } from '../../test/helpers';

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

it("one catalogue per process for every lifter: each sees their own plan marked, and an admin's edit at once", async () => {
  const admin = await registerAdmin(ctx);
  const onNsuns = await lifterOnNsuns(ctx);
  const browsing = await registerUser(ctx);
  const nsuns = await nsunsPlanId(ctx);
  const cards = async (user: { auth: Record<string, string> }) =>
    (await ctx.http().get('/api/plans').set(user.auth).expect(200)).body.plans as Array<
      Card & { name: string; isCurrent: boolean }
    >;
  expect((await cards(onNsuns)).filter((p) => p.isCurrent).map((p) => p.id)).toEqual([nsuns]);
  expect((await cards(browsing)).filter((p) => p.isCurrent)).toEqual([]);

  const { file: body, body: input } = await exportedPlanBody(ctx, admin, nsuns);
  await ctx
    .http()
    .put(`/api/admin/plans/${nsuns}`)
    .set(admin.auth)
    .send({ ...input, name: 'nSuns, renamed' })
    .expect(200);
  expect((await cards(browsing)).find((p) => p.id === nsuns)?.name).toBe('nSuns, renamed');

  await ctx
    .http()
    .put(`/api/admin/plans/${nsuns}`)
    .set(admin.auth)
    .send({ ...input, isPublic: false })
    .expect(200);
  expect((await cards(browsing)).map((p) => p.id)).not.toContain(nsuns);
  await ctx.http().put(`/api/admin/plans/${nsuns}`).set(admin.auth).send(input).expect(200);
  expect((await cards(onNsuns)).find((p) => p.id === nsuns)).toMatchObject({ name: body.plan.name, isCurrent: true });
});
