import type { CompleteWorkoutResponse, LoggedSetDto, WorkoutDto } from '@liftplan/domain';
import { ApiError, apiClient } from '@/lib/api-client';
import { connectivity } from '@/lib/connectivity';
import { currentUserQueryKey, type CurrentUserResponse } from '@/lib/current-user';
import { queryClient } from '@/lib/query-client';
import { workoutQueryKey } from '@/lib/training-state';
import { pendingSetsStorageKey, SetSaveQueue, storedPendingWorkoutIds, type SetPatch } from './set-save-queue';

export const workoutKeys = {
  all: ['workout'] as const,
  detail: workoutQueryKey,
};

export const fetchWorkout = (id: number, signal?: AbortSignal) =>
  apiClient.get<{ workout: WorkoutDto }>(`/workouts/${id}`, { signal });

export const patchSet = (workoutId: number, setId: number, patch: SetPatch) =>
  apiClient.patch<{ set: LoggedSetDto }>(`/workouts/${workoutId}/sets/${setId}`, patch);

export const completeWorkout = (id: number) => apiClient.post<CompleteWorkoutResponse>(`/workouts/${id}/complete`);

export const abandonWorkout = (id: number) => apiClient.post<{ workout: WorkoutDto }>(`/workouts/${id}/abandon`);

/** Refusals that will never succeed however often they are retried: the change is dropped and undone. */
export function isPermanentSaveFailure(error: unknown): boolean {
  return (
    error instanceof ApiError && error.status >= 400 && error.status < 500 && ![401, 408, 429].includes(error.status)
  );
}

/** Signed out: retrying on a timer is pointless; the change waits (persisted) for the next visit. */
export const isPausingSaveFailure = (error: unknown) => error instanceof ApiError && error.status === 401;

export function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Who is signed in in this tab (the app's cache of GET /auth/me), or null. */
export function signedInUserId(): number | null {
  return queryClient.getQueryData<CurrentUserResponse>(currentUserQueryKey)?.user.id ?? null;
}

/**
 * One save queue per workout and lifter for the life of the page, so saves keep going while the lifter looks at
 * another screen. Creating it replays whatever an earlier page load left unsaved. A queue sends only while its
 * lifter is the one signed in: after a logout or an expired token its changes wait on this device (stored per
 * lifter) until that lifter signs in again; another account never sends them.
 */
const queues = new Map<string, SetSaveQueue>();

export function getSetSaveQueue(workoutId: number, ownerId: number | null = signedInUserId()): SetSaveQueue {
  const mapKey = `${workoutId}:${ownerId ?? ''}`;
  let queue = queues.get(mapKey);
  if (!queue) {
    const created = new SetSaveQueue({
      workoutId,
      ownerId,
      storage: browserStorage(),
      send: (setId, patch) => patchSet(workoutId, setId, patch),
      canSend: () => ownerId === null || signedInUserId() === ownerId,
      isPermanentFailure: isPermanentSaveFailure,
      isPausingFailure: isPausingSaveFailure,
    });
    queue = created;
    queues.set(mapKey, queue);
    created.retryNow();
  }
  return queue;
}

/** Back online, the phone's screen is on again, or the lifter signed in again: don't wait for the backoff. */
export function retryAllSaves() {
  for (const queue of queues.values()) queue.retryNow();
}
const retryAll = retryAllSaves;

/**
 * After signing in (again): send what this lifter left on this device, whichever page they are on. Every workout
 * with stored changes gets its queue, which replays them.
 */
export function resumeSaveQueues(userId: number): void {
  for (const workoutId of storedPendingWorkoutIds(browserStorage(), userId)) getSetSaveQueue(workoutId, userId);
  retryAll();
}

/** How many sets of this lifter are kept on this device and not yet on the server. */
export function unsavedSetCount(userId: number): number {
  const storage = browserStorage();
  let count = 0;
  for (const workoutId of storedPendingWorkoutIds(storage, userId)) {
    try {
      const stored = JSON.parse(storage?.getItem(pendingSetsStorageKey(workoutId, userId)) ?? '{}') as {
        sets?: Record<string, unknown>;
      };
      count += Object.keys(stored.sets ?? {}).length;
    } catch {
      // unreadable: the queue ignores it too
    }
  }
  return count;
}
if (typeof window !== 'undefined') {
  window.addEventListener('online', retryAll);
  // The server answers again (the browser may not have fired `online`): send what waits.
  connectivity.subscribe(() => {
    if (!connectivity.isOffline()) retryAll();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') retryAll();
  });
}

/** For tests: forget every queue (their storage stays). */
export function resetSetSaveQueues(): void {
  for (const queue of queues.values()) queue.dispose();
  queues.clear();
}
