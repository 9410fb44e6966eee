import type { RequestHandler, Request } from 'express';
import jwt from 'jsonwebtoken';
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

export function signToken(user: { id: number; isAdmin: boolean }, secret: string, expiresIn: string): string {
  const claims: Omit<TokenClaims, 'sub'> = { isAdmin: user.isAdmin };
  return jwt.sign(claims, secret, { subject: String(user.id), expiresIn: expiresIn as jwt.SignOptions['expiresIn'], algorithm: 'HS256' });
}

export function requireAuth(secret: string): RequestHandler {
  return (req, _res, next) => {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) return next(new AppError(401, 'UNAUTHENTICATED', 'Sign in to continue'));
    try {
      const claims = jwt.verify(match[1]!, secret, { algorithms: ['HS256'] }) as jwt.JwtPayload & Partial<TokenClaims>;
      const userId = Number(claims.sub);
      if (!Number.isSafeInteger(userId) || userId <= 0) throw new Error('bad subject');
      req.auth = { userId, isAdmin: claims.isAdmin === true };
      next();
    } catch {
      next(new AppError(401, 'INVALID_TOKEN', 'Your session is invalid or has expired; sign in again'));
    }
  };
}

/** Admin check from the token (seed §6): no database lookup per request. */
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
