import { z } from 'zod';
import * as domain from '@liftplan/domain';
import { API_ROUTES, ERROR_CODES, type ApiRoute } from '@liftplan/domain';

// GET /api/openapi.json: an OpenAPI 3.1 document generated from the shared contract (@liftplan/domain's API_ROUTES)
// with zod 4's own JSON Schema output. Requests are described as zod reads them (io: 'input': defaults are optional,
// `"3"` in a path is a string of digits), answers as the server writes them (io: 'output'). Every schema exported
// by @liftplan/domain under a name becomes a component of that name, so the reference shows `planDetailDto`, not
// the same shape inlined twenty times.

type JsonSchema = { [key: string]: unknown };
type Io = 'input' | 'output';

export type OpenApiDocument = {
  openapi: '3.1.1';
  info: { title: string; version: string; description: string };
  servers: Array<{ url: string; description: string }>;
  tags: Array<{ name: string }>;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, unknown>;
    securitySchemes: Record<string, unknown>;
  };
};
export type OpenApiOperation = {
  operationId: string;
  summary: string;
  tags: string[];
  security: Array<Record<string, string[]>>;
  'x-auth': ApiRoute['auth'];
  parameters?: Array<{ name: string; in: 'path' | 'query'; required: boolean; schema: JsonSchema }>;
  requestBody?: { required: boolean; content: { 'application/json': { schema: JsonSchema } } };
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> } | JsonRef>;
};
type JsonRef = { $ref: string };

/** `{ error: { code, message, details? } }`: the body of every 4xx and 5xx (backend/src/http/errors.ts). */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z
      .unknown()
      .optional()
      .describe(
        'VALIDATION_ERROR: `[{ path, message }]`, at most 50. Other codes: whatever helps, when anything does.',
      ),
  }),
});

/** Express's `/api/plans/:id` as OpenAPI's `/api/plans/{id}`. */
export const toOpenApiPath = (expressPath: string) => expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

let cached: OpenApiDocument | undefined;
/** Built on first use, then kept for the life of the process (the contract does not change while it runs). */
export function openApiDocument(): OpenApiDocument {
  cached ??= buildOpenApiDocument(API_ROUTES);
  return cached;
}

export function buildOpenApiDocument(routes: readonly ApiRoute[]): OpenApiDocument {
  const schemas = new SchemaComponents(domain);
  schemas.add('ErrorBody', errorBodySchema);
  schemas.convert(errorBodySchema, 'output');
  // Answers first: a named schema that reads differently as a request is then the one suffixed `Input`.
  const responses = routes.map((route) => (route.response ? schemas.convert(route.response, 'output') : undefined));
  const paths: OpenApiDocument['paths'] = {};
  routes.forEach((route, i) => {
    const path = toOpenApiPath(route.path);
    const operations = (paths[path] ??= {});
    const method = route.method.toLowerCase();
    if (operations[method]) throw new Error(`${route.method} ${route.path} is listed twice in API_ROUTES`);
    operations[method] = operation(route, responses[i], schemas);
  });
  const tags = [...new Set(routes.map(tagOf))].map((name) => ({ name }));
  return {
    openapi: '3.1.1',
    info: {
      title: 'Liftplan API',
      version: '1',
      description: [
        'Percentage-based strength training plans. Every route below is generated from the zod schemas the server',
        'validates with (`@liftplan/domain`).',
        '',
        '**Auth**: sign in with `POST /api/auth/login` (or register) and send the token as',
        '`Authorization: Bearer <token>`. Routes marked `x-auth: admin` (everything under `/api/admin`) need an',
        'administrator account: 403 `FORBIDDEN` otherwise.',
        '',
        '**Errors**: every 4xx and 5xx answers `{ "error": { "code", "message", "details"? } }` (`ErrorBody`);',
        'branch on `code`. A request that fails its schema is a 400 `VALIDATION_ERROR` whose `details` lists',
        '`{ path, message }` per problem; a body that is not JSON is a 415.',
      ].join('\n'),
    },
    servers: [{ url: '/', description: 'This server' }],
    tags,
    paths,
    components: {
      schemas: schemas.components,
      responses: {
        BadRequest: errorResponse('The request does not match its schema (VALIDATION_ERROR, MALFORMED_JSON, …)'),
        Unauthorized: errorResponse(
          'No valid bearer token, or its account is gone (UNAUTHENTICATED, INVALID_TOKEN, …)',
        ),
        Forbidden: errorResponse('Not an administrator (FORBIDDEN)'),
        Error: errorResponse('Any other error: see `code` (NOT_FOUND, a 409 conflict, a 422 domain rule, a 5xx…)'),
      },
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
}

function errorResponse(description: string) {
  return { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } } };
}

