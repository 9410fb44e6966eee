import { Prisma } from '../generated/prisma/client';

/** A unique-constraint violation, from a Prisma query (P2002) or a raw query (SQLSTATE 23505). */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  if (!(err instanceof Prisma.PrismaClientKnownRequestError)) return false;
  const text = `${err.message} ${JSON.stringify(err.meta ?? {})}`;
  const unique = err.code === 'P2002' || text.includes('23505');
  return unique && (!constraint || text.includes(constraint));
}
