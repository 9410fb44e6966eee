import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, NETWORK_ERROR_CODE } from '@/lib/api-client';
import { pendingSetsStorageKey, SetSaveQueue, type SaveQueueOptions, type SetPatch } from './set-save-queue';
import { isPermanentSaveFailure } from './workout-api';

const WORKOUT_ID = 7;
const KEY = pendingSetsStorageKey(WORKOUT_ID);
const offline = () => new ApiError(0, NETWORK_ERROR_CODE, 'Could not reach the server.');

/** A fake server whose answers the test decides, one call at a time. */
function fakeServer() {
  const calls: Array<{ setId: number; patch: SetPatch; resolve: () => void; reject: (e: unknown) => void }> = [];
  const send = vi.fn(
    (setId: number, patch: SetPatch) =>
      new Promise<void>((resolve, reject) => {
        calls.push({ setId, patch, resolve, reject });
      }),
  );
  return { send, calls };
}

function stored(): unknown {
  const raw = localStorage.getItem(KEY);
  return raw === null ? null : JSON.parse(raw);
}

function makeQueue(send: SaveQueueOptions['send'], extra: Partial<SaveQueueOptions> = {}) {
  return new SetSaveQueue({
    workoutId: WORKOUT_ID,
    storage: localStorage,
    send,
    isPermanentFailure: isPermanentSaveFailure,
    ...extra,
  });
}

