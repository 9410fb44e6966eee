import type { RequestHandler, Request } from 'express';
import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { LRUCache } from 'lru-cache';
import type { Db } from '../db/prisma';
import type { Account, AccountCache } from './account-cache';
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
 * Verifies the token, then looks up the account (a primary-key read, or the account cache while it hears every
 * change): a deleted account's token is refused everywhere. The token's own `isAdmin` claim is only for the SPA's
 * menus; admin routes re-read the flag with `requireAdmin`.
 */
export function requireAuth(secret: string, db: Db, accounts: AccountCache): RequestHandler {
  // Named: the OpenAPI test finds it in the router stack to tell lifter routes from public ones.
  return async function requireAuthHandler(req, _res, next) {
    const userId = verifiedUserId(req.headers.authorization, secret);
    const account = await accounts.lookup(userId, () => readAccount(db, userId));
    if (!account) throw accountNotFound();
    req.auth = { userId, isAdmin: account.isAdmin };
    next();
  };
}

/** Admin routes: the flag read from the database on this very request, so a demotion counts at once everywhere. */
export function requireAdmin(db: Db): RequestHandler {
  return async function requireAdmin(req, _res, next) {
    if (!req.auth) throw new AppError(401, 'UNAUTHENTICATED', 'Sign in to continue');
    const account = await readAccount(db, req.auth.userId);
    if (!account) throw accountNotFound();
    if (!account.isAdmin) throw new AppError(403, 'FORBIDDEN', 'This needs an administrator account');
    req.auth = { ...req.auth, isAdmin: true };
    next();
  };
}

/** The admin flag as stored now (for lifter routes that show admins more, e.g. projecting a private plan). */
export async function isAdminNow(db: Db, userId: number): Promise<boolean> {
  return (await readAccount(db, userId))?.isAdmin === true;
}

async function readAccount(db: Db, userId: number): Promise<Account | null> {
  const [account] = await db.$queryRaw<Account[]>`SELECT is_admin AS "isAdmin" FROM users WHERE id = ${userId}`;
  return account ?? null;
}

const accountNotFound = () =>
  new AppError(401, 'ACCOUNT_NOT_FOUND', 'This account no longer exists; sign in with another one');

// A token's signature and claims never change, so each distinct token is verified once (HMAC, base64 and JSON
// parsing were ~3 % of the API's CPU); its expiry is still checked on every request.
const verifiedTokens = new LRUCache<string, { userId: number; expiresAtMs: number }>({ max: 20_000 });

function verifiedUserId(header: string | undefined, secret: string): number {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match) throw new AppError(401, 'UNAUTHENTICATED', 'Sign in to continue');
  const token = match[1]!;
  const key = `${secret.length}:${secret}:${token}`;
  const known = verifiedTokens.get(key);
  if (known && Date.now() < known.expiresAtMs) return known.userId;
  try {
    const claims = jwt.verify(token, secretKey(secret), { algorithms: ['HS256'] }) as jwt.JwtPayload &
      Partial<TokenClaims>;
    const userId = Number(claims.sub);
    if (!Number.isSafeInteger(userId) || userId <= 0 || userId > 2_147_483_647) throw new Error('bad subject');
    if (typeof claims.exp === 'number') verifiedTokens.set(key, { userId, expiresAtMs: claims.exp * 1000 });
    return userId;
  } catch {
    throw new AppError(401, 'INVALID_TOKEN', 'Your session is invalid or has expired; sign in again');
  }
}

/** The authenticated user's id; only call behind requireAuth. */
export function currentUserId(req: Request): number {
  if (!req.auth) throw new AppError(401, 'UNAUTHENTICATED', 'Sign in to continue');
  return req.auth.userId;
}
