import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { AppDeps } from '../app';
import { AppError } from '../http/errors';
import { currentUserId, signToken } from '../http/auth-middleware';
import { parseBody } from '../http/validate';
import { toUserDto } from '../users/user.dto';
import { loginBody, registerBody, type AuthResponse } from './auth.schemas';
import { registerUser, verifyCredentials } from './auth.service';

export function authRouter({ db, config, requireAuth }: AppDeps): Router {
  const router = Router();
  const issue = (user: Parameters<typeof toUserDto>[0]): AuthResponse => ({
    token: signToken(user, config.jwtSecret, config.jwtExpiresIn),
    user: toUserDto(user),
  });

  const loginLimiter = rateLimit({
    windowMs: config.loginRateLimit.windowMs,
    limit: config.loginRateLimit.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) =>
      next(new AppError(429, 'TOO_MANY_REQUESTS', 'Too many sign-in attempts; wait a few minutes and try again')),
  });

  router.post('/register', async (req, res) => {
    const user = await registerUser(db, parseBody(registerBody, req));
    res.status(201).json(issue(user));
  });

  router.post('/login', loginLimiter, async (req, res) => {
    const user = await verifyCredentials(db, parseBody(loginBody, req));
    res.json(issue(user));
  });

  router.get('/me', requireAuth, async (req, res) => {
    const user = await db.user.findUnique({ where: { id: currentUserId(req) } });
    if (!user) throw new AppError(401, 'UNAUTHENTICATED', 'This account no longer exists');
    res.json({ user: toUserDto(user) });
  });

  return router;
}
