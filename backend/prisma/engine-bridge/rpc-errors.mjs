// The JSON-RPC error objects the Prisma CLI understands (shape of the native engine's errors).
//
// The CLI looks at `error.data`:
// - `is_panic: true` → it reports an engine panic (RustPanic) with `data.error.message`;
// - `error_code` (a P-code) → it throws an EngineError carrying that code (it branches on some,
//   e.g. P3006, P3009, P3018);
// - otherwise `data.message` becomes the error message.

const GENERIC_ERROR_CODE = 4466; // the JSON-RPC error code the native engine uses for command errors

/** A failed command (user-facing error), optionally with a Prisma error code. */
export function commandError(message, { errorCode, meta = null } = {}) {
  const data = { is_panic: false, message, meta };
  if (errorCode) data.error_code = errorCode;
  return { code: GENERIC_ERROR_CODE, message: 'An error happened. Check the data field for details.', data };
}

/** A crash of the engine: no further request can be trusted to work. */
export function panicError(message, backtrace = null) {
  return { code: GENERIC_ERROR_CODE, message, data: { is_panic: true, message, backtrace, error: { message } } };
}
