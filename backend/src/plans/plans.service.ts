import { queryRows, type Db, type Tx } from '../db/prisma';
import { Prisma } from '../generated/prisma/client';
import { conflict, notFound, unprocessable } from '../http/errors';
import type { FieldIssue } from '@liftplan/domain';
import { fetchLatestDetail, fetchVersionDetail } from './plan-detail-query';
import { versionOutlines } from './version-outline';
import { planChangedAt } from './plan-cache';
import {
  ruleColumns,
  structureHash,
  toStructure,
  versionInclude,
  type LoadedVersion,
  type PlanStructure,
} from './plan-structure';
import type {
  PlanBody,
  PlanDetailDto,
  PlanLibraryDto,
  PlanStatus,
  PlanSummaryDto,
  ProgressionRuleInput,
} from '@liftplan/domain';

// ---------- reads ----------

export async function loadLatestVersion(db: Db | Tx, planId: number): Promise<LoadedVersion | null> {
  return db.planVersion.findFirst({
    where: { planId, plan: { archivedAt: null }, publishedAt: { not: null } },
    orderBy: { version: 'desc' },
    include: versionInclude,
  });
}

export async function getPlanDetail(
  db: Db,
  planId: number,
  options: { includeArchived?: boolean } = {},
): Promise<PlanDetailDto> {
  const detail = await fetchLatestDetail(db, planId, options);
  if (!detail) throw notFound('Plan');
  return detail;
}

/** Plan cards: the newest version of each plan with its main lifts (the TM exercises it trains) and set counts. */
export async function listPlanSummaries(
  db: Db,
  options: { publicOnly: boolean; userId?: number; status?: PlanStatus },
): Promise<PlanSummaryDto[]> {
  if (options.publicOnly && options.status === undefined) return lifterCatalogue(db, options.userId);
  return buildPlanSummaries(db, options);
}

// The lifters' catalogue is the same for every lifter but for which plan is theirs and the (shared) counts, and it
// changes only when a plan or a version row does. So each process keeps it per database with a fingerprint of those
// rows (their ids and xmin, which every UPDATE changes: an edit, a publish, an archive, an exercise change marking
// the plan) read in the same statement as the lifter's current plan; a different fingerprint rebuilds it.
const catalogues = new WeakMap<Db, { fingerprint: string; plans: Promise<PlanSummaryDto[]> }>();

async function lifterCatalogue(db: Db, userId: number | undefined): Promise<PlanSummaryDto[]> {
  const [state] = await queryRows<{ fingerprint: string; currentPlanId: number | null }>(
    db,
    Prisma.sql`
      SELECT (SELECT md5(string_agg(p.id || ':' || p.xmin::text, ',' ORDER BY p.id)) FROM workout_plans p)
             || (SELECT md5(string_agg(v.id || ':' || v.xmin::text, ',' ORDER BY v.id)) FROM plan_versions v) AS fingerprint,
             (SELECT up.plan_id FROM user_plans up WHERE up.user_id = ${userId ?? 0} AND up.is_active) AS "currentPlanId"`,
  );
  let entry = catalogues.get(db);
  if (entry?.fingerprint !== state!.fingerprint) {
    // Read after the fingerprint: the cards are never older than the fingerprint they are kept under.
    const built = { fingerprint: state!.fingerprint, plans: buildPlanSummaries(db, { publicOnly: true }) };
    catalogues.set(db, built);
    built.plans.catch(() => {
      if (catalogues.get(db) === built) catalogues.delete(db);
    });
    entry = built;
  }
  const [plans, subscribers] = await Promise.all([
    entry.plans,
    activeSubscriberCounts(db, { maxAgeMs: LIFTER_COUNTS_MAX_AGE_MS }),
  ]);
  return plans.map((plan) => ({
    ...plan,
    activeSubscribers: subscribers.get(plan.id) ?? 0,
    isCurrent: plan.id === state!.currentPlanId,
  }));
}

