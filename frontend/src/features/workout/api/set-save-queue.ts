import type { LogSetBody } from '@liftplan/domain';

/**
 * A change to one set: reps, the weight used, RPE, a note, done and/or skipped. Later changes to the same set merge
 * into the pending one (the latest value of each field wins; done and skipped are always sent together).
 */
export type SetPatch = Pick<LogSetBody, 'actualReps' | 'actualWeight' | 'completed' | 'rpe' | 'note' | 'skipped'>;

/** Fired on `window` whenever a queue's stored changes change, so an "n sets on this device" count can follow. */
export const PENDING_SETS_CHANGED = 'liftplan:pending-sets-changed';

/** `saving`: sent or about to be; `retrying`: the last attempt failed, another one is scheduled. */
export type SetSaveState = 'saving' | 'retrying';

export type SaveQueueSnapshot = {
  /** Sets with changes the server has not confirmed yet. */
  states: ReadonlyMap<number, SetSaveState>;
  pendingCount: number;
  /** When the next automatic retry happens (ms since epoch), if one is scheduled. */
  nextRetryAt: number | null;
  /** Why the last attempt failed, while something is retrying. */
  lastError: string | null;
};

export type SaveQueueOptions = {
  workoutId: number;
  /** Sends one set's change; resolves when the server accepted it. */
  send: (setId: number, patch: SetPatch) => Promise<unknown>;
  /** Where pending changes survive a reload; `null` keeps them in memory only. */
  storage?: Storage | null;
  /** The lifter whose changes these are: their own storage entry, so one account never replays another's. */
  ownerId?: number | null;
  /** False while sending would use another session (signed out, someone else signed in): changes wait, kept. */
  canSend?: () => boolean;
  /** Delay before retry number `attempt` (1, 2, …). Default: 1 s, 2 s, 4 s … up to 30 s. */
  backoffMs?: (attempt: number) => number;
  /** A rejection that will never succeed (the workout was completed elsewhere, the set is gone…): drop the change. */
  isPermanentFailure?: (error: unknown) => boolean;
  /** A failure that retrying on a timer cannot fix (signed out): keep the change, wait for `retryNow` or a reload. */
  isPausingFailure?: (error: unknown) => boolean;
  /** Told about dropped changes, so the UI can undo them and say so. */
  onRejected?: (setId: number, patch: SetPatch, error: unknown) => void;
};

type Waiter = { resolve: () => void; reject: (error: unknown) => void };

type Entry = {
  patch: SetPatch;
  /** Bumped by every change; a confirmation only clears the entry when it covered the latest revision. */
  revision: number;
  inFlight: boolean;
  failures: number;
  retryAt: number | null;
  timer: ReturnType<typeof setTimeout> | null;
  waiters: Waiter[];
};

const STORAGE_PREFIX = 'liftplan.pendingSets.';
const STORAGE_VERSION = 1;

export const pendingSetsStorageKey = (workoutId: number, ownerId?: number | null) =>
  ownerId === undefined || ownerId === null
    ? `${STORAGE_PREFIX}${workoutId}`
    : `${STORAGE_PREFIX}${workoutId}.u${ownerId}`;

/** The workouts for which `ownerId` has changes kept on this device, e.g. to send them after signing in again. */
export function storedPendingWorkoutIds(storage: Storage | null, ownerId: number): number[] {
  if (!storage) return [];
  const ids: number[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const match = /^liftplan\.pendingSets\.(\d+)\.u(\d+)$/.exec(storage.key(i) ?? '');
      if (match && Number(match[2]) === ownerId) ids.push(Number(match[1]));
    }
  } catch {
    return ids;
  }
  return ids;
}

export const defaultBackoffMs = (attempt: number) => Math.min(30_000, 1000 * 2 ** (attempt - 1));

/**
 * The durable outbox for logging sets. Every change is written to storage before it is sent, so a reload, a
 * crash or a dead connection loses nothing: a new queue for the same workout replays what is left. Changes to
 * one set are sent one at a time (never out of order) and merged while one is in flight; the PATCH is
 * idempotent, so replaying a change the server already has is harmless. Failures are retried with exponential
 * backoff, and at once when `retryNow()` is called (the browser came back online).
 */
export class SetSaveQueue {
  readonly workoutId: number;
  private readonly options: SaveQueueOptions;
  private readonly entries = new Map<number, Entry>();
  private readonly listeners = new Set<() => void>();
  private snapshot: SaveQueueSnapshot;
  private lastError: string | null = null;
  private disposed = false;

  constructor(options: SaveQueueOptions) {
    this.options = options;
    this.workoutId = options.workoutId;
    for (const [setId, patch] of this.loadStored()) this.entries.set(setId, newEntry(patch));
    this.snapshot = this.buildSnapshot();
  }

