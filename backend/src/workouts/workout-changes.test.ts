import { createTestContext, type TestContext } from '../../test/test-db';
import { exerciseIds, lifterOnNsuns, logAllSets, registerUser, type TestUser } from '../../test/helpers';

// A workout that bends: add a set or an accessory, delete an added set, swap an exercise, last performance.

let ctx: TestContext;
let ids: Record<string, number>;
beforeAll(async () => {
  ctx = await createTestContext();
  ids = await exerciseIds(ctx);
});
afterAll(() => ctx.drop());

type SetDto = {
  id: number;
  exerciseId: number;
  exercise: { id: number; slug: string; name: string };
  tmExerciseId: number;
  tier: string;
  kind: string;
  exerciseOrder: number;
  setOrder: number;
  percentage: number | null;
  prescribedWeight: number | null;
  prescribedReps: number;
  isAmrap: boolean;
  isProgression: boolean;
  actualReps: number | null;
  actualWeight: number | null;
  completed: boolean;
  isAdded: boolean;
  swappedFrom: { id: number; slug: string; name: string } | null;
};
type WorkoutDto = { id: number; status: string; sets: SetDto[] };

const http = () => ctx.http();
const startDay = async (user: TestUser, dayNumber: number): Promise<WorkoutDto> =>
  (await http().post('/api/workouts').set(user.auth).send({ dayNumber }).expect(201)).body.workout;
const getWorkout = async (user: TestUser, id: number): Promise<WorkoutDto> =>
  (await http().get(`/api/workouts/${id}`).set(user.auth).expect(200)).body.workout;
const addSet = (user: TestUser, workoutId: number, body: unknown) =>
  http()
    .post(`/api/workouts/${workoutId}/sets`)
    .set(user.auth)
    .send(body as object);
const swap = (user: TestUser, workoutId: number, body: unknown) =>
  http()
    .post(`/api/workouts/${workoutId}/swap`)
    .set(user.auth)
    .send(body as object);
const setRows = (workoutId: number) => ctx.db.workoutSet.findMany({ where: { workoutId }, orderBy: { id: 'asc' } });
/** Everything a rejected request must leave as it was. */
const snapshot = async (workoutId: number) =>
  JSON.stringify({
    sets: await setRows(workoutId),
    workout: await ctx.db.workout.findUnique({ where: { id: workoutId } }),
  });

const slot = (w: WorkoutDto, order: number) => w.sets.filter((s) => s.exerciseOrder === order);

