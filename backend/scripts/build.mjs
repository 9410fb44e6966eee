// `pnpm build` (backend): bundles the server into dist/main.cjs, so `pnpm start` runs compiled JavaScript, not tsx.
// The workspace's TypeScript (src, @liftplan/domain, the generated Prisma client) is bundled; npm dependencies stay
// in node_modules (native addons, wasm engines and data files load from there as before).
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const backendDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(backendDir, 'package.json'), 'utf8'));
const workspacePackages = new Set(['@liftplan/domain']);
const external = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter(
  (name) => !workspacePackages.has(name),
);

const started = Date.now();
const result = await build({
  entryPoints: [path.join(backendDir, 'src/main.ts')],
  outfile: path.join(backendDir, 'dist/main.cjs'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: [...external, ...external.map((name) => `${name}/*`)],
  logLevel: 'warning',
  metafile: true,
});
const bytes = Object.values(result.metafile.outputs).find((o) => o.entryPoint)?.bytes ?? 0;
console.log(`backend built: dist/main.cjs (${(bytes / 1024).toFixed(0)} KB) in ${Date.now() - started} ms`);
