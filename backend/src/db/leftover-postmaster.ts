import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';

const STOP_STEPS = [
  { signal: 'SIGINT', waitMs: 20_000 }, // PostgreSQL's fast shutdown, what `pg_ctl stop -m fast` sends
  { signal: 'SIGKILL', waitMs: 5_000 },
] as const;

/**
 * When the app dies without stopping PostgreSQL (kill -9, OOM killer), the postmaster keeps running and holds
 * `postmaster.pid`, so the next start would fail. Such a leftover is stopped; a lock file whose PID is gone, or now
 * belongs to another program (PIDs are reused, e.g. after a container restart), is removed.
 */
export async function clearLeftoverPostmaster(clusterDir: string, log: Logger): Promise<void> {
  const lockFile = path.join(clusterDir, 'postmaster.pid');
  const pid = lockFilePid(lockFile);
  if (pid === undefined) return;
  if (!isPostmasterOf(pid, clusterDir)) {
    log.warn({ pid, lockFile }, 'removing a stale postmaster.pid: its process is gone');
    fs.rmSync(lockFile, { force: true });
    return;
  }
  const owner = runningServerOf(pid);
  if (owner !== undefined) {
    throw new Error(
      `LiftPlan is already running on the data directory ${clusterDir} (its server is process ${owner}); stop it first, or give this one another DATA_DIR`,
    );
  }
  log.warn({ pid }, 'stopping a PostgreSQL that an earlier run left running on the data directory');
  if (!(await stopProcess(pid, clusterDir))) {
    throw new Error(
      `The data directory ${clusterDir} is locked by a running PostgreSQL (pid ${pid}) that could not be stopped; stop that process and start again`,
    );
  }
}

/**
 * The live server that started this postmaster, if any. The app spawns PostgreSQL as its child; when the app dies,
 * the postmaster is re-parented to init (or a container's init), so a parent that is still a Node process means
 * another LiftPlan is using the directory, and stopping its PostgreSQL would take its database away.
 */
function runningServerOf(postmasterPid: number): number | undefined {
  const parent = parentPid(postmasterPid);
  if (parent === undefined || parent <= 1) return undefined;
  const argv = commandLine(parent);
  return argv && /^node(js)?(\.exe)?$/.test(path.basename(argv[0] ?? '')) ? parent : undefined;
}

function parentPid(pid: number): number | undefined {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may contain spaces and parentheses.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    if (fs.existsSync('/proc/self')) return undefined;
    try {
      return Number(execFileSync('ps', ['-o', 'ppid=', '-p', String(pid)], { encoding: 'utf8' }).trim()) || undefined;
    } catch {
      return undefined;
    }
  }
}

/** The PID on the lock file's first line; NaN if the file holds something else; undefined if there is no file. */
function lockFilePid(lockFile: string): number | undefined {
  try {
    return Number(fs.readFileSync(lockFile, 'utf8').split('\n')[0]);
  } catch {
    return undefined;
  }
}

/** A live (not zombie) `postgres` process started on this cluster (`-D <clusterDir>`, or running in it). */
function isPostmasterOf(pid: number, clusterDir: string): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  const argv = commandLine(pid);
  if (!argv || path.basename(argv[0] ?? '') !== 'postgres') return false;
  const dataDirArg = argv[argv.indexOf('-D') + 1];
  return (
    (dataDirArg !== undefined && path.resolve(dataDirArg) === path.resolve(clusterDir)) ||
    workingDir(pid) === realpath(clusterDir)
  );
}

/** argv of a live process; undefined if there is none (a zombie's /proc cmdline is empty). */
function commandLine(pid: number): string[] | undefined {
  try {
    const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    return argv.length > 0 ? argv : undefined;
  } catch {
    if (fs.existsSync('/proc/self')) return undefined;
    return commandLineFromPs(pid); // no procfs (macOS)
  }
}

function commandLineFromPs(pid: number): string[] | undefined {
  try {
    const line = execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' }).trim();
    return line && !line.includes('<defunct>') ? line.split(/\s+/) : undefined;
  } catch {
    return undefined;
  }
}

const workingDir = (pid: number) => realpath(`/proc/${pid}/cwd`);

function realpath(file: string): string | undefined {
  try {
    return fs.realpathSync(file);
  } catch {
    return undefined;
  }
}

async function stopProcess(pid: number, clusterDir: string): Promise<boolean> {
  for (const { signal, waitMs } of STOP_STEPS) {
    try {
      process.kill(pid, signal);
    } catch {
      // not ours to signal, or gone: the check below tells which
    }
    if (await waitUntil(() => !isPostmasterOf(pid, clusterDir), waitMs)) return true;
  }
  return false;
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}
