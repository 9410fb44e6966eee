// The process the Prisma CLI talks to in long-running (JSON-RPC) mode. It runs the actual engine
// (rpc-worker.mjs: wasm engine + database connections) as a child process and relays the
// JSON-RPC lines in both directions.
//
// Why a separate process: the Prisma CLI (7.10) can exit with code 0 when its engine dies.
// After a failed request it awaits `stop()`, which waits for the engine's "exit" event or for
// an unref'd timer; when the engine is already gone neither keeps Node's event loop alive and
// the CLI ends with 0: "success", with the failed migration unreported. So the process the CLI
// sees must never die while the CLI still needs it. The supervisor has no wasm, no database
// and almost no code; whatever happens to the worker (wasm panic, exception, out of memory,
// kill -9) it answers the requests left pending with an error, stays up until the CLI closes
// stdin, and then exits non-zero.

import { spawn } from 'node:child_process';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from './args.mjs';
import { panicError } from './rpc-errors.mjs';
import * as log from './log.mjs';

const WORKER = fileURLToPath(new URL('./rpc-worker.mjs', import.meta.url));
const EXIT_ERROR = 1;
const WORKER_EXIT_GRACE_MS = 15_000; // time the worker gets to finish cleanup after stdin closes

export class Supervisor {
  constructor(argv) {
    this.argv = argv;
    this.pending = new Set(); // ids of CLI requests the worker has not answered yet
    this.workerExit = null; // { code, signal } once the worker is gone
    this.exitCode = 0;
    this.temporaryDatabases = new Set(); // shadow databases the worker created and has not dropped
  }

  start() {
    // stdin/stdout: JSON-RPC; stderr: straight to the CLI; ipc: temporary database names.
    this.worker = spawn(process.execPath, [WORKER, ...this.argv], { stdio: ['pipe', 'pipe', 'inherit', 'ipc'] });
    this.worker.on('message', ({ temporaryDatabase, name }) => {
      if (temporaryDatabase === 'created') this.temporaryDatabases.add(name);
      else this.temporaryDatabases.delete(name);
    });
    this.worker.on('error', (err) => this.onWorkerGone({ code: null, signal: null, error: err }));
    // 'close', not 'exit': it comes after the worker's stdout is fully read, so every response
    // the worker managed to write has been relayed before we decide what is still pending.
    this.worker.on('close', (code, signal) => this.onWorkerGone({ code, signal }));
    this.worker.stdin.on('error', () => {}); // EPIPE when the worker died: handled by onWorkerGone
    readline
      .createInterface({ input: this.worker.stdout, crlfDelay: Infinity })
      .on('line', (line) => this.fromWorker(line));
    const cli = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
    cli.on('line', (line) => this.fromCli(line));
    cli.on('close', () => this.onCliDone());
    // The CLI's stop() closes stdin and sends SIGTERM right after; Ctrl-C sends SIGINT.
    process.on('SIGTERM', () => this.onCliDone());
    process.on('SIGINT', () => {
      this.exitCode = EXIT_ERROR;
      this.onCliDone();
    });
    // Even a bug here must not end this process early: fail what is pending, wait for the CLI.
    process.on('uncaughtException', (err) => {
      log.error(`schema engine supervisor: ${err?.stack ?? err}`);
      this.exitCode = EXIT_ERROR;
      this.failPending('failed');
      if (this.cliDone) this.exit();
    });
  }

  /** CLI → worker. Requests (they have a method and an id) are remembered until answered. */
  fromCli(line) {
    const message = parse(line);
    if (message?.method !== undefined && message.id !== undefined && message.id !== null) this.pending.add(message.id);
    if (this.workerExit) {
      this.failPending(); // worker already gone: answer right away
      return;
    }
    this.worker.stdin.write(`${line}\n`);
  }

  /** Worker → CLI. A response (id, no method) settles its request. */
  fromWorker(line) {
    const message = parse(line);
    if (message && message.method === undefined && message.id !== undefined) {
      this.pending.delete(message.id);
      if (message.error) this.exitCode = EXIT_ERROR;
    }
    process.stdout.write(`${line}\n`);
  }

  onWorkerGone({ code, signal, error }) {
    if (this.workerExit) return;
    this.workerExit = { code, signal };
    if (code !== 0) this.exitCode = code > 0 ? code : EXIT_ERROR;
    if (this.pending.size > 0) {
      // Exit code 0 with unanswered requests is a failure too.
      if (this.exitCode === 0) this.exitCode = EXIT_ERROR;
      const why = error
        ? `could not be started: ${error.message}`
        : `stopped (${signal ? `signal ${signal}` : `exit code ${code}`})`;
      log.error(`The schema engine worker ${why} before answering.`);
      this.failPending(why);
    }
    if (this.cliDone) this.exit();
  }

  failPending(why = 'is not running') {
    const error = panicError(`The schema engine (wasm bridge) ${why}. The command did not complete.`);
    for (const id of this.pending) process.stdout.write(`${JSON.stringify({ jsonrpc: '2.0', id, error })}\n`);
    this.pending.clear();
  }

  /** The CLI closed stdin (or sent SIGTERM): let the worker finish, then exit with the verdict. */
  onCliDone() {
    if (this.cliDone) return;
    this.cliDone = true;
    if (this.workerExit) {
      this.exit();
      return;
    }
    this.worker.stdin.end();
    setTimeout(() => {
      log.error('The schema engine worker did not stop in time.');
      this.worker.kill('SIGKILL');
      this.exitCode = EXIT_ERROR;
      this.exit();
    }, WORKER_EXIT_GRACE_MS);
  }

  /** Exit with the verdict, after dropping shadow databases a dead worker left behind. */
  async exit() {
    if (this.exiting) return;
    this.exiting = true;
    if (this.temporaryDatabases.size > 0) {
      const { dropDatabase } = await import('./pg-connection.mjs');
      const url = parseArgs(this.argv).datasource?.url;
      for (const name of this.temporaryDatabases) {
        await dropDatabase(url, name, { ifExists: true }).catch((err) =>
          log.error(`Could not drop ${name}: ${err.message}`),
        );
      }
    }
    process.exit(this.exitCode);
  }
}

function parse(line) {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
