import { createContext, useContext, type ReactNode } from 'react';
import type { UserDto } from '@liftplan/domain';

/**
 * The signed-in user, shared with every feature without importing the auth feature: the auth feature fetches it
 * and provides it around authenticated routes; other features read it with `useCurrentUser()`.
 */
export const currentUserQueryKey = ['auth', 'me'] as const;

export type CurrentUserResponse = { user: UserDto };

const CurrentUserContext = createContext<UserDto | null>(null);

export function CurrentUserProvider({ user, children }: { user: UserDto; children: ReactNode }) {
  return <CurrentUserContext value={user}>{children}</CurrentUserContext>;
}

/** The signed-in user; only inside authenticated routes (the auth feature's RequireAuth). */
export function useCurrentUser(): UserDto {
  const user = useContext(CurrentUserContext);
  if (user === null) throw new Error('useCurrentUser() is only available inside authenticated routes');
  return user;
}
