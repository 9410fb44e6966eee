import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { BACKEND_DIR } from '../config/paths';

/**
 * Applies pending migrations with the Prisma CLI (`prisma migrate deploy`), through the repository's offline
 * schema-engine bridge configured in prisma.config.ts. Production start-up and the test setup both use this.
 */
export function migrateDeploy(databaseUrl: string): Promise<string> {
  return runPrismaCli(['migrate', 'deploy'], databaseUrl);
}

/**
 * True when every committed migration is recorded as applied. Lets a warm start skip the CLI (≈2 s of process
 * start-up); anything else — pending, failed or unknown state — goes through `prisma migrate deploy`.
 */
export async function allMigrationsApplied(databaseUrl: string): Promise<boolean> {
  const committed = fs
    .readdirSync(path.join(BACKEND_DIR, 'prisma/migrations'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    const { rows } = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Set(rows.map((r) => r.migration_name));
    return committed.every((name) => applied.has(name));
  } catch {
    return false; // no migrations table yet, or unreachable: let the CLI decide and report
  } finally {
    await client.end().catch(() => {});
  }
}

export function runPrismaCli(args: string[], databaseUrl: string): Promise<string> {
  const cli = require.resolve('prisma/build/index.js', { paths: [BACKEND_DIR] });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: BACKEND_DIR,
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`prisma ${args.join(' ')} failed (exit ${code}):\n${output}`));
    });
  });
}
