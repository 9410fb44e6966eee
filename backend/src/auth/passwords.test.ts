// Audit item 10: weak passwords are refused at registration; bcrypt's 72-byte limit no longer merges passwords.
import bcrypt from 'bcrypt';
import { createTestContext, type TestContext } from '../../test/test-db';
import { uniqueEmail } from '../../test/helpers';
import { upsertAdmin } from './auth.service';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.drop());

const register = (body: { email: string; password: string; displayName: string }) =>
  ctx.http().post('/api/auth/register').send(body);

describe('password policy at registration', () => {
  const email = uniqueEmail('ann.smith');
  it.each([
    ['a very common password', 'password', /too easy to guess/],
    ['digits only', '12345678', /too easy to guess/],
    ['eight spaces', '        ', /only spaces/],
    ['the email itself', email, /email address or name/],
    ['the email in capitals', email.toUpperCase(), /email address or name/],
    ['the display name and digits', 'Annabel Smithers 1', /email address or name/],
    ['a keyboard row', 'qwertyuiop', /too easy to guess/],
  ])('refuses %s with a 400 naming the password and the reason', async (_name, password, reason) => {
    const res = await register({ email, password, displayName: 'Annabel Smithers' }).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(res.body.error.details).toEqual([{ path: 'password', message: expect.stringMatching(reason) }]);
    expect(res.body.error.message).toMatch(/^Invalid body: password: /);
    expect(await ctx.db.user.findUnique({ where: { email } })).toBeNull();
  });

  it.each([
    'correct horse battery',
    'Gym-Rat-42 squats',
    'lifter password 1',
    'the right password',
    'long-enough-password',
  ])('accepts %j', async (password) => {
    await register({ email: uniqueEmail(), password, displayName: 'Test Lifter' }).expect(201);
  });
});

describe("bcrypt's 72-byte limit", () => {
  const prefix = 'ü'.repeat(36); // 72 UTF-8 bytes
  it('two passwords that share their first 72 bytes are different passwords', async () => {
    const email = uniqueEmail();
    await register({ email, password: `${prefix} first`, displayName: 'Long' }).expect(201);
    await ctx
      .http()
      .post('/api/auth/login')
      .send({ email, password: `${prefix} second` })
      .expect(401);
    await ctx
      .http()
      .post('/api/auth/login')
      .send({ email, password: `${prefix} first` })
      .expect(200);
  });

  it('a hash from before the change still signs in, and is replaced by the current format at that sign-in', async () => {
    const email = uniqueEmail('legacy');
    const legacyHash = await bcrypt.hash('my old password', 4);
    await ctx.db.user.create({ data: { email, passwordHash: legacyHash, displayName: 'Old Timer' } });
    await ctx.http().post('/api/auth/login').send({ email, password: 'my old password' }).expect(200);
    const { passwordHash } = await ctx.db.user.findUniqueOrThrow({ where: { email } });
    expect(passwordHash).not.toBe(legacyHash);
    expect(passwordHash).toMatch(/^bcrypt-hmac-sha256\$\$2b\$/);
    await ctx.http().post('/api/auth/login').send({ email, password: 'my old password' }).expect(200);
    await ctx.http().post('/api/auth/login').send({ email, password: 'my old passwordX' }).expect(401);
  });

  it('upsertAdmin (start-up bootstrap, admin CLI) hashes the same way', async () => {
    const email = uniqueEmail('admin');
    const admin = await upsertAdmin(ctx.db, email, `${prefix} admin`);
    expect(admin.passwordHash).toMatch(/^bcrypt-hmac-sha256\$\$2b\$/);
    await ctx
      .http()
      .post('/api/auth/login')
      .send({ email, password: `${prefix} admin` })
      .expect(200);
    await ctx
      .http()
      .post('/api/auth/login')
      .send({ email, password: `${prefix} other` })
      .expect(401);
  });
});
