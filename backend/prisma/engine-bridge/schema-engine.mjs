#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, backed by Prisma's wasm schema engine
// (@prisma/schema-engine-wasm) and @prisma/adapter-pg. prisma.config.ts points
// PRISMA_SCHEMA_ENGINE_BINARY here, so the Prisma CLI never tries to download the native engine.
// See README.md in this folder.
//
// Invocations the CLI makes (same arguments as the native binary, see args.mjs):
//   schema-engine --version                                   → "schema-engine-cli <hash>"
//   schema-engine --datasource '{"url":...}' cli <command>    → one-shot, see cli-commands.mjs
//   schema-engine [--datamodels FILE]... [--datasource JSON]  → JSON-RPC over stdin/stdout:
//       supervisor.mjs (this process) relaying to rpc-worker.mjs (the engine itself)

import { parseArgs } from './args.mjs';

async function main() {
  const argv = process.argv.slice(2);
  const args = parseArgs(argv);
  if (args.version) {
    const { wasmVersion } = await import('./wasm-engine.mjs');
    process.stdout.write(`schema-engine-cli ${await wasmVersion()}\n`);
    return 0;
  }
  if (args.cli) {
    const { runCliCommand } = await import('./cli-commands.mjs');
    return runCliCommand(args.cli, args.datasource);
  }
  const { Supervisor } = await import('./supervisor.mjs');
  new Supervisor(argv).start();
  return undefined; // keeps running until the CLI closes stdin
}

// Whatever goes wrong, end with a JSON error line the CLI can show and a non-zero exit code.
main().then(
  (code) => {
    if (code !== undefined) process.exit(code);
  },
  async (err) => {
    const { error } = await import('./log.mjs');
    error(`schema engine bridge failed: ${err?.stack ?? err}`);
    process.exit(1);
  },
);
