import type { ErrorBody, FieldIssue } from '@liftplan/domain';
import { reportServerReached } from './connectivity';

/** A failed API call: the server's `{ error: { code, message, details? } }`, or a network failure (status 0). */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** The per-field problems of a VALIDATION_ERROR (or any error whose details use the same shape). */
  get fieldIssues(): FieldIssue[] {
    return Array.isArray(this.details) ? this.details.filter(isFieldIssue) : [];
  }

  /** The first message for each field path, e.g. `{ email: 'enter a valid email address' }`. */
  fieldErrors(): Record<string, string> {
    const errors: Record<string, string> = {};
    for (const issue of this.fieldIssues) errors[issue.path] ??= issue.message;
    return errors;
  }
}

export const NETWORK_ERROR_CODE = 'NETWORK_ERROR';

/** How the client learns the session without depending on the auth feature (the app layer connects the two). */
export type SessionConnection = {
  getToken: () => string | null;
  /** Called when the server rejects the token we sent (401): the session is over. */
  onSessionExpired: () => void;
};

let session: SessionConnection = { getToken: () => null, onSessionExpired: () => {} };

export function connectSession(connection: SessionConnection): void {
  session = connection;
}

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type RequestOptions = {
  body?: unknown;
  signal?: AbortSignal;
  /** Send the session's token (default). Sign-in and registration pass false. */
  authenticated?: boolean;
};

/**
 * Calls the JSON API under `/api`. The response type is the caller's promise about the backend contract:
 * it is not validated at run time.
 */
export async function apiRequest<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
  const token = options.authenticated === false ? null : session.getToken();
  const response = await send(method, path, token, options);
  if (response.ok) return (await readJson(response)) as T;

  const error = await toApiError(response);
  if (response.status === 401 && token !== null) session.onSessionExpired();
  throw error;
}

export const apiClient = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => apiRequest<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => apiRequest<T>('DELETE', path, options),
};

/**
 * A file from the API (an export): fetched with the session's token in the Authorization header, never in a URL,
 * and returned as a Blob with the file name the server suggests.
 */
export async function apiDownload(path: string): Promise<{ blob: Blob; filename: string | null }> {
  const token = session.getToken();
  const response = await send('GET', path, token, {});
  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && token !== null) session.onSessionExpired();
    throw error;
  }
  const disposition = response.headers.get('Content-Disposition') ?? '';
  return { blob: await response.blob(), filename: /filename="([^"]+)"/.exec(disposition)?.[1] ?? null };
}

async function send(method: HttpMethod, path: string, token: string | null, options: RequestOptions) {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  try {
    const response = await fetch(`/api${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
    reportServerReached(true);
    return response;
  } catch (cause) {
    // Cancellation is React Query's business, not an error to show.
    if (isAbortError(cause)) throw cause;
    reportServerReached(false);
    throw new ApiError(0, NETWORK_ERROR_CODE, 'Could not reach the server. Check your connection and try again.');
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  return text === '' ? undefined : JSON.parse(text);
}

async function toApiError(response: Response): Promise<ApiError> {
  const body = await readJson(response).catch(() => undefined);
  if (isErrorBody(body)) {
    const { code, message, details } = body.error;
    return new ApiError(response.status, code, message, details);
  }
  return new ApiError(
    response.status,
    'HTTP_ERROR',
    `The server answered ${response.status} ${response.statusText}`.trim(),
  );
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (!isRecord(value) || !isRecord(value.error)) return false;
  return typeof value.error.code === 'string' && typeof value.error.message === 'string';
}

function isFieldIssue(value: unknown): value is FieldIssue {
  return isRecord(value) && typeof value.path === 'string' && typeof value.message === 'string';
}

function isAbortError(error: unknown): boolean {
  return isRecord(error) && error.name === 'AbortError';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
