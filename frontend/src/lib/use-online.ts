import { useSyncExternalStore } from 'react';
import { connectivity } from './connectivity';

/** Whether the server is in reach (a connection, and requests getting through), re-rendering when that changes. */
export function useOnline(): boolean {
  return !useSyncExternalStore(connectivity.subscribe, connectivity.isOffline, () => false);
}
