import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';
import { Prisma } from '../generated/prisma/client';
import type { ErrorBody } from './error-body';

/** An error with an HTTP status and a stable SNAKE_CASE code, rendered as DESIGN.md's error shape. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: unknown) => new AppError(400, 'BAD_REQUEST', message, details);
export const notFound = (what: string) => new AppError(404, 'NOT_FOUND', `${what} not found`);
export const conflict = (code: string, message: string, details?: unknown) => new AppError(409, code, message, details);
export const unprocessable = (code: string, message: string, details?: unknown) =>
  new AppError(422, code, message, details);


export function validationError(error: z.ZodError, where: 'body' | 'query' | 'params'): AppError {
  const details = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const first = details[0];
  const message = first ? `Invalid ${where}: ${first.path ? `${first.path}: ` : ''}${first.message}` : `Invalid ${where}`;
  return new AppError(400, 'VALIDATION_ERROR', message, details);
}

export const notFoundApiRoute: RequestHandler = (req, _res, next) => {
  next(new AppError(404, 'ROUTE_NOT_FOUND', `No route for ${req.method} ${req.originalUrl.split('?')[0]}`));
};

export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const appError = toAppError(err);
  if (appError.status >= 500) req.log?.error({ err }, 'request failed');
  const body: ErrorBody = { error: { code: appError.code, message: appError.message } };
  if (appError.details !== undefined) body.error.details = appError.details;
  res.status(appError.status).json(body);
};

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (isBodyParserError(err)) {
    if (err.type === 'entity.parse.failed') return new AppError(400, 'MALFORMED_JSON', 'Request body is not valid JSON');
    if (err.type === 'entity.too.large') return new AppError(413, 'PAYLOAD_TOO_LARGE', 'Request body is too large');
    return new AppError(err.status ?? 400, 'BAD_REQUEST', 'Request body could not be read');
  }
  if (err instanceof Prisma.PrismaClientKnownRequestError) {
    if (err.code === 'P2002') return conflict('CONFLICT', 'A record with these values already exists');
    if (err.code === 'P2025') return new AppError(404, 'NOT_FOUND', 'Record not found');
    if (err.code === 'P2003') return conflict('REFERENCED', 'The record is referenced by other data');
  }
  return new AppError(500, 'INTERNAL_ERROR', 'Something went wrong on our side');
}

type BodyParserError = { type: string; status?: number };
function isBodyParserError(err: unknown): err is BodyParserError {
  return typeof err === 'object' && err !== null && 'type' in err && typeof (err as { type: unknown }).type === 'string' && 'status' in err;
}
