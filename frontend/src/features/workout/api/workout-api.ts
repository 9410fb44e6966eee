import type { CompleteWorkoutResponse, LoggedSetDto, WorkoutDto } from '@liftplan/domain';
import { ApiError, apiClient } from '@/lib/api-client';
import { workoutQueryKey } from '@/lib/training-state';
import { SetSaveQueue, type SetPatch } from './set-save-queue';

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

function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/**
 * One save queue per workout for the life of the page, so saves keep going while the lifter looks at another
 * screen. Creating it replays whatever an earlier page load left unsaved.
 */
const queues = new Map<number, SetSaveQueue>();

export function getSetSaveQueue(workoutId: number): SetSaveQueue {
  let queue = queues.get(workoutId);
  if (!queue) {
    const created = new SetSaveQueue({
      workoutId,
      storage: browserStorage(),
      send: (setId, patch) => patchSet(workoutId, setId, patch),
      isPermanentFailure: isPermanentSaveFailure,
      isPausingFailure: isPausingSaveFailure,
    });
    queue = created;
    queues.set(workoutId, queue);
    created.retryNow();
  }
  return queue;
}

/** Back online, or the phone's screen is on again: don't wait for the backoff. */
function retryAll() {
  for (const queue of queues.values()) queue.retryNow();
}
if (typeof window !== 'undefined') {
  window.addEventListener('online', retryAll);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') retryAll();
  });
}

/** For tests: forget every queue (their storage stays). */
export function resetSetSaveQueues(): void {
  for (const queue of queues.values()) queue.dispose();
  queues.clear();
}
