// The contract check itself: a response that drifts from its schema fails the request that produced it.
import express from 'express';
import request from 'supertest';
import { API_ROUTES, findApiRoute } from '@liftplan/domain';
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
  expect(findApiRoute('PATCH', '/api/workouts/3/sets/9')?.path).toBe('/api/workouts/:id/sets/:id');
  expect(new Set(API_ROUTES.map((r) => `${r.method} ${r.path}`)).size).toBe(API_ROUTES.length);
});
