import { z } from 'zod';
import { MAX_STORED_WEIGHT } from '../engine/limits';
import { UNITS } from '../engine/units';

const MAX_ID = 2_147_483_647; // PostgreSQL integer: a larger id can't exist, and must not reach the driver

/**
 * For refinements over a whole body: run only when every field passed its own bounds, so a check never loops or
 * allocates on a value that was already rejected (daysPerWeek: 2147483648, 10⁵ rules…).
 */
export const onlyWhenValid = { when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0 };

/** Like onlyWhenValid, but only the named top-level fields must be valid (their checks can still report alongside others). */
export const whenValidAt = (...fields: string[]) => ({
  when: (payload: { value: unknown; issues: ReadonlyArray<{ path?: ReadonlyArray<PropertyKey> }> }) =>
    typeof payload.value === 'object' &&
    payload.value !== null &&
    !payload.issues.some((issue) => !issue.path?.length || fields.includes(String(issue.path[0]))),
});

// PostgreSQL text can't hold NUL (error 22021), and no name or note of ours needs other control characters.
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's purpose
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F]/;
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_CHARACTERS_BUT_LINE_BREAKS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** The one schema for free text on one line (names, tiers, search terms): trimmed, bounded, no control characters. */
export const textInput = (maxLength: number) =>
  z
    .string()
    .trim()
    .max(maxLength)
    .refine(
      (text) => !CONTROL_CHARACTERS.test(text),
      'must not contain control characters (such as NUL, tabs or line breaks)',
    );

/** Free text that may span lines (descriptions, notes): tabs and line breaks allowed, other control characters not. */
export const multilineTextInput = (maxLength: number) =>
  z
    .string()
    .trim()
    .max(maxLength)
    .refine(
      (text) => !CONTROL_CHARACTERS_BUT_LINE_BREAKS.test(text),
      'must not contain control characters such as NUL',
    );

/** A whole number in a path or query string: plain decimal digits only (no `0x3`, `3e0`, `+3`, ` 3`). */
export const decimalIntParam = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,10}$/, 'must be a whole number in plain decimal digits')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** An id in a path or query string. */
export const idParam = decimalIntParam(1, MAX_ID);
/** An id in a JSON body (no string coercion). */
export const idInput = z.number().int().positive().max(MAX_ID);
/** For actions that take no body: anything sent is a 400, never silently ignored. */
export const emptyBody = z.strictObject({});
export const idParams = z.object({ id: idParam });

/**
 * A positive weight in JSON numbers, at most 2 decimals and within Decimal(6,2). Training maxes have a lower,
 * unit-dependent limit (engine/limits MAX_TRAINING_MAX), checked by the services: 422 TRAINING_MAX_TOO_HEAVY.
 */
export const weightInput = z
  .number()
  .positive()
  .max(MAX_STORED_WEIGHT.toNumber())
  .multipleOf(0.01, 'use at most 2 decimals');

export const unitSchema = z.enum(UNITS);

export const paginationQuery = z.object({
  page: decimalIntParam(1, 100_000).default(1),
  pageSize: decimalIntParam(1, 100).default(20),
});
