// The long-running mode of the schema engine: JSON-RPC 2.0 over stdin/stdout, one message per
// line, as the Prisma CLI's SchemaEngineCLI class expects (requests from the CLI, responses from
// us; plus our own `print` requests to the CLI, which it answers).
//
// This runs in the worker process started by supervisor.mjs (which is what the CLI talks to).
//
// Failure rules (the CLI treats an engine that exits 0 as success, so these matter):
// - every request gets exactly one response; a failed command is a JSON-RPC error, never a result;
// - a wasm panic poisons the engine: we answer every pending request with a panic error and exit
//   with 101 (the native engine's panic exit code);
// - an unexpected exception anywhere in the worker does the same (exit 1 if it was no panic);
// - if any request failed, the process exits non-zero when stdin closes.
// Exiting right after a crash is safe because the supervisor stays up until the CLI is done.

import fs from 'node:fs';
import readline from 'node:readline';
import { createEngine, isWasmPanic, takePanicMessage } from './wasm-engine.mjs';
import { createAdapterFactory } from './pg-adapter.mjs';
import { createDatabase, describe, userFacingError } from './pg-connection.mjs';
import { commandError, panicError } from './rpc-errors.mjs';
import * as log from './log.mjs';

const EXIT_PANIC = 101;
const EXIT_ERROR = 1;

/** CLI method names the wasm engine calls differently, or does not have. */
const RENAMED_METHODS = { getDatabaseVersion: 'version' };

export class RpcServer {
  constructor({ datamodelPaths, datasource }) {
    this.datamodelPaths = datamodelPaths;
    this.datasource = datasource ?? {};
    const { factory, bound } = createAdapterFactory({
      url: this.datasource.url ?? '',
      shadowUrl: this.datasource.shadowDatabaseUrl || process.env.SHADOW_DATABASE_URL || undefined,
      // Tell the supervisor, which drops them should this process die before it can. (The
      // callback keeps a closed channel from raising an 'error' event.)
      onTemporaryDatabase: (event, name) => {
        if (process.connected) process.send({ temporaryDatabase: event, name }, () => {});
      },
    });
    this.factory = factory;
    this.boundFactory = bound;
    this.enginePromise = null;
    this.queue = Promise.resolve(); // requests run one at a time, in order
    this.pending = new Map(); // id -> method, requests not answered yet
    this.outgoing = new Map(); // id -> resolve, our requests to the CLI (print)
    this.nextOutgoingId = 1;
    this.failed = false;
    this.shuttingDown = false;
  }

  // ---------------------------------------------------------------- lifecycle

  start() {
    process.on('uncaughtException', (err) => this.crash(err));
    process.on('unhandledRejection', (err) => this.crash(err));
    // Normal end: the supervisor closes our stdin once the CLI is done; finish queued requests
    // first. Signals (Ctrl-C reaches the whole process group) still drop temporary databases.
    const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
    lines.on('line', (line) => this.onLine(line));
    lines.on('close', () => this.queue.then(() => this.shutdown(this.failed ? EXIT_ERROR : 0)));
    process.on('SIGTERM', () => this.shutdown(EXIT_ERROR));
    process.on('SIGINT', () => this.shutdown(EXIT_ERROR));
  }

  /** Drop leftover temporary databases, then exit. Never resolves. */
  async shutdown(code) {
    if (this.shuttingDown) return;
    this.shuttingDown = true;
    const timer = setTimeout(() => process.exit(code), 10_000); // never hang on cleanup
    timer.unref();
    await this.factory.cleanup().catch((err) => log.error(`cleanup failed: ${err.message}`));
    process.exit(code);
  }

  /** Last line of defence: answer every pending request with an error, exit non-zero. */
  crash(err) {
    const panic = isWasmPanic(err);
    const rpcError = toRpcError(err);
    log.error(rpcError.data.message, { is_panic: panic });
    for (const id of this.pending.keys()) this.respond(id, { error: rpcError });
    this.shutdown(panic ? EXIT_PANIC : EXIT_ERROR);
  }

  // ---------------------------------------------------------------- transport

