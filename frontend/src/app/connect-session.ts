import type { QueryClient } from '@tanstack/react-query';
import { connectSession } from '@/lib/api-client';
import { endSession } from '@/features/auth/session/session-actions';
import { tokenStorage } from '@/features/auth/session/token-storage';

/**
 * Lets the API client send the auth feature's token, and end the session when the server rejects it. Ending the
 * session is enough to reach /login: RequireAuth watches the token and redirects, remembering the page.
 */
export function connectApiClientToSession(queryClient: QueryClient): void {
  connectSession({
    getToken: () => tokenStorage.read(),
    onSessionExpired: () => endSession(queryClient, 'expired'),
  });
}
