// Audit item: the admin gate trusted the token's isAdmin for its 7-day life. A demoted admin's old token still
// passed and re-promoted itself; a deleted admin's token still created exercises.
import { createTestContext, type TestContext } from '../../test/test-db';
import { registerAdmin, registerUser } from '../../test/helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.drop());

const newExercise = () => ({
  name: `Revoked ${Math.random()}`,
  slug: `revoked-${Date.now()}-${Math.floor(Math.random() * 1e6)}`,
  isUpperBody: true,
});

describe('admin rights end when revoked', () => {
  it("a demoted admin's old token is refused at once and cannot re-promote itself or demote others", async () => {
    const boss = await registerAdmin(ctx);
    const demoted = await registerAdmin(ctx);
    await ctx.http().patch(`/api/admin/users/${demoted.id}`).set(boss.auth).send({ isAdmin: false }).expect(200);

    expect((await ctx.http().get('/api/admin/users').set(demoted.auth).expect(403)).body.error.code).toBe('FORBIDDEN');
    await ctx.http().patch(`/api/admin/users/${demoted.id}`).set(demoted.auth).send({ isAdmin: true }).expect(403);
    await ctx.http().patch(`/api/admin/users/${boss.id}`).set(demoted.auth).send({ isAdmin: false }).expect(403);
    await ctx.http().post('/api/admin/exercises').set(demoted.auth).send(newExercise()).expect(403);
    expect((await ctx.db.user.findUniqueOrThrow({ where: { id: demoted.id } })).isAdmin).toBe(false);
    expect((await ctx.db.user.findUniqueOrThrow({ where: { id: boss.id } })).isAdmin).toBe(true);
    // Still a lifter with a working session.
    await ctx.http().get('/api/users/me').set(demoted.auth).expect(200);
  });

  it("a promotion takes effect on the next request, with the lifter's old token", async () => {
    const boss = await registerAdmin(ctx);
    const lifter = await registerUser(ctx);
    await ctx.http().get('/api/admin/users').set(lifter.auth).expect(403);
    await ctx.http().patch(`/api/admin/users/${lifter.id}`).set(boss.auth).send({ isAdmin: true }).expect(200);
    await ctx.http().get('/api/admin/users').set(lifter.auth).expect(200);
  });

  it('nobody changes their own admin flag, either way', async () => {
    const admin = await registerAdmin(ctx);
    for (const isAdmin of [true, false]) {
      const res = await ctx.http().patch(`/api/admin/users/${admin.id}`).set(admin.auth).send({ isAdmin }).expect(409);
      expect(res.body.error.code).toBe('CANNOT_CHANGE_OWN_ADMIN');
    }
  });

  it('two admins demoting each other at once: one wins, the last admin stays', async () => {
    const isolated = await createTestContext();
    try {
      const a = await registerAdmin(isolated);
      const b = await registerAdmin(isolated);
      const [ab, ba] = await Promise.all([
        isolated.http().patch(`/api/admin/users/${b.id}`).set(a.auth).send({ isAdmin: false }),
        isolated.http().patch(`/api/admin/users/${a.id}`).set(b.auth).send({ isAdmin: false }),
      ]);
      expect([ab.status, ba.status].sort()).toEqual([200, expect.any(Number)]);
      const loser = ab.status === 200 ? ba : ab;
      expect([403, 409]).toContain(loser.status);
      if (loser.status === 409) expect(loser.body.error.code).toBe('LAST_ADMIN');
      expect(await isolated.db.user.count({ where: { isAdmin: true } })).toBe(1);
    } finally {
      await isolated.drop();
    }
  });

  it("a deleted account's token gets 401 on every route", async () => {
    const admin = await registerAdmin(ctx);
    await ctx.db.user.delete({ where: { id: admin.id } });
    const routes: Array<[string, string, object?]> = [
      ['get', '/api/auth/me'],
      ['get', '/api/users/me'],
      ['patch', '/api/users/me', { displayName: 'Ghost' }],
      ['get', '/api/plans'],
      ['get', '/api/plans/current'],
      ['get', '/api/exercises'],
      ['get', '/api/training-maxes'],
      ['get', '/api/workouts'],
      ['post', '/api/workouts', {}],
      ['get', '/api/progress'],
      ['get', '/api/admin/users'],
      ['post', '/api/admin/exercises', newExercise()],
    ];
    for (const [method, url, body] of routes) {
      const req = (ctx.http() as unknown as Record<string, (u: string) => import('supertest').Test>)[method]!(url).set(
        admin.auth,
      );
      const res = await (body ? req.send(body) : req);
      expect({ url, status: res.status, code: res.body.error?.code }).toEqual({
        url,
        status: 401,
        code: 'ACCOUNT_NOT_FOUND',
      });
    }
    expect(await ctx.db.exercise.count({ where: { name: { startsWith: 'Revoked' } } })).toBe(0);
  });
});