describe('SetSaveQueue', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('stores a change before sending it, and forgets it once the server has it', async () => {
    const server = fakeServer();
    const queue = makeQueue(server.send);

    queue.enqueue(11, { completed: true });

    expect(stored()).toEqual({ v: 1, sets: { 11: { completed: true } } });
    expect(server.send).toHaveBeenCalledWith(11, { completed: true });
    expect(queue.getSnapshot().states.get(11)).toBe('saving');
    const saved = queue.whenSaved(11);

    server.calls[0]!.resolve();
    await saved;

    expect(stored()).toBeNull();
    expect(queue.getSnapshot().pendingCount).toBe(0);
  });

  it('retries a failed save with growing delays until it goes through, keeping it stored meanwhile', async () => {
    const server = fakeServer();
    const queue = makeQueue(server.send);
    queue.enqueue(11, { completed: true });

    server.calls[0]!.reject(offline());
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.getSnapshot().states.get(11)).toBe('retrying');
    expect(queue.getSnapshot().lastError).toMatch(/Could not reach/);
    expect(stored()).toEqual({ v: 1, sets: { 11: { completed: true } } });

    await vi.advanceTimersByTimeAsync(999);
    expect(server.send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.send).toHaveBeenCalledTimes(2);

    server.calls[1]!.reject(new ApiError(503, 'HTTP_ERROR', 'The server answered 503'));
    await vi.advanceTimersByTimeAsync(1999);
    expect(server.send).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.send).toHaveBeenCalledTimes(3);

    server.calls[2]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.getSnapshot()).toMatchObject({ pendingCount: 0, lastError: null });
    expect(stored()).toBeNull();
  });

  it('retries at once when told the connection is back, without waiting for the backoff', async () => {
    const server = fakeServer();
    const queue = makeQueue(server.send);
    queue.enqueue(11, { actualReps: 6 });
    server.calls[0]!.reject(offline());
    await vi.advanceTimersByTimeAsync(0);

    queue.retryNow();

    expect(server.send).toHaveBeenCalledTimes(2);
    expect(server.calls[1]!.patch).toEqual({ actualReps: 6 });
  });

  it('sends one save per set at a time and merges the changes made meanwhile', async () => {
    const server = fakeServer();
    const queue = makeQueue(server.send);

    queue.enqueue(11, { actualReps: 5 });
    queue.enqueue(11, { actualReps: 6 });
    queue.enqueue(11, { completed: true });
    queue.enqueue(12, { completed: true });

    expect(server.calls.map((c) => [c.setId, c.patch])).toEqual([
      [11, { actualReps: 5 }],
      [12, { completed: true }],
    ]);
    expect(stored()).toEqual({ v: 1, sets: { 11: { actualReps: 6, completed: true }, 12: { completed: true } } });

    server.calls[0]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    // The first answer covered an older state: the newest one is sent, not forgotten.
    expect(server.calls[2]).toMatchObject({ setId: 11, patch: { actualReps: 6, completed: true } });
    expect(queue.has(11)).toBe(true);

    server.calls[2]!.resolve();
    server.calls[1]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(stored()).toBeNull();
  });

  it('keeps and replays the weight of a set the lifter weighed (and drops what it cannot read)', async () => {
    localStorage.setItem(
      KEY,
      JSON.stringify({
        v: 1,
        sets: {
          13: { actualWeight: 22.5, completed: true },
          14: { actualWeight: 'heavy' },
          15: { actualWeight: null },
        },
      }),
    );
    const server = fakeServer();

    const queue = makeQueue(server.send);
    expect([...queue.pendingPatches()]).toEqual([
      [13, { actualWeight: 22.5, completed: true }],
      [15, { actualWeight: null }],
    ]);
    queue.enqueue(13, { actualWeight: 25 });
    expect(server.calls[0]).toMatchObject({ setId: 13, patch: { actualWeight: 25, completed: true } });
    expect(stored()).toEqual({ v: 1, sets: { 13: { actualWeight: 25, completed: true }, 15: { actualWeight: null } } });
  });

  it('replays what an earlier page load left unsaved', async () => {
    localStorage.setItem(
      KEY,
      JSON.stringify({ v: 1, sets: { 11: { completed: true }, 12: { actualReps: 8, completed: true } } }),
    );
    const server = fakeServer();

    const queue = makeQueue(server.send);
    expect([...queue.pendingPatches()]).toEqual([
      [11, { completed: true }],
      [12, { actualReps: 8, completed: true }],
    ]);
    queue.retryNow();

    expect(server.calls.map((c) => c.setId)).toEqual([11, 12]);
    server.calls.forEach((c) => c.resolve());
    await vi.advanceTimersByTimeAsync(0);
    expect(stored()).toBeNull();
  });

  it("moves an earlier version's unkeyed queue into the lifter's own key, once; their own changes win", async () => {
    const own = pendingSetsStorageKey(WORKOUT_ID, 3);
    localStorage.setItem(
      KEY,
      JSON.stringify({ v: 1, sets: { 11: { completed: true, actualReps: 5 }, 12: { completed: true } } }),
    );
    localStorage.setItem(own, JSON.stringify({ v: 1, sets: { 11: { actualReps: 6 }, 13: { skipped: true } } }));
    const server = fakeServer();

    const queue = makeQueue(server.send, { ownerId: 3 });

    expect([...queue.pendingPatches()]).toEqual([
      [11, { completed: true, actualReps: 6 }],
      [12, { completed: true }],
      [13, { skipped: true }],
    ]);
    expect(stored()).toBeNull();
    expect(JSON.parse(localStorage.getItem(own)!)).toEqual({
      v: 1,
      sets: { 11: { completed: true, actualReps: 6 }, 12: { completed: true }, 13: { skipped: true } },
    });
    // A second page load finds nothing left to move: each change is sent once.
    queue.dispose();
    expect(makeQueue(vi.fn(), { ownerId: 3 }).getSnapshot().pendingCount).toBe(3);
    localStorage.removeItem(own);
  });

  it('leaves an unkeyed queue alone for a queue without a lifter, and when the storage refuses the move', () => {
    localStorage.setItem(KEY, JSON.stringify({ v: 1, sets: { 11: { completed: true } } }));
    expect(makeQueue(vi.fn()).getSnapshot().pendingCount).toBe(1);
    expect(stored()).not.toBeNull();

    const full = {
      getItem: (key: string) => localStorage.getItem(key),
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: (key: string) => localStorage.removeItem(key),
    } as unknown as Storage;
    expect(makeQueue(vi.fn(), { ownerId: 3, storage: full }).getSnapshot().pendingCount).toBe(1);
    expect(stored()).toEqual({ v: 1, sets: { 11: { completed: true } } });
    localStorage.removeItem(KEY);
  });

  it('ignores stored data it cannot read', () => {
    localStorage.setItem(KEY, '{not json');
    expect(makeQueue(vi.fn()).getSnapshot().pendingCount).toBe(0);
    localStorage.setItem(KEY, JSON.stringify({ v: 1, sets: { 11: { completed: 'yes' }, abc: { completed: true } } }));
    expect(makeQueue(vi.fn()).getSnapshot().pendingCount).toBe(0);
  });

  it('drops a change the server refuses for good and tells whoever waits for it', async () => {
    const server = fakeServer();
    const onRejected = vi.fn();
    const queue = makeQueue(server.send, { onRejected });
    queue.enqueue(11, { completed: true });
    const saved = queue.whenSaved(11);
    const refusal = new ApiError(409, 'WORKOUT_NOT_IN_PROGRESS', 'This workout is completed; nothing was changed');

    server.calls[0]!.reject(refusal);

    await expect(saved).rejects.toBe(refusal);
    expect(onRejected).toHaveBeenCalledWith(11, { completed: true }, refusal);
    expect(stored()).toBeNull();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.send).toHaveBeenCalledTimes(1);
  });

  it('keeps a change without retrying on a timer when the session is gone', async () => {
    const server = fakeServer();
    const queue = makeQueue(server.send, { isPausingFailure: (e) => e instanceof ApiError && e.status === 401 });
    queue.enqueue(11, { completed: true });

    server.calls[0]!.reject(new ApiError(401, 'INVALID_TOKEN', 'Sign in again'));
    await vi.advanceTimersByTimeAsync(120_000);

    expect(server.send).toHaveBeenCalledTimes(1);
    expect(stored()).toEqual({ v: 1, sets: { 11: { completed: true } } });
    expect(queue.getSnapshot().states.get(11)).toBe('retrying');
  });
});
