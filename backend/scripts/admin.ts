// Create or promote an admin:  pnpm --filter backend admin <email> [password]
//  - with a password: creates the account (or resets its password) and makes it an admin;
//  - without: promotes an existing account.
// Uses DATABASE_URL, or the embedded PostgreSQL under DATA_DIR (stop the running app first in that case).
import { upsertAdmin } from '../src/auth/auth.service';
import { loadConfig } from '../src/config/config';
import { openDatabase } from '../src/db/database';
import { migrateDeploy } from '../src/db/migrate';
import { createPrismaClient } from '../src/db/prisma';
import { createLogger } from '../src/runtime';

async function main() {
  const [email, password] = process.argv.slice(2);
  if (!email) throw new Error('usage: pnpm --filter backend admin <email> [password]');
  if (password !== undefined && password.length < 8) throw new Error('password must be at least 8 characters');
  const config = loadConfig();
  const database = await openDatabase(config, createLogger({ ...config, logLevel: 'warn' }));
  const db = createPrismaClient(database.databaseUrl);
  try {
    await migrateDeploy(database.databaseUrl);
    if (password) {
      const user = await upsertAdmin(db, email, password);
      console.log(`${user.email} is an admin (id ${user.id})`);
    } else {
      const { count } = await db.user.updateMany({
        where: { email: email.trim().toLowerCase() },
        data: { isAdmin: true },
      });
      if (count === 0) throw new Error(`no account with email ${email}; pass a password to create one`);
      console.log(`${email} is now an admin; they get admin rights at their next sign-in`);
    }
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
