import type { WorkoutDto } from '@liftplan/domain';
import type { QueryClient } from '@tanstack/react-query';
import { connectivity } from '@/lib/connectivity';
import { queryClient } from '@/lib/query-client';
import { workoutQueryKey } from '@/lib/training-state';
import { browserStorage, isPermanentSaveFailure, signedInUserId } from './workout-api';
import { saveWorkoutNote } from './workout-note-api';

/**
 * The workout note's outbox: like the set queue, a note is written to this device (per lifter) before it is sent,
 * survives reloads and logouts, and goes out when the server is in reach again. One value per workout: the latest
 * wins, and a stored note is only forgotten once the server has exactly it.
 */

/** Fired on `window` when a kept note is stored or forgotten, so the note's status can follow. */
export const PENDING_NOTE_CHANGED = 'liftplan:pending-note-changed';

const PREFIX = 'liftplan.pendingNote.';
/** While the server answers but fails, how long until a kept note is tried again. */
const RETRY_MS = 30_000;

export const pendingNoteStorageKey = (workoutId: number, ownerId: number | null) =>
  ownerId === null ? `${PREFIX}${workoutId}` : `${PREFIX}${workoutId}.u${ownerId}`;

/** The note kept on this device for the workout (null: the note was cleared), or undefined when nothing waits. */
export function pendingNote(workoutId: number, ownerId = signedInUserId()): string | null | undefined {
  try {
    const raw = browserStorage()?.getItem(pendingNoteStorageKey(workoutId, ownerId));
    if (raw === null || raw === undefined) return undefined;
    const { note } = JSON.parse(raw) as { note?: unknown };
    return typeof note === 'string' || note === null ? note : undefined;
  } catch {
    return undefined; // unreadable: nothing to send
  }
}

function changed(): void {
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(PENDING_NOTE_CHANGED));
}

function keep(workoutId: number, ownerId: number | null, note: string | null): void {
  try {
    browserStorage()?.setItem(pendingNoteStorageKey(workoutId, ownerId), JSON.stringify({ note }));
  } catch {
    // Storage full or disabled: the note still goes out from memory.
  }
  changed();
}

/** Forgets the kept note only if it is still `note` (a newer one waits for its own answer). */
function forget(workoutId: number, ownerId: number | null, note: string | null): void {
  if (pendingNote(workoutId, ownerId) !== note) return;
  try {
    browserStorage()?.removeItem(pendingNoteStorageKey(workoutId, ownerId));
  } catch {
    // nothing more to do
  }
  changed();
}

function setCachedNote(client: QueryClient, workoutId: number, note: string | null): void {
  client.setQueryData<WorkoutDto>(workoutQueryKey(workoutId), (workout) => (workout ? { ...workout, note } : workout));
}

export type NoteSaveResult = 'saved' | 'kept';

const inFlight = new Set<string>();
let retryTimer: ReturnType<typeof setTimeout> | null = null;

function scheduleRetry(): void {
  if (retryTimer !== null || connectivity.isOffline()) return; // offline: reconnecting sends it
  retryTimer = setTimeout(() => {
    retryTimer = null;
    void syncPendingNotes();
  }, RETRY_MS);
}

/** Sends a note; 'kept' when it could not be sent now (it waits on the device), a rejection when refused for good. */
async function send(workoutId: number, ownerId: number | null, note: string | null): Promise<NoteSaveResult> {
  const key = `${pendingNoteStorageKey(workoutId, ownerId)}:${JSON.stringify(note)}`;
  if (inFlight.has(key)) return 'kept';
  inFlight.add(key);
  try {
    await saveWorkoutNote(workoutId, note);
    forget(workoutId, ownerId, note);
    return 'saved';
  } catch (error) {
    if (isPermanentSaveFailure(error)) {
      forget(workoutId, ownerId, note);
      throw error;
    }
    scheduleRetry();
    return 'kept';
  } finally {
    inFlight.delete(key);
  }
}

/**
 * Saves the note durably: kept on this device first (and in the workout's cache at once), then sent. A refusal for
 * good puts the cache back as it was.
 */
export async function saveNoteDurably(
  workoutId: number,
  note: string | null,
  client: QueryClient = queryClient,
): Promise<NoteSaveResult> {
  const ownerId = signedInUserId();
  const previous = client.getQueryData<WorkoutDto>(workoutQueryKey(workoutId))?.note ?? null;
  keep(workoutId, ownerId, note);
  setCachedNote(client, workoutId, note);
  try {
    return await send(workoutId, ownerId, note);
  } catch (error) {
    setCachedNote(client, workoutId, previous);
    throw error;
  }
}

/** How many workout notes `ownerId` left on this device that have not reached the server. */
export const unsentNoteCount = (ownerId: number): number => keptNoteWorkoutIds(ownerId).length;

/** The workouts whose note `ownerId` left on this device. */
function keptNoteWorkoutIds(ownerId: number): number[] {
  const storage = browserStorage();
  const ids: number[] = [];
  try {
    for (let i = 0; i < (storage?.length ?? 0); i++) {
      const match = /^liftplan\.pendingNote\.(\d+)\.u(\d+)$/.exec(storage?.key(i) ?? '');
      if (match && Number(match[2]) === ownerId) ids.push(Number(match[1]));
    }
  } catch {
    return ids;
  }
  return ids;
}

/**
 * Sends every note the signed-in lifter left on this device (back online, signed in again, the app reopened). The
 * workout's cache shows a kept note already (useWorkout lays it over the server's), so only storage changes.
 */
export async function syncPendingNotes(ownerId = signedInUserId()): Promise<void> {
  if (ownerId === null || ownerId !== signedInUserId()) return;
  await Promise.all(
    keptNoteWorkoutIds(ownerId).map(async (workoutId) => {
      const note = pendingNote(workoutId, ownerId);
      if (note !== undefined) await send(workoutId, ownerId, note).catch(() => 'refused');
    }),
  );
}

if (typeof window !== 'undefined') {
  const syncNow = () => void syncPendingNotes();
  window.addEventListener('online', syncNow);
  connectivity.subscribe(() => {
    if (!connectivity.isOffline()) syncNow();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') syncNow();
  });
}
