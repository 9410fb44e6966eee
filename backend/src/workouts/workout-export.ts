import type { Response } from 'express';
import { dec } from '@liftplan/domain';
import type { Db } from '../db/prisma';

// GET /api/workouts/export.csv: every logged set of the lifter, one row each, oldest workout first. Streamed in
// batches of workouts (keyset on the workout id), so memory stays bounded however long the history is.

export const CSV_COLUMNS = [
  'date',
  'plan',
  'cycle',
  'week',
  'day',
  'day_name',
  'exercise',
  'kind',
  'unit',
  'prescribed_weight',
  'actual_weight',
  'prescribed_reps',
  'actual_reps',
  'rpe',
  'note',
] as const;

const WORKOUTS_PER_BATCH = 200;

/** A CSV cell: quoted when it holds a comma, quote or line break; text starting like a formula is defused with `'`. */
export function csvCell(value: string | number | null | undefined, { text = false } = {}): string {
  if (value === null || value === undefined) return '';
  let cell = String(value);
  // A spreadsheet runs a cell starting with = + - @ (or tab / CR) as a formula: OWASP's CSV injection guard.
  if (text && /^[=+\-@\t\r]/.test(cell)) cell = `'${cell}`;
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

type ExportRow = {
  workoutId: number;
  date: string;
  plan: string | null;
  cycle: number;
  week: number;
  day: number;
  dayName: string | null;
  exercise: string;
  kind: string;
  unit: string;
  prescribedWeight: string | null;
  actualWeight: string | null;
  prescribedReps: number;
  actualReps: number | null;
  rpe: string | null;
  note: string | null;
};

/** Whether helper columns of the set-logging migration exist (rpe, note, skipped): read them only then. */
async function loggingColumns(db: Db): Promise<Set<string>> {
  const rows = await db.$queryRaw<Array<{ column_name: string }>>`
    SELECT column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = 'workout_sets' AND column_name IN ('rpe', 'note', 'skipped')`;
  return new Set(rows.map((r) => r.column_name));
}

async function exportBatch(db: Db, userId: number, afterId: number, columns: Set<string>): Promise<ExportRow[]> {
  const rpe = columns.has('rpe') ? 's.rpe::text' : 'NULL::text';
  const note = columns.has('note') ? 's.note' : 'NULL::text';
  const notSkipped = columns.has('skipped') ? 'AND NOT s.skipped' : '';
  // The column expressions above are fixed strings chosen here, never input: safe to splice.
  return db.$queryRawUnsafe<ExportRow[]>(
    `
    WITH batch AS (
      SELECT w.* FROM workouts w
       WHERE w.user_id = $1 AND w.id > $2 AND w.status <> 'skipped'
       ORDER BY w.id LIMIT ${WORKOUTS_PER_BATCH}
    )
    SELECT w.id AS "workoutId", to_char(COALESCE(w.completed_at, w.created_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS date,
           p.name AS plan, w.cycle, w.week_number AS week, w.day_number AS day, pd.name AS "dayName",
           e.name AS exercise, s.kind, w.unit, s.prescribed_weight::text AS "prescribedWeight",
           (CASE WHEN s.completed THEN COALESCE(s.actual_weight, s.prescribed_weight) ELSE s.actual_weight END)::text
             AS "actualWeight",
           s.prescribed_reps AS "prescribedReps", s.actual_reps AS "actualReps", ${rpe} AS rpe, ${note} AS note
      FROM batch w
      JOIN workout_sets s ON s.workout_id = w.id
      JOIN exercises e ON e.id = s.exercise_id
      LEFT JOIN plan_days pd ON pd.id = w.plan_day_id
      LEFT JOIN plan_versions pv ON pv.id = pd.plan_version_id
      LEFT JOIN workout_plans p ON p.id = pv.plan_id
     WHERE (s.completed OR s.actual_reps IS NOT NULL) ${notSkipped}
     ORDER BY w.id, s.exercise_order, s.set_order, s.id`,
    userId,
    afterId,
  );
}

async function lastWorkoutIdOfBatch(db: Db, userId: number, afterId: number): Promise<number | null> {
  const rows = await db.$queryRaw<Array<{ id: number | null }>>`
    SELECT max(id) AS id FROM (SELECT id FROM workouts WHERE user_id = ${userId} AND id > ${afterId}
                                AND status <> 'skipped' ORDER BY id LIMIT ${WORKOUTS_PER_BATCH}) b`;
  return rows[0]?.id ?? null;
}

/** 65.00 → 65, 62.50 → 62.5: exact decimals without the column's trailing zeros. */
const decimalText = (value: string | null) => (value === null ? null : dec(value).toFixed());

const toLine = (r: ExportRow) =>
  [
    csvCell(r.date),
    csvCell(r.plan, { text: true }),
    csvCell(r.cycle),
    csvCell(r.week),
    csvCell(r.day),
    csvCell(r.dayName, { text: true }),
    csvCell(r.exercise, { text: true }),
    csvCell(r.kind),
    csvCell(r.unit),
    csvCell(decimalText(r.prescribedWeight)),
    csvCell(decimalText(r.actualWeight)),
    csvCell(r.prescribedReps),
    csvCell(r.actualReps),
    csvCell(decimalText(r.rpe)),
    csvCell(r.note, { text: true }),
  ].join(',');

/** Writes the CSV to the response batch by batch, waiting for the socket to drain between batches. */
export async function streamWorkoutCsv(db: Db, userId: number, res: Response): Promise<void> {
  const columns = await loggingColumns(db);
  res.status(200);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', 'attachment; filename="liftplan-workouts.csv"');
  res.setHeader('Cache-Control', 'no-store');
  res.write(`${CSV_COLUMNS.join(',')}\r\n`);
  let afterId = 0;
  for (;;) {
    const lastId = await lastWorkoutIdOfBatch(db, userId, afterId);
    if (lastId === null) break;
    const rows = await exportBatch(db, userId, afterId, columns);
    const chunk = rows.map((r) => `${toLine(r)}\r\n`).join('');
    if (chunk && !res.write(chunk)) {
      await new Promise((resolve) => {
        res.once('drain', resolve);
        res.once('close', resolve);
      });
    }
    if (res.destroyed) return; // the client went away: stop reading
    afterId = lastId;
  }
  res.end();
}
