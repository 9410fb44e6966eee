import type { EnrolmentDto, UserDto } from '@liftplan/domain';
import { vi } from 'vitest';

export type FakeRoute = (request: Request) => Response | undefined | Promise<Response | undefined>;

/**
 * Replaces `fetch` with an in-memory API: each call becomes a Request, the first route that answers wins,
 * anything unanswered is a 404 in the API's error shape. Returns the mock to inspect calls.
 */
export function fakeApi(...routes: FakeRoute[]) {
  const requests: Request[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(new URL(String(input), 'http://localhost'), init);
    requests.push(request.clone());
    for (const route of routes) {
      const response = await route(request);
      if (response) return response;
    }
    return jsonResponse(404, {
      error: { code: 'ROUTE_NOT_FOUND', message: `No route for ${request.method} ${request.url}` },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { fetchMock, requests };
}

/** A route answering `METHOD /api/path` with a fixed status and JSON body. */
export function answer(method: string, path: string, status: number, body: unknown): FakeRoute {
  return (request) =>
    request.method === method && new URL(request.url).pathname === path ? jsonResponse(status, body) : undefined;
}

export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export function apiErrorBody(code: string, message: string, details?: unknown) {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

export function aUser(overrides: Partial<UserDto> = {}): UserDto {
  return {
    id: 1,
    email: 'ada@example.com',
    displayName: 'Ada',
    unitPreference: 'kg',
    weightIncrement: 2.5,
    barWeight: 20,
    plates: [25, 20, 15, 10, 5, 2.5, 1.25],
    rounding: 'nearest',
    warmups: 'off',
    defaultRestSeconds: 120,
    timeZone: 'Europe/London',
    isAdmin: false,
    createdAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** An active enrolment on plan 3 (Mon/Thu, repeating), as GET /plans/current and the schedule carry it. */
export function anEnrolment(overrides: Partial<EnrolmentDto> = {}): EnrolmentDto {
  return {
    id: 1,
    planId: 3,
    planName: 'Two-Day Test Plan',
    planVersionId: 3,
    version: 1,
    status: 'active',
    startDate: '2026-03-02',
    startedAt: '2026-03-01T10:00:00.000Z',
    endedAt: null,
    pausedAt: null,
    preferredDays: ['mon', 'thu'],
    timeZone: 'Europe/London',
    cycles: null,
    expectedEndDate: null,
    progress: {
      cycle: 1,
      weekNumber: 1,
      dayNumber: 1,
      programWeek: 1,
      programWeeks: null,
      sessionsDone: 0,
      sessionsTotal: null,
    },
    ...overrides,
  };
}
