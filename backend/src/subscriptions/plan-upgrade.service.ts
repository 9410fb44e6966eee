import type { PlanDetailDto, PlanPosition, UpgradeOfferResponse, UpgradeResponse } from '@liftplan/domain';
import type { Db, Tx } from '../db/prisma';
import { conflict } from '../http/errors';
import { fetchVersionDetail } from '../plans/plan-detail-query';
import { planDiff } from '../plans/plan-diff';
import { lifterPrescription, prescribeDay, type LifterPrescription } from '../plans/prescribe-day';
import { withLifterLock } from '../training-maxes/lifter-lock';
import { loadEnrolment } from '../schedule/enrolment-query';
import { noActivePlan } from './enrolment.service';

// Moving a running subscription onto its plan's newest version (docs/decisions/0013-plan-lifecycle.md): the lifter
// reviews the changes and the next workout under both versions with their own TMs, then re-pins at the same
// position, exactly once, keeping every workout done under the old version.

/** The newest published version of a plan, when it is newer than `than`. */
async function newerVersion(db: Db | Tx, planId: number, than: number) {
  return db.planVersion.findFirst({
    where: { planId, publishedAt: { not: null }, version: { gt: than } },
    orderBy: { version: 'desc' },
    select: { id: true, version: true, publishedAt: true, recommendedUpgrade: true, upgradeNote: true },
  });
}

/** For GET /api/plans/current: the upgrade on offer, if any. */
export async function upgradeNotice(db: Db, planId: number, version: number) {
  const newer = await newerVersion(db, planId, version);
  return newer ? { version: newer.version, recommended: newer.recommendedUpgrade, note: newer.upgradeNote } : null;
}

export async function upgradeOffer(db: Db, userId: number): Promise<UpgradeOfferResponse> {
  const state = await loadEnrolment(db, userId, { current: true });
  if (!state) throw noActivePlan();
  const newer = await newerVersion(db, state.planId, state.version);
  const unit = (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { unitPreference: true } }))
    .unitPreference as 'kg' | 'lb';
  if (!newer) return { currentVersion: state.version, unit, upgrade: null };
  const [from, to] = await Promise.all([fetchVersionDetail(db, state.planVersionId), fetchVersionDetail(db, newer.id)]);
  const lifter = await lifterPrescription(db, userId, [from!, to!]);
  return {
    currentVersion: state.version,
    unit,
    upgrade: {
      version: newer.version,
      recommended: newer.recommendedUpgrade,
      note: newer.upgradeNote,
      publishedAt: newer.publishedAt?.toISOString() ?? null,
      changes: planDiff(from!, to!),
      nextWorkout: {
        current: session(from!, state.pointer, lifter),
        upgraded: session(to!, clampPosition(state.pointer, to!), lifter),
      },
    },
  };
}

/** Re-pins the enrolment on `version` (the one reviewed) at the same position; once: a repeat is a 409. */
export async function applyUpgrade(db: Db, userId: number, version: number): Promise<UpgradeResponse> {
  const result = await withLifterLock(db, userId, async (tx) => {
    const state = await loadEnrolment(tx, userId, { current: true });
    if (!state) throw noActivePlan();
    const newer = await newerVersion(tx, state.planId, state.version);
    if (!newer) throw conflict('CONFLICT', `You are already on the newest version (${state.version})`);
    if (newer.version !== version) {
      throw conflict('PLAN_CHANGED', `Version ${newer.version} was published since; review it before upgrading`, {
        newestVersion: newer.version,
      });
    }
    if (state.inProgress) {
      throw conflict('WORKOUT_IN_PROGRESS', 'Finish or abandon the workout in progress before upgrading', {
        workoutId: state.inProgress.workoutId,
      });
    }
    const to = (await fetchVersionDetail(tx, newer.id))!;
    const position = clampPosition(state.pointer, to);
    await tx.userPlan.update({
      where: { id: state.id },
      data: { planVersionId: newer.id, weekNumber: position.weekNumber, dayNumber: position.dayNumber },
    });
    return { fromVersion: state.version, toVersion: newer.version, plan: to, position };
  });
  return {
    fromVersion: result.fromVersion,
    toVersion: result.toVersion,
    next: describe(result.plan, result.position),
  };
}

/** The same week and day, or the last of the new version's when it has fewer. */
export function clampPosition(position: PlanPosition, plan: PlanDetailDto): PlanPosition {
  const weeks = plan.weeks;
  const week = weeks.find((w) => w.weekNumber === position.weekNumber) ?? weeks[weeks.length - 1]!;
  const days = week.days.map((d) => d.dayNumber);
  const dayNumber = days.includes(position.dayNumber) ? position.dayNumber : Math.max(...days);
  return { cycle: position.cycle, weekNumber: week.weekNumber, dayNumber };
}

function describe(plan: PlanDetailDto, position: PlanPosition) {
  const week = plan.weeks.find((w) => w.weekNumber === position.weekNumber);
  const day = week?.days.find((d) => d.dayNumber === position.dayNumber);
  return {
    ...position,
    dayName: day?.name ?? null,
    weekName: week?.name ?? null,
    isDeload: week?.isDeload ?? false,
  };
}

function session(plan: PlanDetailDto, position: PlanPosition, lifter: LifterPrescription) {
  const day = plan.weeks
    .find((w) => w.weekNumber === position.weekNumber)
    ?.days.find((d) => d.dayNumber === position.dayNumber);
  return day ? { ...describe(plan, position), sets: prescribeDay(day, lifter) } : null;
}
