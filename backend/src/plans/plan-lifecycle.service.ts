import {
  planBody,
  type PlanBody,
  type PlanDetailDto,
  type ProgramFileInput,
  type PublishPlanBody,
  type PublishPreview,
  type UpdateVersionBody,
} from '@liftplan/domain';
import type { Db, Tx } from '../db/prisma';
import { Prisma } from '../generated/prisma/client';
import { AppError, conflict, notFound, validationError } from '../http/errors';
import { programPlanInput, type ProgramFile } from '../seed/program-files';
import { fetchLatestDetail, fetchVersionDetail } from './plan-detail-query';
import {
  assertExercisesExist,
  assertUnchangedSince,
  lockPlan,
  PLAN_WRITE_TRANSACTION,
  createPlan,
  draftHeader,
  publishVersion,
  slugConflictOr,
  type DraftHeader,
} from './plans.service';
import { toProgramFile, unknownExercises } from './program-format';
import { planDiff } from './plan-diff';
import { structureHash } from './plan-structure';

// A plan's life (docs/decisions/0013-plan-lifecycle.md): a draft (at most one per plan, invisible to lifters) is
// saved as often as the admin likes and published as the next version; archiving hides a plan from browsing and
// new subscriptions while its subscribers keep training; a plan with history is never hard-deleted.

/** Saves the plan's draft (replacing the previous one); lifters keep seeing the published version. */
export async function saveDraft(
  db: Db,
  planId: number,
  body: PlanBody,
  options: { expectedUpdatedAt?: Date } = {},
): Promise<PlanDetailDto> {
  await assertExercisesExist(db, body);
  const versionId = await db.$transaction(async (tx) => {
    await lockPlan(tx, planId);
    if (options.expectedUpdatedAt) await assertUnchangedSince(tx, planId, options.expectedUpdatedAt);
    await assertSlugFree(tx, planId, body.slug);
    await tx.planVersion.deleteMany({ where: { planId, publishedAt: null } });
    const published = await latestPublished(tx, planId);
    await tx.workoutPlan.update({ where: { id: planId }, data: { updatedAt: new Date() } });
    return publishVersion(tx, planId, (published?.version ?? 0) + 1, body, { header: draftHeader(body) });
  }, PLAN_WRITE_TRANSACTION);
  return (await fetchVersionDetail(db, versionId))!;
}

/** Throws the draft away; a plan that was never published goes with it. */
export async function discardDraft(db: Db, planId: number): Promise<{ planDeleted: boolean }> {
  return db.$transaction(async (tx) => {
    await lockPlan(tx, planId);
    const { count } = await tx.planVersion.deleteMany({ where: { planId, publishedAt: null } });
    if (count === 0) throw notFound('Draft');
    if (await latestPublished(tx, planId)) return { planDeleted: false };
    await tx.workoutPlan.delete({ where: { id: planId } });
    return { planDeleted: true };
  });
}

/**
 * The draft becomes the plan's newest version (its header applies to the plan). A draft identical in structure to
 * the newest version publishes no new version: only its header applies.
 */
export async function publishDraft(db: Db, planId: number, body: PublishPlanBody): Promise<PlanDetailDto> {
  try {
    const versionId = await db.$transaction(async (tx) => {
      await lockPlan(tx, planId);
      const draft = await tx.planVersion.findFirst({ where: { planId, publishedAt: null } });
      if (!draft) throw notFound('Draft');
      const header = draft.draftHeader as DraftHeader;
      await assertSlugFree(tx, planId, header.slug);
      const published = await latestPublished(tx, planId);
      await tx.workoutPlan.update({
        where: { id: planId },
        data: { ...header, library: header.library ?? Prisma.DbNull, daysPerWeek: draft.daysPerWeek },
      });
      const recommendation = { recommendedUpgrade: body.recommendedUpgrade, upgradeNote: body.upgradeNote };
      if (published && published.structureHash === draft.structureHash) {
        // Only the header changes: the published version stays, its upgrade offer too (edited from the plan list).
        await tx.planVersion.delete({ where: { id: draft.id } });
        return published.id;
      }
      await tx.planVersion.update({
        where: { id: draft.id },
        data: { publishedAt: new Date(), draftHeader: Prisma.DbNull, ...recommendation },
      });
      return draft.id;
    }, PLAN_WRITE_TRANSACTION);
    return (await fetchVersionDetail(db, versionId))!;
  } catch (err) {
    throw err instanceof AppError ? err : slugConflictOr(err, '');
  }
}

class PreviewRolledBack extends Error {}

/**
 * What publishing `body` (the builder's plan, saved as the draft or not) would do. It is written as the draft inside a
 * transaction that is always rolled back, so the code that publishes decides (structure fingerprint, version number,
 * the detail lifters would review) and nothing is kept. The diff is the one lifters see before upgrading.
 */
