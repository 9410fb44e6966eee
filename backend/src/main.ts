import { loadConfig } from './config/config';
import { exitOnProcessErrors } from './process-errors';
import { createLogger, startRuntime, type Runtime } from './runtime';

/** After an unhandled rejection / uncaught exception: requests in flight get this long, the whole stop at most the next. */
const FATAL_DRAIN_GRACE_MS = 2_000;
const FATAL_STOP_TIMEOUT_MS = 8_000;

async function main() {
  const config = loadConfig();
  const log = createLogger(config);
  const started: { runtime?: Runtime } = {}; // set once start-up has finished
  let stopping: Promise<void> | undefined;
  /** One stop for signals and fatal errors alike; before start-up has finished there is nothing to stop yet. */
  const stopOnce = (graceMs?: number) =>
    (stopping ??= started.runtime ? started.runtime.stop(graceMs) : Promise.resolve());
  exitOnProcessErrors({
    log,
    stop: () => stopOnce(Math.min(FATAL_DRAIN_GRACE_MS, config.shutdownGraceMs)),
    timeoutMs: FATAL_STOP_TIMEOUT_MS,
    onFatal: (err) => {
      if (!started.runtime) console.error(startupFailureMessage(err)); // still starting: the same one sentence as below
    },
  });
  const runtime = await startRuntime(config, log);
  started.runtime = runtime;
  console.log(`LiftPlan is running at ${runtime.url}`);

  const shutdown = (signal: string) => {
    if (stopping) return;
    log.info({ signal }, 'shutting down');
    stopOnce().then(
      () => process.exit(0),
      (err) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(startupFailureMessage(err));
  process.exit(1);
});

/** One sentence for the person starting the app; some libraries reject with strings or nothing at all. */
function startupFailureMessage(err: unknown): string {
  if (err instanceof Error && err.message) return err.message;
  if (typeof err === 'string' && err.trim()) return err.trim();
  return 'LiftPlan could not start and no reason was given; start it with LOG_LEVEL=debug to see what happened';
}
