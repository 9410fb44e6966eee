import crypto from 'node:crypto';
import type { TestContext } from './test-db';

export type TestUser = { id: number; token: string; email: string; auth: { Authorization: string } };

export const uniqueEmail = (prefix = 'lifter') => `${prefix}-${crypto.randomBytes(5).toString('hex')}@example.com`;

export async function registerUser(
  ctx: TestContext,
  overrides: { email?: string; displayName?: string } = {},
): Promise<TestUser> {
  const email = overrides.email ?? uniqueEmail();
  const res = await ctx
    .http()
    .post('/api/auth/register')
    .send({ email, password: 'correct horse battery', displayName: overrides.displayName ?? 'Test Lifter' })
    .expect(201);
  return { id: res.body.user.id, token: res.body.token, email, auth: { Authorization: `Bearer ${res.body.token}` } };
}

/** An admin: registered, promoted in the database, then signed in again so the token carries isAdmin. */
export async function registerAdmin(ctx: TestContext): Promise<TestUser> {
  const user = await registerUser(ctx, { displayName: 'Admin' });
  await ctx.db.user.update({ where: { id: user.id }, data: { isAdmin: true } });
  const res = await ctx
    .http()
    .post('/api/auth/login')
    .send({ email: user.email, password: 'correct horse battery' })
    .expect(200);
  return { ...user, token: res.body.token, auth: { Authorization: `Bearer ${res.body.token}` } };
}

export async function exerciseIds(ctx: TestContext): Promise<Record<string, number>> {
  const rows = await ctx.db.exercise.findMany({ select: { id: true, slug: true } });
  return Object.fromEntries(rows.map((r) => [r.slug, r.id]));
}

export async function nsunsPlanId(ctx: TestContext): Promise<number> {
  return (await ctx.db.workoutPlan.findUniqueOrThrow({ where: { slug: 'nsuns-4day-lp' } })).id;
}

/** Subscribes to nSuns and sets the four main lifts' TMs (kg) directly as training maxes. */
export async function lifterOnNsuns(
  ctx: TestContext,
  tms = { 'bench-press': 100, squat: 140, ohp: 60, deadlift: 180 },
): Promise<TestUser> {
  const user = await registerUser(ctx);
  const ids = await exerciseIds(ctx);
  await ctx
    .http()
    .post(`/api/plans/${await nsunsPlanId(ctx)}/subscribe`)
    .set(user.auth)
    .expect(201);
  await ctx
    .http()
    .post('/api/training-maxes/setup')
    .set(user.auth)
    .send({ exerciseTMs: Object.entries(tms).map(([slug, trainingMax]) => ({ exerciseId: ids[slug], trainingMax })) })
    .expect(201);
  return user;
}

/** Logs every set of a workout as prescribed, with `amrapReps` on the AMRAP sets. */
export async function logAllSets(
  ctx: TestContext,
  user: TestUser,
  workout: { id: number; sets: Array<{ id: number; isAmrap: boolean; prescribedReps: number }> },
  amrapReps: number,
) {
  for (const set of workout.sets) {
    await ctx
      .http()
      .patch(`/api/workouts/${workout.id}/sets/${set.id}`)
      .set(user.auth)
      .send({ completed: true, actualReps: set.isAmrap ? amrapReps : set.prescribedReps })
      .expect(200);
  }
}

/** A stored plan as the body an admin sends back: its program file (admin export) with slugs resolved to ids. */
export async function exportedPlanBody(ctx: TestContext, admin: TestUser, planId: number) {
  const { programPlanInput } = await import('../src/seed/program-files');
  const file = (await ctx.http().get(`/api/admin/plans/${planId}/export`).set(admin.auth).expect(200)).body;
  const ids = new Map((await ctx.db.exercise.findMany()).map((e) => [e.slug, e.id]));
  return { file, body: programPlanInput(file, ids) };
}
