// Plan model v2 end to end (DESIGN.md § "Plan model v2"): a 3-week plan with a deload week, TM 85 %, warm-ups,
// supplemental sets with a +1 nudge, an accessory slot with a rep range, and all four rule kinds; the lifter's 1RM
// setup lands at 85 %; projection and real workouts agree weight for weight over two cycles; skips and
// out-of-order days move the pointer as specified; the cycle end applies once under concurrent completions.
import { createTestContext, type TestContext } from '../../test/test-db';
import { exerciseIds, registerAdmin, registerUser, type TestUser } from '../../test/helpers';

let ctx: TestContext;
let ids: Record<string, number>;
let admin: TestUser;
let planId: number;

beforeAll(async () => {
  ctx = await createTestContext();
  ids = await exerciseIds(ctx);
  admin = await registerAdmin(ctx);
  const res = await ctx.http().post('/api/admin/plans').set(admin.auth).send(wavePlan()).expect(201);
  planId = res.body.plan.id;
});
afterAll(() => ctx.drop());

const WAVES: Record<number, Array<[number, number]>> = {
  1: [
    [0.65, 5],
    [0.75, 5],
    [0.85, 5],
  ],
  2: [
    [0.7, 3],
    [0.8, 3],
    [0.9, 3],
  ],
  3: [
    [0.4, 5],
    [0.5, 5],
    [0.6, 5],
  ],
};

function mainSlot(lift: string, week: number, sortOrder: number) {
  const deload = week === 3;
  return {
    exerciseId: ids[lift],
    tier: 'T1',
    sortOrder,
    restSeconds: 180,
    sets: [
      { setOrder: 1, kind: 'warmup', percentage: 0.4, reps: 5 },
      ...WAVES[week]!.map(([percentage, reps], i) => ({
        setOrder: i + 2,
        percentage,
        reps,
        isAmrap: i === 2 && !deload,
        isProgression: i === 2 && !deload,
      })),
    ],
  };
}

function day(lift: string, week: number, dayNumber: number) {
  return {
    dayNumber,
    name: `${lift} day`,
    exercises: [
      mainSlot(lift, week, 1),
      {
        exerciseId: ids[lift],
        tier: 'T2',
        sortOrder: 2,
        displayName: `${lift} BBB`,
        restSeconds: 90,
        sets: [1, 2].map((setOrder) => ({
          setOrder,
          kind: 'supplemental',
          percentage: 0.5,
          reps: 10,
          incrementOffset: 1,
        })),
      },
      {
        exerciseId: ids['barbell-row'],
        tier: 'T3',
        sortOrder: 3,
        restSeconds: 60,
        sets: [1, 2].map((setOrder) => ({ setOrder, kind: 'accessory', percentage: null, reps: 10, repsMax: 12 })),
      },
    ],
  };
}

function wavePlan(slug = 'wave-plan') {
  return {
    name: 'Wave plan',
    slug,
    daysPerWeek: 2,
    cycleWeeks: 3,
    tmPercent: 0.85,
    weeks: [1, 2, 3].map((weekNumber) => ({
      weekNumber,
      name: weekNumber === 3 ? 'Deload' : `${['5s', '3s'][weekNumber - 1]} week`,
      isDeload: weekNumber === 3,
      days: [day('squat', weekNumber, 1), day('bench-press', weekNumber, 2)],
    })),
    progressionRules: [
      { kind: 'amrap_table', exerciseId: ids['bench-press'], minReps: 4, maxReps: 99, increase: 2.5, unit: 'kg' },
      { kind: 'reps_over_target', exerciseId: ids.squat, increase: 1, unit: 'kg', maxSteps: 3 },
      { kind: 'cycle_increment', category: 'upper', increase: 5, unit: 'lb' },
      { kind: 'cycle_increment', category: 'lower', increase: 10, unit: 'lb' },
      { kind: 'stall_reset', category: 'lower', failures: 2, factor: 0.9 },
    ],
  };
}

type SetDto = {
  id: number;
  kind: string;
  exerciseOrder: number;
  setOrder: number;
  tmExerciseId: number;
  percentage: number | null;
  prescribedWeight: number | null;
  prescribedReps: number;
  repsMax: number | null;
  isAmrap: boolean;
};
type Workout = { id: number; cycle: number; weekNumber: number; dayNumber: number; sets: SetDto[] };