async function buildPlanSummaries(
  db: Db,
  options: { publicOnly: boolean; userId?: number; status?: PlanStatus },
): Promise<PlanSummaryDto[]> {
  const archived = options.status === 'archived';
  const plans = await db.workoutPlan.findMany({
    where: { archivedAt: archived ? { not: null } : null, ...(options.publicOnly ? { isPublic: true } : {}) },
    orderBy: { name: 'asc' },
    include: {
      versions: {
        // Lifters see published versions only; admins the newest, a draft included.
        where: options.publicOnly ? { publishedAt: { not: null } } : {},
        orderBy: { version: 'desc' },
        take: 1,
        select: { id: true, version: true, daysPerWeek: true, cycleWeeks: true, cycles: true, tmPercent: true },
      },
    },
  });
  const [current, versions, outlines, subscribers] = await Promise.all([
    options.userId
      ? db.userPlan.findFirst({ where: { userId: options.userId, isActive: true }, select: { planId: true } })
      : null,
    options.publicOnly
      ? null
      : versionsByPlan(
          db,
          plans.map((p) => p.id),
        ),
    versionOutlines(
      db,
      plans.flatMap((p) => p.versions.map((v) => ({ versionId: v.id, planChangedAt: planChangedAt(p) }))),
    ),
    // Admins decide on deletes and upgrades with these: exact. Lifters' cards: up to a few seconds old.
    activeSubscriberCounts(db, { maxAgeMs: options.publicOnly ? LIFTER_COUNTS_MAX_AGE_MS : 0 }),
  ]);
  const statusOf = (plan: (typeof plans)[number]): PlanStatus =>
    plan.archivedAt ? 'archived' : versions?.get(plan.id)?.some((v) => v.publishedAt) === false ? 'draft' : 'published';
  return plans.flatMap((plan) => {
    const version = plan.versions[0];
    if (!version) return [];
    if (options.status && statusOf(plan) !== options.status) return [];
    const { mainLifts, setsPerDay } = outlines.get(version.id)!;
    return [
      {
        id: plan.id,
        slug: plan.slug,
        name: plan.name,
        description: plan.description,
        daysPerWeek: version.daysPerWeek,
        cycleWeeks: version.cycleWeeks,
        cycles: version.cycles,
        tmPercent: version.tmPercent.toNumber(),
        isPublic: plan.isPublic,
        version: version.version,
        library: plan.library as PlanLibraryDto | null,
        mainLifts,
        setsPerDay,
        totalSets: setsPerDay.reduce((a, b) => a + b, 0),
        activeSubscribers: subscribers.get(plan.id) ?? 0,
        isCurrent: current?.planId === plan.id,
        updatedAt: plan.updatedAt.toISOString(),
        status: statusOf(plan),
        ...(versions ? { versions: versions.get(plan.id) ?? [] } : {}),
        ...(!options.publicOnly && plan.seedUpdateWaitingSince ? { builtInUpdateWaiting: true } : {}),
      },
    ];
  });
}

// Counting a popular plan's lifters reads an index entry per lifter on every plan-list request (12,000 in
// `pnpm bench`); the lifters' catalogue shares one count per process for this long.
const LIFTER_COUNTS_MAX_AGE_MS = 10_000;
const sharedCounts = new WeakMap<Db, { at: number; counts: Promise<Map<number, number>> }>(); // per database

/** Active subscribers per plan: counted now (`maxAgeMs` 0) or a count at most `maxAgeMs` old. */
async function activeSubscriberCounts(db: Db, { maxAgeMs }: { maxAgeMs: number }): Promise<Map<number, number>> {
  const shared = sharedCounts.get(db);
  if (maxAgeMs > 0 && shared && Date.now() - shared.at <= maxAgeMs) return shared.counts;
  const counts = db.$queryRaw<Array<{ planId: number; n: number }>>`
    SELECT plan_id AS "planId", count(*)::int AS n FROM user_plans WHERE is_active GROUP BY plan_id`.then(
    (rows) => new Map(rows.map((r) => [r.planId, r.n])),
  );
  const entry = { at: Date.now(), counts };
  sharedCounts.set(db, entry);
  counts.catch(() => {
    if (sharedCounts.get(db) === entry) sharedCounts.delete(db);
  });
  return counts;
}

