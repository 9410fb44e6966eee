// Runs a command (e.g. `prisma migrate dev`) with DATABASE_URL pointing at the app's database: the one in
// DATABASE_URL if set, otherwise the embedded PostgreSQL under DATA_DIR, started for the command and stopped after.
import { spawnSync } from 'node:child_process';
import { loadConfig } from '../src/config/config';
import { openDatabase } from '../src/db/database';
import { createLogger } from '../src/runtime';

async function main() {
  const [command, ...args] = process.argv.slice(2);
  if (!command) throw new Error('usage: with-database <command> [args...]');
  const config = loadConfig();
  const database = await openDatabase(config, createLogger(config));
  try {
    const result = spawnSync(command, args, {
      stdio: 'inherit',
      env: { ...process.env, DATABASE_URL: database.databaseUrl },
      shell: false,
    });
    process.exitCode = result.status ?? 1;
  } finally {
    await database.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