  onLine(line) {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      log.error(`Could not parse JSON-RPC message: ${line.slice(0, 200)}`);
      this.failed = true;
      return;
    }
    if (message.method !== undefined) this.enqueue(message);
    else this.onResponse(message);
  }

  onResponse(message) {
    const resolve = this.outgoing.get(message.id);
    if (!resolve) return;
    this.outgoing.delete(message.id);
    resolve(message);
  }

  send(message) {
    process.stdout.write(`${JSON.stringify(message, jsonReplacer)}\n`);
  }

  respond(id, payload) {
    if (!this.pending.delete(id)) return; // already answered (e.g. by crash())
    this.send({ jsonrpc: '2.0', id, ...payload });
  }

  /** Ask the CLI to print text on its stdout (how the native engine outputs `migrate diff`). */
  requestPrint(content) {
    const id = this.nextOutgoingId++;
    const answered = new Promise((resolve) => this.outgoing.set(id, resolve));
    this.send({ jsonrpc: '2.0', id, method: 'print', params: { content } });
    return answered;
  }

  // ---------------------------------------------------------------- requests

  enqueue(request) {
    if (request.id === undefined || request.id === null) return; // notification: nothing to answer
    this.pending.set(request.id, request.method);
    this.queue = this.queue.then(() => this.handle(request));
  }

  async handle({ id, method, params }) {
    try {
      const result = await this.dispatch(method, params);
      this.respond(id, { result: result === undefined ? {} : result });
    } catch (err) {
      this.failed = true;
      if (isWasmPanic(err)) return this.crash(err);
      const rpcError = toRpcError(this.withJsCause(err), this.datasource.url);
      log.error(rpcError.data.message, rpcError.data.error_code ? { error_code: rpcError.data.error_code } : {});
      this.respond(id, { error: rpcError });
    }
  }

  async dispatch(method, params) {
    log.debug(`request ${method}`);
    switch (method) {
      case 'createDatabase':
        return this.createDatabase(params);
      case 'diff':
        return this.diff(params);
      case 'evaluateDataLoss':
      case 'createMigration':
        return this.withMigrationSchema(method, params);
      case 'getDatabaseDescription':
        throw new Error('getDatabaseDescription is not supported by the wasm schema engine');
      default:
        return this.callEngine(RENAMED_METHODS[method] ?? method, params);
    }
  }

  async callEngine(method, params) {
    const engine = await this.engine();
    if (typeof engine[method] !== 'function') throw new Error(`Unknown schema engine method: ${method}`);
    // Call as a method: the wasm binding needs `this`.
    return engine[method](params);
  }

  /**
   * evaluateDataLoss / createMigration need the schema the migrations directory produces. The
   * wasm engine does not create a shadow database for them: it only reads a cache filled by
   * diagnoseMigrationHistory (run by devDiagnostic at the start of `migrate dev`). When
   * migrate dev has just applied pending migrations, the cache misses and the engine fails with
   * "shadow DB must be provided through an external factory". Then fill the cache for this exact
   * migrations list (diagnose with the shadow database) and retry once.
   */
  async withMigrationSchema(method, params) {
    try {
      return await this.callEngine(method, params);
    } catch (err) {
      if (isWasmPanic(err) || !/shadow DB must be provided/i.test(String(err?.message))) throw err;
      log.debug(`${method}: migration schema not cached, computing it with a shadow database`);
      await this.callEngine('diagnoseMigrationHistory', {
        migrationsList: params.migrationsList,
        optInToShadowDatabase: true,
        filters: params.filters,
      });
      return this.callEngine(method, params);
    }
  }

  /** `diff` returns its output; the native engine prints it through the CLI instead. */
  async diff(params) {
    const result = await this.callEngine('diff', params);
    if (result && typeof result.stdout === 'string' && result.stdout.length > 0) {
      // The CLI appends a newline to printed content.
      await this.requestPrint(result.stdout.replace(/\n$/, ''));
    }
    return { ...result, stdout: null };
  }

  async createDatabase(params) {
    const url = params?.datasource?.url ?? this.datasource.url;
    if (!url) throw new Error('createDatabase: no connection URL');
    const { database } = describe(url);
    await createDatabase(url, database);
    return { databaseName: database };
  }

  /**
   * A JS exception thrown inside the adapter factory (ours or adapter-pg's) reaches the engine
   * only as a registry id, and its error says just "External error id#N". Put the original
   * message back so the user sees what actually went wrong.
   */
  withJsCause(err) {
    const match = /External error id#(\d+)/.exec(String(err?.message));
    const cause = match && this.boundFactory.errorRegistry.consumeError(Number(match[1]))?.error;
    if (!cause) return err;
    err.message = err.message.replace(match[0], cause.message ?? String(cause));
    return err;
  }

  /** The wasm engine, created on first use (compiling the wasm takes a moment). */
  engine() {
    this.enginePromise ??= createEngine({
      datamodels: readDatamodels(this.datamodelPaths),
      adapterFactory: this.boundFactory,
      onLog: (line) => log.debug(line),
    });
    return this.enginePromise;
  }
}

/** `--datamodels` files as the [path, content] pairs the engine takes (undefined when none). */
function readDatamodels(paths) {
  if (!paths.length) return undefined;
  return paths.map((file) => [file, fs.readFileSync(file, 'utf8')]);
}

/** Turn anything thrown into a JSON-RPC error (see rpc-errors.mjs). */
function toRpcError(err, url) {
  if (isWasmPanic(err)) {
    return panicError(takePanicMessage() ?? String(err?.message ?? err), err?.stack ?? null);
  }
  // Errors of the wasm engine (SchemaConnectorError) carry the Prisma code in `code`.
  if (typeof err?.code === 'string' && /^P\d{4}$/.test(err.code)) {
    return commandError(err.message, { errorCode: err.code, meta: err.meta ?? null });
  }
  // A plain pg error raised by the bridge itself (creating a database, ...).
  if (url && typeof err?.code === 'string') {
    const { error_code: errorCode, message } = userFacingError(err, url);
    return commandError(message, { errorCode });
  }
  return commandError(err?.message ?? String(err));
}

/** JSON for wasm results: Maps (from serde) as objects, BigInts as numbers. */
function jsonReplacer(_key, value) {
  if (value instanceof Map) return Object.fromEntries(value);
  if (typeof value === 'bigint') return Number(value);
  return value;
}
