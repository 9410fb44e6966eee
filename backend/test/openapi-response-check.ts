import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ApiRoute } from '@liftplan/domain';
import { openApiDocument, toOpenApiPath } from '../src/openapi/openapi-document';

// The second half of the contract check: a 2xx JSON answer must also validate against GET /api/openapi.json, as a
// client generated from that document would read it. So the document can't drift from what the server sends (a
// transform described the wrong way round, a status that isn't listed, a field the schema forbids).

const DOCUMENT_ID = 'urn:liftplan:openapi';
let ajv: Ajv2020 | undefined;
const validators = new Map<string, ValidateFunction>();

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/** Why `body` (answered with `status` by `route`) does not match the OpenAPI document, or undefined if it does. */
export function openApiMismatch(route: ApiRoute, status: number, body: unknown): string | undefined {
  const document = openApiDocument();
  const path = toOpenApiPath(route.path);
  const method = route.method.toLowerCase();
  const answer = document.paths[path]?.[method]?.responses[String(status)];
  if (!answer || !('content' in answer) || !answer.content?.['application/json']) {
    return `the document lists no JSON ${status} answer for ${route.method} ${path}`;
  }
  const key = `${method} ${path} ${status}`;
  let validate = validators.get(key);
  if (!validate) {
    if (!ajv) {
      ajv = new Ajv2020({ strict: false, allErrors: true });
      addFormats(ajv);
      ajv.addSchema(document, DOCUMENT_ID);
    }
    const ref = `${DOCUMENT_ID}#/${pointer('paths', path, method, 'responses', String(status), 'content', 'application/json', 'schema')}`;
    validate = ajv.getSchema(ref);
    if (!validate) return `no schema at ${ref}`;
    validators.set(key, validate);
  }
  if (validate(JSON.parse(JSON.stringify(body)))) return undefined; // as sent: dates as strings, no undefined
  return (validate.errors ?? [])
    .slice(0, 5)
    .map((e) => `${e.instancePath || '/'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`)
    .join('; ');
}