/** Every version of the plans, newest first, with how many lifters are on each. */
async function versionsByPlan(db: Db, planIds: number[]) {
  const rows = await db.planVersion.findMany({
    where: { planId: { in: planIds } },
    orderBy: { version: 'desc' },
    select: {
      planId: true,
      version: true,
      publishedAt: true,
      recommendedUpgrade: true,
      upgradeNote: true,
      _count: { select: { subscriptions: { where: { isActive: true } } } },
    },
  });
  const byPlan = new Map<number, NonNullable<PlanSummaryDto['versions']>>();
  for (const row of rows) {
    const list = byPlan.get(row.planId) ?? [];
    list.push({
      version: row.version,
      publishedAt: row.publishedAt?.toISOString() ?? null,
      activeSubscribers: row._count.subscriptions,
      recommendedUpgrade: row.recommendedUpgrade,
      upgradeNote: row.upgradeNote,
    });
    byPlan.set(row.planId, list);
  }
  return byPlan;
}

// ---------- writes ----------

/**
 * A plan write inserts up to PLAN_LIMITS.maxSetsPerPlan sets in one transaction: a 12-week built-in plan takes
 * ~0.5 s alone but several seconds on a loaded 2-core machine, past Prisma's 5 s default, after which the rolled-back
 * transaction surfaced as a confusing "record not found" during seeding. Admin-only and bounded, so a generous cap.
 */
export const PLAN_WRITE_TRANSACTION = { maxWait: 10_000, timeout: 60_000 } as const;

/** A new plan: published at once, or (`draft`) seen only by admins until its first publication. */
export async function createPlan(
  db: Db,
  body: PlanBody,
  options: { draft?: boolean; seed?: { seedKey: string; seedHash: string } } = {},
): Promise<PlanDetailDto> {
  await assertExercisesExist(db, body);
  try {
    const versionId = await db.$transaction(async (tx) => {
      const plan = await tx.workoutPlan.create({ data: { ...planHeader(body), ...options.seed } });
      return publishVersion(tx, plan.id, 1, body, options.draft ? { header: draftHeader(body) } : undefined);
    }, PLAN_WRITE_TRANSACTION);
    return (await fetchVersionDetail(db, versionId))!;
  } catch (err) {
    throw slugConflictOr(err, body.slug);
  }
}

/**
 * Full replace. The structure goes into a new version, so current subscribers keep the one they started on; a
 * version nobody ever subscribed to is simply replaced. Header-only edits publish nothing.
 */
export async function updatePlan(
  db: Db,
  planId: number,
  body: PlanBody,
  options: { expectedUpdatedAt?: Date } = {},
): Promise<PlanDetailDto> {
  await assertExercisesExist(db, body);
  try {
    const versionId = await db.$transaction(async (tx) => {
      await lockPlan(tx, planId);
      if (options.expectedUpdatedAt) await assertUnchangedSince(tx, planId, options.expectedUpdatedAt);
      await tx.workoutPlan.update({ where: { id: planId }, data: planHeader(body) });
      return replaceStructure(tx, planId, body);
    }, PLAN_WRITE_TRANSACTION);
    return (await fetchVersionDetail(db, versionId))!;
  } catch (err) {
    throw slugConflictOr(err, body.slug);
  }
}

export async function replaceProgressionRules(
  db: Db,
  planId: number,
  rules: ProgressionRuleInput[],
): Promise<PlanDetailDto> {
  await assertExercisesExist(db, { weeks: [], progressionRules: rules });
  const versionId = await db.$transaction(async (tx) => {
    await lockPlan(tx, planId);
    const latest = await loadLatestVersion(tx, planId);
    if (!latest) throw notFound('Plan');
    await tx.workoutPlan.update({ where: { id: planId }, data: { updatedAt: new Date() } });
    return replaceStructure(tx, planId, { ...toStructure(latest), progressionRules: rules });
  }, PLAN_WRITE_TRANSACTION);
  return (await fetchVersionDetail(db, versionId))!;
}