async function lifterOnWavePlan(oneRepMaxes = { squat: 200, 'bench-press': 100 }): Promise<TestUser> {
  const lifter = await registerUser(ctx);
  await ctx.http().post(`/api/plans/${planId}/subscribe`).set(lifter.auth).send({}).expect(201);
  const setup = await ctx
    .http()
    .post('/api/training-maxes/setup')
    .set(lifter.auth)
    .send({
      exerciseTMs: Object.entries(oneRepMaxes).map(([slug, oneRepMax]) => ({ exerciseId: ids[slug], oneRepMax })),
    })
    .expect(201);
  expect(setup.body.tmPercent).toBe(0.85);
  return lifter;
}

async function currentTms(lifter: TestUser): Promise<Record<string, number>> {
  const res = await ctx.http().get('/api/training-maxes').set(lifter.auth).expect(200);
  return Object.fromEntries(
    res.body.trainingMaxes.map((t: { exercise: { slug: string }; trainingMax: number }) => [
      t.exercise.slug,
      t.trainingMax,
    ]),
  );
}

const next = async (lifter: TestUser) =>
  (await ctx.http().get('/api/plans/current').set(lifter.auth).expect(200)).body.next;

/** Starts `body`'s workout, logs every set (AMRAPs at prescribed + extra), completes it. */
async function train(lifter: TestUser, body: object, amrapExtra: number) {
  const started = await ctx.http().post('/api/workouts').set(lifter.auth).send(body).expect(201);
  const workout: Workout = started.body.workout;
  for (const set of workout.sets) {
    await ctx
      .http()
      .patch(`/api/workouts/${workout.id}/sets/${set.id}`)
      .set(lifter.auth)
      .send({
        completed: true,
        actualReps: set.isAmrap ? Math.max(0, set.prescribedReps + amrapExtra) : set.prescribedReps,
        ...(set.prescribedWeight === null ? { actualWeight: 60 } : {}),
      })
      .expect(200);
  }
  const done = await ctx.http().post(`/api/workouts/${workout.id}/complete`).set(lifter.auth).expect(200);
  return { workout, progression: done.body.progression };
}

describe('an admin authors a multi-week plan', () => {
  it('stores cycleWeeks, tmPercent, weeks with the deload, kinds, rep ranges, offsets, rest and the four rule kinds', async () => {
    const { body } = await ctx.http().get(`/api/plans/${planId}`).set(admin.auth).expect(200);
    expect(body.plan).toMatchObject({ cycleWeeks: 3, tmPercent: 0.85, daysPerWeek: 2 });
    expect(
      body.plan.weeks.map((w: { weekNumber: number; isDeload: boolean; name: string }) => [
        w.weekNumber,
        w.name,
        w.isDeload,
      ]),
    ).toEqual([
      [1, '5s week', false],
      [2, '3s week', false],
      [3, 'Deload', true],
    ]);
    expect(body.plan.days).toEqual(body.plan.weeks[0].days);
    const [main, bbb, accessory] = body.plan.weeks[1].days[0].exercises;
    expect(main.restSeconds).toBe(180);
    expect(main.sets.map((s: SetDto) => [s.kind, s.percentage])).toEqual([
      ['warmup', 0.4],
      ['main', 0.7],
      ['main', 0.8],
      ['main', 0.9],
    ]);
    expect(bbb.sets[0]).toMatchObject({ kind: 'supplemental', incrementOffset: 1, percentage: 0.5 });
    expect(accessory.sets[0]).toMatchObject({ kind: 'accessory', percentage: null, reps: 10, repsMax: 12 });
    expect(body.plan.progressionRules.map((r: { kind: string }) => r.kind).sort()).toEqual([
      'amrap_table',
      'cycle_increment',
      'cycle_increment',
      'reps_over_target',
      'stall_reset',
    ]);
    // Only the %-lifts need a TM: the accessory's barbell row does not.
    expect(body.plan.requiredExercises.map((e: { slug: string }) => e.slug)).toEqual(['squat', 'bench-press']);
  });

  it('round-trips: replacing the plan with what it returned publishes nothing new', async () => {
    const again = await ctx.http().put(`/api/admin/plans/${planId}`).set(admin.auth).send(wavePlan()).expect(200);
    expect(again.body.plan.version).toBe(1);
  });
});

