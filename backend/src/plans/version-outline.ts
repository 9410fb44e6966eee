import { LRUCache } from 'lru-cache';
import type { ExerciseRefDto } from '@liftplan/domain';
import type { Db } from '../db/prisma';
import { Prisma } from '../generated/prisma/client';

/** What a plan card shows of a version's structure: its main lifts and week 1's sets per day. */
export type VersionOutline = { mainLifts: ExerciseRefDto[]; setsPerDay: number[] };

// A version row's structure never changes (a draft saved again is a new row), so its outline is computed once
// per process and plan change (its main lifts carry exercise names: see planChangedAt): browsing the plans no
// longer loads every set of every plan (2,400 sets for the built-in 15).
const outlines = new LRUCache<string, VersionOutline>({ max: 2000 });

export type OutlinedVersion = { versionId: number; planChangedAt: Date };

export async function versionOutlines(db: Db, versions: OutlinedVersion[]): Promise<Map<number, VersionOutline>> {
  const key = (v: OutlinedVersion) => `${v.versionId}-${v.planChangedAt.getTime()}`;
  const missing = versions.filter((v) => !outlines.has(key(v))).map((v) => v.versionId);
  const computed = missing.length > 0 ? await computeOutlines(db, missing) : new Map<number, VersionOutline>();
  for (const v of versions) if (computed.has(v.versionId)) outlines.set(key(v), computed.get(v.versionId)!);
  return new Map(versions.map((v) => [v.versionId, outlines.get(key(v)) ?? { mainLifts: [], setsPerDay: [] }]));
}

async function computeOutlines(db: Db, versionIds: number[]): Promise<Map<number, VersionOutline>> {
  const ids = Prisma.join(versionIds);
  const [days, lifts] = await Promise.all([
    db.$queryRaw<Array<{ versionId: number; sets: number }>>`
      SELECT d.plan_version_id AS "versionId", count(s.id)::int AS sets
        FROM plan_days d
        JOIN plan_day_exercises x ON x.plan_day_id = d.id
        JOIN plan_sets s ON s.plan_day_exercise_id = x.id
       WHERE d.plan_version_id IN (${ids}) AND d.week_number = 1
       GROUP BY d.plan_version_id, d.day_number
       ORDER BY d.plan_version_id, d.day_number`,
    // A TM exercise is a main lift when one of its slots has a %-set; in order of first use (requiredExercises).
    db.$queryRaw<Array<{ versionId: number } & ExerciseRefDto>>`
      SELECT d.plan_version_id AS "versionId", e.id, e.slug, e.name, e.is_upper_body AS "isUpperBody"
        FROM plan_days d
        JOIN plan_day_exercises x ON x.plan_day_id = d.id
        JOIN exercises e ON e.id = x.tm_exercise_id
       WHERE d.plan_version_id IN (${ids})
         AND EXISTS (SELECT 1 FROM plan_sets s WHERE s.plan_day_exercise_id = x.id AND s.percentage IS NOT NULL)
       GROUP BY d.plan_version_id, e.id
       ORDER BY d.plan_version_id, min(d.week_number * 1000000 + d.day_number * 1000 + x.sort_order)`,
  ]);
  const result = new Map<number, VersionOutline>(versionIds.map((id) => [id, { mainLifts: [], setsPerDay: [] }]));
  for (const day of days) result.get(day.versionId)!.setsPerDay.push(day.sets);
  for (const { versionId, ...lift } of lifts) result.get(versionId)!.mainLifts.push(lift);
  return result;
}
