import { Router } from 'express';
import type { AppDeps } from '../app';
import { AppError } from '../http/errors';
import { currentUserId, signToken } from '../http/auth-middleware';
import { parseBody } from '../http/validate';
import { toUserDto } from '../users/user.dto';
import { loginBody, registerBody, type AuthResponse } from '@liftplan/domain';
import { registerUser, verifyCredentials } from './auth.service';
import { createAuthLimits } from './auth-limits';
import { assertAcceptablePassword } from './password-policy';

export function authRouter({ db, config, log, requireAuth }: AppDeps): Router {
  const router = Router();
  const issue = (user: Parameters<typeof toUserDto>[0]): AuthResponse => ({
    token: signToken(user, config.jwtSecret, config.jwtExpiresIn),
    user: toUserDto(user),
  });

  const limits = createAuthLimits(db, config, log);

  router.post('/register', async (req, res) => {
    const body = parseBody(registerBody, req);
    await limits.countRegistration(req, res); // before the strength check: that costs up to ≈0.1 s of CPU
    await assertAcceptablePassword(body);
    const user = await registerUser(db, body);
    res.status(201).json(issue(user));
  });

  router.post('/login', async (req, res) => {
    const body = parseBody(loginBody, req);
    const attempt = await limits.startLogin(req, res, body.email);
    const user = await verifyCredentials(db, body);
    await attempt.succeeded();
    res.json(issue(user));
  });

  router.get('/me', requireAuth, async (req, res) => {
    const user = await db.user.findUnique({ where: { id: currentUserId(req) } });
    if (!user) throw new AppError(401, 'UNAUTHENTICATED', 'This account no longer exists');
    res.json({ user: toUserDto(user) });
  });

  return router;
}
