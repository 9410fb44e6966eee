import { spawn } from 'node:child_process';
import path from 'node:path';

const BACKEND_DIR = path.resolve(__dirname, '../..');

/**
 * Applies pending migrations with the Prisma CLI (`prisma migrate deploy`), through the repository's offline
 * schema-engine bridge configured in prisma.config.ts. Production start-up and the test setup both use this.
 */
export function migrateDeploy(databaseUrl: string): Promise<string> {
  return runPrismaCli(['migrate', 'deploy'], databaseUrl);
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
