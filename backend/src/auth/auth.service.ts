import type { Db } from '../db/prisma';
import { AppError, conflict } from '../http/errors';
import { Prisma, type User } from '../generated/prisma/client';
import type { LoginBody, RegisterBody } from '@liftplan/domain';
import { DUMMY_HASH, hashPassword, needsRehash, verifyPassword } from './password-hash';

export const invalidCredentials = () => new AppError(401, 'INVALID_CREDENTIALS', 'Email or password is incorrect');

export async function registerUser(db: Db, body: RegisterBody): Promise<User> {
  const passwordHash = await hashPassword(body.password);
  try {
    return await db.user.create({
      data: { email: body.email, passwordHash, displayName: body.displayName, timeZone: body.timeZone ?? 'UTC' },
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      throw conflict('EMAIL_TAKEN', 'An account with this email already exists');
    }
    throw err;
  }
}

export async function verifyCredentials(db: Db, body: LoginBody): Promise<User> {
  const user = await db.user.findUnique({ where: { email: body.email } });
  const matches = await verifyPassword(body.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !matches) throw invalidCredentials();
  if (needsRehash(user.passwordHash)) await upgradeHash(db, user, body.password);
  return user;
}

/** Only if the hash is still the one just verified: a password changed meanwhile is not overwritten. */
async function upgradeHash(db: Db, user: User, password: string): Promise<void> {
  await db.user.updateMany({
    where: { id: user.id, passwordHash: user.passwordHash },
    data: { passwordHash: await hashPassword(password) },
  });
}

/** Creates the account or resets its password, and makes it an admin (start-up bootstrap and the admin CLI). */
export async function upsertAdmin(db: Db, email: string, password: string, displayName = 'Admin'): Promise<User> {
  const normalized = email.trim().toLowerCase();
  const passwordHash = await hashPassword(password);
  return db.user.upsert({
    where: { email: normalized },
    create: { email: normalized, passwordHash, displayName, isAdmin: true },
    update: { passwordHash, isAdmin: true },
  });
}
