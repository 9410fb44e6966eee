import type { Db } from '../db/prisma';
import { AppError, notFound } from '../http/errors';

export const adminUserSelect = { id: true, email: true, displayName: true, isAdmin: true, createdAt: true } as const;

/**
 * Promotes or demotes one account. Every admin row is locked first, so two admins demoting each other at the same
 * moment cannot both succeed: the last admin always stays.
 */
export async function setAdminFlag(db: Db, userId: number, isAdmin: boolean) {
  return db.$transaction(async (tx) => {
    const admins = await tx.$queryRaw<
      Array<{ id: number }>
    >`SELECT id FROM users WHERE is_admin ORDER BY id FOR UPDATE`;
    const target = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!target) throw notFound('User');
    if (!isAdmin && admins.length === 1 && admins[0]!.id === userId) {
      throw new AppError(409, 'LAST_ADMIN', 'This is the last admin account; promote someone else first');
    }
    return tx.user.update({ where: { id: userId }, data: { isAdmin }, select: adminUserSelect });
  });
}
