import { z } from 'zod';
import { displayNameInput, userDto } from './users';
import { timeZoneInput } from './schedule';

const emailInput = z.string().trim().toLowerCase().pipe(z.email('enter a valid email address').max(254));

export const registerBody = z.strictObject({
  email: emailInput,
  password: z.string().min(8, 'password must be at least 8 characters').max(200),
  displayName: displayNameInput,
  /** The browser's IANA time zone (Intl); UTC when not given. */
  timeZone: timeZoneInput.optional(),
});
export type RegisterBody = z.infer<typeof registerBody>;

export const loginBody = z.strictObject({
  email: emailInput,
  password: z.string().min(1).max(200),
});
export type LoginBody = z.infer<typeof loginBody>;

export const authResponse = z.object({ token: z.string(), user: userDto });
export type AuthResponse = z.infer<typeof authResponse>;
