import pg from 'pg';
import { Prisma } from '../generated/prisma/client';

/** A unique-constraint violation, from a Prisma query (P2002), a Prisma raw query or pg itself (SQLSTATE 23505). */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  if (err instanceof pg.DatabaseError) return err.code === '23505' && (!constraint || err.constraint === constraint);
  if (!(err instanceof Prisma.PrismaClientKnownRequestError)) return false;
  const text = `${err.message} ${JSON.stringify(err.meta ?? {})}`;
  const unique = err.code === 'P2002' || text.includes('23505');
  return unique && (!constraint || text.includes(constraint));
}

const UNREACHABLE_KINDS = new Set([
  'DatabaseNotReachable',
  'DatabaseDoesNotExist',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
  'TlsConnectionError',
]);
// P1001 can't reach, P1002 timed out, P1008 operation timed out, P1017 server closed the connection, P2024 pool timeout,
// P2028 transaction could not start.
const UNREACHABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);
// SQLSTATE classes 08 (connection exception), 53 (insufficient resources), 57P (operator intervention: shutdown,
// crash recovery, starting up).
const UNREACHABLE_SQLSTATE = /^(08|53|57P)/;
const UNREACHABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);

/** The database is down, restarting or out of connections: the request may work if retried shortly. */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (err instanceof Prisma.PrismaClientInitializationError) return true;
  if (err instanceof Prisma.PrismaClientKnownRequestError) {
    if (UNREACHABLE_PRISMA_CODES.has(err.code)) return true;
    const cause = (err.meta as { driverAdapterError?: { cause?: { kind?: string; code?: string } } } | undefined)
      ?.driverAdapterError?.cause;
    return Boolean(
      cause &&
      (UNREACHABLE_KINDS.has(cause.kind ?? '') ||
        (cause.kind === 'postgres' && UNREACHABLE_SQLSTATE.test(cause.code ?? ''))),
    );
  }
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (UNREACHABLE_SOCKET_CODES.has(code) || UNREACHABLE_SQLSTATE.test(code));
}
