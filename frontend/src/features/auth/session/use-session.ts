import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import type { UserDto } from '@liftplan/domain';
import { currentUserQueryKey } from '@/lib/current-user';
import { fetchCurrentUser } from '../api/auth-api';
import { tokenStorage } from './token-storage';

export type Session =
  | { status: 'anonymous' }
  | { status: 'loading' }
  | { status: 'error'; error: Error; retry: () => void }
  | { status: 'authenticated'; user: UserDto };

const CURRENT_USER_STALE_MS = 5 * 60_000;

/** Who is signed in: from the stored token, with the user restored through `GET /api/auth/me`. */
export function useSession(): Session {
  const token = useSyncExternalStore(tokenStorage.subscribe, tokenStorage.read, () => null);
  const currentUser = useQuery({
    queryKey: currentUserQueryKey,
    queryFn: ({ signal }) => fetchCurrentUser(signal),
    enabled: token !== null,
    staleTime: CURRENT_USER_STALE_MS,
  });

  if (token === null) return { status: 'anonymous' };
  if (currentUser.data) return { status: 'authenticated', user: currentUser.data.user };
  if (currentUser.isError)
    return { status: 'error', error: currentUser.error, retry: () => void currentUser.refetch() };
  return { status: 'loading' };
}
