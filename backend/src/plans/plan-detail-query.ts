import type { Db, Tx } from '../db/prisma';
import { Prisma } from '../generated/prisma/client';
import { requiredExercises } from './plan-structure';
import type { PlanDetailDto, PlanWeekDto } from '@liftplan/domain';

/**
 * The full view of one plan version (PlanDetailDto) in one round trip, with PostgreSQL building the nested JSON.
 * The Prisma equivalent (relation joins) costs ~6 ms of CPU per call mapping ~70 rows of nested objects; this is
 * the read path of every plan page and the dashboard. Which version is chosen by a SQL fragment returning one id.
 */
type DetailRow = Omit<
  PlanDetailDto,
  | 'requiredExercises'
  | 'createdAt'
  | 'updatedAt'
  | 'weeks'
  | 'tmPercent'
  | 'publishedAt'
  | 'draftChangesStructure'
  | 'builtInUpdateWaiting'
> & {
  draftChangesStructure: boolean | null;
  builtInUpdateWaiting: boolean | null;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  tmPercent: string;
  weekRows: Array<Omit<PlanWeekDto, 'days'>>;
};

async function fetchDetail(db: Db | Tx, versionIdSql: Prisma.Sql): Promise<PlanDetailDto | null> {
  const rows = await db.$queryRaw<DetailRow[]>`
    WITH target AS (${versionIdSql})
    SELECT p.id,
           -- A draft shows the header it will publish with.
           CASE WHEN v.draft_header IS NULL THEN p.slug ELSE v.draft_header->>'slug' END AS slug,
           CASE WHEN v.draft_header IS NULL THEN p.name ELSE v.draft_header->>'name' END AS name,
           CASE WHEN v.draft_header IS NULL THEN p.description ELSE v.draft_header->>'description' END AS description,
           CASE WHEN v.draft_header IS NULL THEN p.is_public ELSE (v.draft_header->>'isPublic')::boolean END AS "isPublic",
           CASE WHEN v.draft_header IS NULL THEN p.library ELSE v.draft_header->'library' END AS library,
           p.created_at AS "createdAt", p.updated_at AS "updatedAt",
           CASE WHEN p.archived_at IS NOT NULL THEN 'archived'
                WHEN EXISTS (SELECT 1 FROM plan_versions pv WHERE pv.plan_id = p.id AND pv.published_at IS NOT NULL) THEN 'published'
                ELSE 'draft' END AS status,
           v.published_at AS "publishedAt",
           CASE WHEN v.published_at IS NULL THEN
             (SELECT pv.structure_hash <> v.structure_hash FROM plan_versions pv
               WHERE pv.plan_id = v.plan_id AND pv.published_at IS NOT NULL ORDER BY pv.version DESC LIMIT 1)
           END AS "draftChangesStructure",
           CASE WHEN v.published_at IS NULL AND p.seed_update_waiting_since IS NOT NULL THEN true END AS "builtInUpdateWaiting",
           v.id AS "versionId", v.version, v.days_per_week AS "daysPerWeek", v.cycle_weeks AS "cycleWeeks", v.cycles,
           v.tm_percent::text AS "tmPercent",
           COALESCE((
             SELECT json_agg(json_build_object('weekNumber', w.week_number, 'name', w.name, 'isDeload', w.is_deload)
                             ORDER BY w.week_number)
               FROM plan_weeks w WHERE w.plan_version_id = v.id), '[]'::json) AS "weekRows",
           COALESCE((
             SELECT json_agg(json_build_object(
                      'id', d.id, 'weekNumber', d.week_number, 'dayNumber', d.day_number, 'name', d.name,
                      'exercises', COALESCE((
                        SELECT json_agg(json_build_object(
                                 'id', x.id, 'exerciseId', x.exercise_id,
                                 'exercise', json_build_object('id', e.id, 'slug', e.slug, 'name', e.name, 'isUpperBody', e.is_upper_body),
                                 'tier', x.tier, 'sortOrder', x.sort_order, 'tmExerciseId', x.tm_exercise_id,
                                 'tmExercise', json_build_object('id', te.id, 'slug', te.slug, 'name', te.name, 'isUpperBody', te.is_upper_body),
                                 'displayName', x.display_name, 'restSeconds', x.rest_seconds,
                                 'sets', COALESCE((
                                   SELECT json_agg(json_build_object(
                                            'id', s.id, 'setOrder', s.set_order, 'kind', s.kind, 'percentage', s.percentage,
                                            'reps', s.reps, 'repsMax', s.reps_max, 'incrementOffset', s.increment_offset,
                                            'isAmrap', s.is_amrap, 'isProgression', s.is_progression) ORDER BY s.set_order)
                                     FROM plan_sets s WHERE s.plan_day_exercise_id = x.id), '[]'::json)
                               ) ORDER BY x.sort_order)
                          FROM plan_day_exercises x
                          JOIN exercises e ON e.id = x.exercise_id
                          JOIN exercises te ON te.id = x.tm_exercise_id
                         WHERE x.plan_day_id = d.id), '[]'::json)
                    ) ORDER BY d.week_number, d.day_number)
               FROM plan_days d WHERE d.plan_version_id = v.id), '[]'::json) AS days,
           COALESCE((
             SELECT json_agg(json_build_object(
                      'id', r.id, 'kind', r.kind, 'exerciseId', r.exercise_id,
                      'exercise', CASE WHEN re.id IS NULL THEN NULL
                                       ELSE json_build_object('id', re.id, 'slug', re.slug, 'name', re.name, 'isUpperBody', re.is_upper_body) END,
                      'category', r.category, 'minReps', r.min_reps, 'maxReps', r.max_reps, 'increase', r.increase,
                      'unit', r.unit, 'maxSteps', r.max_steps, 'failures', r.failures, 'factor', r.factor)
                    ORDER BY r.kind, r.exercise_id, r.category, r.min_reps)
               FROM plan_progression_rules r LEFT JOIN exercises re ON re.id = r.exercise_id
              WHERE r.plan_version_id = v.id), '[]'::json) AS "progressionRules"
      FROM target
      JOIN plan_versions v ON v.id = target.version_id
      JOIN workout_plans p ON p.id = v.plan_id`;
  const row = rows[0];
  if (!row) return null;
  const { weekRows, days: allDays, draftChangesStructure, builtInUpdateWaiting, ...rest } = row;
  // Every day is in a week, also one whose plan_weeks row is missing (data older than the weeks table).
  const weekNumbers = [...new Set([...weekRows.map((w) => w.weekNumber), ...allDays.map((d) => d.weekNumber)])];
  const weeks = weekNumbers
    .sort((a, b) => a - b)
    .map((weekNumber) => ({
      ...(weekRows.find((w) => w.weekNumber === weekNumber) ?? { weekNumber, name: null, isDeload: false }),
      days: allDays.filter((d) => d.weekNumber === weekNumber),
    }));
  return {
    ...rest,
    library: rest.library ?? null,
    ...(draftChangesStructure === null ? {} : { draftChangesStructure }),
    ...(builtInUpdateWaiting === null ? {} : { builtInUpdateWaiting }),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    tmPercent: Number(row.tmPercent),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    weeks,
    days: weeks[0]?.days ?? [],
    requiredExercises: requiredExercises({ days: allDays }),
  };
}

