/**
 * Recovering from code that failed to download: a lazy page's chunk (or its CSS) requested while offline, or
 * one that a deploy replaced. With the service worker the chunks come from its cache, so this is the fallback
 * for a first visit without it, an evicted cache or a new deploy.
 */

const RELOAD_MARK = 'liftplan.chunkReloadAt';
/** A second failure within this window after the recovery reload does not reload again (no reload loop). */
const RELOAD_GUARD_MS = 60_000;

const CHUNK_ERROR =
  /dynamically imported module|Importing a module script failed|Unable to preload CSS|Failed to load module script|error loading dynamically imported module|ChunkLoadError|Loading chunk/i;

/** True for the errors browsers and Vite raise when a code chunk or its CSS cannot be fetched. */
export function isChunkLoadError(error: unknown): boolean {
  return error instanceof Error && CHUNK_ERROR.test(`${error.name} ${error.message}`);
}

/** Resolves when the browser says it is online (at once if it is). */
export function whenOnline(): Promise<void> {
  if (typeof navigator === 'undefined' || navigator.onLine) return Promise.resolve();
  return new Promise((resolve) => window.addEventListener('online', () => resolve(), { once: true }));
}

/**
 * Reloads the page once to pick up code that is there now; false when a recovery reload just happened (then the
 * error is shown instead of reloading forever).
 */
export function reloadOnce(storage: Storage | null = sessionStorageOrNull(), now = Date.now()): boolean {
  const last = Number(storage?.getItem(RELOAD_MARK) ?? 0);
  if (now - last < RELOAD_GUARD_MS) return false;
  try {
    storage?.setItem(RELOAD_MARK, String(now));
  } catch {
    // Without storage the guard is off; the reload still helps.
  }
  window.location.reload();
  return true;
}

/**
 * Failed `<link rel="stylesheet">` tags stay in the document, and Vite's preloader skips a stylesheet whose tag
 * exists: remove them so a retry really downloads the CSS.
 */
function forgetFailedStylesheets(): void {
  for (const link of document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')) {
    if (link.sheet === null && link.href.includes('/assets/')) link.remove();
  }
}

export type LoadChunkOptions = {
  /** Attempts while online before giving up on retrying (then one reload). */
  attempts?: number;
  delayMs?: number;
  waitForOnline?: () => Promise<void>;
  reload?: () => boolean;
};

/**
 * Loads a lazy page's module, never failing just because the connection dropped: offline it waits for the
 * connection, then retries; online it retries a couple of times, then reloads the page once (a deploy replaced
 * the chunk). Only when even that cannot help does the error reach the error boundary.
 */
export async function loadChunk<Module>(load: () => Promise<Module>, options: LoadChunkOptions = {}): Promise<Module> {
  const attempts = options.attempts ?? 3;
  const waitForOnline = options.waitForOnline ?? whenOnline;
  let lastError: unknown;
  for (let attempt = 1; ; attempt++) {
    try {
      return await load();
    } catch (error) {
      if (!isChunkLoadError(error)) throw error;
      lastError = error;
    }
    forgetFailedStylesheets();
    const offline = typeof navigator !== 'undefined' && !navigator.onLine;
    if (offline) {
      attempt = 0; // offline attempts don't count: wait for the signal, however long it takes
      await waitForOnline();
      continue;
    }
    if (attempt >= attempts) break;
    await new Promise((resolve) => setTimeout(resolve, (options.delayMs ?? 500) * attempt));
  }
  if ((options.reload ?? reloadOnce)()) return new Promise<Module>(() => {}); // the page is going away
  throw lastError;
}

/**
 * Vite reports a chunk whose preloaded CSS or JS failed with `vite:preloadError` before the import rejects. The
 * rejection reaches `loadChunk`, which waits and retries; this only logs, so the cause is visible in the console.
 */
export function watchPreloadErrors(): void {
  window.addEventListener('vite:preloadError', (event) => {
    const payload = (event as Event & { payload?: unknown }).payload;
    console.warn('A code chunk failed to load; retrying when possible', payload);
  });
}

function sessionStorageOrNull(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}