describe('POST /api/workouts/:id/sets', () => {
  it('an exercise of the workout: an extra set at the end of its slot, copying the last work set, never progression', async () => {
    const user = await lifterOnNsuns(ctx);
    const workout = await startDay(user, 2); // T1 squat (9 sets, #3 is the progression set), T2 sumo deadlift
    const t1 = workout.sets.filter((s) => s.tier === 'T1');
    const res = await addSet(user, workout.id, { exerciseId: ids.squat }).expect(201);
    const last = t1[t1.length - 1]!;
    expect(res.body.set).toMatchObject({
      exerciseId: ids.squat,
      exerciseOrder: last.exerciseOrder,
      setOrder: 10,
      tier: 'T1',
      kind: last.kind,
      percentage: last.percentage,
      prescribedWeight: last.prescribedWeight,
      prescribedReps: last.prescribedReps,
      isAmrap: false,
      isProgression: false,
      isAdded: true,
      swappedFrom: null,
      completed: false,
      actualReps: null,
    });
    const after = await getWorkout(user, workout.id);
    expect(after.sets).toHaveLength(workout.sets.length + 1);
    expect(after.sets.filter((s) => s.isProgression)).toHaveLength(1);
    // Ordered into its slot, before the T2 sets.
    expect(after.sets.findIndex((s) => s.id === res.body.set.id)).toBe(9);

    // exerciseOrder picks the slot; a slot that doesn't do the exercise is a 422.
    const t2 = workout.sets.filter((s) => s.tier === 'T2');
    const sumo = await addSet(user, workout.id, {
      exerciseId: t2[0]!.exerciseId,
      exerciseOrder: t2[0]!.exerciseOrder,
    }).expect(201);
    expect(sumo.body.set).toMatchObject({ exerciseOrder: t2[0]!.exerciseOrder, setOrder: 9, tier: 'T2' });
    const wrong = await addSet(user, workout.id, { exerciseId: ids.squat, exerciseOrder: t2[0]!.exerciseOrder }).expect(
      422,
    );
    expect(wrong.body.error.code).toBe('SLOT_NOT_FOUND');
  });

  it('another exercise: an accessory slot at the end, pre-filled from the last performance', async () => {
    const user = await lifterOnNsuns(ctx);
    const first = await startDay(user, 1);
    // First time: no history → the body's reps, no weight.
    const a = await addSet(user, first.id, {
      exerciseId: ids['dumbbell-curl'],
      actualReps: 12,
      actualWeight: 14,
    }).expect(201);
    const lastOrder = Math.max(...first.sets.map((s) => s.exerciseOrder));
    expect(a.body.set).toMatchObject({
      kind: 'accessory',
      tier: 'Accessory',
      exerciseOrder: lastOrder + 1,
      setOrder: 1,
      percentage: null,
      prescribedWeight: null,
      prescribedReps: 12,
      actualReps: 12,
      actualWeight: 14,
      isAdded: true,
      isProgression: false,
      plates: null,
    });
    // A second set of it lands in the same accessory slot.
    const b = await addSet(user, first.id, { exerciseId: ids['dumbbell-curl'] }).expect(201);
    expect(b.body.set).toMatchObject({
      exerciseOrder: lastOrder + 1,
      setOrder: 2,
      prescribedReps: 12,
      kind: 'accessory',
    });
    await http()
      .patch(`/api/workouts/${first.id}/sets/${a.body.set.id}`)
      .set(user.auth)
      .send({ completed: true, actualReps: 11, actualWeight: 15 })
      .expect(200);

    const none = await http().get(`/api/workouts/last-performance?exerciseId=${ids['hammer-curl']}`).set(user.auth);
    expect(none.status).toBe(200);
    expect(none.body).toEqual({ lastPerformance: null });
    const lp = await http().get(`/api/workouts/last-performance?exerciseId=${ids['dumbbell-curl']}`).set(user.auth);
    expect(lp.body.lastPerformance).toMatchObject({ actualWeight: 15, actualReps: 11 });
    expect(typeof lp.body.lastPerformance.date).toBe('string');

    await logAllSets(ctx, user, first, 5);
    await http().post(`/api/workouts/${first.id}/complete`).set(user.auth).expect(200);

    // Next workout: an added curl is pre-filled with 15 × 11.
    const second = await startDay(user, 2);
    const c = await addSet(user, second.id, { exerciseId: ids['dumbbell-curl'] }).expect(201);
    expect(c.body.set).toMatchObject({ prescribedReps: 11, actualWeight: 15, actualReps: null, completed: false });

    // Another lifter sees nothing of it.
    const other = await registerUser(ctx);
    const theirs = await http()
      .get(`/api/workouts/last-performance?exerciseId=${ids['dumbbell-curl']}`)
      .set(other.auth);
    expect(theirs.body).toEqual({ lastPerformance: null });
  });

  it('logging fields on add: completed with RPE and a note records the prescribed reps', async () => {
    const user = await lifterOnNsuns(ctx);
    const workout = await startDay(user, 1);
    const res = await addSet(user, workout.id, {
      exerciseId: ids['face-pull'],
      actualReps: 15,
      actualWeight: 20,
      rpe: 8.5,
      note: 'rope',
      completed: true,
    }).expect(201);
    expect(res.body.set).toMatchObject({ actualReps: 15, actualWeight: 20, completed: true, isAdded: true });
    const row = await ctx.db.workoutSet.findUniqueOrThrow({ where: { id: res.body.set.id } });
    expect(row.rpe?.toString()).toBe('8.5');
    expect(row.note).toBe('rope');
  });

  it('400 on bad input, 422 unknown exercise / not-accessory kind, nothing written', async () => {
    const user = await lifterOnNsuns(ctx);
    const workout = await startDay(user, 1);
    const before = await snapshot(workout.id);
    for (const body of [
      {},
      { exerciseId: 'x' },
      { exerciseId: ids.squat, extra: 1 },
      { exerciseId: ids.squat, rpe: 5 },
      { exerciseId: ids.squat, rpe: 7.3 },
      { exerciseId: ids.squat, actualWeight: -5 },
      { exerciseId: ids.squat, actualWeight: 10.005 },
      { exerciseId: ids.squat, actualReps: 1.5 },
      { exerciseId: ids.squat, kind: 'giant' },
      { exerciseId: ids.squat, note: 'x'.repeat(501) },
    ]) {
      const res = await addSet(user, workout.id, body).expect(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
    }
    const unknown = await addSet(user, workout.id, { exerciseId: 999_999 }).expect(422);
    expect(unknown.body.error.code).toBe('UNKNOWN_EXERCISE');
    const kind = await addSet(user, workout.id, { exerciseId: ids['barbell-curl'], kind: 'main' }).expect(422);
    expect(kind.body.error.code).toBe('INVALID_SET_KIND');
    await http().post(`/api/workouts/abc/sets`).set(user.auth).send({ exerciseId: ids.squat }).expect(400);
    expect(await snapshot(workout.id)).toBe(before);
  });

  it('at most 30 added sets: the 31st is a 422 TOO_MANY_ADDED_SETS', async () => {
    const user = await lifterOnNsuns(ctx);
    const workout = await startDay(user, 1);
    for (let i = 0; i < 30; i++) await addSet(user, workout.id, { exerciseId: ids['barbell-curl'] }).expect(201);
    const before = await snapshot(workout.id);
    const res = await addSet(user, workout.id, { exerciseId: ids['barbell-curl'] }).expect(422);
    expect(res.body.error.code).toBe('TOO_MANY_ADDED_SETS');
    expect(await snapshot(workout.id)).toBe(before);
  });

  it("404 on another lifter's workout, 409 when not in progress; nothing written", async () => {
    const user = await lifterOnNsuns(ctx);
    const other = await lifterOnNsuns(ctx);
    const workout = await startDay(user, 1);
    const before = await snapshot(workout.id);
    const res = await addSet(other, workout.id, { exerciseId: ids.squat }).expect(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    await addSet(user, 2_000_000_000, { exerciseId: ids.squat }).expect(404);
    expect(await snapshot(workout.id)).toBe(before);

    await http().post(`/api/workouts/${workout.id}/abandon`).set(user.auth).expect(200);
    const abandoned = await addSet(user, workout.id, { exerciseId: ids.squat }).expect(409);
    expect(abandoned.body.error.code).toBe('WORKOUT_NOT_IN_PROGRESS');

    const done = await startDay(user, 1);
    await http().post(`/api/workouts/${done.id}/complete`).set(user.auth).expect(200);
    const completed = await addSet(user, done.id, { exerciseId: ids.squat }).expect(409);
    expect(completed.body.error.code).toBe('WORKOUT_ALREADY_COMPLETED');
    expect((await setRows(done.id)).length).toBe(done.sets.length);
  });
});

describe('adding a set while the workout completes', () => {
  it('either the set is added before completion read the workout, or the add is a 409: never after', async () => {
    for (let i = 0; i < 3; i++) {
      const user = await lifterOnNsuns(ctx);
      const workout = await startDay(user, 1);
      const [added, completed] = await Promise.all([
        addSet(user, workout.id, {
          exerciseId: ids['barbell-curl'],
          actualWeight: 30,
          actualReps: 10,
          completed: true,
        }),
        http().post(`/api/workouts/${workout.id}/complete`).set(user.auth),
      ]);
      expect(completed.status).toBe(200);
      const rows = await setRows(workout.id);
      if (added.status === 201) {
        // Completion waited for the add: the completed workout holds it.
        expect(rows.some((r) => r.id === added.body.set.id)).toBe(true);
        expect(completed.body.workout.sets.some((s: SetDto) => s.id === added.body.set.id)).toBe(true);
      } else {
        expect(added.status).toBe(409);
        expect(added.body.error.code).toBe('WORKOUT_ALREADY_COMPLETED');
        expect(rows).toHaveLength(workout.sets.length);
      }
    }
  });
});

describe('DELETE /api/workouts/:id/sets/:setId', () => {
  it('removes an added set; a planned set is a 409 SET_NOT_ADDED; others 404; nothing else changes', async () => {
    const user = await lifterOnNsuns(ctx);
    const other = await lifterOnNsuns(ctx);
    const workout = await startDay(user, 1);
    const added = (await addSet(user, workout.id, { exerciseId: ids['barbell-curl'] }).expect(201)).body.set as SetDto;

    const before = await snapshot(workout.id);
    const planned = await http().delete(`/api/workouts/${workout.id}/sets/${workout.sets[0]!.id}`).set(user.auth);
    expect(planned.status).toBe(409);
    expect(planned.body.error.code).toBe('SET_NOT_ADDED');
    const theirs = await http().delete(`/api/workouts/${workout.id}/sets/${added.id}`).set(other.auth);
    expect(theirs.status).toBe(404);
    const wrongWorkout = await http()
      .delete(`/api/workouts/${workout.id + 100000}/sets/${added.id}`)
      .set(user.auth);
    expect(wrongWorkout.status).toBe(404);
    await http().delete(`/api/workouts/${workout.id}/sets/x`).set(user.auth).expect(400);
    expect(await snapshot(workout.id)).toBe(before);

    const ok = await http().delete(`/api/workouts/${workout.id}/sets/${added.id}`).set(user.auth).expect(200);
    expect(ok.body).toEqual({ deleted: true, setId: added.id });
    expect((await setRows(workout.id)).length).toBe(workout.sets.length);
    await http().delete(`/api/workouts/${workout.id}/sets/${added.id}`).set(user.auth).expect(404);
  });

  it('409 once the workout is completed', async () => {
    const user = await lifterOnNsuns(ctx);
    const workout = await startDay(user, 1);
    const added = (await addSet(user, workout.id, { exerciseId: ids['barbell-curl'] }).expect(201)).body.set as SetDto;
    await http().post(`/api/workouts/${workout.id}/complete`).set(user.auth).expect(200);
    const res = await http().delete(`/api/workouts/${workout.id}/sets/${added.id}`).set(user.auth).expect(409);
    expect(res.body.error.code).toBe('WORKOUT_ALREADY_COMPLETED');
    expect(await ctx.db.workoutSet.count({ where: { id: added.id } })).toBe(1);
  });
});

describe('POST /api/workouts/:id/swap', () => {
  it("default: the open sets take the substitute and its own TM's weights; never progression; completed sets stay", async () => {
    const user = await lifterOnNsuns(ctx); // squat TM 140, deadlift TM 180
    const workout = await startDay(user, 2);
    const t1 = workout.sets.filter((s) => s.tier === 'T1');
    const order = t1[0]!.exerciseOrder;
    await http()
      .patch(`/api/workouts/${workout.id}/sets/${t1[0]!.id}`)
      .set(user.auth)
      .send({ completed: true })
      .expect(200);

    const res = await swap(user, workout.id, { exerciseOrder: order, exerciseId: ids.deadlift }).expect(200);
    expect(res.body.movesTrainingMax).toBe(false);
    expect(res.body.message).toMatch(/never move a training max/);
    expect(res.body.tmExerciseId).toBe(ids.deadlift);
    expect(res.body.swappedSetIds).toEqual(t1.slice(1).map((s) => s.id));
    const after = slot(res.body.workout, order);
    expect(after[0]).toMatchObject({
      exerciseId: ids.squat,
      swappedFrom: null,
      prescribedWeight: 105,
      completed: true,
    });
    const swapped = after.slice(1);
    expect(swapped.every((s) => s.exerciseId === ids.deadlift && s.tmExerciseId === ids.deadlift)).toBe(true);
    expect(swapped.every((s) => s.swappedFrom?.slug === 'squat' && !s.isProgression)).toBe(true);
    // 180 × [0.85, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65] = 153 → 152.5, 171 → 170, 162 → 162.5, 153 → 152.5, 144 → 145, 135, 126 → 125, 117 → 117.5
    expect(swapped.map((s) => s.prescribedWeight)).toEqual([152.5, 170, 162.5, 152.5, 145, 135, 125, 117.5]);
    expect(swapped.map((s) => s.percentage)).toEqual(t1.slice(1).map((s) => s.percentage));

    // Completing moves no TM from the swapped sets: the squat progression set was swapped, so no squat change.
    await logAllSets(ctx, user, res.body.workout, 10);
    const done = await http().post(`/api/workouts/${workout.id}/complete`).set(user.auth).expect(200);
    expect(done.body.progression.map((p: { slug: string }) => p.slug)).not.toContain('squat');
    expect(done.body.progression.map((p: { slug: string }) => p.slug)).not.toContain('deadlift');
  });

  it('keepTrainingMax: the slot keeps its TM exercise and weights; swapping back clears swappedFrom', async () => {
    const user = await lifterOnNsuns(ctx);
    const workout = await startDay(user, 2);
    const t1 = workout.sets.filter((s) => s.tier === 'T1');
    const order = t1[0]!.exerciseOrder;
    const res = await swap(user, workout.id, {
      exerciseOrder: order,
      exerciseId: ids['front-squat'],
      keepTrainingMax: true,
    }).expect(200);
    expect(res.body.message).toMatch(/never move a training max/);
    const after = slot(res.body.workout, order);
    expect(after.map((s) => s.exercise.slug)).toEqual(Array(9).fill('front-squat'));
    expect(after.map((s) => s.tmExerciseId)).toEqual(Array(9).fill(ids.squat));
    expect(after.map((s) => s.prescribedWeight)).toEqual(t1.map((s) => s.prescribedWeight));
    expect(after.every((s) => s.swappedFrom?.slug === 'squat' && !s.isProgression)).toBe(true);

    const back = await swap(user, workout.id, { exerciseOrder: order, exerciseId: ids.squat, keepTrainingMax: true });
    expect(back.status).toBe(200);
    expect(slot(back.body.workout, order).every((s) => s.exercise.slug === 'squat' && s.swappedFrom === null)).toBe(
      true,
    );
  });

  describe("swapping back to the plan's exercise", () => {
    const progressionIds = (w: WorkoutDto, order: number) =>
      slot(w, order)
        .filter((s) => s.isProgression)
        .map((s) => s.id);

    it('keeping the TM both ways: the progression set is restored and moves the TM again', async () => {
      const user = await lifterOnNsuns(ctx); // squat TM 140
      const workout = await startDay(user, 2);
      const order = workout.sets.find((s) => s.tier === 'T1')!.exerciseOrder;
      const planned = progressionIds(workout, order);
      expect(planned).toHaveLength(1);

      const away = { exerciseOrder: order, exerciseId: ids['front-squat'], keepTrainingMax: true };
      await swap(user, workout.id, away).expect(200);
      const res = await swap(user, workout.id, { ...away, exerciseId: ids.squat }).expect(200);

      expect(progressionIds(res.body.workout, order)).toEqual(planned);
      expect(res.body.movesTrainingMax).toBe(true);
      expect(res.body.message).toBe('Back to Squat as planned: its progression set moves the training max again.');
      await logAllSets(ctx, user, res.body.workout, 5);
      const done = await http().post(`/api/workouts/${workout.id}/complete`).set(user.auth).expect(200);
      expect(done.body.progression.map((p: { slug: string }) => p.slug)).toContain('squat');
    });

    it("via another lift's own TM and back by default: the plan's TM, weights and progression set return", async () => {
      const user = await lifterOnNsuns(ctx);
      const workout = await startDay(user, 2);
      const order = workout.sets.find((s) => s.tier === 'T1')!.exerciseOrder;
      await swap(user, workout.id, { exerciseOrder: order, exerciseId: ids.deadlift }).expect(200);
      const res = await swap(user, workout.id, { exerciseOrder: order, exerciseId: ids.squat }).expect(200);

      const restore = (s: SetDto) => [s.id, s.exerciseId, s.tmExerciseId, s.prescribedWeight, s.isProgression];
      expect(slot(res.body.workout, order).map(restore)).toEqual(slot(workout, order).map(restore));
      expect(res.body.workout.sets.every((s: SetDto) => s.swappedFrom === null)).toBe(true);
    });

    it("back keeping the substitute's TM: the sets stay away from the plan's TM, so nothing progresses", async () => {
      const user = await lifterOnNsuns(ctx);
      const workout = await startDay(user, 2);
      const order = workout.sets.find((s) => s.tier === 'T1')!.exerciseOrder;
      await swap(user, workout.id, { exerciseOrder: order, exerciseId: ids.deadlift }).expect(200);
      const res = await swap(user, workout.id, {
        exerciseOrder: order,
        exerciseId: ids.squat,
        keepTrainingMax: true,
      }).expect(200);

      expect(slot(res.body.workout, order).every((s) => s.tmExerciseId === ids.deadlift && !s.isProgression)).toBe(
        true,
      );
      expect(res.body.movesTrainingMax).toBe(false);
    });

    it('a slot whose TM is another lift (sumo deadlift on the deadlift TM) goes back without asking for a sumo TM', async () => {
      const user = await lifterOnNsuns(ctx);
      const workout = await startDay(user, 2);
      const t2 = workout.sets.find((s) => s.tier === 'T2')!;
      expect(t2.tmExerciseId).toBe(ids.deadlift);
      await swap(user, workout.id, { exerciseOrder: t2.exerciseOrder, exerciseId: ids.squat }).expect(200);
      const res = await swap(user, workout.id, { exerciseOrder: t2.exerciseOrder, exerciseId: t2.exerciseId });

      expect(res.status).toBe(200);
      const restore = (s: SetDto) => [s.exerciseId, s.tmExerciseId, s.prescribedWeight, s.swappedFrom];
      expect(slot(res.body.workout, t2.exerciseOrder).map(restore)).toEqual(
        slot(workout, t2.exerciseOrder).map(restore),
      );
    });

    it('with generated warm-ups in front, the flag goes back on the same set', async () => {
      const user = await lifterOnNsuns(ctx);
      await http().patch('/api/users/me').set(user.auth).send({ warmups: 'standard' }).expect(200);
      const workout = await startDay(user, 2);
      const order = workout.sets.find((s) => s.tier === 'T1')!.exerciseOrder;
      expect(slot(workout, order).filter((s) => s.kind === 'warmup').length).toBeGreaterThan(0);
      const planned = progressionIds(workout, order);

      const away = { exerciseOrder: order, exerciseId: ids['front-squat'], keepTrainingMax: true };
      await swap(user, workout.id, away).expect(200);
      const res = await swap(user, workout.id, { ...away, exerciseId: ids.squat }).expect(200);

      expect(progressionIds(res.body.workout, order)).toEqual(planned);
    });
  });

  it('422 MISSING_TRAINING_MAX naming the substitute when it has no TM; nothing changed', async () => {
    const user = await lifterOnNsuns(ctx);
    const workout = await startDay(user, 2);
    const before = await snapshot(workout.id);
    const res = await swap(user, workout.id, {
      exerciseOrder: workout.sets[0]!.exerciseOrder,
      exerciseId: ids['front-squat'],
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('MISSING_TRAINING_MAX');
    expect(res.body.error.message).toMatch(/Front Squat/i);
    expect(res.body.error.details.missingTMs[0]).toMatchObject({ exerciseId: ids['front-squat'], slug: 'front-squat' });
    expect(await snapshot(workout.id)).toBe(before);
  });

  it('400 / 422 / 404 / 409 cases change nothing', async () => {
    const user = await lifterOnNsuns(ctx);
    const other = await lifterOnNsuns(ctx);
    const workout = await startDay(user, 2);
    const order = workout.sets[0]!.exerciseOrder;
    const before = await snapshot(workout.id);
    for (const body of [
      {},
      { exerciseOrder: order },
      { exerciseOrder: 'a', exerciseId: ids.deadlift },
      { exerciseOrder: order, exerciseId: ids.deadlift, keepTrainingMax: 'yes' },
      { exerciseOrder: order, exerciseId: ids.deadlift, x: 1 },
    ]) {
      const res = await swap(user, workout.id, body).expect(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
    }
    expect(
      (await swap(user, workout.id, { exerciseOrder: 99, exerciseId: ids.deadlift }).expect(422)).body.error.code,
    ).toBe('SLOT_NOT_FOUND');
    expect(
      (await swap(user, workout.id, { exerciseOrder: order, exerciseId: ids.squat }).expect(422)).body.error.code,
    ).toBe('SAME_EXERCISE');
    expect(
      (await swap(user, workout.id, { exerciseOrder: order, exerciseId: 999_999 }).expect(422)).body.error.code,
    ).toBe('UNKNOWN_EXERCISE');
    expect(
      (await swap(other, workout.id, { exerciseOrder: order, exerciseId: ids.deadlift }).expect(404)).body.error.code,
    ).toBe('NOT_FOUND');
    expect(await snapshot(workout.id)).toBe(before);

    await logAllSets(ctx, user, { id: workout.id, sets: workout.sets.filter((s) => s.exerciseOrder === order) }, 5);
    const all = await snapshot(workout.id);
    expect(
      (await swap(user, workout.id, { exerciseOrder: order, exerciseId: ids.deadlift }).expect(422)).body.error.code,
    ).toBe('NOTHING_TO_SWAP');
    expect(await snapshot(workout.id)).toBe(all);

    await http().post(`/api/workouts/${workout.id}/abandon`).set(user.auth).expect(200);
    const res = await swap(user, workout.id, { exerciseOrder: order + 1, exerciseId: ids.deadlift }).expect(409);
    expect(res.body.error.code).toBe('WORKOUT_NOT_IN_PROGRESS');
  });

  it('an extra set added to a swapped slot copies the swap (exercise, TM, swappedFrom)', async () => {
    const user = await lifterOnNsuns(ctx);
    const workout = await startDay(user, 2);
    const order = workout.sets[0]!.exerciseOrder;
    await swap(user, workout.id, { exerciseOrder: order, exerciseId: ids.deadlift }).expect(200);
    const res = await addSet(user, workout.id, { exerciseId: ids.deadlift }).expect(201);
    // Deadlift is also T2's TM but not T2's exercise (sumo): the extra set goes to the swapped T1 slot.
    expect(res.body.set).toMatchObject({
      exerciseOrder: order,
      setOrder: 10,
      tmExerciseId: ids.deadlift,
      prescribedWeight: 117.5,
      swappedFrom: { slug: 'squat' },
      isAdded: true,
      isProgression: false,
    });
  });
});

describe('GET /api/workouts/last-performance', () => {
  it('400 without a valid exerciseId; 401 without a token', async () => {
    const user = await registerUser(ctx);
    for (const q of ['', '?exerciseId=', '?exerciseId=abc', '?exerciseId=0', '?exerciseId=1.5']) {
      const res = await http().get(`/api/workouts/last-performance${q}`).set(user.auth).expect(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
    }
    await http().get(`/api/workouts/last-performance?exerciseId=${ids.squat}`).expect(401);
  });

  it('converts a weight logged in kg to the lifter’s lb, rounded to their increment', async () => {
    const user = await lifterOnNsuns(ctx);
    const workout = await startDay(user, 1);
    const added = (
      await addSet(user, workout.id, {
        exerciseId: ids['barbell-curl'],
        actualWeight: 30,
        actualReps: 8,
        completed: true,
      }).expect(201)
    ).body.set;
    expect(added.completed).toBe(true);
    await http().post(`/api/workouts/${workout.id}/complete`).set(user.auth).expect(200);
    await http().patch('/api/users/me').set(user.auth).send({ unitPreference: 'lb' }).expect(200);
    const lp = await http()
      .get(`/api/workouts/last-performance?exerciseId=${ids['barbell-curl']}`)
      .set(user.auth)
      .expect(200);
    // 30 kg = 66.14 lb → 65 lb at a 5 lb increment.
    expect(lp.body.lastPerformance).toMatchObject({ actualWeight: 65, actualReps: 8 });
  });
});
