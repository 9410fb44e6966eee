// The one-shot commands: `<engine> --datasource '{"url":...}' cli <command>`.
//
// The CLI uses them before `migrate deploy` / `migrate dev` / `db push` to check the database
// and create it when missing. Contract (from the CLI's code): exit 0 = success; on failure exit
// non-zero and write JSON log lines to stderr, where the CLI skips the first line and looks for
// `level: "ERROR", target: "schema_engine::logger", fields: { error_code, message }`.
// `can-connect-to-database` failing with P1003 ("database does not exist") is what makes the CLI
// run `create-database`.

import { createDatabase, describe, dropDatabase, probe, userFacingError } from './pg-connection.mjs';
import * as log from './log.mjs';

const COMMANDS = {
  'can-connect-to-database': async (url) => {
    await probe(url);
  },
  'create-database': async (url) => {
    const { database } = describe(url);
    await createDatabase(url, database);
    log.info(`Database '${database}' was successfully created.`);
  },
  'drop-database': async (url) => {
    const { database } = describe(url);
    await dropDatabase(url, database);
    log.info(`Database '${database}' was successfully dropped.`);
  },
};

/** Run a one-shot command; resolves to the process exit code. */
export async function runCliCommand(command, datasource) {
  // The CLI ignores the first stderr line of a one-shot command, so always start with one.
  log.info(`schema engine (wasm bridge) cli ${command}`);
  const run = COMMANDS[command];
  if (!run) {
    log.error(`Unknown cli command: ${command}`);
    return 1;
  }
  const url = datasource?.url;
  if (!url) {
    log.error('No database URL: --datasource has no url. Set DATABASE_URL.');
    return 1;
  }
  try {
    await run(url);
    return 0;
  } catch (err) {
    const { error_code: errorCode, message } = userFacingError(err, url);
    log.error(message, errorCode ? { error_code: errorCode } : {});
    return 1;
  }
}