/**
 * 409 while anyone is on the plan. A plan with history (past subscriptions, their workouts) is archived rather
 * than deleted so nothing that points at it dangles; one without history is deleted outright.
 */
export async function deletePlan(db: Db, planId: number): Promise<{ archived: boolean }> {
  return db.$transaction(async (tx) => {
    await lockPlan(tx, planId);
    const [active, total] = await Promise.all([
      tx.userPlan.count({ where: { planId, isActive: true } }),
      tx.userPlan.count({ where: { planId } }),
    ]);
    if (active > 0) {
      throw conflict(
        'PLAN_IN_USE',
        `${active} lifter(s) are on this plan; it can be deleted once nobody is subscribed`,
        { activeSubscribers: active },
      );
    }
    if (total === 0) {
      await tx.workoutPlan.delete({ where: { id: planId } });
      return { archived: false };
    }
    // Free the slug for a new plan while keeping the archived one's history intact.
    await tx.workoutPlan.update({
      where: { id: planId },
      data: { archivedAt: new Date(), isPublic: false, slug: `archived-${planId}-${Date.now()}` },
    });
    return { archived: true };
  });
}

async function replaceStructure(tx: Tx, planId: number, structure: PlanStructure): Promise<number> {
  // Publishing directly replaces any draft (saving a draft and publishing it is the other way: plan-lifecycle.ts).
  await tx.planVersion.deleteMany({ where: { planId, publishedAt: null } });
  const latest = await tx.planVersion.findFirst({
    where: { planId },
    orderBy: { version: 'desc' },
    select: { id: true, version: true, structureHash: true, _count: { select: { subscriptions: true } } },
  });
  if (!latest) throw notFound('Plan');
  if (latest.structureHash === structureHash(structure)) return latest.id;
  const versionId = await publishVersion(tx, planId, latest.version + 1, structure);
  if (latest._count.subscriptions === 0) await tx.planVersion.delete({ where: { id: latest.id } });
  return versionId;
}

/** Writes one immutable version (weeks, days, slots, sets, rules). */
export async function publishVersion(
  tx: Tx,
  planId: number,
  version: number,
  structure: PlanStructure,
  draft?: { header: DraftHeader },
): Promise<number> {
  const plan = { connect: { id: planId } };
  const created = await tx.planVersion.create({
    data: {
      plan,
      version,
      publishedAt: draft ? null : new Date(),
      draftHeader: draft ? draft.header : undefined,
      daysPerWeek: structure.daysPerWeek,
      cycleWeeks: structure.cycleWeeks,
      cycles: structure.cycles,
      tmPercent: String(structure.tmPercent),
      structureHash: structureHash(structure),
      weeks: {
        createMany: {
          data: structure.weeks.map((w) => ({ weekNumber: w.weekNumber, name: w.name ?? null, isDeload: w.isDeload })),
        },
      },
      days: {
        create: structure.weeks.flatMap((week) =>
          week.days.map((day) => ({
            plan,
            weekNumber: week.weekNumber,
            dayNumber: day.dayNumber,
            name: day.name ?? null,
            exercises: {
              create: day.exercises.map((slot) => ({
                exercise: { connect: { id: slot.exerciseId } },
                tmExercise: { connect: { id: slot.tmExerciseId ?? slot.exerciseId } },
                tier: slot.tier,
                sortOrder: slot.sortOrder,
                displayName: slot.displayName ?? null,
                restSeconds: slot.restSeconds ?? null,
                sets: {
                  createMany: {
                    data: slot.sets.map((s) => ({
                      ...s,
                      percentage: s.percentage === null ? null : String(s.percentage),
                    })),
                  },
                },
              })),
            },
          })),
        ),
      },
      progressionRules: {
        create: structure.progressionRules.map((rule) => ({
          plan,
          kind: rule.kind,
          exercise: rule.exerciseId ? { connect: { id: rule.exerciseId } } : undefined,
          category: rule.exerciseId ? null : rule.category,
          ...ruleColumns(rule),
        })),
      },
    },
    select: { id: true },
  });
  return created.id;
}

