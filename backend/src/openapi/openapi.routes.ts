import { Router } from 'express';
import fs from 'node:fs';
import path from 'node:path';
import { openApiDocument } from './openapi-document';

// GET /api/openapi.json and the interactive reference at /api/docs: Scalar's prebuilt browser bundle, served from
// node_modules, so the page works offline and loads nothing from any other origin.

const scalarRoot = path.resolve(path.dirname(require.resolve('@scalar/api-reference')), '..');
const scalarVersion = (
  JSON.parse(fs.readFileSync(path.join(scalarRoot, 'package.json'), 'utf8')) as { version: string }
).version;
const SCALAR_BUNDLE = path.join(scalarRoot, 'dist/browser/standalone.js');
/** Versioned, so a new Scalar is fetched at once although the file may be cached for a year. */
export const SCALAR_BUNDLE_URL = `/api/docs/scalar.js?v=${scalarVersion}`;

const scalarConfiguration = {
  theme: 'default',
  withDefaultFonts: false, // Scalar's own fonts come from its CDN: use the system's
  telemetry: false,
  agent: { disabled: true }, // Scalar's hosted extras: nothing of ours, and they'd call out
  mcp: { disabled: true },
  showDeveloperTools: 'never',
  hideClientButton: false,
  persistAuth: false,
};

const DOCS_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Liftplan API</title>
  </head>
  <body>
    <script id="api-reference" data-url="/api/openapi.json" data-configuration='${JSON.stringify(scalarConfiguration)}'></script>
    <script src="${SCALAR_BUNDLE_URL}"></script>
  </body>
</html>
`;

/**
 * Scripts, data and fonts from this origin only (no CDN can be reached, nor needed); Scalar injects its styles
 * at run time, hence 'unsafe-inline' for styles on this page alone. The app's own pages keep helmet's policy.
 */
const DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/** Mounted on the /api router. */
export function openApiRouter(): Router {
  const router = Router();
  router.get('/openapi.json', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.json(openApiDocument());
  });
  router.get('/docs', (_req, res) => {
    res.setHeader('Content-Security-Policy', DOCS_CSP);
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(DOCS_HTML);
  });
  router.get('/docs/scalar.js', (_req, res, next) => {
    // dotfiles: pnpm keeps packages under node_modules/.pnpm/, which `send` would otherwise refuse.
    res.sendFile(SCALAR_BUNDLE, { maxAge: '365d', immutable: true, dotfiles: 'allow' }, (err) => err && next(err));
  });
  return router;
}

/** The reference page and its script: served under /api, but not routes of the API the document describes. */
export const DOCS_ROUTES = ['GET /api/docs', 'GET /api/docs/scalar.js'];
