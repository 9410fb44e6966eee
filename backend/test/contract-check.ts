import express, { type Express, type RequestHandler } from 'express';
import { findApiRoute } from '@liftplan/domain';

/**
 * Wraps the app so that every 2xx JSON answer is parsed with its response schema from the shared contract
 * (@liftplan/domain's API_ROUTES). A body that drifts from it becomes a 500 CONTRACT_VIOLATION naming the
 * mismatch, so the test that made the request fails and says why.
 */
export function withContractCheck(app: Express): Express {
  const outer = express();
  outer.use(checkResponses);
  outer.use(app);
  return outer;
}

const checkResponses: RequestHandler = (req, res, next) => {
  const json = res.json.bind(res);
  res.json = (body: unknown) => {
    const route = res.statusCode < 300 ? findApiRoute(req.method, req.originalUrl.split('?')[0]!) : undefined;
    const result = route?.response.safeParse(body);
    if (result && !result.success) {
      const problems = result.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ');
      res.status(500);
      return json({
        error: {
          code: 'CONTRACT_VIOLATION',
          message: `${req.method} ${route!.path} answered outside its contract: ${problems}`,
        },
      });
    }
    return json(body);
  };
  next();
};
