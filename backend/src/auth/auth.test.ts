import jwt from 'jsonwebtoken';
import { createTestContext, type TestContext } from '../../test/test-db';
import { registerAdmin, registerUser, uniqueEmail } from '../../test/helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.drop());

const PASSWORD = 'correct horse battery';

describe('register', () => {
  it('creates the account and returns a token carrying sub and isAdmin', async () => {
    const email = uniqueEmail();
    const res = await ctx
      .http()
      .post('/api/auth/register')
      .send({ email, password: PASSWORD, displayName: 'Ann' })
      .expect(201);
    expect(res.body.user).toMatchObject({
      email,
      displayName: 'Ann',
      isAdmin: false,
      unitPreference: 'kg',
      weightIncrement: 2.5,
    });
    expect(res.body.user.passwordHash).toBeUndefined();
    const claims = jwt.verify(res.body.token, ctx.config.jwtSecret) as jwt.JwtPayload;
    expect(claims.sub).toBe(String(res.body.user.id));
    expect(claims.isAdmin).toBe(false);
  });

  it('stores emails lower-cased and treats them case-insensitively', async () => {
    const email = uniqueEmail('MixedCase').toUpperCase();
    const res = await ctx
      .http()
      .post('/api/auth/register')
      .send({ email, password: PASSWORD, displayName: 'Bo' })
      .expect(201);
    expect(res.body.user.email).toBe(email.toLowerCase());
    const dup = await ctx
      .http()
      .post('/api/auth/register')
      .send({ email: email.toLowerCase(), password: PASSWORD, displayName: 'Bo' })
      .expect(409);
    expect(dup.body.error.code).toBe('EMAIL_TAKEN');
    await ctx
      .http()
      .post('/api/auth/login')
      .send({ email: ` ${email} `, password: PASSWORD })
      .expect(200);
  });

  it.each([
    [{ email: 'not-an-email', password: PASSWORD, displayName: 'X' }, 'email'],
    [{ email: uniqueEmail(), password: 'short7!', displayName: 'X' }, 'password'],
    [{ email: uniqueEmail(), password: PASSWORD, displayName: '   ' }, 'displayName'],
    [{ email: uniqueEmail(), password: PASSWORD }, 'displayName'],
  ])('rejects invalid input %# with 400 naming the field', async (body, field) => {
    const before = await ctx.db.user.count();
    const res = await ctx.http().post('/api/auth/register').send(body).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(field);
    expect(await ctx.db.user.count()).toBe(before);
  });

  it('never writes isAdmin (or any unknown field) from a register body', async () => {
    const email = uniqueEmail();
    const res = await ctx
      .http()
      .post('/api/auth/register')
      .send({ email, password: PASSWORD, displayName: 'Eve', isAdmin: true })
      .expect(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(await ctx.db.user.findUnique({ where: { email } })).toBeNull();
  });
});

describe('login', () => {
  it('returns a token for the right password', async () => {
    const user = await registerUser(ctx);
    const res = await ctx.http().post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(200);
    expect(res.body.user.id).toBe(user.id);
    expect(typeof res.body.token).toBe('string');
  });

  it('gives the same 401 for an unknown email and a wrong password', async () => {
    const user = await registerUser(ctx);
    const wrong = await ctx
      .http()
      .post('/api/auth/login')
      .send({ email: user.email, password: 'wrong password' })
      .expect(401);
    const unknown = await ctx
      .http()
      .post('/api/auth/login')
      .send({ email: uniqueEmail(), password: PASSWORD })
      .expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
  });

  it('rate-limits attempts per IP with 429', async () => {
    const limited = await createTestContext({ loginRateLimit: { limit: 3, windowMs: 60_000 } });
    try {
      const body = { email: uniqueEmail(), password: 'whatever-password' };
      for (let i = 0; i < 3; i++) await limited.http().post('/api/auth/login').send(body).expect(401);
      const res = await limited.http().post('/api/auth/login').send(body).expect(429);
      expect(res.body.error.code).toBe('TOO_MANY_REQUESTS');
    } finally {
      await limited.drop();
    }
  });
});

describe('me and tokens', () => {
  it('returns the signed-in user', async () => {
    const user = await registerUser(ctx);
    const res = await ctx.http().get('/api/auth/me').set(user.auth).expect(200);
    expect(res.body.user.email).toBe(user.email);
  });

  it.each([
    ['no header', undefined],
    ['garbage', 'Bearer not.a.jwt'],
    ['wrong secret', `Bearer ${jwt.sign({ isAdmin: true }, 'another-secret-another-secret', { subject: '1' })}`],
  ])('401 with %s', async (_name, header) => {
    const req = ctx.http().get('/api/auth/me');
    if (header) req.set('Authorization', header);
    const res = await req.expect(401);
    expect(res.body.error.code).toMatch(/UNAUTHENTICATED|INVALID_TOKEN/);
  });

  it('honours the configured token expiry', async () => {
    const shortLived = await createTestContext({ jwtExpiresIn: '1s' });
    try {
      const user = await registerUser(shortLived);
      const claims = jwt.decode(user.token) as jwt.JwtPayload;
      expect(claims.exp! - claims.iat!).toBe(1);
      await new Promise((r) => setTimeout(r, 2100));
      const res = await shortLived.http().get('/api/auth/me').set(user.auth).expect(401);
      expect(res.body.error.code).toBe('INVALID_TOKEN');
    } finally {
      await shortLived.drop();
    }
  });
});

describe('admin gate and promotion', () => {
  it('403 for lifters on admin routes; admins pass', async () => {
    const lifter = await registerUser(ctx);
    const res = await ctx.http().get('/api/admin/users').set(lifter.auth).expect(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    const admin = await registerAdmin(ctx);
    await ctx.http().get('/api/admin/users').set(admin.auth).expect(200);
  });

  it('an admin promotes a lifter; the lifter gets admin rights at the next login', async () => {
    const admin = await registerAdmin(ctx);
    const lifter = await registerUser(ctx);
    const res = await ctx
      .http()
      .patch(`/api/admin/users/${lifter.id}`)
      .set(admin.auth)
      .send({ isAdmin: true })
      .expect(200);
    expect(res.body.user.isAdmin).toBe(true);
    const login = await ctx
      .http()
      .post('/api/auth/login')
      .send({ email: lifter.email, password: PASSWORD })
      .expect(200);
    await ctx
      .http()
      .get('/api/admin/users')
      .set({ Authorization: `Bearer ${login.body.token}` })
      .expect(200);
  });

  it('rejects bad promotion requests and changes nothing', async () => {
    const admin = await registerAdmin(ctx);
    const lifter = await registerUser(ctx);
    await ctx.http().patch(`/api/admin/users/${lifter.id}`).set(admin.auth).send({ isAdmin: 'yes' }).expect(400);
    await ctx
      .http()
      .patch(`/api/admin/users/${lifter.id}`)
      .set(admin.auth)
      .send({ isAdmin: true, email: 'x@y.z' })
      .expect(400);
    await ctx.http().patch('/api/admin/users/99999999').set(admin.auth).send({ isAdmin: true }).expect(404);
    await ctx.http().patch(`/api/admin/users/${admin.id}`).set(admin.auth).send({ isAdmin: false }).expect(409);
    expect((await ctx.db.user.findUniqueOrThrow({ where: { id: lifter.id } })).isAdmin).toBe(false);
    expect((await ctx.db.user.findUniqueOrThrow({ where: { id: admin.id } })).isAdmin).toBe(true);
  });

  it('a lifter cannot make themselves admin through the profile', async () => {
    const lifter = await registerUser(ctx);
    await ctx.http().patch('/api/users/me').set(lifter.auth).send({ isAdmin: true }).expect(400);
    expect((await ctx.db.user.findUniqueOrThrow({ where: { id: lifter.id } })).isAdmin).toBe(false);
  });
});
