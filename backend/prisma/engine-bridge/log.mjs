// Log lines on stderr in the native schema engine's format.
//
// The Prisma CLI reads the engine's stderr line by line and parses every line as JSON:
// - for the long-running engine it keeps `fields.message` of each line and remembers the last
//   `level: "ERROR"` line; that message is what the user sees when the engine exits non-zero;
// - for the one-shot `cli ...` commands it skips the first stderr line and looks for
//   `level: "ERROR", target: "schema_engine::logger"` with `fields.error_code` (e.g. P1003, which
//   makes `migrate deploy` / `migrate dev` create the missing database).
// So everything we write to stderr must be one JSON object per line, nothing else.

const TARGET = 'schema_engine::logger';

/** Write one log line to stderr. `fields` may carry extra keys such as `error_code`. */
export function log(level, message, fields = {}) {
  const line = {
    timestamp: new Date().toISOString(),
    level,
    fields: { message: String(message), ...fields },
    target: TARGET,
  };
  // stderr is a pipe when spawned by the CLI: on Linux pipe writes are synchronous, so the line
  // is out before a following process.exit().
  process.stderr.write(`${JSON.stringify(line)}\n`);
}

export const info = (message, fields) => log('INFO', message, fields);
export const error = (message, fields) => log('ERROR', message, fields);

/** Debug output only when asked for (PRISMA_BRIDGE_DEBUG=1), to keep the CLI's collected messages short. */
export function debug(message, fields) {
  if (process.env.PRISMA_BRIDGE_DEBUG) log('DEBUG', message, fields);
}
