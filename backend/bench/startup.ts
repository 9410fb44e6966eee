// `pnpm bench:startup`: start-up time and memory of the server run by tsx (TypeScript compiled at start) and as the
// bundled JavaScript `pnpm start` runs (dist/main.cjs, built first). Cold = a fresh data directory (initdb,
// migrations, seed); warm = the same directory again. Figures, not assertions.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const BACKEND = path.resolve(__dirname, '..');
const READY = /LiftPlan is running at (\S+)/;

type Variant = { name: string; args: string[] };
const variants: Variant[] = [
  { name: 'tsx src/main.ts', args: [require.resolve('tsx/cli', { paths: [BACKEND] }), 'src/main.ts'] },
  { name: 'node dist/main.cjs', args: ['--enable-source-maps', 'dist/main.cjs'] },
];

async function main() {
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: BACKEND, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(built.stderr);
  console.log(built.stdout.trim());
  console.log(`\nstart-up — ${os.cpus().length} cores, Node ${process.version}\n`);
  console.log('variant               start   ready in   RSS at ready   RSS after 300 requests');
  for (const variant of variants) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liftplan-startup-'));
    fs.chmodSync(dataDir, 0o755);
    try {
      for (const start of ['cold', 'warm']) {
        const r = await measure(variant, dataDir);
        console.log(
          `${variant.name.padEnd(20)}  ${start.padEnd(5)}  ${`${r.readyMs} ms`.padStart(8)}   ${`${r.rssReady} MB`.padStart(12)}   ${`${r.rssLoaded} MB`.padStart(10)}`,
        );
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
}

async function measure(variant: Variant, dataDir: string) {
  const started = Date.now();
  const child = spawn(process.execPath, variant.args, {
    cwd: BACKEND,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      LOG_LEVEL: 'warn',
      EMBEDDED_PG_PORT: String(56200 + Math.floor(Math.random() * 500)),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${output.slice(-2000)}`)));
  });
  const readyMs = Date.now() - started;
  const rssReady = rssMb(child.pid!);
  for (let i = 0; i < 300; i++) await (await fetch(`${url}/api/health`)).text();
  const rssLoaded = rssMb(child.pid!);
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  return { readyMs, rssReady, rssLoaded };
}

/** RSS of the Node processes from `pid` down (tsx runs the server in a child process), PostgreSQL's excluded. */
function rssMb(pid: number): string {
  const procs = fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        const status = fs.readFileSync(`/proc/${name}/status`, 'utf8');
        const field = (key: string) => new RegExp(`${key}:\\s+(\\S+)`).exec(status)?.[1] ?? '';
        return [
          { pid: Number(name), ppid: Number(field('PPid')), command: field('Name'), kb: Number(field('VmRSS') || 0) },
        ];
      } catch {
        return [];
      }
    });
  const tree = new Set([pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of procs) {
      if (tree.has(p.ppid) && !tree.has(p.pid)) {
        tree.add(p.pid);
        grew = true;
      }
    }
  }
  const kb = procs.filter((p) => tree.has(p.pid) && p.command !== 'postgres').reduce((sum, p) => sum + p.kb, 0);
  return (kb / 1024).toFixed(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
