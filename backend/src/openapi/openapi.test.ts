// GET /api/openapi.json and /api/docs: the document is valid OpenAPI 3.1, lists exactly the Express app's routes
// with their auth, and the reference page renders from this origin alone. (That every 2xx answer of every API test
// validates against the document is checked by test/contract-check.ts, which all of them go through.)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { chromium } from 'playwright-core';
import { API_ROUTES, type ApiAuth } from '@liftplan/domain';
import { lifterOnNsuns, registerAdmin } from '../../test/helpers';
import { createTestContext, type TestContext } from '../../test/test-db';
import { openApiDocument, toOpenApiPath, type OpenApiDocument } from './openapi-document';
import { DOCS_ROUTES } from './openapi.routes';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.drop());

describe('GET /api/openapi.json', () => {
  let document: OpenApiDocument;
  beforeAll(async () => {
    document = (await ctx.http().get('/api/openapi.json').expect(200).expect('Content-Type', /json/)).body;
  });

  it('validates as OpenAPI 3.1 (@seriousme/openapi-schema-validator)', () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'liftplan-openapi-')), 'openapi.json');
    fs.writeFileSync(file, JSON.stringify(document));
    // The validator is an ES module, which this CommonJS test run can't load: run its CLI.
    const validator = path.join(
      path.dirname(require.resolve('@seriousme/openapi-schema-validator/package.json')),
      'bin/validate-api-cli.js',
    );
    const run = spawnSync(process.execPath, [validator, file], { encoding: 'utf8' });
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    const result = JSON.parse(run.stdout) as { valid: boolean; errors?: unknown };
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(run.status).toBe(0);
  });

  it('is what the server serves, built once per process', () => {
    expect(document).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
    expect(openApiDocument()).toBe(openApiDocument());
  });

  it('has schemas that are valid JSON Schema 2020-12 and $refs that all resolve', () => {
    const ajv = new Ajv2020({ strict: true, strictTypes: false });
    addFormats(ajv);
    for (const [name, schema] of Object.entries(document.components.schemas)) {
      expect({ name, valid: ajv.validateSchema(schema), errors: ajv.errors }).toEqual({
        name,
        valid: true,
        errors: null,
      });
    }
    const unresolved: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (node === null || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string' && resolvePointer(document, value) === undefined) {
          unresolved.push(value);
        }
        walk(value);
      }
    };
    walk(document);
    expect(unresolved).toEqual([]);
    // Every route schema compiles, so the response check below and any generated client can use it.
    const checker = new Ajv2020({ strict: false });
    addFormats(checker);
    checker.addSchema(document, 'urn:liftplan:openapi');
    for (const [route, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const status of Object.keys(operation.responses)) {
          const pointer = ['paths', route, method, 'responses', status].map(escapePointer).join('/');
          expect(() => checker.getSchema(`urn:liftplan:openapi#/${pointer}`)).not.toThrow();
        }
      }
    }
  });

  it('describes each operation: auth, parameters, request body, answers and the error shape', () => {
    const operationIds = Object.values(document.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
    expect(new Set(operationIds).size).toBe(operationIds.length);
    for (const route of API_ROUTES) {
      const operation = document.paths[toOpenApiPath(route.path)]![route.method.toLowerCase()]!;
      const where = `${route.method} ${route.path}`;
      expect({ where, auth: operation['x-auth'] }).toEqual({ where, auth: route.auth });
      expect({ where, security: operation.security }).toEqual({
        where,
        security: route.auth === 'public' ? [] : [{ bearerAuth: [] }],
      });
      const pathParams = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
      expect({
        where,
        pathParams: (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
      }).toEqual({ where, pathParams });
      expect({ where, body: Boolean(operation.requestBody) }).toEqual({ where, body: Boolean(route.body) });
      const success = Object.keys(operation.responses).filter((status) => status.startsWith('2'));
      expect({ where, success: success.length > 0 }).toEqual({ where, success: true });
      expect(operation.responses.default).toEqual({ $ref: '#/components/responses/Error' });
      if (route.auth !== 'public') expect(operation.responses['401']).toBeDefined();
      if (route.auth === 'admin') expect(operation.responses['403']).toBeDefined();
    }
    const errorBody = document.components.schemas.ErrorBody as { properties: { error: { properties: object } } };
    expect(Object.keys(errorBody.properties.error.properties)).toEqual(['code', 'message', 'details']);
    expect(document.paths['/api/workouts/export.csv']!.get!.responses['200']).toMatchObject({
      content: { 'text/csv': {} },
    });
  });

  it('lists every route of the Express app with its method and auth, and no other', () => {
    const inApp = expressRoutes((ctx.app as unknown as { router: { stack: Layer[] } }).router.stack).filter(
      (route) => !DOCS_ROUTES.includes(route.key),
    );
    const documented = Object.entries(document.paths).flatMap(([route, operations]) =>
      Object.entries(operations).map(([method, op]) => ({
        key: `${method.toUpperCase()} ${route}`,
        auth: op['x-auth'],
      })),
    );
    const documentedKeys = new Set(documented.map((r) => r.key));
    const appKeys = new Set(inApp.map((r) => r.key));
    // A new route needs its entry in packages/domain/src/api-contract.ts (API_ROUTES).
    expect({ missingFromDocument: inApp.filter((r) => !documentedKeys.has(r.key)).map((r) => r.key) }).toEqual({
      missingFromDocument: [],
    });
    expect({ notInApp: documented.filter((r) => !appKeys.has(r.key)).map((r) => r.key) }).toEqual({ notInApp: [] });
    const authOf = (routes: Array<{ key: string; auth: string }>) =>
      Object.fromEntries(routes.map((r) => [r.key, r.auth]).sort(([a], [b]) => a!.localeCompare(b!)));
    expect(authOf(documented)).toEqual(authOf(inApp));
  });
});

