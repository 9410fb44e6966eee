import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useLocation } from 'react-router-dom';
import { updateNow, updateStore } from './service-worker';

/**
 * A new version that is ready takes over at the next route change: between pages, never in the middle of a set.
 * The page it was ready on is remembered, so the update waits until the lifter moves on from it.
 */
export function UpdateOnNavigation() {
  const { pathname } = useLocation();
  const { updateReady } = useSyncExternalStore(updateStore.subscribe, updateStore.getSnapshot, updateStore.getSnapshot);
  const readyOn = useRef<string | null>(null);

  useEffect(() => {
    if (!updateReady) return;
    if (readyOn.current === null) readyOn.current = pathname;
    else if (readyOn.current !== pathname) updateNow();
  }, [updateReady, pathname]);

  return null;
}
