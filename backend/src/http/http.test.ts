import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../app';
import { createPrismaClient } from '../db/prisma';
import { registerUser, uniqueEmail } from '../../test/helpers';
import { createTestContext, type TestContext } from '../../test/test-db';
import { signToken } from './auth-middleware';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.drop());

describe('error shape and cross-cutting behaviour', () => {
  it('malformed JSON → 400 MALFORMED_JSON in the error shape', async () => {
    const res = await ctx
      .http()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": ')
      .expect(400);
    expect(res.body).toEqual({ error: { code: 'MALFORMED_JSON', message: expect.any(String) } });
  });

  it('unknown /api route → 404 JSON', async () => {
    const res = await ctx.http().get('/api/nope/nothing').expect(404);
    expect(res.headers['content-type']).toMatch(/json/);
    expect(res.body.error).toMatchObject({
      code: 'ROUTE_NOT_FOUND',
      message: expect.stringContaining('/api/nope/nothing'),
    });
  });

  it('a bad path parameter is a 400, not a 500', async () => {
    const { token } = (
      await ctx
        .http()
        .post('/api/auth/register')
        .send({ email: 'p@example.com', password: 'correct horse battery', displayName: 'P' })
    ).body;
    const res = await ctx.http().get('/api/workouts/abc').set('Authorization', `Bearer ${token}`).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(res.body.error.details[0].path).toBe('id');
  });

  it('validation errors list every offending path', async () => {
    const res = await ctx.http().post('/api/auth/register').send({ email: 'x', password: 'y' }).expect(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'displayName',
      'email',
      'password',
    ]);
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

describe('hardening: statuses for odd requests', () => {
  it('a missing static asset is a 404 (plain, not index.html, no error log)', async () => {
    const spaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liftplan-spa-'));
    fs.mkdirSync(path.join(spaDir, 'assets'));
    fs.writeFileSync(path.join(spaDir, 'index.html'), '<!doctype html><div id="root"></div>');
    fs.writeFileSync(path.join(spaDir, 'assets', 'app-abc.js'), 'console.log(1)');
    const app = createApp(ctx.db, { ...ctx.config, spaDir }, pino({ level: 'silent' }));
    await request(app).get('/assets/app-abc.js').expect(200);
    for (const url of ['/assets/nope.js', '/assets/', '/assets/deeper/nope.css']) {
      const res = await request(app).get(url);
      expect({ url, status: res.status, html: /<div id="root">/.test(res.text) }).toEqual({
        url,
        status: 404,
        html: false,
      });
    }
    await request(app).get('/plans/7').expect(200);
  });

  it('serves the service worker and the manifest with Cache-Control: no-cache, hashed assets for a year', async () => {
    const spaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liftplan-spa-'));
    fs.mkdirSync(path.join(spaDir, 'assets'));
    fs.writeFileSync(path.join(spaDir, 'index.html'), '<!doctype html><div id="root"></div>');
    fs.writeFileSync(path.join(spaDir, 'sw.js'), 'self.addEventListener("fetch", () => {})');
    fs.writeFileSync(path.join(spaDir, 'manifest.webmanifest'), '{"name":"LiftPlan"}');
    fs.writeFileSync(path.join(spaDir, 'icon-192.png'), 'png');
    fs.writeFileSync(path.join(spaDir, 'assets', 'app-abc.js'), 'console.log(1)');
    const app = createApp(ctx.db, { ...ctx.config, spaDir }, pino({ level: 'silent' }));
    for (const url of ['/sw.js', '/manifest.webmanifest', '/index.html', '/workouts/3']) {
      const res = await request(app).get(url).expect(200);
      expect({ url, cache: res.headers['cache-control'] }).toEqual({ url, cache: 'no-cache' });
    }
    expect((await request(app).get('/icon-192.png').expect(200)).headers['cache-control']).toBe('public, max-age=3600');
    expect((await request(app).get('/assets/app-abc.js').expect(200)).headers['cache-control']).toMatch(/immutable/);
  });

  it('a body that is not JSON is a 415 on every route, actions included, and changes nothing', async () => {
    const user = await registerUser(ctx);
    const form = (req: request.Test) => req.set(user.auth).type('form').send('a=1');
    expect((await form(ctx.http().post('/api/workouts/1/complete')).expect(415)).body.error.code).toBe(
      'UNSUPPORTED_MEDIA_TYPE',
    );
    await form(ctx.http().post('/api/plans/1/subscribe')).expect(415);
    await form(ctx.http().patch('/api/users/me')).expect(415);
    await ctx
      .http()
      .post('/api/auth/login')
      .set('Content-Type', 'text/plain')
      .send('{"email":"a@example.com","password":"x"}')
      .expect(415);
    expect(await ctx.db.userPlan.count({ where: { userId: user.id } })).toBe(0);
    // No body at all is still fine for body-less actions; JSON with a charset too.
    await ctx
      .http()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json; charset=utf-8')
      .send('{"email":"a@example.com","password":"x"}')
      .expect(401);
  });

  it.each(['0x3', '0b11', '3e0', '+3', ' 3', '3.0', '03x', '99999999999'])('path id %j is a 400', async (id) => {
    const user = await registerUser(ctx);
    const res = await ctx
      .http()
      .get(`/api/workouts/${encodeURIComponent(id)}`)
      .set(user.auth)
      .expect(400);
    expect(res.body.error.details[0].path).toBe('id');
  });

  it('query numbers take plain decimal only', async () => {
    const user = await registerUser(ctx);
    await ctx.http().get('/api/workouts?page=0x2').set(user.auth).expect(400);
    await ctx.http().get('/api/workouts?page=1&page=2').set(user.auth).expect(400);
    await ctx.http().get('/api/workouts?page=2&pageSize=5').set(user.auth).expect(200);
  });

  it('database down → 503 with Retry-After on every route, in the error shape', async () => {
    const unreachable = createPrismaClient('postgresql://postgres:x@127.0.0.1:1/none');
    const app = createApp(unreachable, ctx.config, pino({ level: 'silent' }));
    const token = signToken({ id: 1, isAdmin: false }, ctx.config.jwtSecret, '1h');
    const calls = [
      request(app).get('/api/plans').set('Authorization', `Bearer ${token}`),
      request(app).post('/api/auth/login').send({ email: 'a@example.com', password: 'whatever' }),
      request(app)
        .post('/api/auth/register')
        .send({ email: uniqueEmail(), password: 'correct horse battery', displayName: 'Down' }),
    ];
    for (const call of calls) {
      const res = await call;
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.body).toEqual({ error: { code: 'SERVICE_UNAVAILABLE', message: expect.stringMatching(/database/) } });
    }
    await unreachable.$disconnect();
  });
});
