import { useEffect, useState, useSyncExternalStore } from 'react';
import { syncPendingNotes } from '@/features/workout/api/note-outbox';
import { resumeSaveQueues, unsavedSetCount } from '@/features/workout/api/workout-api';
import { PENDING_SETS_CHANGED } from '@/features/workout/api/set-save-queue';
import { useOnline } from '@/lib/use-online';
import { updateNow, updateStore } from './service-worker';
import './pwa.css';

/** The stored unsaved-set count, re-read when a queue stores a change here or another tab does (cheap). */
function useUnsavedSetCount(userId: number | null): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    const tick = () => setTick((n) => n + 1);
    window.addEventListener(PENDING_SETS_CHANGED, tick);
    window.addEventListener('storage', tick);
    return () => {
      window.removeEventListener(PENDING_SETS_CHANGED, tick);
      window.removeEventListener('storage', tick);
    };
  }, []);
  return userId === null ? 0 : unsavedSetCount(userId);
}

/**
 * A slim strip under the header: "offline" (with how many sets wait on this device) and "a new version is ready".
 * It sits in the header's flow, so it never covers the set rows. Also sends what this lifter left unsaved as
 * soon as they are signed in (again).
 */
export function OfflineStatus({ userId }: { userId: number | null }) {
  const online = useOnline();
  const { updateReady } = useSyncExternalStore(updateStore.subscribe, updateStore.getSnapshot, updateStore.getSnapshot);
  const unsaved = useUnsavedSetCount(userId);

  useEffect(() => {
    if (userId === null) return;
    resumeSaveQueues(userId);
    void syncPendingNotes(userId);
  }, [userId]);

  return (
    <>
      <div className="offline-status" role="status" aria-live="polite">
        {!online && (
          <p className="offline-status__bar offline-status__bar--offline">
            <span aria-hidden="true" className="offline-status__dot" />
            <span>
              <strong>Offline.</strong>{' '}
              {unsaved > 0
                ? `${unsaved} ${unsaved === 1 ? 'set is' : 'sets are'} saved on this device and will be sent when you're back online.`
                : 'Sets you log are saved on this device and sent when you are back online.'}
            </span>
          </p>
        )}
      </div>
      {updateReady && (
        <div className="offline-status__bar offline-status__bar--update">
          <span>A new version of LiftPlan is ready: it loads when you change page.</span>
          <button type="button" className="offline-status__action" onClick={updateNow}>
            Update
          </button>
        </div>
      )}
    </>
  );
}
