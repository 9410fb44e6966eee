// The contract check itself: a response that drifts from its schema fails the request that produced it.
import express from 'express';
import request from 'supertest';
import { API_ROUTES, findApiRoute } from '@liftplan/domain';
import { z } from 'zod';
import { parseBody } from '../src/http/validate';
import { withContractCheck } from './contract-check';

it('a 2xx body that does not match its route schema becomes a 500 CONTRACT_VIOLATION', async () => {
  const app = express();
  app.get('/api/users/me', (_req, res) => void res.json({ user: { id: 'not-a-number' } }));
  const res = await request(withContractCheck(app)).get('/api/users/me').expect(500);
  expect(res.body.error.code).toBe('CONTRACT_VIOLATION');
  expect(res.body.error.message).toMatch(/user\.id/);
});

it('routes resolve to the most specific entry', () => {
  expect(findApiRoute('GET', '/api/plans/current')?.path).toBe('/api/plans/current');
  expect(findApiRoute('GET', '/api/plans/12')?.path).toBe('/api/plans/:id');
  expect(findApiRoute('PATCH', '/api/workouts/3/sets/9')?.path).toBe('/api/workouts/:id/sets/:setId');
  expect(new Set(API_ROUTES.map((r) => `${r.method} ${r.path}`)).size).toBe(API_ROUTES.length);
});

describe('the OpenAPI half of the check', () => {
  const user = {
    id: 1,
    email: 'a@example.com',
    displayName: 'A',
    unitPreference: 'kg',
    weightIncrement: 2.5,
    barWeight: 20,
    plates: [25, 20],
    rounding: 'nearest',
    warmups: 'off',
    defaultRestSeconds: 120,
    timeZone: 'UTC',
    isAdmin: false,
    createdAt: '2026-01-01T00:00:00.000Z',
  };

  it('passes a body that matches both the zod contract and the document', async () => {
    const app = express();
    app.get('/api/users/me', (_req, res) => void res.json({ user }));
    await request(withContractCheck(app)).get('/api/users/me').expect(200);
  });

  it('fails a field the document does not list, though zod would strip it', async () => {
    const app = express();
    app.get('/api/users/me', (_req, res) => void res.json({ user: { ...user, passwordHash: 'x' } }));
    const res = await request(withContractCheck(app)).get('/api/users/me').expect(500);
    expect(res.body.error.message).toMatch(
      /outside GET \/api\/openapi\.json: \/user must NOT have additional properties/,
    );
  });

  it('fails a success status the document does not list', async () => {
    const app = express();
    app.get('/api/users/me', (_req, res) => void res.status(201).json({ user }));
    const res = await request(withContractCheck(app)).get('/api/users/me').expect(500);
    expect(res.body.error.message).toMatch(/lists no JSON 201 answer/);
  });

  it('fails a route that parses its request with another schema than API_ROUTES lists', async () => {
    const app = express();
    app.use(express.json());
    app.patch('/api/users/me', (req, res) => {
      parseBody(z.object({ displayName: z.string() }), req);
      res.json({ user });
    });
    const res = await request(withContractCheck(app)).patch('/api/users/me').send({ displayName: 'B' }).expect(500);
    expect(res.body.error.message).toMatch(/parsed its body with another schema/);
  });
});
