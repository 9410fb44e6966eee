import fs from 'node:fs';
import path from 'node:path';

/**
 * The backend package's folder, found from wherever this code runs: `src/…` under tsx and jest, `dist/` when
 * bundled for `pnpm start`. Data files (migrations, program files, the exercise library) are read relative to it.
 */
export const BACKEND_DIR = findUp(__dirname, (dir) => fs.existsSync(path.join(dir, 'prisma', 'schema.prisma')));
export const REPO_ROOT = path.dirname(BACKEND_DIR);

function findUp(from: string, isTarget: (dir: string) => boolean): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (isTarget(dir)) return dir;
    if (path.dirname(dir) === dir) throw new Error(`backend folder not found above ${from}`);
  }
}
