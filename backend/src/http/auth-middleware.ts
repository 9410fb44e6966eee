import type { RequestHandler, Request } from 'express';
import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Db } from '../db/prisma';
import { AppError } from './errors';

export type AuthContext = { userId: number; isAdmin: boolean };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      auth?: AuthContext;
    }
  }
}

type TokenClaims = { sub: string; isAdmin: boolean };

// Given a string secret, jsonwebtoken first tries to parse it as a PEM public key and only then, after that throws,
// makes a secret key: ~15 % of the API's CPU under load (a CPU profile of `pnpm bench`). One key object per secret.
const secretKeys = new Map<string, KeyObject>();
function secretKey(secret: string): KeyObject {
  let key = secretKeys.get(secret);
  if (!key) secretKeys.set(secret, (key = createSecretKey(Buffer.from(secret, 'utf8'))));
  return key;
}

export function signToken(user: { id: number; isAdmin: boolean }, secret: string, expiresIn: string): string {
  const claims: Omit<TokenClaims, 'sub'> = { isAdmin: user.isAdmin };
  return jwt.sign(claims, secretKey(secret), {
    subject: String(user.id),
    expiresIn: expiresIn as jwt.SignOptions['expiresIn'],
    algorithm: 'HS256',
  });
}

/**
 * Verifies the token, then reads the account's current admin flag (a primary-key lookup): a deleted account's
 * token is refused everywhere, and a demotion takes effect on the next request, not when the token expires.
 * The token's own `isAdmin` claim is only for the SPA's menus.
 */
export function requireAuth(secret: string, db: Db): RequestHandler {
  // Named: the OpenAPI test finds it in the router stack to tell lifter routes from public ones.
  return async function requireAuthHandler(req, _res, next) {
    const userId = verifiedUserId(req.headers.authorization, secret);
    const [account] = await db.$queryRaw<
      Array<{ isAdmin: boolean }>
    >`SELECT is_admin AS "isAdmin" FROM users WHERE id = ${userId}`;
    if (!account)
      throw new AppError(401, 'ACCOUNT_NOT_FOUND', 'This account no longer exists; sign in with another one');
    req.auth = { userId, isAdmin: account.isAdmin };
    next();
  };
}

function verifiedUserId(header: string | undefined, secret: string): number {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match) throw new AppError(401, 'UNAUTHENTICATED', 'Sign in to continue');
  try {
    const claims = jwt.verify(match[1]!, secretKey(secret), { algorithms: ['HS256'] }) as jwt.JwtPayload &
      Partial<TokenClaims>;
    const userId = Number(claims.sub);
    if (!Number.isSafeInteger(userId) || userId <= 0 || userId > 2_147_483_647) throw new Error('bad subject');
    return userId;
  } catch {
    throw new AppError(401, 'INVALID_TOKEN', 'Your session is invalid or has expired; sign in again');
  }
}

/** Admin routes: the flag read by requireAuth from the database on this very request. */
export const requireAdmin: RequestHandler = (req, _res, next) => {
  if (!req.auth) return next(new AppError(401, 'UNAUTHENTICATED', 'Sign in to continue'));
  if (!req.auth.isAdmin) return next(new AppError(403, 'FORBIDDEN', 'This needs an administrator account'));
  next();
};

/** The authenticated user's id; only call behind requireAuth. */
export function currentUserId(req: Request): number {
  if (!req.auth) throw new AppError(401, 'UNAUTHENTICATED', 'Sign in to continue');
  return req.auth.userId;
}
