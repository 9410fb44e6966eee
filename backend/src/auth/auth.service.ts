import bcrypt from 'bcrypt';
import type { Db } from '../db/prisma';
import { AppError, conflict } from '../http/errors';
import { Prisma, type User } from '../generated/prisma/client';
import type { LoginBody, RegisterBody } from './auth.schemas';

const BCRYPT_ROUNDS = 10;
// Compared against when the email is unknown, so both failures take the same time.
const DUMMY_HASH = bcrypt.hashSync('not-a-real-password', BCRYPT_ROUNDS);

export const invalidCredentials = () => new AppError(401, 'INVALID_CREDENTIALS', 'Email or password is incorrect');

export async function registerUser(db: Db, body: RegisterBody): Promise<User> {
  const passwordHash = await bcrypt.hash(body.password, BCRYPT_ROUNDS);
  try {
    return await db.user.create({ data: { email: body.email, passwordHash, displayName: body.displayName } });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      throw conflict('EMAIL_TAKEN', 'An account with this email already exists');
    }
    throw err;
  }
}

export async function verifyCredentials(db: Db, body: LoginBody): Promise<User> {
  const user = await db.user.findUnique({ where: { email: body.email } });
  const matches = await bcrypt.compare(body.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !matches) throw invalidCredentials();
  return user;
}

/** Creates the account or resets its password, and makes it an admin (start-up bootstrap and the admin CLI). */
export async function upsertAdmin(db: Db, email: string, password: string, displayName = 'Admin'): Promise<User> {
  const normalized = email.trim().toLowerCase();
  const passwordHash = await bcrypt.hash(password, BCRYPT_ROUNDS);
  return db.user.upsert({
    where: { email: normalized },
    create: { email: normalized, passwordHash, displayName, isAdmin: true },
    update: { passwordHash, isAdmin: true },
  });
}