export const fetchVersionDetail = (db: Db | Tx, versionId: number) =>
  fetchDetail(db, Prisma.sql`SELECT ${versionId}::int AS version_id`);

/** The newest version of a plan that is not archived, its draft if it has one (admins see private plans too). */
export const fetchLatestDetail = (db: Db | Tx, planId: number, options: { includeArchived?: boolean } = {}) =>
  fetchDetail(
    db,
    Prisma.sql`SELECT v.id AS version_id FROM plan_versions v JOIN workout_plans p ON p.id = v.plan_id
                WHERE v.plan_id = ${planId} AND (p.archived_at IS NULL OR ${options.includeArchived === true})
                ORDER BY v.version DESC LIMIT 1`,
  );

/** A lifter's view: their own pinned version when they are on this plan, else the newest version of a public plan. */
export const fetchLifterDetail = (db: Db | Tx, userId: number, planId: number) =>
  fetchDetail(
    db,
    Prisma.sql`SELECT COALESCE(
                 (SELECT up.plan_version_id FROM user_plans up WHERE up.user_id = ${userId} AND up.plan_id = ${planId} AND up.is_active),
                 (SELECT v.id FROM plan_versions v JOIN workout_plans p ON p.id = v.plan_id
                   WHERE v.plan_id = ${planId} AND p.archived_at IS NULL AND p.is_public AND v.published_at IS NOT NULL
                   ORDER BY v.version DESC LIMIT 1)) AS version_id`,
  );
