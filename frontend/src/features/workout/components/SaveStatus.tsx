import { useState } from 'react';
import { Button } from '@/components/Button';
import type { SaveQueueSnapshot } from '../api/set-save-queue';
import { saveStatus, type SaveHealth, type SaveTone } from './save-health';

type Announced = { held: SaveTone | null; text: string };

/** Screen readers hear only the changes that matter (sets kept offline, saves failing, all saved again). */
function nextAnnouncement(last: Announced, tone: SaveTone, message: string): Announced {
  if ((tone === 'offline' || tone === 'error') && last.held !== tone) return { held: tone, text: message };
  if (tone === 'saved' && last.held !== null) return { held: null, text: 'All sets saved' };
  return last;
}

function useAnnouncement(tone: SaveTone, message: string): string {
  const [last, setLast] = useState<Announced>({ held: null, text: '' });
  const next = nextAnnouncement(last, tone, message);
  if (next !== last) setLast(next);
  return next.text;
}

type SaveStatusProps = { state: SaveQueueSnapshot; health: SaveHealth; onRetry: () => void };

/** Whether every logged set is on the server: saved, saving, kept on the device while offline, or failing. */
export function SaveStatus({ state, health, onRetry }: SaveStatusProps) {
  const { tone, message } = saveStatus(state, health);
  const announcement = useAnnouncement(tone, message);
  return (
    <div className={`save-status save-status--${tone}`}>
      <p className="save-status__message">{message}</p>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {tone === 'error' && (
        <Button variant="secondary" onClick={onRetry}>
          Retry now
        </Button>
      )}
    </div>
  );
}
