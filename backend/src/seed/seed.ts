import crypto from 'node:crypto';
import type { Logger } from 'pino';
import type { Db } from '../db/prisma';
import { structureHash } from '../plans/plan-structure';
import type { PlanBody } from '@liftplan/domain';
import { createPlan, getPlanDetail, updatePlan } from '../plans/plans.service';
import { seedExerciseLibrary } from './exercises';
import { programPlanBody, readProgramFiles, type ProgramFile } from './program-files';

/**
 * Idempotent seed, run by every start: inserts missing exercises (leaving admin edits alone) and the built-in
 * plans. A built-in plan is matched by its seed key, not its slug, and compared with the seed fingerprint it last
 * received: only a change of the seed data itself publishes a new version. An admin's later edits, renames or
 * deletion (archive) of a built-in plan are left alone, and so is their unpublished draft of it.
 */
export async function seedDatabase(
  db: Db,
  log?: Logger,
  programFiles: ProgramFile[] = readProgramFiles(),
): Promise<void> {
  const created = await seedExerciseLibrary(db);
  const exercises = await db.exercise.findMany({ select: { id: true, slug: true } });
  const idBySlug = new Map(exercises.map((e) => [e.slug, e.id]));
  const programs: Record<string, string> = {};
  for (const program of programFiles) {
    programs[program.plan.slug] = await seedPlan(db, program.plan.slug, programPlanBody(program, idBySlug));
  }
  log?.info({ exercisesCreated: created.count, programs }, 'seed applied');
}

/**
 * What a built-in plan's seed data amounts to: its structure, plus its library description when it has one (so a
 * plan seeded before descriptions existed keeps its fingerprint until its file says more).
 */
export function seedFingerprint(body: PlanBody): string {
  const structure = structureHash(body);
  if (!body.library) return structure;
  return crypto.createHash('sha256').update(structure).update(JSON.stringify(body.library)).digest('hex');
}

async function seedPlan(db: Db, seedKey: string, body: PlanBody): Promise<string> {
  const seedHash = seedFingerprint(body);
  const existing = await db.workoutPlan.findUnique({
    where: { seedKey },
    select: { id: true, seedHash: true, archivedAt: true, seedUpdateWaitingSince: true },
  });
  if (!existing) {
    // The seed key is written with the plan, in one transaction: a start killed half-way leaves no keyless copy
    // whose slug would block every later start.
    await createPlan(db, body, { seed: { seedKey, seedHash } });
    return 'created';
  }
  if (existing.seedHash === seedHash || existing.archivedAt) {
    if (existing.seedUpdateWaitingSince) await markUpdateWaiting(db, existing.id, false);
    return 'unchanged';
  }
  // Publishing replaces a draft: an admin's unpublished work on this plan would be lost. The seed's version waits
  // (its fingerprint stays the old one; admins see it waiting) until the draft is published or discarded, and lands
  // on the next start.
  if (await db.planVersion.count({ where: { planId: existing.id, publishedAt: null } })) {
    if (!existing.seedUpdateWaitingSince) await markUpdateWaiting(db, existing.id, true);
    return 'update waiting: an admin draft of this plan is unpublished';
  }
  const current = await getPlanDetail(db, existing.id);
  await updatePlan(db, existing.id, {
    ...body,
    name: current.name,
    slug: current.slug,
    description: current.description,
    isPublic: current.isPublic,
  });
  await db.workoutPlan.update({ where: { id: existing.id }, data: { seedHash, seedUpdateWaitingSince: null } });
  return 'new version published';
}

/** Raw SQL: Prisma's update would move updated_at, the editors' concurrency token (an open builder would 409). */
async function markUpdateWaiting(db: Db, planId: number, waiting: boolean): Promise<void> {
  await db.$executeRaw`
    UPDATE workout_plans SET seed_update_waiting_since = CASE WHEN ${waiting} THEN now() END WHERE id = ${planId}`;
}
