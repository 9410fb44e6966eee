import { ApiError } from '@/lib/api-client';
import { capitalize, type Unit } from '@/lib/format';

/** Plate sizes offered as toggles; the lifter's own sizes are added to these. */
export const STANDARD_PLATES: Record<Unit, number[]> = {
  kg: [25, 20, 15, 10, 5, 2.5, 1.25, 1, 0.5, 0.25],
  lb: [55, 45, 35, 25, 10, 5, 2.5, 1.25],
};

/** A positive weight with at most two decimals, as the API accepts; `max` for fields with a tighter bound. */
export function parsePositiveWeight(
  text: string,
  { max = 9999.99, allowZero = false } = {},
): { value: number } | { error: string } {
  const normalized = text.trim().replace(',', '.');
  if (normalized === '') return { error: 'Enter a weight' };
  if (!/^\d*\.?\d*$/.test(normalized) || normalized === '.') return { error: 'Enter a number, like 2.5' };
  const value = Number(normalized);
  if (allowZero ? value < 0 : !(value > 0))
    return { error: allowZero ? 'The weight can’t be negative' : 'The weight must be more than 0' };
  if (value > max) return { error: `The weight must be at most ${max}` };
  if (/\.\d{3,}$/.test(normalized)) return { error: 'Use at most 2 decimals' };
  return { value };
}

/** The API's field issues (`plates.2`, `barWeight`) by top-level field; anything else as the form's message. */
export function settingsErrorsFromApi<Field extends string>(error: unknown, fields: readonly Field[]) {
  const result: { fields: Partial<Record<Field, string>>; form?: string } = { fields: {} };
  if (!(error instanceof ApiError)) return { ...result, form: 'Something went wrong. Please try again.' };
  for (const issue of error.fieldIssues) {
    const field = issue.path.split('.')[0] as Field;
    if (fields.includes(field) && !result.fields[field]) result.fields[field] = capitalize(issue.message);
  }
  if (Object.keys(result.fields).length === 0) result.form = capitalize(error.message);
  return result;
}

export function sortPlates(plates: Iterable<number>): number[] {
  return [...new Set(plates)].sort((a, b) => b - a);
}
