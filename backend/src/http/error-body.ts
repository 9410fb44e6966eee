/** DESIGN.md's error shape: every 4xx/5xx answer has this body. */
export type ErrorBody = { error: { code: string; message: string; details?: unknown } };
export type FieldIssue = { path: string; message: string };
