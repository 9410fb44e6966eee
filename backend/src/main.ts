import { loadConfig } from './config/config';
import { createLogger, startRuntime } from './runtime';

async function main() {
  const config = loadConfig();
  const log = createLogger(config);
  const runtime = await startRuntime(config, log);
  console.log(`LiftPlan is running at ${runtime.url}`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    runtime.stop().then(
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
