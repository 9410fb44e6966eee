import { Router } from 'express';
import type { AppDeps } from '../app';
import { currentUserId } from '../http/auth-middleware';
import { parseBody } from '../http/validate';
import { toUserDto } from './user.dto';
import { updateMeBody } from '@liftplan/domain';
import { updateMe } from './users.service';

export function usersRouter({ db }: AppDeps): Router {
  const router = Router();
  router.get('/me', async (req, res) => {
    res.json({ user: toUserDto(await db.user.findUniqueOrThrow({ where: { id: currentUserId(req) } })) });
  });
  router.patch('/me', async (req, res) => {
    res.json({ user: toUserDto(await updateMe(db, currentUserId(req), parseBody(updateMeBody, req))) });
  });
  return router;
}