describe('recorded answers match the document', () => {
  // Each request goes through test/contract-check.ts: a 2xx body or status outside the document is a 500 there.
  // The errors met on the way (no plan yet…) must have the document's error shape.
  const simpleGets = API_ROUTES.filter(
    (r) => r.method === 'GET' && !r.params && r.response && (!r.query || r.query.safeParse({}).success),
  );

  it.each(['lifter on a plan', 'admin'] as const)('every GET without parameters, as a %s', async (who) => {
    const user = who === 'admin' ? await registerAdmin(ctx) : await lifterOnNsuns(ctx);
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    const isErrorBody = ajv.compile(openApiDocument().components.schemas.ErrorBody!);
    const answered: string[] = [];
    for (const route of simpleGets.filter((r) => r.auth !== 'admin' || who === 'admin')) {
      const res = await ctx.http().get(route.path).set(user.auth);
      const ok = res.status < 300;
      expect({ route: route.path, status: ok ? res.status : 'an error', body: ok || isErrorBody(res.body) }).toEqual({
        route: route.path,
        status: ok ? (route.status ?? 200) : 'an error',
        body: true,
      });
      expect(res.status).not.toBe(500);
      if (ok) answered.push(route.path);
    }
    expect(answered).toEqual(
      expect.arrayContaining(['/api/health', '/api/openapi.json', '/api/plans', '/api/users/me/export']),
    );
    if (who !== 'admin')
      expect(answered).toEqual(expect.arrayContaining(['/api/plans/current', '/api/training-maxes']));
  });
});

describe('/api/docs', () => {
  it('is an HTML page whose scripts and styles all come from this origin, with its own CSP', async () => {
    const res = await ctx.http().get('/api/docs').expect(200).expect('Content-Type', /html/);
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/https?:|\*/);
    const assets = [...res.text.matchAll(/<(?:script|link)[^>]*?(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      expect(asset).toMatch(/^\/(?!\/)/); // a path on this origin, not //cdn…
      const file = await ctx.http().get(asset).expect(200);
      expect(file.headers['content-type']).toMatch(/javascript|css/);
      expect(file.headers['cache-control']).toMatch(/immutable/);
    }
    expect(res.text).toContain('data-url="/api/openapi.json"');
  });

  it('renders offline in a browser: nothing is fetched from another origin', async () => {
    const server = http.createServer(ctx.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage();
      const elsewhere: string[] = [];
      const problems: string[] = [];
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (new URL(url).origin === origin || url.startsWith('data:') || url.startsWith('blob:')) {
          return route.continue();
        }
        elsewhere.push(url);
        return route.abort();
      });
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      // An operation's own address: Scalar scrolls to it and renders its parameters, body and answers.
      await page.goto(`${origin}/api/docs#tag/workouts/PATCH/api/workouts/{id}/sets/{setId}`);
      await page.getByRole('heading', { name: 'Liftplan API' }).first().waitFor({ timeout: 20_000 });
      await page.getByRole('heading', { name: 'Log a set' }).first().waitFor();
      await page.getByText('logSetBody').first().waitFor();
      await page.getByText('admin/plans').first().waitFor(); // a group of the sidebar
      expect(elsewhere).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    }
  }, 60_000);
});

type Layer = {
  name: string;
  rawPath?: unknown;
  handle: { stack?: Layer[] };
  route?: { path: string; methods: Record<string, boolean>; stack: Layer[] };
};
type Guard = { path: string; auth: Exclude<ApiAuth, 'public'> };
const GUARDS: Record<string, Guard['auth']> = { requireAuthHandler: 'lifter', requireAdmin: 'admin' };

const joinPath = (...parts: string[]) => `/${parts.join('/')}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
const covers = (guard: string, route: string) => route === guard || route.startsWith(guard === '/' ? '/' : `${guard}/`);

/** Every route in an Express router stack, as `METHOD /openapi/{path}`, with the auth its middleware demands. */
function expressRoutes(stack: Layer[], prefix = '', inherited: Guard[] = []): Array<{ key: string; auth: ApiAuth }> {
  const found: Array<{ key: string; auth: ApiAuth }> = [];
  const guards = [...inherited];
  for (const layer of stack) {
    const here = joinPath(prefix, typeof layer.rawPath === 'string' ? layer.rawPath : '/');
    if (layer.route) {
      const route = joinPath(prefix, layer.route.path);
      const auths = [
        ...guards.filter((g) => covers(g.path, route)).map((g) => g.auth),
        ...layer.route.stack.map((l) => GUARDS[l.name]).filter(Boolean),
      ];
      const auth: ApiAuth = auths.includes('admin') ? 'admin' : auths.includes('lifter') ? 'lifter' : 'public';
      for (const method of Object.keys(layer.route.methods)) {
        found.push({ key: `${method.toUpperCase()} ${toOpenApiPath(route)}`, auth });
      }
    } else if (Array.isArray(layer.handle.stack)) {
      found.push(...expressRoutes(layer.handle.stack, here, guards));
    } else if (GUARDS[layer.name]) {
      guards.push({ path: here, auth: GUARDS[layer.name]! });
    }
  }
  return found;
}

const escapePointer = (part: string) => part.replace(/~/g, '~0').replace(/\//g, '~1');

function resolvePointer(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], root);
}
