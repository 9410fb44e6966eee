import { z } from 'zod';
import { textInput, unitSchema, weightInput } from './common';
import { ROUNDING_MODES } from '../engine/weights';

export const userDto = z.object({
  id: z.number(),
  email: z.string(),
  displayName: z.string(),
  unitPreference: unitSchema,
  weightIncrement: z.number(),
  barWeight: z.number(),
  plates: z.array(z.number()),
  /** nearest (exact halves up) or down (never above what the percentage says). */
  rounding: z.enum(ROUNDING_MODES),
  isAdmin: z.boolean(),
  createdAt: z.string(),
});
export type UserDto = z.infer<typeof userDto>;

export const displayNameInput = textInput(80).pipe(z.string().min(1, 'display name is required'));

export const updateMeBody = z
  .strictObject({
    displayName: displayNameInput.optional(),
    unitPreference: unitSchema.optional(),
    weightIncrement: weightInput.refine((n) => n <= 50, 'increment must be at most 50').optional(),
    barWeight: z.number().min(0).max(100).multipleOf(0.01, 'use at most 2 decimals').optional(),
    plates: z.array(weightInput).min(1).max(20).optional(),
    rounding: z.enum(ROUNDING_MODES).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'nothing to update' });
export type UpdateMeBody = z.infer<typeof updateMeBody>;