/** `/api/admin/plans/:id` → `admin/plans`; `/api/plans/current` → `plans`. */
function tagOf(route: ApiRoute): string {
  const [first = '', second = ''] = route.path.replace(/^\/api\//, '').split('/');
  const name = (segment: string) => segment.replace(/\.json$/, '');
  return first === 'admin' ? `admin/${name(second)}` : name(first);
}

/** `GET /api/plans/:id/projection` → `getPlansByIdProjection`. */
function operationIdOf(route: ApiRoute): string {
  const words = route.path
    .replace(/^\/api\//, '')
    .split(/[/.-]/)
    .filter(Boolean)
    .map((part) => (part.startsWith(':') ? `by-${part.slice(1)}` : part))
    .flatMap((part) => part.split('-'))
    .map((word) => word[0]!.toUpperCase() + word.slice(1));
  return route.method.toLowerCase() + words.join('');
}

function operation(route: ApiRoute, response: JsonSchema | undefined, schemas: SchemaComponents): OpenApiOperation {
  const op: Omit<OpenApiOperation, 'responses'> = {
    operationId: operationIdOf(route),
    summary: route.summary,
    tags: [tagOf(route)],
    security: route.auth === 'public' ? [] : [{ bearerAuth: [] }],
    'x-auth': route.auth,
  };
  const parameters = [
    ...(route.params ? schemas.parameters(route.params, 'path') : []),
    ...(route.query ? schemas.parameters(route.query, 'query') : []),
  ];
  if (parameters.length) op.parameters = parameters;
  if (route.body) {
    op.requestBody = {
      // parseBody reads a missing body as {}: a schema that accepts {} needs no body at all.
      required: !route.body.safeParse({}).success,
      content: { 'application/json': { schema: schemas.convert(route.body, 'input') } },
    };
  }
  const responses: OpenApiOperation['responses'] = {};
  if (response) {
    responses[String(route.status ?? 200)] = {
      description: route.status === 201 ? 'Created' : 'OK',
      content: { 'application/json': { schema: response } },
    };
  }
  if (route.produces) {
    responses['200'] = { description: 'OK', content: { [route.produces]: { schema: { type: 'string' } } } };
  }
  if (route.noContent) responses['204'] = { description: 'No Content' };
  // Any route can meet a malformed body (express.json runs for all of /api) or a bad parameter.
  if (route.params || route.query || route.body) responses['400'] = { $ref: '#/components/responses/BadRequest' };
  if (route.auth !== 'public') responses['401'] = { $ref: '#/components/responses/Unauthorized' };
  if (route.auth === 'admin') responses['403'] = { $ref: '#/components/responses/Forbidden' };
  responses.default = { $ref: '#/components/responses/Error' };
  return { ...op, responses };
}

/**
 * zod → JSON Schema 2020-12 (OpenAPI 3.1's dialect), with each named schema hoisted into `components.schemas`.
 * Refinements (cross-field rules, "no control characters") are not expressible and are left out; they still run
 * on the server. A type JSON Schema can't express (none today) becomes `{}` rather than failing the whole document.
 */
class SchemaComponents {
  readonly components: Record<string, JsonSchema> = {};
  private readonly names = z.registry<{ id: string }>();
  private readonly sameBothWays = new Map<z.ZodType, boolean>();
  private readonly byId = new Map<string, z.ZodType>();
  private readonly answerNames = new Set<string>();

  constructor(named: Record<string, unknown>) {
    // Our names, on top of what `.describe()` / `.meta()` put in zod's global registry (descriptions, examples).
    const ownMetadata = this.names.get.bind(this.names);
    this.names.get = ((schema: z.ZodType) => {
      const global = z.globalRegistry.get(schema);
      const own = ownMetadata(schema);
      return global || own ? { ...global, ...own } : undefined;
    }) as typeof this.names.get;
    for (const [name, value] of Object.entries(named)) {
      if (value instanceof z.ZodType && !this.names.has(value)) this.add(name, value);
    }
  }

  add(id: string, schema: z.ZodType): void {
    this.names.add(schema, { id });
    this.byId.set(id, schema);
  }

  /** The JSON Schema of `schema`: a `$ref` to a component when the schema has a name. */
  convert(schema: z.ZodType, io: Io): JsonSchema {
    const {
      $defs = {},
      $schema: _,
      ...root
    } = z.toJSONSchema(schema, {
      metadata: this.names,
      io,
      target: 'draft-2020-12',
      unrepresentable: 'any',
      cycles: 'ref',
      reused: 'inline',
    }) as JsonSchema & { $defs?: Record<string, JsonSchema> };
    const rename = (id: string) => this.componentName(id, io);
    for (const [id, def] of Object.entries($defs)) {
      const name = rename(id);
      if (io === 'output') this.answerNames.add(name);
      const json = rewriteRefs(def, rename);
      const existing = this.components[name];
      if (existing && JSON.stringify(existing) !== JSON.stringify(json)) {
        throw new Error(`Two different JSON Schemas for component ${name}`);
      }
      this.components[name] = json;
    }
    return rewriteRefs(root, rename);
  }

  /** Path or query parameters: one per property of an object schema. */
  parameters(schema: z.ZodType, where: 'path' | 'query'): NonNullable<OpenApiOperation['parameters']> {
    const converted = this.convert(schema, 'input');
    const object = this.resolve(converted);
    const properties = (object.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((object.required ?? []) as string[]);
    return Object.entries(properties).map(([name, propertySchema]) => ({
      name,
      in: where,
      required: where === 'path' || required.has(name),
      schema: propertySchema,
    }));
  }

  private resolve(schema: JsonSchema): JsonSchema {
    const ref = typeof schema.$ref === 'string' ? schema.$ref : undefined;
    if (!ref) return schema;
    return this.resolve(this.components[ref.replace('#/components/schemas/', '')] ?? {});
  }

  /** Answers keep the plain name; a request schema takes it too unless it reads differently as a request. */
  private componentName(id: string, io: Io): string {
    if (io === 'output' || !this.answerNames.has(id)) return id;
    const schema = this.byId.get(id)!;
    let same = this.sameBothWays.get(schema);
    if (same === undefined) {
      const inline = (mode: Io) =>
        JSON.stringify(z.toJSONSchema(schema, { io: mode, unrepresentable: 'any', metadata: z.registry() }));
      same = inline('input') === inline('output');
      this.sameBothWays.set(schema, same);
    }
    return same ? id : `${id}Input`;
  }
}

function rewriteRefs(value: JsonSchema, rename: (id: string) => string): JsonSchema {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, child]) => {
        if (key !== '$ref' || typeof child !== 'string') return [key, walk(child)];
        const match = /^#\/\$defs\/(.+)$/.exec(child);
        if (!match) throw new Error(`Unexpected $ref ${child} in a generated schema`);
        return [key, `#/components/schemas/${rename(match[1]!)}`];
      }),
    );
  };
  return walk(value) as JsonSchema;
}
