import type { Request } from 'express';
import type { z } from 'zod';
import { validationError } from './errors';

type RequestPart = 'body' | 'query' | 'params';
/** The schema each part of a request was parsed with: the tests' contract check holds them to API_ROUTES. */
export const parsedWith = new WeakMap<Request, Partial<Record<RequestPart, z.ZodType>>>();

/** Parse one part of a request with its zod schema; a failure becomes a 400 VALIDATION_ERROR. */
export function parse<S extends z.ZodType>(schema: S, req: Request, where: RequestPart): z.output<S> {
  const result = schema.safeParse(req[where] ?? {});
  if (!result.success) throw validationError(result.error, where);
  parsedWith.set(req, { ...parsedWith.get(req), [where]: schema });
  return result.data;
}

export const parseBody = <S extends z.ZodType>(schema: S, req: Request) => parse(schema, req, 'body');
export const parseQuery = <S extends z.ZodType>(schema: S, req: Request) => parse(schema, req, 'query');
export const parseParams = <S extends z.ZodType>(schema: S, req: Request) => parse(schema, req, 'params');
