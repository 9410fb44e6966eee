import { LRUCache } from 'lru-cache';
import type { PlanDetailDto, PrescribedSetTemplate } from '@liftplan/domain';
import { dayTemplates } from './prescribe-day';
import { queryRows, type Db } from '../db/prisma';
import { Prisma } from '../generated/prisma/client';
import { fetchVersionDetail } from './plan-detail-query';

// A published plan version never changes; its plan's header (name, description, visibility, library) changes only
// with the plan row's updated_at, the exercises it names (name, slug, upper body) with its exercises_changed_at. So a
// version's detail is cached per (version, the later of the two), shared by every lifter, and answered with an ETag
// the client revalidates with If-None-Match. Which version a lifter may see is still
// decided per request, in SQL (their pinned version, else the newest published version of a public plan).

type CachedVersion = { detail: PlanDetailDto; response?: Buffer; dayTemplates?: Map<number, PrescribedSetTemplate[]> };
const details = new LRUCache<string, CachedVersion>({ max: 500 });

/** `planChangedAt`: the later of the plan's updated_at and exercises_changed_at (planChangedAtSql). */
export type VisibleVersion = { versionId: number; planChangedAt: Date };

/** SQL: when what a plan's detail shows last changed, for the plan row aliased `alias`. */
export const planChangedAtSql = (alias: string) =>
  Prisma.raw(`GREATEST(${alias}.updated_at, ${alias}.exercises_changed_at)`);

/** The same for a plan row read through Prisma. */
export const planChangedAt = (plan: { updatedAt: Date; exercisesChangedAt: Date | null }): Date =>
  plan.exercisesChangedAt && plan.exercisesChangedAt > plan.updatedAt ? plan.exercisesChangedAt : plan.updatedAt;

/** The version of a plan this lifter sees (one indexed query), or null when they may not see it. */
export async function visibleVersion(db: Db, userId: number, planId: number): Promise<VisibleVersion | null> {
  const rows = await queryRows<VisibleVersion>(
    db,
    Prisma.sql`
    SELECT x.version_id AS "versionId", ${planChangedAtSql('p')} AS "planChangedAt"
      FROM (SELECT COALESCE(
              (SELECT up.plan_version_id FROM user_plans up WHERE up.user_id = ${userId} AND up.plan_id = ${planId} AND up.is_active),
              (SELECT v.id FROM plan_versions v JOIN workout_plans wp ON wp.id = v.plan_id
                WHERE v.plan_id = ${planId} AND wp.archived_at IS NULL AND wp.is_public AND v.published_at IS NOT NULL
                ORDER BY v.version DESC LIMIT 1)) AS version_id) x
      JOIN plan_versions v ON v.id = x.version_id
      JOIN workout_plans p ON p.id = v.plan_id`,
  );
  return rows[0] ?? null;
}

export const versionEtag = ({ versionId, planChangedAt }: VisibleVersion) =>
  `"plan-v${versionId}-${planChangedAt.getTime()}"`;

/** The version's detail, built by PostgreSQL once per (version, change of what the detail shows). */
export async function cachedVersionDetail(db: Db, visible: VisibleVersion): Promise<PlanDetailDto> {
  return (await cachedVersion(db, visible)).detail;
}

/** `{ plan: detail }` as the UTF-8 JSON of GET /api/plans/:id, encoded once per cached version. */
export async function cachedVersionResponse(db: Db, visible: VisibleVersion): Promise<Buffer> {
  const cached = await cachedVersion(db, visible);
  return (cached.response ??= Buffer.from(JSON.stringify({ plan: cached.detail })));
}

/**
 * A day of the version as the engine's set templates (what generating its workout starts from), mapped once per
 * cached version; undefined when the version has no such day.
 */
export async function cachedDayTemplates(
  db: Db,
  visible: VisibleVersion,
  planDayId: number,
): Promise<PrescribedSetTemplate[] | undefined> {
  const cached = await cachedVersion(db, visible);
  cached.dayTemplates ??= new Map(
    cached.detail.weeks.flatMap((week) => week.days.map((day) => [day.id, dayTemplates(day)] as const)),
  );
  return cached.dayTemplates.get(planDayId);
}

async function cachedVersion(db: Db, visible: VisibleVersion): Promise<CachedVersion> {
  const key = versionEtag(visible);
  const cached = details.get(key);
  if (cached) return cached;
  const entry = { detail: (await fetchVersionDetail(db, visible.versionId))! };
  details.set(key, entry);
  return entry;
}
