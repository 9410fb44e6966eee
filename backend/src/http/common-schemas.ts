import { z } from 'zod';
import { UNITS } from '../engine/units';

const MAX_ID = 2_147_483_647; // PostgreSQL integer: a larger id can't exist, and must not reach the driver

/** An id in a path or query string. */
export const idParam = z.coerce.number().int().positive().max(MAX_ID);
/** An id in a JSON body (no string coercion). */
export const idInput = z.number().int().positive().max(MAX_ID);
/** For actions that take no body: anything sent is a 400, never silently ignored. */
export const emptyBody = z.strictObject({});
export const idParams = z.object({ id: idParam });

/** A positive weight in JSON numbers, at most 2 decimals and within Decimal(6,2). */
export const weightInput = z.number().positive().max(9999.99).multipleOf(0.01, 'use at most 2 decimals');

export const unitSchema = z.enum(UNITS);

export const paginationQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