describe('a lifter on the plan', () => {
  it('1RM setup lands at the plan’s 85 %', async () => {
    const lifter = await lifterOnWavePlan();
    expect(await currentTms(lifter)).toEqual({ squat: 170, 'bench-press': 85 });
  });

  it('projection and real workouts agree weight for weight and TM for TM over two cycles', async () => {
    const lifter = await lifterOnWavePlan();
    const projection = await ctx
      .http()
      .post(`/api/plans/${planId}/projection`)
      .set(lifter.auth)
      .send({ weeks: 6, amrapExtraReps: 2 })
      .expect(200);
    expect(projection.body).toMatchObject({ unit: 'kg', increment: 2.5, rounding: 'nearest' });
    const sessions = projection.body.sessions;
    expect(sessions).toHaveLength(12);

    for (const session of sessions) {
      const tms = await currentTms(lifter);
      expect(
        Object.fromEntries(
          session.trainingMaxes.map((t: { slug: string; trainingMax: number }) => [t.slug, t.trainingMax]),
        ),
      ).toEqual(tms);
      expect(await next(lifter)).toMatchObject({
        cycle: session.cycle,
        weekNumber: session.weekNumber,
        dayNumber: session.dayNumber,
      });
      const { workout } = await train(lifter, {}, 2);
      expect([workout.cycle, workout.weekNumber, workout.dayNumber]).toEqual([
        session.cycle,
        session.weekNumber,
        session.dayNumber,
      ]);
      const shape = (s: SetDto) => [
        s.exerciseOrder,
        s.setOrder,
        s.kind,
        s.prescribedWeight,
        s.prescribedReps,
        s.repsMax,
      ];
      expect(workout.sets.map(shape)).toEqual(session.sets.map(shape));
    }

    // Published arithmetic, cycle 1: squat 170 + 2 + 2 (two reps over the 5+ and 3+ targets, 1 kg each) + 5 (10 lb at
    // the cycle end, rounded to 2.5 kg steps); bench 85 + 2.5 + 2.5 (AMRAP table) + 2.5 (5 lb).
    const afterCycle1 = sessions.find((s: { cycle: number }) => s.cycle === 2).trainingMaxes;
    expect(
      Object.fromEntries(afterCycle1.map((t: { slug: string; trainingMax: number }) => [t.slug, t.trainingMax])),
    ).toEqual({
      squat: 179,
      'bench-press': 92.5,
    });
    // Week 1 of cycle 2, squat: warm-up 40 % of 179 = 71.6 → 72.5; top set 85 % = 152.15 → 152.5; BBB 50 % = 89.5 → 90 + 2.5.
    const squatDay = sessions.find((s: { cycle: number }) => s.cycle === 2);
    expect(squatDay.sets.map((s: SetDto) => s.prescribedWeight)).toEqual([
      72.5,
      117.5,
      135,
      152.5,
      92.5,
      92.5,
      null,
      null,
    ]);
    expect(await currentTms(lifter)).toEqual({ squat: 188, 'bench-press': 100 });
    expect(await next(lifter)).toMatchObject({ cycle: 3, weekNumber: 1, dayNumber: 1 });
  });

  it('the deload week moves no TM, and the cycle end still does', async () => {
    const lifter = await lifterOnWavePlan();
    for (let i = 0; i < 4; i++) await train(lifter, {}, 0);
    const before = await currentTms(lifter);
    const deloadSquat = await train(lifter, {}, 5);
    expect(deloadSquat.workout.weekNumber).toBe(3);
    expect(deloadSquat.progression).toEqual([]);
    expect(await currentTms(lifter)).toEqual(before);
    const lastDay = await train(lifter, {}, 0);
    expect(
      lastDay.progression.map((p: { slug: string; increase: number; kind: string }) => [p.slug, p.increase, p.kind]),
    ).toEqual([
      ['squat', 5, 'cycle_increment'],
      ['bench-press', 2.5, 'cycle_increment'],
    ]);
  });

  it('skips and out-of-order days move the pointer as specified', async () => {
    const lifter = await lifterOnWavePlan();
    expect(await next(lifter)).toMatchObject({ cycle: 1, weekNumber: 1, dayNumber: 1, dayName: 'squat day' });

    await train(lifter, { dayNumber: 2 }, 0); // day 2 of the pointer's week, out of order
    expect(await next(lifter)).toMatchObject({ weekNumber: 1, dayNumber: 1 });
    await train(lifter, {}, 0);
    expect(await next(lifter)).toMatchObject({ weekNumber: 2, dayNumber: 1 }); // day 2 was done already

    const skipped = await ctx.http().post('/api/plans/current/skip').set(lifter.auth).send({}).expect(200);
    expect(skipped.body).toMatchObject({
      skipped: { cycle: 1, weekNumber: 2, dayNumber: 1 },
      next: { cycle: 1, weekNumber: 2, dayNumber: 2 },
      progression: [],
    });
    await train(lifter, { weekNumber: 3, dayNumber: 1 }, 0); // a later week's day, early
    expect(await next(lifter)).toMatchObject({ weekNumber: 2, dayNumber: 2 });
    await ctx.http().post('/api/plans/current/skip').set(lifter.auth).send({}).expect(200);
    expect(await next(lifter)).toMatchObject({ weekNumber: 3, dayNumber: 2, isDeload: true });

    // Skipping the last day ends the cycle: the cycle increments apply (once) for what the cycle trained.
    const before = await currentTms(lifter);
    const end = await ctx.http().post('/api/plans/current/skip').set(lifter.auth).send({}).expect(200);
    expect(end.body.next).toMatchObject({ cycle: 2, weekNumber: 1, dayNumber: 1 });
    expect(end.body.progression.map((p: { slug: string; newTM: number }) => [p.slug, p.newTM])).toEqual([
      ['bench-press', before['bench-press']! + 2.5],
      ['squat', before.squat! + 5],
    ]);
    const history = await ctx.http().get('/api/workouts?status=skipped').set(lifter.auth).expect(200);
    expect(
      history.body.items.map((w: { weekNumber: number; dayNumber: number }) => [w.weekNumber, w.dayNumber]),
    ).toEqual([
      [3, 2],
      [2, 2],
      [2, 1],
    ]);
  });

  it('a skip while a workout is in progress is refused and changes nothing', async () => {
    const lifter = await lifterOnWavePlan();
    const started = await ctx.http().post('/api/workouts').set(lifter.auth).send({}).expect(201);
    const res = await ctx.http().post('/api/plans/current/skip').set(lifter.auth).send({}).expect(409);
    expect(res.body.error).toMatchObject({
      code: 'WORKOUT_IN_PROGRESS',
      details: { workoutId: started.body.workout.id },
    });
    expect(await next(lifter)).toMatchObject({ cycle: 1, weekNumber: 1, dayNumber: 1 });
  });

  it('two misses in a row reset the TM (replacing the cycle increment), and a hit clears the count', async () => {
    const lifter = await lifterOnWavePlan();
    const week1 = await train(lifter, {}, -2); // squat 5+ done for 3: miss 1
    expect(week1.progression[0]).toMatchObject({ slug: 'squat', increase: 0, amrapReps: 3 });
    await train(lifter, {}, 0);
    const week2 = await train(lifter, {}, -1); // squat 3+ done for 2: miss 2 → 170 × 0.9
    expect(week2.progression[0]).toMatchObject({ slug: 'squat', previousTM: 170, newTM: 153, kind: 'stall_reset' });
    await train(lifter, {}, 0);
    await train(lifter, {}, -3); // deload: no miss counted
    await train(lifter, {}, 0); // cycle end: squat +5
    expect((await currentTms(lifter)).squat).toBe(158);
    const hit = await train(lifter, {}, 1); // cycle 2 week 1: +1 rep over → +1, count back to 0
    expect(hit.progression[0]).toMatchObject({ slug: 'squat', newTM: 159, kind: 'reps_over_target' });
    const counters = await ctx.db.stallCounter.findMany({ where: { userPlan: { userId: lifter.id } } });
    expect(counters.map((c) => c.consecutiveMisses)).toEqual([0]);
  });

  it('ten concurrent completions of the cycle’s last workout raise the TMs once', async () => {
    const lifter = await lifterOnWavePlan();
    for (let i = 0; i < 5; i++) await train(lifter, {}, 0);
    const started = await ctx.http().post('/api/workouts').set(lifter.auth).send({}).expect(201);
    const before = await currentTms(lifter);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        ctx.http().post(`/api/workouts/${started.body.workout.id}/complete`).set(lifter.auth),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    expect(await currentTms(lifter)).toEqual({ squat: before.squat! + 5, 'bench-press': before['bench-press']! + 2.5 });
    expect(await ctx.db.completedCycle.count({ where: { userPlan: { userId: lifter.id } } })).toBe(1);
    expect(await next(lifter)).toMatchObject({ cycle: 2, weekNumber: 1, dayNumber: 1 });
  });

  it('rounds down when the lifter asks for it, and the projection follows', async () => {
    const lifter = await lifterOnWavePlan({ squat: 203, 'bench-press': 100 }); // squat TM 172.55
    await ctx.http().patch('/api/users/me').set(lifter.auth).send({ rounding: 'down' }).expect(200);
    const projection = await ctx
      .http()
      .post(`/api/plans/${planId}/projection`)
      .set(lifter.auth)
      .send({ weeks: 1 })
      .expect(200);
    const { workout } = await train(lifter, {}, 0);
    // 65 % of 172.55 = 112.1575: down → 110 (nearest would be 112.5); warm-up 40 % = 69.02 → 67.5.
    expect(workout.sets.slice(0, 4).map((s) => s.prescribedWeight)).toEqual([67.5, 110, 127.5, 145]);
    expect(projection.body.sessions[0].sets.slice(0, 4).map((s: SetDto) => s.prescribedWeight)).toEqual([
      67.5, 110, 127.5, 145,
    ]);
  });
});

