import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';
import { Prisma } from '../generated/prisma/client';
import { isDatabaseUnavailable } from '../db/errors';
import type { ErrorBody, ErrorCode } from '@liftplan/domain';

/** An error with an HTTP status and a stable SNAKE_CASE code, rendered as `{ error: { code, message, details? } }` (ErrorBody). */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: unknown) => new AppError(400, 'BAD_REQUEST', message, details);
export const notFound = (what: string) => new AppError(404, 'NOT_FOUND', `${what} not found`);
export const conflict = (code: ErrorCode, message: string, details?: unknown) =>
  new AppError(409, code, message, details);
export const unprocessable = (code: ErrorCode, message: string, details?: unknown) =>
  new AppError(422, code, message, details);

/** Error bodies stay small however broken the input: at most this many issues, then one line saying how many more. */
export const MAX_ISSUES_REPORTED = 50;

export function validationError(error: z.ZodError, where: 'body' | 'query' | 'params'): AppError {
  const details = error.issues.slice(0, MAX_ISSUES_REPORTED).map((issue) => ({
    path: issue.path.map(String).join('.').slice(0, 200),
    message: issue.message.slice(0, 300),
  }));
  const more = error.issues.length - details.length;
  if (more > 0) details.push({ path: '', message: `…and ${more} more problems` });
  const first = details[0];
  const message = first
    ? `Invalid ${where}: ${first.path ? `${first.path}: ` : ''}${first.message}`
    : `Invalid ${where}`;
  return new AppError(400, 'VALIDATION_ERROR', message, details);
}

/**
 * The API speaks JSON only: a request that carries a body of another type (a form post to an action route) is a
 * 415, not silently treated as an empty body.
 */
export const requireJsonBody: RequestHandler = (req, _res, next) => {
  const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  if (hasBody && !req.is(['application/json', '+json'])) {
    return next(
      new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the request body as JSON (Content-Type: application/json)'),
    );
  }
  next();
};

export const notFoundApiRoute: RequestHandler = (req, _res, next) => {
  next(new AppError(404, 'ROUTE_NOT_FOUND', `No route for ${req.method} ${req.originalUrl.split('?')[0]}`));
};

export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const appError = toAppError(err);
  if (appError.status === 503) {
    req.log?.warn({ err: { message: (err as Error)?.message } }, 'database unavailable');
    res.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
  } else if (appError.status >= 500) req.log?.error({ err }, 'request failed');
  const body: ErrorBody = { error: { code: appError.code, message: appError.message } };
  if (appError.details !== undefined) body.error.details = appError.details;
  res.status(appError.status).json(body);
};

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (isBodyParserError(err)) {
    if (err.type === 'entity.parse.failed')
      return new AppError(400, 'MALFORMED_JSON', 'Request body is not valid JSON');
    if (err.type === 'entity.too.large') return new AppError(413, 'PAYLOAD_TOO_LARGE', 'Request body is too large');
    return new AppError(err.status ?? 400, 'BAD_REQUEST', 'Request body could not be read');
  }
  if (err instanceof Prisma.PrismaClientKnownRequestError) {
    if (err.code === 'P2002') return conflict('CONFLICT', 'A record with these values already exists');
    if (err.code === 'P2025') return new AppError(404, 'NOT_FOUND', 'Record not found');
    if (err.code === 'P2003') return conflict('REFERENCED', 'The record is referenced by other data');
  }
  if (isDatabaseUnavailable(err)) return databaseUnavailable();
  const clientError = httpClientError(err);
  if (clientError) return clientError;
  return new AppError(500, 'INTERNAL_ERROR', 'Something went wrong on our side');
}

export const DATABASE_RETRY_AFTER_SECONDS = 5;

function databaseUnavailable(): AppError {
  return new AppError(
    503,
    'SERVICE_UNAVAILABLE',
    'The database is not reachable right now; try again in a few seconds',
  );
}

/** A 4xx raised by Express's own parts (http-errors, e.g. express.static): keep its status instead of a 500. */
function httpClientError(err: unknown): AppError | undefined {
  const status =
    (err as { status?: unknown; statusCode?: unknown } | null)?.status ??
    (err as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  return new AppError(
    status,
    status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST',
    status === 404 ? 'Not found' : 'The request could not be handled',
  );
}

type BodyParserError = { type: string; status?: number };
function isBodyParserError(err: unknown): err is BodyParserError {
  return (
    typeof err === 'object' &&
    err !== null &&
    'type' in err &&
    typeof (err as { type: unknown }).type === 'string' &&
    'status' in err
  );
}
