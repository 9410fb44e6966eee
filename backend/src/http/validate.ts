import type { Request } from 'express';
import type { z } from 'zod';
import { validationError } from './errors';

/** Parse one part of a request with its zod schema; a failure becomes a 400 VALIDATION_ERROR. */
export function parse<S extends z.ZodType>(schema: S, req: Request, where: 'body' | 'query' | 'params'): z.output<S> {
  const result = schema.safeParse(req[where] ?? {});
  if (!result.success) throw validationError(result.error, where);
  return result.data;
}

export const parseBody = <S extends z.ZodType>(schema: S, req: Request) => parse(schema, req, 'body');
export const parseQuery = <S extends z.ZodType>(schema: S, req: Request) => parse(schema, req, 'query');
export const parseParams = <S extends z.ZodType>(schema: S, req: Request) => parse(schema, req, 'params');
