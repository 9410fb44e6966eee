import type pg from 'pg';

/**
 * Legacy rows the upgrade cannot map. Each check lists the offending rows as (table, id, value); they run inside
 * the copy transaction, after the lookup tables `legacy_exercise_key` and `nsuns_template` exist, and any hit
 * rolls the whole copy back.
 */
type LegacyCheck = { problem: string; sql: string };
type OffendingRow = { table: string; id: number; value: string };
export type LegacyProblem = { problem: string; rows: OffendingRow[] };

const KNOWN_KEYS = `(SELECT key FROM legacy_exercise_key)`;

const LEGACY_CHECKS: LegacyCheck[] = [
  {
    problem: "exercise is not one of the old app's lifts (bench, squat, ohp, deadlift)",
    sql: `SELECT 'training_maxes' AS "table", id, exercise AS value FROM legacy.training_maxes WHERE exercise NOT IN ${KNOWN_KEYS}
          UNION ALL
          SELECT 'workout_sets', id, exercise FROM legacy.workout_sets WHERE exercise NOT IN ${KNOWN_KEYS}`,
  },
  {
    problem: 'day number is not a day of nSuns 4-Day LP',
    sql: `SELECT 'workouts' AS "table", id, day_number::text AS value FROM legacy.workouts
           WHERE day_number NOT IN (SELECT day_number FROM nsuns_template)`,
  },
  {
    problem: 'tier and set order are not a set of that nSuns day',
    sql: `SELECT 'workout_sets' AS "table", s.id, format('day %s %s set %s', w.day_number, s.tier, s.set_order) AS value
            FROM legacy.workout_sets s JOIN legacy.workouts w ON w.id = s.workout_id
           WHERE w.day_number IN (SELECT day_number FROM nsuns_template)
             AND NOT EXISTS (SELECT 1 FROM nsuns_template t
                              WHERE t.day_number = w.day_number AND t.tier = s.tier AND t.set_order = s.set_order)`,
  },
  {
    problem: 'lift is not the one nSuns trains off in that slot',
    sql: `SELECT 'workout_sets' AS "table", s.id, format('%s on day %s %s', s.exercise, w.day_number, s.tier) AS value
            FROM legacy.workout_sets s
            JOIN legacy.workouts w ON w.id = s.workout_id
            JOIN legacy_exercise_key k ON k.key = s.exercise
            JOIN nsuns_template t ON t.day_number = w.day_number AND t.tier = s.tier AND t.set_order = s.set_order
           WHERE t.tm_exercise_id <> k.exercise_id`,
  },
  {
    problem: 'unit preference is neither kg nor lb',
    sql: `SELECT 'users' AS "table", id, unit_preference AS value FROM legacy.users WHERE unit_preference NOT IN ('kg', 'lb')`,
  },
  {
    // The new app stores emails lower-cased and signs in by exact match.
    problem: "email differs from another account's only in letter case",
    sql: `SELECT 'users' AS "table", id, email AS value FROM legacy.users
           WHERE lower(trim(email)) IN (SELECT lower(trim(email)) FROM legacy.users GROUP BY 1 HAVING count(*) > 1)`,
  },
];

const ROWS_SHOWN_PER_PROBLEM = 20;

export async function findLegacyProblems(client: pg.ClientBase): Promise<LegacyProblem[]> {
  const problems: LegacyProblem[] = [];
  for (const check of LEGACY_CHECKS) {
    const { rows } = await client.query<OffendingRow>(`${check.sql} ORDER BY 1, 2`);
    if (rows.length > 0) problems.push({ problem: check.problem, rows });
  }
  return problems;
}

export function describeProblems(problems: LegacyProblem[]): string {
  return problems
    .map(({ problem, rows }) => {
      const shown = rows.slice(0, ROWS_SHOWN_PER_PROBLEM).map((r) => `${r.table} id ${r.id} (${r.value})`);
      const more = rows.length > ROWS_SHOWN_PER_PROBLEM ? ` and ${rows.length - ROWS_SHOWN_PER_PROBLEM} more` : '';
      return `  - ${problem}: ${shown.join(', ')}${more}`;
    })
    .join('\n');
}