/** A draft's header, applied to the plan when the draft is published. */
export type DraftHeader = {
  name: string;
  slug: string;
  description: string | null;
  isPublic: boolean;
  library: PlanLibraryDto | null;
};

export const draftHeader = (body: PlanBody): DraftHeader => ({
  name: body.name,
  slug: body.slug,
  description: body.description,
  isPublic: body.isPublic,
  library: body.library ?? null,
});

export const planHeader = (body: PlanBody) => ({
  name: body.name,
  slug: body.slug,
  description: body.description,
  daysPerWeek: body.daysPerWeek,
  isPublic: body.isPublic,
  ...(body.library === undefined ? {} : { library: body.library ?? Prisma.DbNull }),
});

/** Optimistic concurrency for editors: two admins (or tabs) must not silently overwrite each other. */
export async function assertUnchangedSince(tx: Tx, planId: number, expected: Date): Promise<void> {
  const { updatedAt } = await tx.workoutPlan.findUniqueOrThrow({ where: { id: planId }, select: { updatedAt: true } });
  if (updatedAt.getTime() !== expected.getTime()) {
    throw conflict(
      'PLAN_CHANGED',
      'Someone saved this plan after you opened it; reload to see their changes before saving yours',
      {
        updatedAt: updatedAt.toISOString(),
      },
    );
  }
}

/** Serialises writers of one plan; 404 when it doesn't exist (or is archived). */
export async function lockPlan(tx: Tx, planId: number): Promise<void> {
  const rows = await tx.$queryRaw<Array<{ id: number }>>`
    SELECT id FROM workout_plans WHERE id = ${planId} AND archived_at IS NULL FOR UPDATE`;
  if (rows.length === 0) throw notFound('Plan');
}

/**
 * Holds a live plan still until the transaction ends: edits, deletes and archiving (which take FOR UPDATE) wait,
 * other readers don't. False when the plan doesn't exist or is archived.
 */
export async function lockPlanForReading(tx: Tx, planId: number): Promise<boolean> {
  const rows = await tx.$queryRaw<Array<{ id: number }>>`
    SELECT id FROM workout_plans WHERE id = ${planId} AND archived_at IS NULL FOR SHARE`;
  return rows.length > 0;
}

/** Unknown exercise ids anywhere in the body → 422 with the path of each offending field. */
export async function assertExercisesExist(
  db: Db,
  body: Pick<PlanStructure, 'weeks' | 'progressionRules'> & { shape?: 'weeks' | 'days' },
): Promise<void> {
  const references: Array<{ path: string; id: number }> = [];
  body.weeks.forEach((week, w) =>
    week.days.forEach((day, d) =>
      day.exercises.forEach((slot, e) => {
        const path = `${body.shape === 'days' ? '' : `weeks.${w}.`}days.${d}.exercises.${e}`;
        references.push({ path: `${path}.exerciseId`, id: slot.exerciseId });
        if (slot.tmExerciseId !== undefined) references.push({ path: `${path}.tmExerciseId`, id: slot.tmExerciseId });
      }),
    ),
  );
  body.progressionRules.forEach((rule, r) => {
    if (rule.exerciseId) references.push({ path: `progressionRules.${r}.exerciseId`, id: rule.exerciseId });
  });
  const ids = [...new Set(references.map((ref) => ref.id))];
  const existing = new Set(
    (await db.exercise.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((e) => e.id),
  );
  const issues: FieldIssue[] = references
    .filter((ref) => !existing.has(ref.id))
    .map((ref) => ({ path: ref.path, message: `exercise ${ref.id} does not exist` }));
  if (issues.length) throw unprocessable('UNKNOWN_EXERCISE', `Unknown exercise: ${issues[0]!.path}`, issues);
}

export function slugConflictOr(err: unknown, slug: string): unknown {
  if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
    return conflict('SLUG_TAKEN', `A plan with slug "${slug}" already exists`, [
      { path: 'slug', message: 'already taken' },
    ]);
  }
  return err;
}
