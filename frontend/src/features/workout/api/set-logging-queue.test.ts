// Issue 12: RPE, notes and skipping a set go through the same durable, offline-safe save queue as reps and done.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyPatch, pendingSetsStorageKey, SetSaveQueue, type SetPatch } from './set-save-queue';

const WORKOUT_ID = 11;
const offline = () => Promise.reject(new Error('offline'));

const queue = (send: (setId: number, patch: SetPatch) => Promise<unknown>) =>
  new SetSaveQueue({ workoutId: WORKOUT_ID, storage: localStorage, send, isPausingFailure: () => true });

afterEach(() => localStorage.clear());

describe('logging details through the save queue', () => {
  it('keeps weight, RPE, note and skipped across a reload, merged per set, the latest value of each field winning', () => {
    const first = queue(vi.fn(offline));
    first.enqueue(3, { actualWeight: 97.5, rpe: 8 });
    first.enqueue(3, { note: 'belt on' });
    first.enqueue(3, { skipped: true, completed: false });
    first.enqueue(3, { completed: true, skipped: false });
    first.dispose();
    expect(JSON.parse(localStorage.getItem(pendingSetsStorageKey(WORKOUT_ID))!)).toEqual({
      v: 1,
      sets: { 3: { actualWeight: 97.5, rpe: 8, note: 'belt on', skipped: false, completed: true } },
    });

    // A new page load replays it (and sends the merged change once).
    const send = vi.fn(() => new Promise(() => {}));
    const reloaded = queue(send);
    expect(reloaded.pendingPatches().get(3)).toEqual({
      actualWeight: 97.5,
      rpe: 8,
      note: 'belt on',
      skipped: false,
      completed: true,
    });
    reloaded.retryNow();
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith(3, {
      actualWeight: 97.5,
      rpe: 8,
      note: 'belt on',
      skipped: false,
      completed: true,
    });
    reloaded.dispose();
  });

  it('ignores stored fields of the wrong type (a note that is a number)', () => {
    localStorage.setItem(
      pendingSetsStorageKey(WORKOUT_ID),
      JSON.stringify({ v: 1, sets: { 4: { note: 5, rpe: 'high', skipped: 'yes', completed: true } } }),
    );
    const reloaded = queue(vi.fn(() => new Promise(() => {})));
    expect(reloaded.pendingPatches().get(4)).toEqual({ completed: true });
    reloaded.dispose();
  });

  it('lays a skip over the set as the server records it: not done, no reps, weight or RPE; the note stays', () => {
    const set = { actualReps: 5, actualWeight: 100, completed: true, rpe: 9, note: 'knee', skipped: false };
    expect(applyPatch(set, { skipped: true, completed: false })).toEqual({
      actualReps: null,
      actualWeight: null,
      completed: false,
      rpe: null,
      note: 'knee',
      skipped: true,
    });
    expect(applyPatch(set, { rpe: 7.5, note: null })).toMatchObject({ rpe: 7.5, note: null, completed: true });
  });
});
