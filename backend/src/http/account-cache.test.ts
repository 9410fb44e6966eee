// The per-process account cache behind requireAuth: trusted only while it hears the database's account-change
// notifications, which every change to an account sends, whoever makes it.
import pg from 'pg';
import { AccountCache } from './account-cache';
import { signToken } from './auth-middleware';
import { createTestContext, type TestContext } from '../../test/test-db';
import { registerAdmin, registerUser } from '../../test/helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.drop());

/** Notifications arrive asynchronously (as they would from another instance): wait for the expected answer. */
async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last = await read();
  while (last !== expected && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 20));
    last = await read();
  }
  return last;
}

function countingLoader(account: { isAdmin: boolean } | null) {
  const loader = { calls: 0, load: async () => (loader.calls++, account) };
  return loader;
}

describe('account cache', () => {
  it('serves a known account from memory while listening, and reads the database when not', async () => {
    const cache = new AccountCache();
    const loader = countingLoader({ isAdmin: false });
    await cache.lookup(1, loader.load);
    await cache.lookup(1, loader.load);
    expect(loader.calls).toBe(2); // not listening: every lookup reads
    await cache.listen(ctx.url);
    try {
      expect(cache.isListening).toBe(true);
      await cache.lookup(1, loader.load);
      await cache.lookup(1, loader.load);
      expect(loader.calls).toBe(3);
      cache.forget(1);
      await cache.lookup(1, loader.load);
      expect(loader.calls).toBe(4);
    } finally {
      await cache.close();
    }
  });

  it('never caches a read that an invalidation overtook', async () => {
    const cache = new AccountCache();
    await cache.listen(ctx.url);
    try {
      let release!: () => void;
      const slowRead = cache.lookup(7, () => new Promise((r) => (release = () => r({ isAdmin: true }))));
      cache.forget(7); // the admin flag changed while the read was on its way back with the old value
      release();
      expect(await slowRead).toEqual({ isAdmin: true });
      const loader = countingLoader({ isAdmin: false });
      expect(await cache.lookup(7, loader.load)).toEqual({ isAdmin: false });
      expect(loader.calls).toBe(1);
    } finally {
      await cache.close();
    }
  });

  it('hears a deletion and an admin flag change made by anyone, on every listening instance', async () => {
    const [a, b] = [new AccountCache(), new AccountCache()];
    await Promise.all([a.listen(ctx.url), b.listen(ctx.url)]);
    try {
      const lifter = await registerUser(ctx);
      for (const cache of [a, b]) await cache.lookup(lifter.id, async () => ({ isAdmin: false }));
      const stillCached = (cache: AccountCache) => async () => {
        const loader = countingLoader({ isAdmin: true });
        await cache.lookup(lifter.id, loader.load);
        return loader.calls === 0;
      };
      // An operator's SQL, not the API: the trigger notifies.
      await ctx.db.$executeRaw`UPDATE users SET is_admin = true WHERE id = ${lifter.id}`;
      expect(await eventually(stillCached(a), false)).toBe(false);
      expect(await eventually(stillCached(b), false)).toBe(false);
      // An update that leaves the flag alone notifies nobody.
      await ctx.db.$executeRaw`UPDATE users SET display_name = 'Renamed' WHERE id = ${lifter.id}`;
      expect(await stillCached(a)()).toBe(true);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('stops trusting itself when its connection is lost and listens again', async () => {
    const cache = new AccountCache();
    await cache.listen(ctx.url);
    try {
      const admin = new pg.Client({ connectionString: ctx.url });
      await admin.connect();
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'liftplan-account-changes' AND datname = current_database()`,
      );
      await admin.end();
      expect(await eventually(async () => cache.isListening, false)).toBe(false);
      const loader = countingLoader({ isAdmin: false });
      await cache.lookup(3, loader.load);
      await cache.lookup(3, loader.load);
      expect(loader.calls).toBe(2);
      expect(await eventually(async () => cache.isListening, true)).toBe(true);
    } finally {
      await cache.close();
    }
  });
});

describe('requireAuth with the cache', () => {
  it("a lifter's account deleted by SQL after their requests were cached: 401 ACCOUNT_NOT_FOUND", async () => {
    const lifter = await registerUser(ctx);
    await ctx.http().get('/api/plans').set(lifter.auth).expect(200);
    await ctx.http().get('/api/plans').set(lifter.auth).expect(200);
    await ctx.db.$executeRaw`DELETE FROM users WHERE id = ${lifter.id}`;
    const status = () =>
      ctx
        .http()
        .get('/api/exercises')
        .set(lifter.auth)
        .then((r) => r.status);
    expect(await eventually(status, 401)).toBe(401);
    const res = await ctx.http().get('/api/plans').set(lifter.auth).expect(401);
    expect(res.body.error.code).toBe('ACCOUNT_NOT_FOUND');
  });

  it('a demotion through the API counts on the very next request, cached or not', async () => {
    const boss = await registerAdmin(ctx);
    const demoted = await registerAdmin(ctx);
    await ctx.http().get('/api/admin/users').set(demoted.auth).expect(200);
    await ctx.http().get('/api/plans').set(demoted.auth).expect(200);
    await ctx.http().patch(`/api/admin/users/${demoted.id}`).set(boss.auth).send({ isAdmin: false }).expect(200);
    await ctx.http().get('/api/admin/users').set(demoted.auth).expect(403);
  });

  it('a token verified once is still refused once it expires', async () => {
    const lifter = await registerUser(ctx);
    const token = signToken({ id: lifter.id, isAdmin: false }, ctx.config.jwtSecret, '60s');
    await ctx.http().get('/api/exercises').set('Authorization', `Bearer ${token}`).expect(200);
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now + 61_000);
    try {
      const res = await ctx.http().get('/api/exercises').set('Authorization', `Bearer ${token}`).expect(401);
      expect(res.body.error.code).toBe('INVALID_TOKEN');
    } finally {
      clock.mockRestore();
    }
  });

  it('a demotion by SQL ends admin rights at once, before any notification could be heard', async () => {
    const admin = await registerAdmin(ctx);
    await ctx.http().get('/api/admin/users').set(admin.auth).expect(200);
    await ctx.db.$executeRaw`UPDATE users SET is_admin = false WHERE id = ${admin.id}`;
    await ctx.http().get('/api/admin/users').set(admin.auth).expect(403);
  });
});
