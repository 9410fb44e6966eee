// Audit items 7 and 8: registrations per IP, and sign-in failures per IP and per account, counted in PostgreSQL.
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../app';
import { createPrismaClient } from '../db/prisma';
import { loadConfig, type AppConfig } from '../config/config';
import { createTestContext, type TestContext } from '../../test/test-db';
import { registerUser, uniqueEmail } from '../../test/helpers';

const PASSWORD = 'correct horse battery';
const WINDOW = 15 * 60 * 1000;

const contexts: TestContext[] = [];
async function context(overrides: Partial<AppConfig>): Promise<TestContext> {
  const ctx = await createTestContext(overrides);
  contexts.push(ctx);
  return ctx;
}
afterAll(() => Promise.all(contexts.map((ctx) => ctx.drop())));

const login = (ctx: TestContext, body: { email: string; password: string }, forwardedFor?: string) => {
  const req = ctx.http().post('/api/auth/login');
  if (forwardedFor) req.set('X-Forwarded-For', forwardedFor);
  return req.send(body);
};
const wrongPassword = (email: string) => ({ email, password: 'not the password at all' });

describe('registration limit per IP', () => {
  it('refuses the registration past the limit with 429, Retry-After and the error shape', async () => {
    const ctx = await context({ registerRateLimit: { limit: 3, windowMs: 60 * 60 * 1000 } });
    for (let i = 0; i < 3; i++) await registerUser(ctx);
    const res = await ctx
      .http()
      .post('/api/auth/register')
      .send({ email: uniqueEmail(), password: PASSWORD, displayName: 'Bot' })
      .expect(429);
    expect(res.body).toEqual({ error: { code: 'TOO_MANY_REQUESTS', message: expect.any(String) } });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(3500);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(3600);
  });

  it('does not count requests refused by validation', async () => {
    const ctx = await context({ registerRateLimit: { limit: 2, windowMs: 60 * 60 * 1000 } });
    for (let i = 0; i < 5; i++)
      await ctx
        .http()
        .post('/api/auth/register')
        .send({ email: 'nope', password: PASSWORD, displayName: 'X' })
        .expect(400);
    await registerUser(ctx);
    await registerUser(ctx);
  });
});

