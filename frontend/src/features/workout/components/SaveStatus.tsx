import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Button } from '@/components/Button';
import { pluralize } from '@/lib/format';
import type { SaveQueueSnapshot } from '../api/set-save-queue';

function subscribeOnline(callback: () => void) {
  window.addEventListener('online', callback);
  window.addEventListener('offline', callback);
  return () => {
    window.removeEventListener('online', callback);
    window.removeEventListener('offline', callback);
  };
}

const isOnline = () => navigator.onLine;

/**
 * Whether every logged set is on the server: saved, saving, or kept on the device and retrying. Screen readers
 * hear only the changes that matter (saves start failing, everything is saved again), not every tap's round trip.
 */
export function SaveStatus({ state, onRetry }: { state: SaveQueueSnapshot; onRetry: () => void }) {
  const online = useSyncExternalStore(subscribeOnline, isOnline, () => true);
  const retrying = [...state.states.values()].filter((s) => s === 'retrying').length;

  let tone = 'saved';
  let message = 'All sets saved';
  if (retrying > 0) {
    tone = 'error';
    message = online
      ? `${pluralize(retrying, 'set')} not saved yet — retrying automatically.`
      : `You're offline. ${pluralize(retrying, 'set is', 'sets are')} kept on this device and will be saved when you're back online.`;
  } else if (state.pendingCount > 0) {
    tone = 'saving';
    message = 'Saving…';
  }

  const [announcement, setAnnouncement] = useState('');
  const wasFailing = useRef(false);
  useEffect(() => {
    if (retrying > 0 && !wasFailing.current) setAnnouncement(message);
    if (retrying === 0 && state.pendingCount === 0 && wasFailing.current) setAnnouncement('All sets saved');
    if (retrying > 0) wasFailing.current = true;
    else if (state.pendingCount === 0) wasFailing.current = false;
  }, [retrying, state.pendingCount, message]);

  return (
    <div className={`save-status save-status--${tone}`}>
      <p className="save-status__message">{message}</p>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {retrying > 0 && (
        <Button variant="secondary" onClick={onRetry}>
          Retry now
        </Button>
      )}
    </div>
  );
}
