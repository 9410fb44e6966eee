import { dehydrate, hydrate, type DehydratedState, type QueryClient } from '@tanstack/react-query';

const STORAGE_KEY = 'liftplan.queryCache';
const VERSION = 1;
/** Older than this, what the server said is too stale to open the app with. */
const MAX_AGE_MS = 14 * 24 * 60 * 60 * 1000;

type Stored = { v: number; owner: string; savedAt: number; state: DehydratedState };

export type QueryPersistenceOptions = {
  storage?: Storage | null;
  /** Whose cache this is (derived from the session): another session never sees it, none means nothing is kept. */
  getOwner: () => string | null;
  /** True when the server is out of reach now: then the stored cache is restored before the first render. */
  isOffline: () => boolean;
  /** Told when reachability changes: the stored cache is restored the first time the server is out of reach. */
  subscribeOffline: (listener: () => void) => () => void;
  throttleMs?: number;
};

/**
 * Keeps the server state the app last saw (the signed-in user, the workout, plans, history…) on this device, so
 * the app works offline with what it showed before instead of spinners. Online, pages load fresh as always; the
 * stored state is only laid in when the server is out of reach (at start, or the first time a request fails),
 * filling in what the page has not loaded. It is saved (throttled) after every change and when the page is
 * hidden, keeping earlier entries this page load has not replaced; only for the session that fetched it, so a
 * logout (no session) deletes it.
 */
export function persistQueryCache(queryClient: QueryClient, options: QueryPersistenceOptions): () => void {
  const storage = options.storage === undefined ? defaultStorage() : options.storage;
  if (!storage) return () => {};
  let fallback = read(storage, options.getOwner());
  let restored = false;

  const restore = () => {
    if (restored || !fallback || fallback.owner !== options.getOwner()) return;
    restored = true;
    hydrate(queryClient, fallback.state); // never over fresher data: hydrate keeps the newer of the two
  };
  if (options.isOffline()) restore();
  const unsubscribeOffline = options.subscribeOffline(() => {
    if (options.isOffline()) restore();
  });

  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const owner = options.getOwner();
    try {
      if (owner === null) {
        fallback = null;
        storage.removeItem(STORAGE_KEY);
        return;
      }
      if (fallback && fallback.owner !== owner) fallback = null;
      // Whatever has data, including a query whose last refresh failed offline (that is when it matters most).
      const state = dehydrate(queryClient, { shouldDehydrateQuery: (query) => query.state.data !== undefined });
      const live = new Set(state.queries.map((query) => query.queryHash));
      const oldest = Date.now() - MAX_AGE_MS;
      for (const query of fallback?.state.queries ?? [])
        if (!live.has(query.queryHash) && query.state.dataUpdatedAt > oldest) state.queries.push(query);
      const stored: Stored = { v: VERSION, owner, savedAt: Date.now(), state };
      fallback = stored;
      storage.setItem(STORAGE_KEY, JSON.stringify(stored));
    } catch {
      // Storage full or disabled: the app still works online.
    }
  };
  const schedule = () => {
    timer ??= setTimeout(save, options.throttleMs ?? 1000);
  };
  const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
    if (event.type === 'added' || event.type === 'removed' || event.type === 'updated') schedule();
  });
  const onHide = () => {
    if (document.visibilityState === 'hidden') save();
  };
  document.addEventListener('visibilitychange', onHide);
  window.addEventListener('pagehide', save);
  return () => {
    unsubscribe();
    unsubscribeOffline();
    if (timer !== null) clearTimeout(timer);
    document.removeEventListener('visibilitychange', onHide);
    window.removeEventListener('pagehide', save);
  };
}

function read(storage: Storage, owner: string | null): Stored | null {
  try {
    const raw = storage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const stored = JSON.parse(raw) as Partial<Stored>;
    const usable =
      stored.v === VERSION &&
      owner !== null &&
      stored.owner === owner &&
      typeof stored.savedAt === 'number' &&
      Date.now() - stored.savedAt < MAX_AGE_MS &&
      typeof stored.state === 'object' &&
      stored.state !== null &&
      Array.isArray(stored.state.queries);
    if (!usable) {
      storage.removeItem(STORAGE_KEY);
      return null;
    }
    for (const query of stored.state!.queries) {
      // A query whose last refresh failed offline is stored with its data: lay it in as data, not as an error.
      if (query.state.data !== undefined) Object.assign(query.state, { status: 'success', error: null });
    }
    return stored as Stored;
  } catch {
    try {
      storage.removeItem(STORAGE_KEY);
    } catch {
      // nothing to do
    }
    return null;
  }
}

/** A short, non-reversible tag of a session token: enough to tell sessions apart without storing it twice. */
export function sessionTag(token: string | null): string | null {
  if (token === null) return null;
  let hash = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) {
    hash ^= token.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

function defaultStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
