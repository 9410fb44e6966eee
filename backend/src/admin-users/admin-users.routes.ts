import { Router } from 'express';
import type { AppDeps } from '../app';
import { idParams } from '../http/common-schemas';
import { AppError, notFound } from '../http/errors';
import { currentUserId } from '../http/auth-middleware';
import { parseBody, parseParams, parseQuery } from '../http/validate';
import { adminUsersQuery, setAdminBody, type AdminUserDto } from './admin-users.schemas';

const select = { id: true, email: true, displayName: true, isAdmin: true, createdAt: true } as const;
const toDto = (u: { id: number; email: string; displayName: string; isAdmin: boolean; createdAt: Date }): AdminUserDto => ({
  ...u,
  createdAt: u.createdAt.toISOString(),
});

export function adminUsersRouter({ db }: AppDeps): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const { search } = parseQuery(adminUsersQuery, req);
    const where = search
      ? { OR: [{ email: { contains: search, mode: 'insensitive' as const } }, { displayName: { contains: search, mode: 'insensitive' as const } }] }
      : {};
    const users = await db.user.findMany({ where, select, orderBy: { id: 'asc' }, take: 200 });
    res.json({ users: users.map(toDto) });
  });

  router.patch('/:id', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const { isAdmin } = parseBody(setAdminBody, req);
    if (id === currentUserId(req) && !isAdmin) {
      throw new AppError(409, 'CANNOT_DEMOTE_SELF', 'You cannot remove your own admin rights');
    }
    const existing = await db.user.findUnique({ where: { id }, select: { id: true } });
    if (!existing) throw notFound('User');
    const user = await db.user.update({ where: { id }, data: { isAdmin }, select });
    res.json({ user: toDto(user) });
  });

  return router;
}
