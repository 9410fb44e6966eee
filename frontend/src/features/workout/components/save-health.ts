import { useState } from 'react';
import { pluralize } from '@/lib/format';
import { useOnline } from '@/lib/use-online';
import type { SaveQueueSnapshot, SetSaveState } from '../api/set-save-queue';

/** `online`: the server is in reach. `failing`: there, saves fail and are retried. */
export type SaveHealth = { online: boolean; failing: boolean };

export type SaveTone = 'saved' | 'saving' | 'offline' | 'error';

/** How one set's unsaved change shows on its row: kept on the device (offline: calm), or failing (online). */
export type RowSaveState = 'kept' | 'failing';

const retryingCount = (state: SaveQueueSnapshot) => [...state.states.values()].filter((s) => s === 'retrying').length;

type HealthMemory = { failing: boolean; retryAtWhileOffline: number | null };

/**
 * Failing: a retry was scheduled while online (not one left over from offline), and it stays so until nothing
 * retries any more — an attempt in flight doesn't flicker, and reconnecting doesn't flash red.
 */
function nextMemory(memory: HealthMemory, state: SaveQueueSnapshot, online: boolean): HealthMemory {
  const next = online
    ? {
        failing:
          retryingCount(state) > 0 &&
          (memory.failing || (state.nextRetryAt !== null && state.nextRetryAt !== memory.retryAtWhileOffline)),
        retryAtWhileOffline: memory.retryAtWhileOffline,
      }
    : { failing: false, retryAtWhileOffline: state.nextRetryAt };
  return next.failing === memory.failing && next.retryAtWhileOffline === memory.retryAtWhileOffline ? memory : next;
}

export function useSaveHealth(state: SaveQueueSnapshot): SaveHealth {
  const online = useOnline();
  const [memory, setMemory] = useState<HealthMemory>({ failing: false, retryAtWhileOffline: null });
  const next = nextMemory(memory, state, online);
  if (next !== memory) setMemory(next);
  return { online, failing: next.failing };
}

/** What the save strip says. Offline, sets kept on the device are the plan working, not an error. */
export function saveStatus(state: SaveQueueSnapshot, health: SaveHealth): { tone: SaveTone; message: string } {
  if (!health.online && state.pendingCount > 0) {
    return {
      tone: 'offline',
      message: `Offline — ${pluralize(state.pendingCount, 'set')} kept on this device, will sync when you're back online.`,
    };
  }
  const retrying = retryingCount(state);
  if (health.failing && retrying > 0) {
    return { tone: 'error', message: `${pluralize(retrying, 'set')} not saved yet — retrying automatically.` };
  }
  if (state.pendingCount > 0) return { tone: 'saving', message: 'Saving…' };
  return { tone: 'saved', message: 'All sets saved' };
}

export function rowSaveState(state: SetSaveState | undefined, health: SaveHealth): RowSaveState | undefined {
  if (state === undefined) return undefined;
  if (!health.online) return 'kept';
  return state === 'retrying' && health.failing ? 'failing' : undefined;
}
