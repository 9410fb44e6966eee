import type { CurrentUserResponse } from '@/lib/current-user';
import { currentUserQueryKey } from '@/lib/current-user';
import { connectSession } from '@/lib/api-client';
import { queryClient } from '@/lib/query-client';
import { aUser, apiErrorBody, fakeApi, jsonResponse } from '@/test/fake-api';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pendingSetsStorageKey, SetSaveQueue, storedPendingWorkoutIds } from './set-save-queue';
import { getSetSaveQueue, resetSetSaveQueues, resumeSaveQueues, retryAllSaves, unsavedSetCount } from './workout-api';

const WORKOUT = 7;
const ADA = 1;
const BOB = 2;

/** Who the app thinks is signed in (what RequireAuth and the persisted cache provide). */
function signIn(userId: number | null) {
  queryClient.clear();
  if (userId !== null)
    queryClient.setQueryData<CurrentUserResponse>(currentUserQueryKey, { user: aUser({ id: userId }) });
  connectSession({ getToken: () => (userId === null ? null : `token-${userId}`), onSessionExpired: () => {} });
}

/** A server that accepts set saves from `owner`'s token only, 401 while `expired`, and records every accepted one. */
function server(owner: number) {
  const accepted: Array<{ setId: number; body: unknown }> = [];
  const state = { expired: false, offline: false };
  const api = fakeApi(async (request) => {
    if (state.offline) throw new TypeError('Failed to fetch');
    const match = /^\/api\/workouts\/(\d+)\/sets\/(\d+)$/.exec(new URL(request.url).pathname);
    if (request.method !== 'PATCH' || !match) return undefined;
    if (state.expired) return jsonResponse(401, apiErrorBody('UNAUTHENTICATED', 'Your session has expired'));
    if (request.headers.get('Authorization') !== `Bearer token-${owner}`)
      return jsonResponse(404, apiErrorBody('NOT_FOUND', 'Workout not found'));
    accepted.push({ setId: Number(match[2]), body: await request.json() });
    return jsonResponse(200, { set: {} });
  });
  return { ...api, accepted, state };
}

describe('the set queue offline, across reloads, logouts and sessions', () => {
  beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: true }));
  afterEach(() => {
    resetSetSaveQueues();
    queryClient.clear();
    vi.useRealTimers();
  });

  it("keeps each lifter's unsent sets under their own key; another lifter's queue never loads them", () => {
    const send = vi.fn(() => new Promise(() => {}));
    const ada = new SetSaveQueue({ workoutId: WORKOUT, ownerId: ADA, storage: localStorage, send });
    ada.enqueue(11, { completed: true });
    expect(localStorage.getItem(pendingSetsStorageKey(WORKOUT, ADA))).toContain('"completed":true');
    expect(storedPendingWorkoutIds(localStorage, ADA)).toEqual([WORKOUT]);
    expect(storedPendingWorkoutIds(localStorage, BOB)).toEqual([]);

    const bob = new SetSaveQueue({ workoutId: WORKOUT, ownerId: BOB, storage: localStorage, send });
    expect(bob.pendingPatches().size).toBe(0);
    // A reload: the same lifter's new queue replays it.
    const adaAgain = new SetSaveQueue({ workoutId: WORKOUT, ownerId: ADA, storage: localStorage, send });
    expect(adaAgain.pendingPatches().get(11)).toEqual({ completed: true });
  });

  it('offline: sets wait on the device (surviving a reload) and are each sent once when the signal returns', async () => {
    signIn(ADA);
    const api = server(ADA);
    api.state.offline = true;
    getSetSaveQueue(WORKOUT).enqueue(11, { completed: true, actualReps: 5 });
    getSetSaveQueue(WORKOUT).enqueue(12, { completed: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(unsavedSetCount(ADA)).toBe(2);

    resetSetSaveQueues(); // the page reloads, still offline
    getSetSaveQueue(WORKOUT);
    await vi.advanceTimersByTimeAsync(0);
    expect(unsavedSetCount(ADA)).toBe(2);

    api.state.offline = false;
    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(api.accepted).toEqual([
      { setId: 11, body: { completed: true, actualReps: 5 } },
      { setId: 12, body: { completed: true } },
    ]);
    expect(unsavedSetCount(ADA)).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(api.accepted).toHaveLength(2);
  });

  it('a 401 keeps the sets and stops retrying; after the same lifter signs in again they are sent once', async () => {
    signIn(ADA);
    const api = server(ADA);
    api.state.expired = true;
    getSetSaveQueue(WORKOUT).enqueue(11, { completed: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(api.fetchMock).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(api.fetchMock).toHaveBeenCalledTimes(1); // paused, not retried on a timer
    expect(unsavedSetCount(ADA)).toBe(1);

    signIn(null); // the app ends the session and shows the sign-in page
    retryAllSaves();
    await vi.advanceTimersByTimeAsync(0);
    expect(api.fetchMock).toHaveBeenCalledTimes(1); // nobody signed in: nothing sent

    api.state.expired = false;
    signIn(ADA);
    resumeSaveQueues(ADA);
    await vi.advanceTimersByTimeAsync(0);
    expect(api.accepted).toEqual([{ setId: 11, body: { completed: true } }]);
    expect(unsavedSetCount(ADA)).toBe(0);
  });

  it("another lifter signing in on the device never sends (or loses) the first one's sets", async () => {
    signIn(ADA);
    const api = server(ADA);
    api.state.offline = true;
    getSetSaveQueue(WORKOUT).enqueue(11, { completed: true });
    await vi.advanceTimersByTimeAsync(0);

    // Ada logs out anyway; Bob signs in, comes online, and even opens the same workout URL.
    const triedWhileOffline = api.requests.length;
    signIn(BOB);
    api.state.offline = false;
    resumeSaveQueues(BOB);
    window.dispatchEvent(new Event('online'));
    getSetSaveQueue(WORKOUT);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(api.requests.length).toBe(triedWhileOffline);
    expect(unsavedSetCount(ADA)).toBe(1);
    expect(unsavedSetCount(BOB)).toBe(0);

    // Ada, next time: sent once, from whatever page she lands on.
    resetSetSaveQueues(); // a new page load
    signIn(ADA);
    resumeSaveQueues(ADA);
    await vi.advanceTimersByTimeAsync(0);
    expect(api.accepted).toEqual([{ setId: 11, body: { completed: true } }]);
    expect(unsavedSetCount(ADA)).toBe(0);
  });
});
