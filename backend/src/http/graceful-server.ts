import http, { type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { ErrorBody } from '@liftplan/domain';

/** Read by the health route: true once shutdown has begun. */
export type Lifecycle = { draining: boolean };

export type GracefulServer = { server: Server; drain: (graceMs: number) => Promise<void> };

/**
 * An HTTP server whose shutdown doesn't cut requests. While draining, requests that were already in flight run to
 * completion (for at most the grace period); new requests are turned away with 503 (health reports `draining`) and
 * their connections closed; the listening socket closes once the in-flight requests are done.
 */
export function createGracefulServer(app: RequestListener, lifecycle: Lifecycle, log: Logger): GracefulServer {
  const inFlight = new Set<ServerResponse>();
  let onAllDone = () => {};
  const server = http.createServer((req, res) => {
    if (lifecycle.draining) return answerWhileDraining(app, req, res);
    inFlight.add(res);
    res.once('close', () => {
      inFlight.delete(res);
      if (inFlight.size === 0) onAllDone();
    });
    app(req, res);
  });

  const drain = async (graceMs: number) => {
    lifecycle.draining = true;
    for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    server.closeIdleConnections();
    const allDone = new Promise<void>((resolve) => (onAllDone = resolve));
    if (inFlight.size > 0 && !(await settlesWithin(allDone, graceMs))) {
      log.warn(
        { requests: inFlight.size, graceMs },
        'shutdown grace period over: closing the connections of unfinished requests',
      );
    }
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  };
  return { server, drain };
}

function answerWhileDraining(app: RequestListener, req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('Connection', 'close');
  if (/^\/api\/health\/?(\?|$)/.test(req.url ?? '')) {
    app(req, res);
    return;
  }
  const body: ErrorBody = {
    error: { code: 'SHUTTING_DOWN', message: 'The server is shutting down; try again in a moment' },
  };
  res
    .writeHead(503, { 'Content-Type': 'application/json; charset=utf-8', 'Retry-After': '5' })
    .end(JSON.stringify(body));
}

async function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const settled = await Promise.race([promise.then(() => true as const), timeout]);
  clearTimeout(timer);
  return settled;
}
