import { describe, expect, it, vi } from 'vitest';
import { answer, apiErrorBody, fakeApi } from '@/test/fake-api';
import { ApiError, apiClient, connectSession, NETWORK_ERROR_CODE } from './api-client';

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('apiClient', () => {
  it('sends JSON with the session token and returns the parsed body', async () => {
    connectSession({ getToken: () => 'abc', onSessionExpired: () => {} });
    const { requests } = fakeApi(answer('POST', '/api/things', 201, { id: 7 }));

    const created = await apiClient.post<{ id: number }>('/things', { name: 'squat' });

    expect(created).toEqual({ id: 7 });
    const [request] = requests;
    expect(request?.headers.get('Authorization')).toBe('Bearer abc');
    expect(request?.headers.get('Content-Type')).toBe('application/json');
    expect(await request?.json()).toEqual({ name: 'squat' });
  });

  it('turns the error body into an ApiError with field issues', async () => {
    fakeApi(
      answer(
        'POST',
        '/api/things',
        400,
        apiErrorBody('VALIDATION_ERROR', 'Invalid body', [
          { path: 'name', message: 'name is required' },
          { path: 'name', message: 'a second problem' },
          { nonsense: true },
        ]),
      ),
    );

    const error = await caught(apiClient.post('/things', {}));

    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_ERROR', message: 'Invalid body' });
    expect(error.fieldIssues).toEqual([
      { path: 'name', message: 'name is required' },
      { path: 'name', message: 'a second problem' },
    ]);
    expect(error.fieldErrors()).toEqual({ name: 'name is required' });
  });

  it('ends the session on a 401 for a request that carried a token, and only then', async () => {
    const onSessionExpired = vi.fn();
    connectSession({ getToken: () => 'abc', onSessionExpired });
    fakeApi(
      answer('GET', '/api/auth/me', 401, apiErrorBody('INVALID_TOKEN', 'expired')),
      answer('POST', '/api/auth/login', 401, apiErrorBody('INVALID_CREDENTIALS', 'wrong')),
    );

    expect((await caught(apiClient.post('/auth/login', {}, { authenticated: false }))).code).toBe(
      'INVALID_CREDENTIALS',
    );
    expect(onSessionExpired).not.toHaveBeenCalled();

    expect((await caught(apiClient.get('/auth/me'))).status).toBe(401);
    expect(onSessionExpired).toHaveBeenCalledOnce();
  });

  it('reports an unreachable server and a non-JSON failure as ApiErrors', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    expect((await caught(apiClient.get('/anything'))).code).toBe(NETWORK_ERROR_CODE);

    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response('<html>Bad gateway</html>', { status: 502 })));
    expect(await caught(apiClient.get('/anything'))).toMatchObject({ status: 502, code: 'HTTP_ERROR' });
  });
});
