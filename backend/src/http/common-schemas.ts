import { z } from 'zod';
import { UNITS } from '../engine/units';

export const idParam = z.coerce.number().int().positive().max(2_147_483_647);
export const idParams = z.object({ id: idParam });

/** A positive weight in JSON numbers, at most 2 decimals and within Decimal(6,2). */
export const weightInput = z.number().positive().max(9999.99).multipleOf(0.01, 'use at most 2 decimals');

export const unitSchema = z.enum(UNITS);

export const paginationQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