describe('bad input changes nothing', () => {
  it('a workout for a week or day the plan does not have is a 422 naming the range', async () => {
    const lifter = await lifterOnWavePlan();
    const week = await ctx
      .http()
      .post('/api/workouts')
      .set(lifter.auth)
      .send({ weekNumber: 4, dayNumber: 1 })
      .expect(422);
    expect(week.body.error).toMatchObject({
      code: 'DAY_NOT_IN_PLAN',
      details: [{ path: 'weekNumber', message: 'must be between 1 and 3' }],
    });
    const day = await ctx.http().post('/api/workouts').set(lifter.auth).send({ dayNumber: 3 }).expect(422);
    expect(day.body.error.details).toEqual([{ path: 'dayNumber', message: 'must be between 1 and 2' }]);
    await ctx.http().post('/api/workouts').set(lifter.auth).send({ weekNumber: 2 }).expect(400);
    expect(await ctx.db.workout.count({ where: { userId: lifter.id } })).toBe(0);
  });

  it('a malformed plan is a 400 naming the exact path, and nothing is written', async () => {
    const plans = await ctx.db.workoutPlan.count();
    const cases: Array<[string, (p: ReturnType<typeof wavePlan>) => void, string]> = [
      [
        'a set kind that does not exist',
        (p) => ((p.weeks[2]!.days[0]!.exercises[1]!.sets[1] as { kind: string }).kind = 'cooldown'),
        'weeks.2.days.0.exercises.1.sets.1.kind',
      ],
      [
        'a main set without a percentage',
        (p) => ((p.weeks[0]!.days[1]!.exercises[0]!.sets[2] as { percentage: number | null }).percentage = null),
        'weeks.0.days.1.exercises.0.sets.2.percentage',
      ],
      [
        'a progression flag on a warm-up',
        (p) => Object.assign(p.weeks[1]!.days[0]!.exercises[0]!.sets[0]!, { isAmrap: true, isProgression: true }),
        'weeks.1.days.0.exercises.0.sets.0.kind',
      ],
      ['a week missing from the cycle', (p) => (p.weeks[1]!.weekNumber = 3), 'weeks'],
      ['cycleWeeks above the weeks given', (p) => (p.cycleWeeks = 4), 'weeks'],
      ['a day beyond daysPerWeek', (p) => (p.weeks[0]!.days[1]!.dayNumber = 3), 'weeks.0.days.1.dayNumber'],
      ['tmPercent below 0.50', (p) => (p.tmPercent = 0.45), 'tmPercent'],
      [
        'repsMax below reps',
        (p) => ((p.weeks[0]!.days[0]!.exercises[2]!.sets[0] as { repsMax: number }).repsMax = 8),
        'weeks.0.days.0.exercises.2.sets.0.repsMax',
      ],
      [
        'a stall rule without its factor',
        (p) => delete (p.progressionRules[4] as { factor?: number }).factor,
        'progressionRules.4.factor',
      ],
      [
        'two cycle increments for one scope',
        (p) => p.progressionRules.push({ kind: 'cycle_increment', category: 'upper', increase: 1, unit: 'kg' }),
        'progressionRules.5.kind',
      ],
    ];
    for (const [what, breakIt, path] of cases) {
      const body = wavePlan(`broken-${path.replace(/\W/g, '-')}`);
      breakIt(body);
      const res = await ctx.http().post('/api/admin/plans').set(admin.auth).send(body);
      expect({
        what,
        status: res.status,
        paths: res.body.error?.details?.map((d: { path: string }) => d.path),
      }).toEqual({
        what,
        status: 400,
        paths: expect.arrayContaining([path]),
      });
    }
    expect(await ctx.db.workoutPlan.count()).toBe(plans);
  });

  it('a body with more sets than a week may hold is refused in milliseconds', async () => {
    const body = wavePlan('too-big');
    const sets = Array.from({ length: 50 }, (_, i) => ({ setOrder: i + 1, percentage: 0.5, reps: 5 }));
    body.weeks[0]!.days[0]!.exercises = Array.from({ length: 30 }, (_, i) => ({
      exerciseId: ids.squat!,
      tier: 'T1',
      sortOrder: i + 1,
      restSeconds: 60,
      sets,
    })) as never;
    const res = await ctx.http().post('/api/admin/plans').set(admin.auth).send(body).expect(400);
    expect(res.body.error.details.map((d: { message: string }) => d.message)).toContain(
      'at most 250 sets per week (1508)',
    );
  });

  it('projection: weeks outside 1–52 is a 400; missing TMs a 422 listing the lifts', async () => {
    const lifter = await registerUser(ctx);
    await ctx.http().post(`/api/plans/${planId}/projection`).set(lifter.auth).send({ weeks: 53 }).expect(400);
    await ctx.http().post(`/api/plans/${planId}/projection`).set(lifter.auth).send({ weeks: 0 }).expect(400);
    const res = await ctx
      .http()
      .post(`/api/plans/${planId}/projection`)
      .set(lifter.auth)
      .send({ weeks: 4 })
      .expect(422);
    expect(res.body.error).toMatchObject({
      code: 'MISSING_TRAINING_MAX',
      details: { missingTMs: [{ slug: 'squat' }, { slug: 'bench-press' }] },
    });
    const given = await ctx
      .http()
      .post(`/api/plans/${planId}/projection`)
      .set(lifter.auth)
      .send({
        weeks: 52,
        trainingMaxes: [
          { exerciseId: ids.squat, trainingMax: 100 },
          { exerciseId: ids['bench-press'], trainingMax: 60 },
        ],
      })
      .expect(200);
    expect(given.body.sessions).toHaveLength(104);
    expect(await ctx.db.trainingMax.count({ where: { userId: lifter.id } })).toBe(0);
  });

  it('a projection is bounded: more than 3,600 prescribed sets is a 422 naming the weeks this plan allows', async () => {
    const big = wavePlan('big');
    big.daysPerWeek = 5;
    big.cycleWeeks = 1;
    big.weeks = [
      {
        weekNumber: 1,
        name: 'Volume',
        isDeload: false,
        days: [1, 2, 3, 4, 5].map((dayNumber) => ({
          dayNumber,
          name: null,
          exercises: [
            {
              exerciseId: ids.squat!,
              tier: 'T1',
              sortOrder: 1,
              restSeconds: 60,
              sets: Array.from({ length: 50 }, (_, i) => ({ setOrder: i + 1, percentage: 0.5, reps: 5 })),
            },
          ],
        })),
      },
    ] as never;
    const project = (weeks: number) =>
      ctx
        .http()
        .post('/api/admin/plans/preview/projection')
        .set(admin.auth)
        .send({ plan: big, trainingMaxes: [{ exerciseId: ids.squat, trainingMax: 100 }], weeks });
    const refused = await project(15).expect(422); // 15 × 250 = 3,750 sets
    expect(refused.body.error).toMatchObject({
      code: 'PROJECTION_TOO_LARGE',
      details: [{ path: 'weeks', message: 'must be between 1 and 14 for this plan' }],
    });
    expect((await project(14).expect(200)).body.sessions).toHaveLength(70);
  });

  it('the builder projects an unsaved body on the same engine', async () => {
    const res = await ctx
      .http()
      .post('/api/admin/plans/preview/projection')
      .set(admin.auth)
      .send({
        plan: wavePlan('draft'),
        trainingMaxes: [
          { exerciseId: ids.squat, trainingMax: 170 },
          { exerciseId: ids['bench-press'], trainingMax: 85 },
        ],
        weeks: 3,
      })
      .expect(200);
    expect(
      res.body.sessions.map((s: { weekNumber: number; dayNumber: number }) => `${s.weekNumber}.${s.dayNumber}`),
    ).toEqual(['1.1', '1.2', '2.1', '2.2', '3.1', '3.2']);
    expect(res.body.sessions[0].sets[3]).toMatchObject({ kind: 'main', prescribedWeight: 145, isAmrap: true });
  });
});
