import express, { type Express, type Request, type RequestHandler } from 'express';
import { findApiRoute, type ApiRoute } from '@liftplan/domain';
import { openApiMismatch } from './openapi-response-check';
import { parsedWith } from '../src/http/validate';

/**
 * Wraps the app so that every 2xx JSON answer is parsed with its response schema from the shared contract
 * (@liftplan/domain's API_ROUTES). A body that drifts from it becomes a 500 CONTRACT_VIOLATION naming the
 * mismatch, so the test that made the request fails and says why. The same body is then validated against the
 * OpenAPI document (GET /api/openapi.json) with a JSON Schema validator: that document can't drift either.
 */
export function withContractCheck(app: Express): Express {
  const outer = express();
  outer.use(checkResponses);
  outer.use(app);
  return outer;
}

const checkResponses: RequestHandler = (req, res, next) => {
  const json = res.json.bind(res);
  const send = res.send.bind(res);
  const problemOf = (body: unknown) => {
    const route = res.statusCode < 300 ? findApiRoute(req.method, req.originalUrl.split('?')[0]!) : undefined;
    const problem = route && contractProblem(req, route, res.statusCode, body);
    return problem && `${req.method} ${route!.path} ${problem}`;
  };
  const violation = (message: string) => {
    res.status(500);
    return json({ error: { code: 'CONTRACT_VIOLATION', message } });
  };
  res.json = (body: unknown) => {
    const problem = problemOf(body);
    return problem ? violation(problem) : json(body);
  };
  // JSON encoded once and cached by the route (GET /api/plans/:id) is checked like any other answer.
  res.send = (body?: unknown) => {
    const encodedJson = Buffer.isBuffer(body) && /json/.test(String(res.get('content-type')));
    const problem = encodedJson && problemOf(JSON.parse(body.toString('utf8')));
    return problem ? violation(problem) : send(body);
  };
  next();
};

function contractProblem(req: Request, route: ApiRoute, status: number, body: unknown): string | undefined {
  const result = route.response?.safeParse(body);
  if (result && !result.success) {
    const problems = result.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.')}: ${i.message}`)
      .join('; ');
    return `answered outside its contract: ${problems}`;
  }
  // The request schemas the OpenAPI document shows must be the ones the route really parsed with.
  const parsed = parsedWith.get(req);
  const undocumented = (['params', 'query', 'body'] as const).find(
    (part) => parsed?.[part] && parsed[part] !== route[part],
  );
  if (undocumented) return `parsed its ${undocumented} with another schema than API_ROUTES lists`;
  const mismatch = openApiMismatch(route, status, body);
  if (mismatch) return `answered outside GET /api/openapi.json: ${mismatch}`;
  return undefined;
}