  /** Records a change (persisted at once) and starts sending it. */
  enqueue(setId: number, patch: SetPatch): void {
    const entry = this.entries.get(setId) ?? newEntry({});
    entry.patch = { ...entry.patch, ...patch };
    entry.revision += 1;
    this.entries.set(setId, entry);
    this.persist();
    this.changed();
    if (!entry.inFlight) {
      // A fresh change deserves a fresh attempt, even if an older one is waiting for its retry.
      this.clearTimer(entry);
      void this.send(setId);
    }
  }

  /** Resolves once the set has no unconfirmed change; rejects if its change was dropped as permanently refused. */
  whenSaved(setId: number): Promise<void> {
    const entry = this.entries.get(setId);
    if (!entry) return Promise.resolve();
    return new Promise((resolve, reject) => entry.waiters.push({ resolve, reject }));
  }

  /** The unconfirmed changes, to lay over what the server last said. */
  pendingPatches(): ReadonlyMap<number, SetPatch> {
    return new Map([...this.entries].map(([setId, entry]) => [setId, { ...entry.patch }]));
  }

  has(setId: number): boolean {
    return this.entries.has(setId);
  }

  /** Sends everything that is waiting (not what is already in flight) now, e.g. when the browser is back online. */
  retryNow(): void {
    for (const [setId, entry] of this.entries) {
      if (entry.inFlight) continue;
      this.clearTimer(entry);
      void this.send(setId);
    }
  }

  /** Forgets everything (the workout is over and the server has the final word). */
  discard(): void {
    const entries = [...this.entries.values()];
    for (const entry of entries) this.clearTimer(entry);
    this.entries.clear();
    for (const waiter of entries.flatMap((entry) => entry.waiters)) waiter.resolve();
    this.persist();
    this.changed();
  }