describe('sign-in limit: failures only, per IP and per account', () => {
  it('11 successful sign-ins from one IP are all 200 (a gym behind one NAT)', async () => {
    const ctx = await context({ loginRateLimit: { limit: 10, windowMs: WINDOW } });
    const users = [];
    for (let i = 0; i < 11; i++) users.push(await registerUser(ctx));
    for (const user of users) await login(ctx, { email: user.email, password: PASSWORD }).expect(200);
  });

  it('limits failures per IP whatever the accounts, with Retry-After', async () => {
    const ctx = await context({ loginRateLimit: { limit: 3, windowMs: WINDOW } });
    const user = await registerUser(ctx);
    for (let i = 0; i < 3; i++) await login(ctx, wrongPassword(uniqueEmail())).expect(401);
    const res = await login(ctx, { email: user.email, password: PASSWORD }).expect(429);
    expect(res.body).toEqual({ error: { code: 'TOO_MANY_REQUESTS', message: expect.any(String) } });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(800);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(900);
  });

  it('limits failures per account across IPs (TRUST_PROXY=1), without blocking other accounts', async () => {
    const ctx = await context({ loginRateLimit: { limit: 3, windowMs: WINDOW }, trustProxy: 1 });
    const victim = await registerUser(ctx);
    const other = await registerUser(ctx);
    for (let i = 0; i < 3; i++) await login(ctx, wrongPassword(victim.email), `203.0.113.${i + 1}`).expect(401);
    await login(ctx, { email: victim.email, password: PASSWORD }, '203.0.113.50').expect(429);
    await login(ctx, { email: other.email, password: PASSWORD }, '203.0.113.1').expect(200);
  });

  it('a successful sign-in clears the account counter but not the IP counter', async () => {
    const ctx = await context({ loginRateLimit: { limit: 3, windowMs: WINDOW }, trustProxy: 1 });
    const user = await registerUser(ctx);
    for (let i = 0; i < 2; i++) await login(ctx, wrongPassword(user.email), '198.51.100.7').expect(401);
    await login(ctx, { email: user.email, password: PASSWORD }, '198.51.100.8').expect(200);
    for (let i = 0; i < 2; i++) await login(ctx, wrongPassword(user.email), '198.51.100.9').expect(401);
    await login(ctx, { email: user.email, password: PASSWORD }, '198.51.100.10').expect(200);
    // 198.51.100.7 still has its 2 failures: one more reaches the limit.
    await login(ctx, wrongPassword(uniqueEmail()), '198.51.100.7').expect(401);
    await login(ctx, wrongPassword(uniqueEmail()), '198.51.100.7').expect(429);
  });

  it('counts parallel failures exactly (the store increments atomically)', async () => {
    const ctx = await context({ loginRateLimit: { limit: 5, windowMs: WINDOW } });
    const statuses = await Promise.all(
      Array.from({ length: 12 }, () => login(ctx, wrongPassword(uniqueEmail())).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
  });
});

describe('client address and proxies', () => {
  it('rotating X-Forwarded-For does not dodge the limit when TRUST_PROXY is unset', async () => {
    const ctx = await context({ loginRateLimit: { limit: 3, windowMs: WINDOW } });
    for (let i = 0; i < 3; i++) await login(ctx, wrongPassword(uniqueEmail()), `192.0.2.${i + 1}`).expect(401);
    await login(ctx, wrongPassword(uniqueEmail()), '192.0.2.99').expect(429);
  });

  it('honours X-Forwarded-For when TRUST_PROXY=1: one client limited, the next one not', async () => {
    const ctx = await context({ loginRateLimit: { limit: 3, windowMs: WINDOW }, trustProxy: 1 });
    for (let i = 0; i < 3; i++) await login(ctx, wrongPassword(uniqueEmail()), '192.0.2.1').expect(401);
    await login(ctx, wrongPassword(uniqueEmail()), '192.0.2.1').expect(429);
    await login(ctx, wrongPassword(uniqueEmail()), '192.0.2.2').expect(401);
  });
});

describe('TRUST_PROXY', () => {
  const trustProxy = (value?: string) =>
    loadConfig({ NODE_ENV: 'test', DATA_DIR: '/tmp/liftplan-unused', TRUST_PROXY: value }).trustProxy;

  it.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['true', true],
    ['1', 1],
    ['2', 2],
    ['loopback', 'loopback'],
    ['loopback, 10.0.0.0/8, fd00::/8, 192.168.1.4', 'loopback, 10.0.0.0/8, fd00::/8, 192.168.1.4'],
  ])('%j → trust proxy %j', (value, expected) => {
    expect(trustProxy(value)).toEqual(expected);
  });

  it.each(['yes', '10.0.0.0/33', 'loopback,proxy.example.com'])('refuses %j at start-up', (value) => {
    expect(() => trustProxy(value)).toThrow(/TRUST_PROXY/);
  });
});

describe('shared counters', () => {
  it('two app instances over the same database share one counter', async () => {
    const ctx = await context({ loginRateLimit: { limit: 3, windowMs: WINDOW } });
    const secondDb = createPrismaClient(ctx.url, { maxConnections: 2 });
    try {
      const second = request(createApp(secondDb, ctx.config, pino({ level: 'silent' })));
      await login(ctx, wrongPassword(uniqueEmail())).expect(401);
      await second.post('/api/auth/login').send(wrongPassword(uniqueEmail())).expect(401);
      await login(ctx, wrongPassword(uniqueEmail())).expect(401);
      await second.post('/api/auth/login').send(wrongPassword(uniqueEmail())).expect(429);
      await login(ctx, wrongPassword(uniqueEmail())).expect(429);
    } finally {
      await secondDb.$disconnect();
    }
  });

  it('when the counter store fails, requests get their own answers (no 500) and the limit holds in memory', async () => {
    const ctx = await context({ loginRateLimit: { limit: 3, windowMs: WINDOW } });
    const user = await registerUser(ctx);
    await ctx.db.$executeRawUnsafe('DROP TABLE rate_limits');
    await login(ctx, { email: user.email, password: PASSWORD }).expect(200);
    await registerUser(ctx);
    for (let i = 0; i < 3; i++) await login(ctx, wrongPassword(user.email)).expect(401);
    await login(ctx, { email: user.email, password: PASSWORD }).expect(429);
  });
});
