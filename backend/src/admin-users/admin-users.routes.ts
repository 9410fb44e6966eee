import { Router } from 'express';
import type { AppDeps } from '../app';
import { idParams } from '@liftplan/domain';
import { AppError } from '../http/errors';
import { currentUserId } from '../http/auth-middleware';
import { parseBody, parseParams, parseQuery } from '../http/validate';
import { adminUsersQuery, setAdminBody, type AdminUserDto } from '@liftplan/domain';
import { adminUserSelect as select, setAdminFlag } from './admin-users.service';

const toDto = (u: {
  id: number;
  email: string;
  displayName: string;
  isAdmin: boolean;
  createdAt: Date;
}): AdminUserDto => ({
  ...u,
  createdAt: u.createdAt.toISOString(),
});

export function adminUsersRouter({ db, accounts }: AppDeps): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const { search } = parseQuery(adminUsersQuery, req);
    const where = search
      ? {
          OR: [
            { email: { contains: search, mode: 'insensitive' as const } },
            { displayName: { contains: search, mode: 'insensitive' as const } },
          ],
        }
      : {};
    const users = await db.user.findMany({ where, select, orderBy: { id: 'asc' }, take: 200 });
    res.json({ users: users.map(toDto) });
  });

  router.patch('/:id', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const { isAdmin } = parseBody(setAdminBody, req);
    if (id === currentUserId(req)) {
      throw new AppError(409, 'CANNOT_CHANGE_OWN_ADMIN', 'You cannot change your own admin rights; ask another admin');
    }
    const user = await setAdminFlag(db, id, isAdmin);
    accounts.forget(id); // other instances hear it from the database trigger
    res.json({ user: toDto(user) });
  });

  return router;
}
