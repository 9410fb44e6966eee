import type { Logger } from 'pino';
import type { Db } from '../db/prisma';
import { structureHash } from '../plans/plan-structure';
import { planBody } from '../plans/plans.schemas';
import { createPlan, updatePlan } from '../plans/plans.service';
import { EXERCISE_LIBRARY } from './exercises';
import { NSUNS_SLUG, nsunsPlanBody } from './nsuns-4day-lp';

/**
 * Idempotent seed, run by every start: inserts missing exercises (leaving admin edits alone) and the built-in
 * plans. A built-in plan whose seed structure changed gets a new version; an unchanged one is left alone.
 */
export async function seedDatabase(db: Db, log?: Logger): Promise<void> {
  const created = await db.exercise.createMany({ data: EXERCISE_LIBRARY, skipDuplicates: true });
  const exercises = await db.exercise.findMany({ select: { id: true, slug: true } });
  const body = planBody.parse(nsunsPlanBody(new Map(exercises.map((e) => [e.slug, e.id]))));
  const existing = await db.workoutPlan.findUnique({
    where: { slug: NSUNS_SLUG },
    select: { id: true, versions: { orderBy: { version: 'desc' }, take: 1, select: { structureHash: true } } },
  });
  let plan = 'unchanged';
  if (!existing) {
    await createPlan(db, body);
    plan = 'created';
  } else if (existing.versions[0]?.structureHash !== structureHash(body)) {
    await updatePlan(db, existing.id, body);
    plan = 'new version published';
  }
  log?.info({ exercisesCreated: created.count, nsuns: plan }, 'seed applied');
}
