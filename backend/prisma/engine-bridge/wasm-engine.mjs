// Loading Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm).
//
// The package's entry point does `import * as wasm from "./schema_engine_bg.wasm"`, which only
// works under a bundler (or --experimental-wasm-modules). We instantiate the .wasm ourselves
// and hand it to the package's JS glue, which is what that entry point would do.

import fs from 'node:fs';
import { createRequire } from 'node:module';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';

const require = createRequire(import.meta.url);

/** Last panic message reported by the wasm panic hook (see installGlobals). */
let lastPanicMessage = null;

/**
 * Globals the wasm glue reaches for:
 * - `PRISMA_WASM_PANIC_REGISTRY.set_message()` is called by the Rust panic hook with the panic
 *   message right before the wasm traps (`RuntimeError: unreachable`);
 * - `module.require("crypto")` is how the Rust `getrandom` crate gets random bytes on Node
 *   (uuids of migration records). The glue is an ES module, where `module` does not exist.
 */
function installGlobals() {
  globalThis.PRISMA_WASM_PANIC_REGISTRY = {
    set_message(message) {
      lastPanicMessage = message;
    },
  };
  if (globalThis.module === undefined) globalThis.module = { require };
}

let loaded = null;

/** Compile and instantiate the wasm module once per process. */
export async function loadWasm() {
  if (loaded) return loaded;
  installGlobals();
  const wasmPath = require.resolve('@prisma/schema-engine-wasm').replace(/schema_engine\.js$/, 'schema_engine_bg.wasm');
  const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), { './schema_engine_bg.js': glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  loaded = glue;
  return loaded;
}

/** Engine commit hash, e.g. "0edf323efd1d98336f3f0a68684b56f689b900d3". */
export async function wasmVersion() {
  return (await loadWasm()).version();
}

/**
 * Create a SchemaEngine.
 * `datamodels`: [path, content][] of the Prisma schema files (or undefined when there are none);
 * `adapterFactory`: a bound migration-aware driver adapter factory.
 */
export async function createEngine({ datamodels, adapterFactory, onLog }) {
  const { SchemaEngine } = await loadWasm();
  return SchemaEngine.new({ datamodels }, onLog, adapterFactory);
}

/**
 * A wasm panic surfaces as a WebAssembly.RuntimeError (the trap after the panic hook). After it
 * the instance's state is undefined: the process must not serve further requests.
 */
export function isWasmPanic(err) {
  return err instanceof WebAssembly.RuntimeError || (err && err.name === 'RuntimeError');
}

/** The panic message captured by the panic hook, if any. */
export function takePanicMessage() {
  const message = lastPanicMessage;
  lastPanicMessage = null;
  return message;
}
