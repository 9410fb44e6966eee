import type { ProgressionResultDto, WorkoutDto } from '@liftplan/domain';
import { queryRows, type Db, type Tx } from '../db/prisma';
import { Prisma } from '../generated/prisma/client';
import { toWorkoutSetDto, type BarSetup } from './workout-dto';

/**
 * One workout with its sets as the API shows it, read in one round trip with PostgreSQL building the nested JSON
 * (the Prisma include it replaces spent most of a workout read's CPU mapping rows; see issue 15's profile).
 * Decimals travel as text and become numbers in toWorkoutSetDto, exactly as before.
 */
export type WorkoutDtoRow = Omit<WorkoutDto, 'sets' | 'createdAt' | 'completedAt' | 'progression'> & {
  createdAt: Date;
  completedAt: Date | null;
  progression: ProgressionResultDto[] | null;
  bar: { unit: string; barWeight: string; plates: string[] };
  /** One array per set, in SET_COLUMNS order. */
  sets: unknown[][];
};

type SetRow = Parameters<typeof toWorkoutSetDto>[0];

// Each set travels as a JSON array in this column order (half the bytes PostgreSQL builds and Node parses compared
// with an object per set: the workout read is the API's most frequent one after logging a set).
const SET_COLUMNS: ReadonlyArray<readonly [keyof SetRow, string]> = [
  ['id', 's.id'],
  ['exerciseId', 's.exercise_id'],
  ['exercise', "json_build_object('id', e.id, 'slug', e.slug, 'name', e.name)"],
  ['tmExerciseId', 's.tm_exercise_id'],
  ['displayName', 's.display_name'],
  ['tier', 's.tier'],
  ['kind', 's.kind'],
  ['exerciseOrder', 's.exercise_order'],
  ['setOrder', 's.set_order'],
  ['percentage', 's.percentage::text'],
  ['prescribedWeight', 's.prescribed_weight::text'],
  ['prescribedReps', 's.prescribed_reps'],
  ['repsMax', 's.reps_max'],
  ['restSeconds', 's.rest_seconds'],
  ['isAmrap', 's.is_amrap'],
  ['isProgression', 's.is_progression'],
  ['actualReps', 's.actual_reps'],
  ['actualWeight', 's.actual_weight::text'],
  ['rpe', 's.rpe::text'],
  ['note', 's.note'],
  ['completed', 's.completed'],
  ['skipped', 's.skipped'],
  ['isAdded', 's.is_added'],
  [
    'swappedFrom',
    "CASE WHEN sf.id IS NULL THEN NULL ELSE json_build_object('id', sf.id, 'slug', sf.slug, 'name', sf.name) END",
  ],
];
const SET_COLUMN_SQL = Prisma.raw(SET_COLUMNS.map(([, sql]) => sql).join(', '));

function setFromArray(values: unknown[]): SetRow {
  const set: Record<string, unknown> = {};
  SET_COLUMNS.forEach(([key], i) => (set[key] = values[i]));
  return set as SetRow;
}

export async function selectWorkoutDto(db: Db | Tx, userId: number, workoutId: number): Promise<WorkoutDto | null> {
  const rows = await queryRows<WorkoutDtoRow>(db, workoutDtoSql(userId, workoutId));
  return rows[0] ? toWorkoutDto(rows[0]) : null;
}

/**
 * The query behind selectWorkoutDto, to end a larger statement with. `progression` replaces the stored column: a
 * statement that writes it in a CTE does not see its own write.
 */
export function workoutDtoSql(
  userId: number,
  workoutId: number,
  progression: Prisma.Sql = Prisma.sql`w.progression_result`,
): Prisma.Sql {
  return Prisma.sql`
    SELECT w.id, w.cycle, w.week_number AS "weekNumber", w.day_number AS "dayNumber", pd.name AS "dayName",
           p.id AS "planId", p.name AS "planName", w.unit, w.status, w.created_at AS "createdAt",
           w.completed_at AS "completedAt", w.note, ${progression} AS progression,
           json_build_object('unit', u.unit_preference, 'barWeight', u.bar_weight::text, 'plates', u.plates::text[]) AS bar,
           COALESCE((
             SELECT json_agg(json_build_array(${SET_COLUMN_SQL}) ORDER BY s.exercise_order, s.set_order)
               FROM workout_sets s
               JOIN exercises e ON e.id = s.exercise_id
               LEFT JOIN exercises sf ON sf.id = s.swapped_from_exercise_id
              WHERE s.workout_id = w.id), '[]'::json) AS sets
      FROM workouts w
      JOIN users u ON u.id = w.user_id
      LEFT JOIN plan_days pd ON pd.id = w.plan_day_id
      LEFT JOIN workout_plans p ON p.id = pd.plan_id
     WHERE w.id = ${workoutId} AND w.user_id = ${userId}`;
}

export function toWorkoutDto(row: WorkoutDtoRow): WorkoutDto {
  const { bar, sets, createdAt, completedAt, progression, ...workout } = row;
  const setup: BarSetup = { unit: bar.unit, barWeight: bar.barWeight, plates: bar.plates };
  return {
    ...workout,
    createdAt: createdAt.toISOString(),
    completedAt: completedAt?.toISOString() ?? null,
    progression: progression ?? null,
    sets: sets.map((s) => toWorkoutSetDto(setFromArray(s), workout.unit, setup)),
  };
}
