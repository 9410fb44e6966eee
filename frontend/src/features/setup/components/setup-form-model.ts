import {
  oneRepMaxFromTrainingMax,
  toNumber,
  trainingMaxFromOneRepMax,
  type SetupBody,
  type TrainingMaxesResponse,
} from '@liftplan/domain';
import { capitalize } from '@/lib/format';

/** What the lifter types for an exercise: a one-rep max (TM = the plan's tmPercent of it) or the training max itself. */
export type EntryMode = 'oneRepMax' | 'trainingMax';

export type SetupRow = {
  exerciseId: number;
  name: string;
  missing: boolean;
  /** The current TM in the lifter's unit, when there is one. */
  currentTm: number | null;
  mode: EntryMode;
  /** The field's text, as typed. */
  value: string;
};

const MAX_WEIGHT = 9999.99;

export const fieldName = (exerciseId: number) => `tm-${exerciseId}`;

/** Missing TMs first (they block training), then the ones already set, prefilled with their current value. */
export function initialRows(response: TrainingMaxesResponse): SetupRow[] {
  const rows = response.trainingMaxes.map((tm): SetupRow => ({
    exerciseId: tm.exercise.id,
    name: tm.exercise.name,
    missing: tm.missing || tm.trainingMax === null,
    currentTm: tm.trainingMax,
    mode: tm.trainingMax === null ? 'oneRepMax' : 'trainingMax',
    value: tm.trainingMax === null ? '' : String(tm.trainingMax),
  }));
  return [...rows.filter((r) => r.missing), ...rows.filter((r) => !r.missing)];
}

/** A weight as typed ("102,5" is fine): the number, or why it is not one the API accepts. */
export function parseWeight(text: string): { value: number } | { error: string } {
  const normalized = text.trim().replace(',', '.');
  if (normalized === '') return { error: 'Enter a weight' };
  if (!/^\d*\.?\d*$/.test(normalized) || normalized === '.') return { error: 'Enter a number, like 100 or 102.5' };
  const value = Number(normalized);
  if (!(value > 0)) return { error: 'The weight must be more than 0' };
  if (value > MAX_WEIGHT) return { error: `The weight must be at most ${MAX_WEIGHT}` };
  if (/\.\d{3,}$/.test(normalized)) return { error: 'Use at most 2 decimals' };
  return { value };
}

/** The share of a 1RM taken as the TM when the API doesn't say (it always does: the plan's tmPercent). */
const DEFAULT_TM_PERCENT = 0.9;

/**
 * The TM an entry leads to, to two decimals as the API stores it: the engine's own calculation with the plan's
 * tmPercent (the API uses the lifter's current plan's), so the form shows what will be saved.
 */
export function resultingTm(mode: EntryMode, value: number, tmPercent: number = DEFAULT_TM_PERCENT): number {
  return mode === 'trainingMax' ? value : toNumber(trainingMaxFromOneRepMax(value, String(tmPercent)));
}

/** The same weight expressed in the other mode, so switching 1RM ↔ TM changes nothing by itself. */
export function convertForMode(
  text: string,
  from: EntryMode,
  to: EntryMode,
  tmPercent: number = DEFAULT_TM_PERCENT,
): string {
  const parsed = parseWeight(text);
  if (from === to || !('value' in parsed)) return text;
  const percent = String(tmPercent);
  return String(
    toNumber(
      to === 'trainingMax'
        ? trainingMaxFromOneRepMax(parsed.value, percent)
        : oneRepMaxFromTrainingMax(parsed.value, percent),
    ),
  );
}

export type SetupSubmission =
  | { ok: false; errors: Record<string, string> }
  /** `fieldOfEntry[i]` is the form field behind `body.exerciseTMs[i]`, to place the server's errors. */
  | { ok: true; body: SetupBody | null; fieldOfEntry: string[] };

/**
 * Validates every row and builds the request: missing TMs always, existing ones only when they change (an
 * unchanged TM is not re-recorded). `body` is null when there is nothing to save.
 */
export function buildSubmission(
  rows: SetupRow[],
  unit: string,
  tmPercent: number = DEFAULT_TM_PERCENT,
): SetupSubmission {
  const errors: Record<string, string> = {};
  const entries: SetupBody['exerciseTMs'] = [];
  const fieldOfEntry: string[] = [];
  for (const row of rows) {
    const parsed = parseWeight(row.value);
    if ('error' in parsed) {
      errors[fieldName(row.exerciseId)] =
        row.value.trim() === ''
          ? `Enter your ${row.mode === 'oneRepMax' ? 'one-rep max' : 'training max'} for ${row.name} in ${unit}`
          : parsed.error;
      continue;
    }
    const unchanged =
      !row.missing && row.currentTm !== null && resultingTm(row.mode, parsed.value, tmPercent) === row.currentTm;
    if (unchanged) continue;
    entries.push(
      row.mode === 'oneRepMax'
        ? { exerciseId: row.exerciseId, oneRepMax: parsed.value }
        : { exerciseId: row.exerciseId, trainingMax: parsed.value },
    );
    fieldOfEntry.push(fieldName(row.exerciseId));
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: entries.length > 0 ? { exerciseTMs: entries } : null, fieldOfEntry };
}

/** The server's field issues (`exerciseTMs.0.oneRepMax`) under the form fields they concern. */
export function serverErrorsByField(
  issues: Array<{ path: string; message: string }>,
  fieldOfEntry: string[],
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const match = /^exerciseTMs\.(\d+)(?:\.|$)/.exec(issue.path);
    const field = match ? fieldOfEntry[Number(match[1])] : undefined;
    if (field && !errors[field]) errors[field] = capitalize(issue.message);
  }
  return errors;
}
