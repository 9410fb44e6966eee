// The schedule over a lifter's time zone: session dates, missed-day detection, catch-up and pause shifts on both
// sides of a DST change, for a lifter in Asia/Jerusalem and one in America/New_York (issue 13).
import { manualClock } from '../config/clock';
import { createTestContext, type TestContext } from '../../test/test-db';
import { registerUser, type TestUser } from '../../test/helpers';

const clock = manualClock(new Date('2026-10-01T12:00:00Z'));
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ clock });
});
afterAll(async () => {
  await ctx.drop();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function lifterIn(timeZone: string): Promise<TestUser> {
  const user = await registerUser(ctx);
  await ctx.http().patch('/api/users/me').set(user.auth).send({ timeZone }).expect(200);
  return user;
}

async function enrol(user: TestUser, slug: string, body: Json): Promise<Json> {
  const plan = await ctx.db.workoutPlan.findUniqueOrThrow({ where: { slug } });
  const res = await ctx.http().post(`/api/plans/${plan.id}/subscribe`).set(user.auth).send(body).expect(201);
  await ctx
    .http()
    .post('/api/training-maxes/setup')
    .set(user.auth)
    .send({ exerciseTMs: res.body.requiredExercises.map((e: Json) => ({ exerciseId: e.id, trainingMax: 100 })) })
    .expect(201);
  return res.body;
}

async function trainAt(user: TestUser, instant: string): Promise<Json> {
  clock.set(instant);
  const started = await ctx.http().post('/api/workouts').set(user.auth).send({}).expect(201);
  await ctx.http().post(`/api/workouts/${started.body.workout.id}/complete`).set(user.auth).send({}).expect(200);
  return started.body.workout;
}

async function scheduleAt(user: TestUser, instant: string, from: string, to: string) {
  clock.set(instant);
  const res = await ctx.http().get('/api/schedule').query({ from, to }).set(user.auth).expect(200);
  return res.body as Json;
}

/** "2026-10-26 completed W1D1" lines: what a lifter reads off the calendar. */
const lines = (schedule: Json) =>
  schedule.days.flatMap((d: Json) =>
    d.sessions.map(
      (s: Json) =>
        `${d.date} ${s.status} W${s.weekNumber}D${s.dayNumber}${s.missedDate ? ` (missed ${s.missedDate})` : ''}`,
    ),
  );

describe('America/New_York across the end of DST (Sun 1 Nov 2026, 02:00 EDT → 01:00 EST)', () => {
  let lifter: TestUser;
  beforeAll(async () => {
    lifter = await lifterIn('America/New_York');
    clock.set('2026-10-24T16:00:00Z'); // Sat 24 Oct, noon in New York
    await enrol(lifter, 'smolov-jr-bench', { preferredDays: ['mon', 'wed', 'fri'], startDate: '2026-10-26' });
  });

  it('dates late-evening sessions by the lifter’s calendar, on both sides of the change', async () => {
    await trainAt(lifter, '2026-10-27T03:30:00Z'); // Mon 26 Oct 23:30 EDT (Tuesday in UTC)
    await trainAt(lifter, '2026-10-29T03:30:00Z'); // Wed 28 Oct 23:30 EDT
    await trainAt(lifter, '2026-10-31T03:30:00Z'); // Fri 30 Oct 23:30 EDT
    await trainAt(lifter, '2026-11-03T04:30:00Z'); // Mon 2 Nov 23:30 EST (UTC−5 now)
    const s = await scheduleAt(lifter, '2026-11-03T05:00:00Z', '2026-10-26', '2026-11-08'); // Tue 3 Nov 00:00 EST
    expect(s.today).toBe('2026-11-03');
    expect(lines(s)).toEqual([
      '2026-10-26 completed W1D1',
      '2026-10-28 completed W1D2',
      '2026-10-30 completed W1D3',
      '2026-11-02 completed W1D4',
      '2026-11-04 scheduled W2D1',
      '2026-11-06 scheduled W2D2',
    ]);
    expect(s.days.find((d: Json) => d.date === '2026-11-04').sessions[0].topSets).toEqual([
      expect.objectContaining({ name: expect.any(String), weight: expect.any(Number) }),
    ]);
  });

  it('a preferred day is missed only once it is over in New York, then offered on the next one', async () => {
    const lateWednesday = await scheduleAt(lifter, '2026-11-05T04:59:00Z', '2026-11-04', '2026-11-06'); // 23:59 EST
    expect(lines(lateWednesday)).toEqual(['2026-11-04 scheduled W2D1', '2026-11-06 scheduled W2D2']);

    const thursday = await scheduleAt(lifter, '2026-11-05T05:01:00Z', '2026-11-04', '2026-11-09'); // Thu 00:01 EST
    expect(lines(thursday)).toEqual([
      '2026-11-04 missed W2D1',
      '2026-11-06 catch_up W2D1 (missed 2026-11-04)',
      '2026-11-09 scheduled W2D2',
    ]);
  });

  it('skipping the missed session keeps it as skipped on the day it was missed; the rest shifts back', async () => {
    clock.set('2026-11-06T14:00:00Z'); // Fri 6 Nov 09:00 EST
    await ctx.http().post('/api/plans/current/skip').set(lifter.auth).send({}).expect(200);
    const s = await scheduleAt(lifter, '2026-11-06T14:01:00Z', '2026-11-04', '2026-11-09');
    expect(lines(s)).toEqual(['2026-11-04 skipped W2D1', '2026-11-06 scheduled W2D2', '2026-11-09 scheduled W2D3']);
    const history = await ctx.http().get('/api/workouts').set(lifter.auth).expect(200);
    expect(history.body.items.filter((w: Json) => w.status === 'skipped')).toHaveLength(1);
  });
});

describe('Asia/Jerusalem across the end of DST (Sun 25 Oct 2026, 02:00 IDT → 01:00 IST)', () => {
  let lifter: TestUser;
  beforeAll(async () => {
    lifter = await lifterIn('Asia/Jerusalem');
    clock.set('2026-10-20T09:00:00Z');
    await enrol(lifter, 'smolov-jr-squat', { preferredDays: ['sun', 'tue', 'thu'], startDate: '2026-10-22' });
  });

  it('dates sessions on the Israeli calendar and detects a missed Tuesday after midnight IST', async () => {
    await trainAt(lifter, '2026-10-22T20:30:00Z'); // Thu 22 Oct 23:30 IDT (UTC+3)
    await trainAt(lifter, '2026-10-24T21:30:00Z'); // Sun 25 Oct 00:30 IDT, before the change (Saturday in UTC)
    const lateTuesday = await scheduleAt(lifter, '2026-10-27T21:50:00Z', '2026-10-22', '2026-10-29'); // 23:50 IST
    expect(lines(lateTuesday)).toEqual([
      '2026-10-22 completed W1D1',
      '2026-10-25 completed W1D2',
      '2026-10-27 scheduled W1D3',
      '2026-10-29 scheduled W1D4',
    ]);
    const wednesday = await scheduleAt(lifter, '2026-10-27T22:10:00Z', '2026-10-27', '2026-11-01'); // Wed 00:10 IST
    expect(wednesday.today).toBe('2026-10-28');
    expect(lines(wednesday)).toEqual([
      '2026-10-27 missed W1D3',
      '2026-10-29 catch_up W1D3 (missed 2026-10-27)',
      '2026-11-01 scheduled W1D4',
    ]);
  });
});

describe('pause and resume across a DST change shift the rest by whole days', () => {
  it.each([
    ['America/New_York', '2026-10-28T12:00:00Z', '2026-11-04T13:00:00Z'], // Wed 08:00 EDT → Wed 08:00 EST
    ['Asia/Jerusalem', '2026-03-25T06:00:00Z', '2026-04-01T05:00:00Z'], // Wed 08:00 IST → Wed 08:00 IDT (27 Mar)
  ])(
    '%s: a week’s pause moves the expected end date by 7 days and no day in it is missed',
    async (zone, pauseAt, resumeAt) => {
      const lifter = await lifterIn(zone);
      clock.set(pauseAt);
      const { startDate } = (await enrol(lifter, 'candito-6-week', { preferredDays: ['mon', 'wed', 'fri'] })).enrolment;
      const before = (await ctx.http().get('/api/plans/current').set(lifter.auth).expect(200)).body.enrolment;
      expect(before.expectedEndDate).not.toBeNull();
      const paused = await ctx.http().post('/api/plans/current/pause').set(lifter.auth).send({}).expect(200);
      expect(paused.body.enrolment.status).toBe('paused');
      await ctx
        .http()
        .post('/api/workouts')
        .set(lifter.auth)
        .send({})
        .expect(409, /PROGRAM_PAUSED/);
      await ctx
        .http()
        .post('/api/plans/current/skip')
        .set(lifter.auth)
        .send({})
        .expect(409, /PROGRAM_PAUSED/);
      await ctx
        .http()
        .post('/api/plans/current/pause')
        .set(lifter.auth)
        .send({})
        .expect(409, /PROGRAM_ALREADY_PAUSED/);

      clock.set(resumeAt);
      const resumed = await ctx.http().post('/api/plans/current/resume').set(lifter.auth).send({}).expect(200);
      expect(resumed.body.enrolment.status).toBe('active');
      expect(daysBetween(before.expectedEndDate, resumed.body.enrolment.expectedEndDate)).toBe(7);
      const after = await ctx
        .http()
        .get('/api/schedule')
        .query({ from: startDate, to: resumeAt.slice(0, 10) })
        .set(lifter.auth)
        .expect(200);
      const pausedDays = after.body.days.filter((d: Json) => d.isPaused).map((d: Json) => d.date);
      expect(pausedDays).toHaveLength(7);
      expect(pausedDays[0]).toBe(startDate);
      expect(lines(after.body)).toEqual([`${resumeAt.slice(0, 10)} scheduled W1D1`]);
      await ctx
        .http()
        .post('/api/plans/current/resume')
        .set(lifter.auth)
        .send({})
        .expect(409, /PROGRAM_NOT_PAUSED/);
    },
  );
});

const daysBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