  /** Stops sending and retrying without forgetting what is stored (the next page load replays it). */
  dispose(): void {
    this.disposed = true;
    for (const entry of this.entries.values()) this.clearTimer(entry);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SaveQueueSnapshot => this.snapshot;

  private async send(setId: number): Promise<void> {
    const entry = this.entries.get(setId);
    if (!entry || entry.inFlight || this.disposed) return;
    if (this.options.canSend && !this.options.canSend()) return; // kept; sent by retryNow() once it may be
    const revision = entry.revision;
    const patch = { ...entry.patch };
    entry.inFlight = true;
    entry.retryAt = null;
    this.changed();
    try {
      await this.options.send(setId, patch);
    } catch (error) {
      this.failed(setId, entry, patch, error);
      return;
    }
    entry.inFlight = false;
    entry.failures = 0;
    if (this.entries.get(setId) !== entry) return;
    if (entry.revision !== revision) {
      // Changed while in flight: send the merged state.
      this.changed();
      void this.send(setId);
      return;
    }
    this.entries.delete(setId);
    if (![...this.entries.values()].some((e) => e.failures > 0)) this.lastError = null;
    this.persist();
    this.changed();
    for (const waiter of entry.waiters) waiter.resolve();
  }

  private failed(setId: number, entry: Entry, patch: SetPatch, error: unknown): void {
    entry.inFlight = false;
    if (this.entries.get(setId) !== entry) return;
    if (this.options.isPermanentFailure?.(error)) {
      this.entries.delete(setId);
      this.persist();
      this.changed();
      this.options.onRejected?.(setId, patch, error);
      for (const waiter of entry.waiters) waiter.reject(error);
      return;
    }
    entry.failures += 1;
    this.lastError = error instanceof Error ? error.message : String(error);
    if (!this.options.isPausingFailure?.(error) && !this.disposed) {
      const delay = (this.options.backoffMs ?? defaultBackoffMs)(entry.failures);
      entry.retryAt = Date.now() + delay;
      entry.timer = setTimeout(() => {
        entry.timer = null;
        void this.send(setId);
      }, delay);
    }
    this.changed();
  }

  private clearTimer(entry: Entry): void {
    if (entry.timer !== null) clearTimeout(entry.timer);
    entry.timer = null;
    entry.retryAt = null;
  }

  private changed(): void {
    this.snapshot = this.buildSnapshot();
    for (const listener of this.listeners) listener();
  }

  private buildSnapshot(): SaveQueueSnapshot {
    const states = new Map<number, SetSaveState>();
    let nextRetryAt: number | null = null;
    for (const [setId, entry] of this.entries) {
      // Still "retrying" during a retry: the set only counts as saved once the server has it.
      states.set(setId, entry.failures > 0 ? 'retrying' : 'saving');
      if (entry.retryAt !== null && (nextRetryAt === null || entry.retryAt < nextRetryAt)) nextRetryAt = entry.retryAt;
    }
    const retrying = [...states.values()].includes('retrying');
    return { states, pendingCount: states.size, nextRetryAt, lastError: retrying ? this.lastError : null };
  }

  /** This lifter's stored changes, with an unkeyed queue of an earlier version moved in (once) when there is one. */
  private loadStored(): Map<number, SetPatch> {
    const own = new Map(this.read(pendingSetsStorageKey(this.workoutId, this.options.ownerId)));
    const legacyKey = pendingSetsStorageKey(this.workoutId);
    const legacy = this.options.ownerId === undefined || this.options.ownerId === null ? [] : this.read(legacyKey);
    if (legacy.length === 0) return own;
    // Queues were once stored per workout only. A queue is made for a workout the server just gave this lifter, so
    // its unkeyed changes are theirs; their own newer changes win field by field.
    const merged = new Map(legacy.map(([setId, patch]) => [setId, { ...patch, ...own.get(setId) }]));
    for (const [setId, patch] of own) if (!merged.has(setId)) merged.set(setId, patch);
    if (this.write(pendingSetsStorageKey(this.workoutId, this.options.ownerId), merged))
      this.write(legacyKey, new Map());
    return merged;
  }

  private read(key: string): Array<[number, SetPatch]> {
    try {
      const raw = this.options.storage?.getItem(key);
      if (!raw) return [];
      const stored = JSON.parse(raw) as { v?: unknown; sets?: Record<string, unknown> };
      if (stored.v !== STORAGE_VERSION || typeof stored.sets !== 'object' || stored.sets === null) return [];
      return Object.entries(stored.sets).flatMap(([id, value]): Array<[number, SetPatch]> => {
        const setId = Number(id);
        const patch = toPatch(value);
        return Number.isInteger(setId) && patch ? [[setId, patch]] : [];
      });
    } catch {
      return []; // unreadable: nothing we can replay
    }
  }

  /** Stores the patches under `key` (none: removes it); false when the storage refused. */
  private write(key: string, patches: ReadonlyMap<number, SetPatch>): boolean {
    const storage = this.options.storage;
    if (!storage) return false;
    try {
      if (patches.size === 0) storage.removeItem(key);
      else storage.setItem(key, JSON.stringify({ v: STORAGE_VERSION, sets: Object.fromEntries(patches) }));
      return true;
    } catch {
      return false; // storage full or disabled: the change still goes out from memory
    }
  }

  private persist(): void {
    const patches = new Map([...this.entries].map(([setId, entry]) => [setId, entry.patch]));
    this.write(pendingSetsStorageKey(this.workoutId, this.options.ownerId), patches);
    if (typeof window !== 'undefined') window.dispatchEvent(new Event(PENDING_SETS_CHANGED));
  }
}

function newEntry(patch: SetPatch): Entry {
  return { patch, revision: 0, inFlight: false, failures: 0, retryAt: null, timer: null, waiters: [] };
}

function toPatch(value: unknown): SetPatch | null {
  if (typeof value !== 'object' || value === null) return null;
  const { actualReps, actualWeight, completed, rpe, note, skipped } = value as Record<string, unknown>;
  const patch: SetPatch = {};
  if (actualReps === null || (typeof actualReps === 'number' && Number.isInteger(actualReps)))
    patch.actualReps = actualReps;
  if (actualWeight === null || (typeof actualWeight === 'number' && Number.isFinite(actualWeight) && actualWeight >= 0))
    patch.actualWeight = actualWeight;
  if (typeof completed === 'boolean') patch.completed = completed;
  if (rpe === null || (typeof rpe === 'number' && Number.isFinite(rpe))) patch.rpe = rpe;
  if (note === null || typeof note === 'string') patch.note = note;
  if (typeof skipped === 'boolean') patch.skipped = skipped;
  return Object.keys(patch).length > 0 ? patch : null;
}

type PatchableSet = { actualReps: number | null; actualWeight: number | null; completed: boolean };

/** Lays unconfirmed changes over the server's sets. */
export function applyPatches<S extends PatchableSet & { id: number }>(
  sets: S[],
  patches: ReadonlyMap<number, SetPatch>,
): S[] {
  if (patches.size === 0) return sets;
  return sets.map((set) => {
    const patch = patches.get(set.id);
    return patch ? applyPatch(set, patch) : set;
  });
}

export function applyPatch<S extends PatchableSet>(set: S, patch: SetPatch): S {
  return {
    ...set,
    ...(patch.actualReps !== undefined ? { actualReps: patch.actualReps } : {}),
    ...(patch.actualWeight !== undefined ? { actualWeight: patch.actualWeight } : {}),
    ...(patch.completed !== undefined ? { completed: patch.completed } : {}),
    ...(patch.rpe !== undefined ? { rpe: patch.rpe } : {}),
    ...(patch.note !== undefined ? { note: patch.note } : {}),
    ...(patch.skipped !== undefined ? { skipped: patch.skipped } : {}),
    // Skipping un-does the set (the server clears reps, weight and RPE the same way).
    ...(patch.skipped === true ? { completed: false, actualReps: null, actualWeight: null, rpe: null } : {}),
  };
}
