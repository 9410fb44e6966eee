// Enrolment options and status changes: preferred days and start date checks, changing days, pause / resume / end,
// a finite program completing after its last session, and the enrolment history (issue 13).
import { manualClock } from '../config/clock';
import { createTestContext, type TestContext } from '../../test/test-db';
import { registerUser, type TestUser } from '../../test/helpers';

const clock = manualClock(new Date('2026-12-07T15:00:00Z')); // Mon 7 Dec 2026
let ctx: TestContext;
let planIds: Record<string, number>;
beforeAll(async () => {
  ctx = await createTestContext({ clock });
  const plans = await ctx.db.workoutPlan.findMany({ select: { id: true, slug: true } });
  planIds = Object.fromEntries(plans.map((p) => [p.slug, p.id]));
});
afterAll(async () => {
  await ctx.drop();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const subscribe = (user: TestUser, slug: string, body: Json = {}) =>
  ctx.http().post(`/api/plans/${planIds[slug]}/subscribe`).set(user.auth).send(body);

describe('POST /api/plans/:id/subscribe options', () => {
  it('more preferred days than the plan has per week → 422 INVALID_TRAINING_DAYS with daysPerWeek, nothing written', async () => {
    const lifter = await registerUser(ctx);
    const res = await subscribe(lifter, 'texas-method', { preferredDays: ['mon', 'tue', 'wed', 'fri'] }).expect(422);
    expect(res.body.error).toMatchObject({ code: 'INVALID_TRAINING_DAYS', details: { daysPerWeek: 3 } });
    expect(await ctx.db.userPlan.count({ where: { userId: lifter.id } })).toBe(0);
  });

  it.each([
    [{ preferredDays: ['monday'] }, 'preferredDays.0'],
    [{ preferredDays: ['mon', 'mon'] }, 'preferredDays'],
    [{ preferredDays: [] }, 'preferredDays'],
    [{ startDate: '2026-02-30' }, 'startDate'],
    [{ startDate: '07/12/2026' }, 'startDate'],
    [{ preferredDays: ['mon'], extra: 1 }, ''],
  ])('%j → 400 VALIDATION_ERROR at %s', async (body, path) => {
    const lifter = await registerUser(ctx);
    const res = await subscribe(lifter, 'texas-method', body).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(res.body.error.details.map((d: Json) => d.path)).toContain(path);
  });

  it('a start date more than 28 days back → 422 INVALID_START_DATE; 28 days back is fine', async () => {
    const lifter = await registerUser(ctx);
    await subscribe(lifter, 'texas-method', { startDate: '2026-11-08' }).expect(422, /INVALID_START_DATE/);
    const ok = await subscribe(lifter, 'texas-method', { startDate: '2026-11-09', preferredDays: ['fri', 'mon'] });
    expect(ok.status).toBe(201);
    expect(ok.body.enrolment).toMatchObject({
      startDate: '2026-11-09',
      preferredDays: ['mon', 'fri'],
      status: 'active',
    });
  });
});

describe('PATCH /api/plans/current { preferredDays }', () => {
  it('re-lays the future only: days missed under the old days stay missed', async () => {
    const lifter = await registerUser(ctx);
    clock.set('2026-12-07T15:00:00Z');
    await subscribe(lifter, 'texas-method', { preferredDays: ['mon', 'wed', 'fri'], startDate: '2026-11-30' }).expect(
      201,
    );
    const changed = await ctx
      .http()
      .patch('/api/plans/current')
      .set(lifter.auth)
      .send({ preferredDays: ['tue', 'thu', 'sat'] })
      .expect(200);
    expect(changed.body.enrolment.preferredDays).toEqual(['tue', 'thu', 'sat']);
    const s = await ctx
      .http()
      .get('/api/schedule')
      .query({ from: '2026-11-30', to: '2026-12-12' })
      .set(lifter.auth)
      .expect(200);
    const statuses = s.body.days.flatMap((d: Json) =>
      d.sessions.map((x: Json) => `${d.weekday} ${d.date} ${x.status}`),
    );
    expect(statuses).toEqual([
      'mon 2026-11-30 missed',
      'wed 2026-12-02 missed',
      'fri 2026-12-04 missed',
      'tue 2026-12-08 catch_up',
      'thu 2026-12-10 scheduled',
      'sat 2026-12-12 scheduled',
    ]);
    await ctx
      .http()
      .patch('/api/plans/current')
      .set(lifter.auth)
      .send({ preferredDays: ['mon', 'tue', 'wed', 'thu'] })
      .expect(422, /INVALID_TRAINING_DAYS/);
  });
});

describe('pause / resume / end', () => {
  it('a double tap on pause pauses once: one 200, one 409, one pause recorded', async () => {
    const lifter = await registerUser(ctx);
    await subscribe(lifter, 'texas-method').expect(201);
    const [a, b] = await Promise.all([
      ctx.http().post('/api/plans/current/pause').set(lifter.auth).send({}),
      ctx.http().post('/api/plans/current/pause').set(lifter.auth).send({}),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const up = await ctx.db.userPlan.findFirstOrThrow({ where: { userId: lifter.id }, include: { pauses: true } });
    expect(up.pauses).toHaveLength(1);
  });

  it('end keeps the history; starting another plan ends the current one; enrolments lists both', async () => {
    const lifter = await registerUser(ctx);
    await subscribe(lifter, 'texas-method').expect(201);
    await ctx.http().post('/api/plans/current/pause').set(lifter.auth).send({}).expect(200);
    await subscribe(lifter, 'madcow-5x5').expect(201);
    const ended = await ctx.http().post('/api/plans/current/end').set(lifter.auth).send({}).expect(200);
    expect(ended.body.enrolment).toMatchObject({ status: 'ended', planName: 'Madcow 5×5' });
    await ctx
      .http()
      .post('/api/plans/current/end')
      .set(lifter.auth)
      .send({})
      .expect(404, /NO_ACTIVE_PLAN/);
    await ctx
      .http()
      .post('/api/plans/current/pause')
      .set(lifter.auth)
      .send({})
      .expect(404, /NO_ACTIVE_PLAN/);
    const list = await ctx.http().get('/api/plans/enrolments').set(lifter.auth).expect(200);
    expect(list.body.enrolments.map((e: Json) => [e.planName, e.status, e.pausedAt])).toEqual([
      ['Madcow 5×5', 'ended', null],
      ['Texas Method', 'ended', null],
    ]);
    const pauses = await ctx.db.userPlanPause.findMany({ where: { userPlan: { userId: lifter.id } } });
    expect(pauses.map((p) => p.resumedAt)).toEqual([expect.any(Date)]); // ending closed the open pause
  });

  it('another lifter’s enrolments and schedule are never visible', async () => {
    const [ann, ben] = [await registerUser(ctx), await registerUser(ctx)];
    await subscribe(ann, 'texas-method').expect(201);
    expect((await ctx.http().get('/api/plans/enrolments').set(ben.auth).expect(200)).body.enrolments).toEqual([]);
    await ctx.http().get('/api/schedule').query({ from: '2026-12-07', to: '2026-12-13' }).set(ben.auth).expect(404);
  });
});

describe('a finite program', () => {
  it('Smolov Jr (1 cycle of 12 sessions) has an end date and becomes completed after its last session', async () => {
    const lifter = await registerUser(ctx);
    clock.set('2026-12-07T15:00:00Z'); // Monday
    const res = await subscribe(lifter, 'smolov-jr-bench', { preferredDays: ['mon', 'wed', 'fri'] }).expect(201);
    // 12 sessions on Mon/Wed/Fri from Mon 7 Dec: the 12th is Fri 1 Jan 2027.
    expect(res.body.enrolment).toMatchObject({ cycles: 1, expectedEndDate: '2027-01-01' });
    expect(res.body.enrolment.progress).toMatchObject({ programWeek: 1, programWeeks: 3, sessionsTotal: 12 });
    for (let i = 0; i < 12; i++) await ctx.http().post('/api/plans/current/skip').set(lifter.auth).send({}).expect(200);
    const current = await ctx.http().get('/api/plans/current').set(lifter.auth).expect(200);
    expect(current.body).toMatchObject({ plan: null, lastEnrolment: { status: 'completed', expectedEndDate: null } });
    expect(current.body.lastEnrolment.progress).toMatchObject({ sessionsDone: 12, programWeek: 3 });
    await ctx
      .http()
      .post('/api/plans/current/skip')
      .set(lifter.auth)
      .send({})
      .expect(404, /NO_ACTIVE_PLAN/);
    await ctx
      .http()
      .post('/api/workouts')
      .set(lifter.auth)
      .send({})
      .expect(404, /NO_ACTIVE_PLAN/);
  });
});

describe('time zone', () => {
  it('registration takes the browser’s zone; an unknown zone → 400 and nothing changes', async () => {
    const res = await ctx
      .http()
      .post('/api/auth/register')
      .send({
        email: `tz-${Date.now()}@example.com`,
        password: 'correct horse battery',
        displayName: 'Tz',
        timeZone: 'Asia/Jerusalem',
      })
      .expect(201);
    expect(res.body.user.timeZone).toBe('Asia/Jerusalem');
    const auth = { Authorization: `Bearer ${res.body.token}` };
    await ctx.http().patch('/api/users/me').set(auth).send({ timeZone: 'Mars/Olympus_Mons' }).expect(400);
    await ctx
      .http()
      .patch('/api/users/me')
      .set(auth)
      .send({ timeZone: 'x'.repeat(5000) })
      .expect(400);
    expect((await ctx.http().get('/api/users/me').set(auth).expect(200)).body.user.timeZone).toBe('Asia/Jerusalem');
  });
});

describe('GET /api/schedule bad input', () => {
  it.each([
    [{ from: '2026-12-07' }],
    [{ from: '2026-12-10', to: '2026-12-07' }],
    [{ from: '2026-01-01', to: '2026-12-31' }],
    [{ from: '2026-13-01', to: '2026-13-02' }],
    [{ from: ['2026-12-01', '2026-12-02'], to: '2026-12-03' }],
  ])('%j → 400', async (query) => {
    const lifter = await registerUser(ctx);
    await subscribe(lifter, 'texas-method').expect(201);
    const res = await ctx.http().get('/api/schedule').query(query).set(lifter.auth).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
  });
});

describe('calendar feed (GET /api/schedule.ics?key=…)', () => {
  it('serves the lifter’s sessions as iCalendar all-day events by key; rotating or removing the key cuts it off', async () => {
    const lifter = await registerUser(ctx);
    await ctx.http().patch('/api/users/me').set(lifter.auth).send({ timeZone: 'Asia/Jerusalem' }).expect(200);
    clock.set('2026-12-07T06:00:00Z'); // Mon 7 Dec, 08:00 in Jerusalem
    await subscribe(lifter, 'texas-method', { preferredDays: ['mon', 'wed', 'fri'] }).expect(201);
    expect((await ctx.http().get('/api/schedule/feed').set(lifter.auth).expect(200)).body).toEqual({ feed: null });
    const created = await ctx.http().post('/api/schedule/feed').set(lifter.auth).send({}).expect(200);
    const path: string = created.body.feed.path;
    expect(path).toMatch(/^\/api\/schedule\.ics\?key=[A-Za-z0-9_-]{43}$/);

    const feed = await ctx.http().get(path).expect(200); // no bearer token
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    expect(feed.text).toMatch(/^BEGIN:VCALENDAR/);
    expect(feed.text).toContain('DTSTART;VALUE=DATE:20261207');
    expect(feed.text).toContain('DTSTART;VALUE=DATE:20261209');
    expect(feed.text).toMatch(/SUMMARY:Texas Method · W1 /);
    expect(feed.text.match(/BEGIN:VEVENT/g)!.length).toBeGreaterThan(20);

    const rotated = await ctx.http().post('/api/schedule/feed').set(lifter.auth).send({}).expect(200);
    expect(rotated.body.feed.path).not.toBe(path);
    await ctx.http().get(path).expect(404);
    await ctx.http().get(rotated.body.feed.path).expect(200);
    await ctx.http().delete('/api/schedule/feed').set(lifter.auth).send({}).expect(204);
    await ctx.http().get(rotated.body.feed.path).expect(404);
  });

  it('a malformed key → 400, an unknown one → 404, without touching anyone’s data', async () => {
    await ctx.http().get('/api/schedule.ics').query({ key: 'short' }).expect(400);
    await ctx.http().get('/api/schedule.ics').expect(400);
    await ctx
      .http()
      .get('/api/schedule.ics')
      .query({ key: 'A'.repeat(43) })
      .expect(404);
  });
});
