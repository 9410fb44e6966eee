// `prisma db seed` entry (also run in-process by `pnpm start`).
import { createPrismaClient } from '../src/db/prisma';
import { seedDatabase } from '../src/seed/seed';

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  const db = createPrismaClient(url);
  try {
    await seedDatabase(db);
    console.log('seed applied');
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
