import type { Logger } from 'pino';

export type ProcessErrorOptions = {
  log: Logger;
  /** The runtime's graceful stop (shared with the signal handlers, so it runs at most once). */
  stop: () => Promise<void>;
  /** How long the stop may take before the process exits anyway. */
  timeoutMs: number;
  /** Called after the fatal log line, before stopping (main.ts prints its start-up sentence if still starting). */
  onFatal?: (err: unknown) => void;
  exit?: (code: number) => void;
  proc?: Pick<NodeJS.Process, 'on'>;
};

/**
 * After an unhandled rejection or an uncaught exception the process is in an unknown state: log it (fatal), try the
 * graceful stop (drain HTTP, disconnect, stop the embedded PostgreSQL) for at most `timeoutMs`, then exit 1 — also
 * when the stop fails or hangs. A second error while stopping is logged and changes nothing.
 */
export function exitOnProcessErrors({
  log,
  stop,
  timeoutMs,
  onFatal,
  exit = (code) => process.exit(code),
  proc = process,
}: ProcessErrorOptions): void {
  let failing = false;
  const fatal = (kind: 'unhandledRejection' | 'uncaughtException') => (err: unknown) => {
    log.fatal(
      { err, kind },
      kind === 'unhandledRejection' ? 'unhandled promise rejection; stopping' : 'uncaught exception; stopping',
    );
    if (failing) return;
    failing = true;
    try {
      onFatal?.(err);
    } catch {
      // reporting must not keep the process from stopping
    }
    void stopWithin(log, stop, timeoutMs).then(() => exit(1));
  };
  proc.on('unhandledRejection', fatal('unhandledRejection'));
  proc.on('uncaughtException', fatal('uncaughtException'));
}

async function stopWithin(log: Logger, stop: () => Promise<void>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
  const stopped = Promise.resolve()
    .then(stop)
    .then(
      () => 'stopped' as const,
      (err: unknown) => {
        log.error({ err }, 'graceful stop after a fatal error failed');
        return 'failed' as const;
      },
    );
  const outcome = await Promise.race([stopped, timedOut]);
  clearTimeout(timer);
  if (outcome === 'timeout')
    log.error({ timeoutMs }, 'graceful stop after a fatal error did not finish in time; exiting anyway');
}
