/**
 * Every error code the API answers with, for both sides: the server throws only these (AppError's `code` is typed
 * by this list) and the SPA can branch on them without string guessing.
 */
export const ERROR_CODES = [
  // 400 / 413 / 415: the request itself
  'BAD_REQUEST',
  'VALIDATION_ERROR',
  'MALFORMED_JSON',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  // 401 / 403: who is asking
  'UNAUTHENTICATED',
  'INVALID_TOKEN',
  'INVALID_CREDENTIALS',
  'ACCOUNT_NOT_FOUND',
  'FORBIDDEN',
  // 404
  'NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'NO_ACTIVE_PLAN',
  // 409: state conflicts
  'CONFLICT',
  'REFERENCED',
  'EMAIL_TAKEN',
  'SLUG_TAKEN',
  'EXERCISE_IN_USE',
  'PLAN_IN_USE',
  'PLAN_CHANGED',
  'CANNOT_CHANGE_OWN_ADMIN',
  'LAST_ADMIN',
  'LIFTER_BUSY',
  'WORKOUT_IN_PROGRESS',
  'WORKOUT_NOT_IN_PROGRESS',
  'WORKOUT_ALREADY_COMPLETED',
  'SET_NOT_ADDED',
  'PROGRAM_PAUSED',
  'PROGRAM_NOT_PAUSED',
  'PROGRAM_ALREADY_PAUSED',
  // 422: domain rules
  'DAY_NOT_IN_PLAN',
  'INVALID_TRAINING_DAYS',
  'INVALID_START_DATE',
  'MISSING_TRAINING_MAX',
  'PROJECTION_TOO_LARGE',
  'INVALID_TRAINING_MAX',
  'TRAINING_MAX_TOO_HEAVY',
  'UNKNOWN_EXERCISE',
  'TOO_MANY_ADDED_SETS',
  'INVALID_SET_KIND',
  'NOTHING_TO_SWAP',
  'SAME_EXERCISE',
  'SLOT_NOT_FOUND',
  // 429 / 5xx
  'TOO_MANY_REQUESTS',
  'INTERNAL_ERROR',
  'SERVICE_UNAVAILABLE',
  'SHUTTING_DOWN',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The error shape: every 4xx/5xx answer has this body. */
export type ErrorBody = { error: { code: ErrorCode; message: string; details?: unknown } };
export type FieldIssue = { path: string; message: string };
