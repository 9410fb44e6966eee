import type { Logger } from 'pino';
import type { Db } from '../db/prisma';
import { structureHash } from '../plans/plan-structure';
import { planBody, type PlanBody } from '@liftplan/domain';
import { createPlan, getPlanDetail, updatePlan } from '../plans/plans.service';
import { EXERCISE_LIBRARY } from './exercises';
import { NSUNS_SLUG, nsunsPlanBody } from './nsuns-4day-lp';
import { programPlanBody, readProgramFiles } from './program-files';

/**
 * Idempotent seed, run by every start: inserts missing exercises (leaving admin edits alone) and the built-in
 * plans. A built-in plan is matched by its seed key, not its slug, and compared with the seed fingerprint it last
 * received: only a change of the seed data itself publishes a new version. An admin's later edits, renames or
 * deletion (archive) of a built-in plan are left alone.
 */
export async function seedDatabase(db: Db, log?: Logger): Promise<void> {
  const created = await db.exercise.createMany({ data: EXERCISE_LIBRARY, skipDuplicates: true });
  const exercises = await db.exercise.findMany({ select: { id: true, slug: true } });
  const idBySlug = new Map(exercises.map((e) => [e.slug, e.id]));
  const body = planBody.parse(nsunsPlanBody(idBySlug));
  const nsuns = await seedPlan(db, NSUNS_SLUG, body);
  const programs: Record<string, string> = {};
  for (const program of readProgramFiles()) {
    programs[program.plan.slug] = await seedPlan(db, program.plan.slug, programPlanBody(program, idBySlug));
  }
  log?.info({ exercisesCreated: created.count, nsuns, programs }, 'seed applied');
}

async function seedPlan(db: Db, seedKey: string, body: PlanBody): Promise<string> {
  const seedHash = structureHash(body);
  const existing = await db.workoutPlan.findUnique({
    where: { seedKey },
    select: { id: true, seedHash: true, archivedAt: true },
  });
  if (!existing) {
    const plan = await createPlan(db, body);
    await db.workoutPlan.update({ where: { id: plan.id }, data: { seedKey, seedHash } });
    return 'created';
  }
  if (existing.seedHash === seedHash || existing.archivedAt) return 'unchanged';
  const current = await getPlanDetail(db, existing.id);
  await updatePlan(db, existing.id, {
    ...body,
    name: current.name,
    slug: current.slug,
    description: current.description,
    isPublic: current.isPublic,
  });
  await db.workoutPlan.update({ where: { id: existing.id }, data: { seedHash } });
  return 'new version published';
}
