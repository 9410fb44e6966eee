import { z } from 'zod';
import { textInput, unitSchema, weightInput } from './common';
import { ROUNDING_MODES } from '../engine/weights';
import { WARMUP_SETTINGS } from '../engine/warmups';
import { timeZoneInput } from './schedule';

export const MAX_DEFAULT_REST_SECONDS = 1800;

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
  /** off: only the plan's warm-up sets; standard: 40 %×5, 50 %×5, 60 %×3 when a main slot has none. */
  warmups: z.enum(WARMUP_SETTINGS),
  /** Rest between sets when the plan's slot gives none, in seconds (0–1800). */
  defaultRestSeconds: z.number(),
  /** IANA time zone: the lifter's schedule dates (today, missed days) are computed in it. */
  timeZone: z.string(),
  isAdmin: z.boolean(),
  createdAt: z.string(),
});
export type UserDto = z.infer<typeof userDto>;

/** A display name longer than this is refused (400), never cut: the lifter sees why and chooses a shorter one. */
export const MAX_DISPLAY_NAME_LENGTH = 80;
export const displayNameInput = textInput(MAX_DISPLAY_NAME_LENGTH).pipe(z.string().min(1, 'display name is required'));

export const updateMeBody = z
  .strictObject({
    displayName: displayNameInput.optional(),
    unitPreference: unitSchema.optional(),
    weightIncrement: weightInput.refine((n) => n <= 50, 'increment must be at most 50').optional(),
    barWeight: z.number().min(0).max(100).multipleOf(0.01, 'use at most 2 decimals').optional(),
    plates: z.array(weightInput).min(1).max(20).optional(),
    rounding: z.enum(ROUNDING_MODES).optional(),
    warmups: z.enum(WARMUP_SETTINGS).optional(),
    defaultRestSeconds: z.number().int().min(0).max(MAX_DEFAULT_REST_SECONDS).optional(),
    timeZone: timeZoneInput.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'nothing to update' });
export type UpdateMeBody = z.infer<typeof updateMeBody>;
