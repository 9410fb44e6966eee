import type { QueryClient } from '@tanstack/react-query';
import type { AuthResponse } from '@liftplan/domain';
import { currentUserQueryKey, type CurrentUserResponse } from '@/lib/current-user';
import { tokenStorage } from './token-storage';

type SessionEndReason = 'logout' | 'expired';
let lastSessionEnd: SessionEndReason | null = null;

/** Signs in with a fresh token: the previous user's cached data goes, the new user is known without a refetch. */
export function startSession(queryClient: QueryClient, { token, user }: AuthResponse): void {
  lastSessionEnd = null;
  queryClient.clear();
  queryClient.setQueryData<CurrentUserResponse>(currentUserQueryKey, { user });
  tokenStorage.write(token);
}

/** Signs out locally (JWTs are stateless: there is nothing to revoke on the server). */
export function endSession(queryClient: QueryClient, reason: SessionEndReason = 'logout'): void {
  lastSessionEnd = reason;
  tokenStorage.clear();
  queryClient.clear();
}

/** True when the server rejected the last session's token, so the sign-in page can say why the user is there. */
export function sessionHasExpired(): boolean {
  return lastSessionEnd === 'expired';
}
