import type { AuthResponse, LoginBody, RegisterBody } from '@liftplan/domain';
import { apiClient } from '@/lib/api-client';
import type { CurrentUserResponse } from '@/lib/current-user';

export const login = (body: LoginBody) => apiClient.post<AuthResponse>('/auth/login', body, { authenticated: false });

export const register = (body: RegisterBody) =>
  apiClient.post<AuthResponse>('/auth/register', body, { authenticated: false });

export const fetchCurrentUser = (signal?: AbortSignal) => apiClient.get<CurrentUserResponse>('/auth/me', { signal });
