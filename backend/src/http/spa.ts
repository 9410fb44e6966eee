import express, { type RequestHandler, Router } from 'express';
import fs from 'node:fs';
import path from 'node:path';

/** A hashed asset that isn't there (an old tab after a deploy, a probe): a plain 404, never index.html. */
const missingAsset: RequestHandler = (_req, res) => {
  res.status(404).type('text').send('Not found');
};

/** Files whose name never changes between versions: the browser must ask the server each time. */
const ALWAYS_REVALIDATE = new Set(['sw.js', 'registerSW.js', 'manifest.webmanifest', 'index.html']);

/** Serves the built SPA; any other non-API GET gets index.html so client-side routes survive a reload. */
export function spaRouter(spaDir: string): Router {
  const router = Router();
  const indexFile = path.join(spaDir, 'index.html');
  router.use(
    '/assets',
    express.static(path.join(spaDir, 'assets'), { immutable: true, maxAge: '1y', index: false }),
    missingAsset,
  );
  router.use(
    express.static(spaDir, {
      index: false,
      maxAge: '1h',
      // The service worker and what decides which version runs must always be revalidated, or a fix waits an hour.
      setHeaders: (res, file) => {
        if (ALWAYS_REVALIDATE.has(path.basename(file))) res.setHeader('Cache-Control', 'no-cache');
      },
    }),
  );
  const fallback: RequestHandler = (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (!fs.existsSync(indexFile)) {
      res.status(503).type('text').send('The web app is not built yet: run `pnpm build`.');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  };
  router.use(fallback);
  return router;
}