export async function previewPublish(db: Db, planId: number, body: PlanBody): Promise<PublishPreview> {
  await assertExercisesExist(db, body);
  let preview: PublishPreview | undefined;
  try {
    await db.$transaction(async (tx) => {
      await lockPlan(tx, planId);
      await tx.planVersion.deleteMany({ where: { planId, publishedAt: null } });
      const published = await latestPublished(tx, planId);
      const draftId = await publishVersion(tx, planId, (published?.version ?? 0) + 1, body, {
        header: draftHeader(body),
      });
      const newVersion = published?.structureHash !== structureHash(body);
      preview = {
        publishedVersion: published?.version ?? null,
        version: newVersion ? (published?.version ?? 0) + 1 : published!.version,
        newVersion,
        changes: published
          ? planDiff((await fetchVersionDetail(tx, published.id))!, (await fetchVersionDetail(tx, draftId))!)
          : [],
      };
      throw new PreviewRolledBack();
    }, PLAN_WRITE_TRANSACTION);
  } catch (err) {
    if (!(err instanceof PreviewRolledBack)) throw err;
  }
  return preview!;
}

/** Hidden from browsing and new subscriptions; current subscribers keep training on their version. */
export async function archivePlan(db: Db, planId: number): Promise<PlanDetailDto> {
  await db.$transaction(async (tx) => {
    await lockPlan(tx, planId);
    await tx.workoutPlan.update({ where: { id: planId }, data: { archivedAt: new Date() } });
  });
  return (await fetchLatestDetail(db, planId, { includeArchived: true }))!;
}

export async function restorePlan(db: Db, planId: number): Promise<PlanDetailDto> {
  const { count } = await db.workoutPlan.updateMany({
    where: { id: planId, archivedAt: { not: null } },
    data: { archivedAt: null },
  });
  if (count === 0) throw conflict('CONFLICT', 'This plan is not archived');
  return (await fetchLatestDetail(db, planId, { includeArchived: true }))!;
}

/** Marks a published version as a recommended upgrade for lifters on older ones, with a note. */
export async function updateVersion(
  db: Db,
  planId: number,
  version: number,
  body: UpdateVersionBody,
): Promise<PlanDetailDto> {
  const row = await db.planVersion.findFirst({ where: { planId, version, publishedAt: { not: null } } });
  if (!row) throw notFound('Version');
  await db.planVersion.update({
    where: { id: row.id },
    data: {
      ...(body.recommendedUpgrade !== undefined ? { recommendedUpgrade: body.recommendedUpgrade } : {}),
      ...(body.upgradeNote !== undefined ? { upgradeNote: body.upgradeNote } : {}),
    },
  });
  return (await fetchVersionDetail(db, row.id))!;
}

// ---------- export / import ----------

/** A plan version as a program file; 404 when the caller may not see the plan. */
export function exportPlan(detail: PlanDetailDto | null): ProgramFile {
  if (!detail) throw notFound('Plan');
  return toProgramFile(detail);
}

/**
 * A program file becomes a new draft plan. Unknown exercises → 400 naming each path; a slug in use → 409; any
 * other problem with the plan → 400 with paths under `plan.`.
 */
export async function importPlan(db: Db, file: ProgramFileInput): Promise<PlanDetailDto> {
  const program = file as unknown as ProgramFile;
  const exercises = await db.exercise.findMany({ select: { id: true, slug: true } });
  const idBySlug = new Map(exercises.map((e) => [e.slug, e.id]));
  const unknown = unknownExercises(program, new Set(idBySlug.keys()));
  if (unknown.length > 0) {
    throw new AppError(
      400,
      'VALIDATION_ERROR',
      'The file names exercises this installation does not have',
      unknown.slice(0, 50),
    );
  }
  const parsed = planBody.safeParse(
    programPlanInput(
      { ...program, plan: { ...program.plan, progressionRules: program.plan.progressionRules ?? [] } },
      idBySlug,
    ),
  );
  if (!parsed.success) throw prefixed(validationError(parsed.error, 'body'), 'plan.');
  if (await db.workoutPlan.findUnique({ where: { slug: parsed.data.slug }, select: { id: true } })) {
    throw conflict('SLUG_TAKEN', `A plan with the slug "${parsed.data.slug}" exists; change plan.slug in the file`, [
      { path: 'plan.slug', message: 'slug already in use' },
    ]);
  }
  return createPlan(db, parsed.data, { draft: true });
}

function prefixed(error: AppError, prefix: string): AppError {
  const details = Array.isArray(error.details)
    ? error.details.map((d: { path?: string }) => ({ ...d, path: `${prefix}${d.path ?? ''}` }))
    : error.details;
  return new AppError(error.status, error.code, error.message, details);
}

// ---------- helpers ----------

const latestPublished = (tx: Tx, planId: number) =>
  tx.planVersion.findFirst({ where: { planId, publishedAt: { not: null } }, orderBy: { version: 'desc' } });

async function assertSlugFree(tx: Tx, planId: number, slug: string) {
  const other = await tx.workoutPlan.findFirst({ where: { slug, id: { not: planId } }, select: { id: true } });
  if (other)
    throw conflict('SLUG_TAKEN', `Another plan uses the slug "${slug}"`, [
      { path: 'slug', message: 'slug already in use' },
    ]);
}
