import type { Location } from 'react-router-dom';
import { paths } from '@/lib/paths';

/** Router state carried to /login: where to return after signing in. */
export type LoginRedirectState = { from: string };

export function loginRedirectState(location: Pick<Location, 'pathname' | 'search' | 'hash'>): LoginRedirectState {
  return { from: `${location.pathname}${location.search}${location.hash}` };
}

/** Where to go after signing in. Router state survives reloads in history and can be anything: read it defensively. */
export function redirectTargetAfterLogin(state: unknown): string {
  if (typeof state !== 'object' || state === null) return paths.dashboard;
  const { from } = state as Partial<Record<keyof LoginRedirectState, unknown>>;
  return isInAppPath(from) && !isAuthPage(from) ? from : paths.dashboard;
}

function isInAppPath(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//');
}

function isAuthPage(path: string): boolean {
  return /^\/(login|register)(?=$|[/?#])/.test(path);
}
