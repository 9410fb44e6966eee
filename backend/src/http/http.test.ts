import { createTestContext, type TestContext } from '../../test/test-db';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.drop());

describe('error shape and cross-cutting behaviour', () => {
  it('malformed JSON → 400 MALFORMED_JSON in the error shape', async () => {
    const res = await ctx.http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": ').expect(400);
    expect(res.body).toEqual({ error: { code: 'MALFORMED_JSON', message: expect.any(String) } });
  });

  it('unknown /api route → 404 JSON', async () => {
    const res = await ctx.http().get('/api/nope/nothing').expect(404);
    expect(res.headers['content-type']).toMatch(/json/);
    expect(res.body.error).toMatchObject({ code: 'ROUTE_NOT_FOUND', message: expect.stringContaining('/api/nope/nothing') });
  });

  it('a bad path parameter is a 400, not a 500', async () => {
    const { token } = (await ctx.http().post('/api/auth/register').send({ email: 'p@example.com', password: 'password123', displayName: 'P' })).body;
    const res = await ctx.http().get('/api/workouts/abc').set('Authorization', `Bearer ${token}`).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(res.body.error.details[0].path).toBe('id');
  });

  it('validation errors list every offending path', async () => {
    const res = await ctx.http().post('/api/auth/register').send({ email: 'x', password: 'y' }).expect(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['displayName', 'email', 'password']);
    expect(JSON.stringify(res.body)).not.toMatch(/stack|at .*\.ts/);
  });

  it('sets security headers (helmet) and no x-powered-by', async () => {
    const res = await ctx.http().get('/api/health').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBeDefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('health reports database reachability', async () => {
    const res = await ctx.http().get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', database: { reachable: true } });
  });

  it('health answers 503 when the database is unreachable', async () => {
    const broken = await createTestContext();
    await broken.drop(); // disconnects the client and drops the database
    const res = await broken.http().get('/api/health').expect(503);
    expect(res.body).toEqual({ status: 'degraded', database: { reachable: false } });
  });
});
