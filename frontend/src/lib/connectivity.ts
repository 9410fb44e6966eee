/**
 * Whether the app can reach its server: the browser's online flag, corrected by what API calls actually do
 * (on "lie-fi" the browser says online while every request fails). A request that could not reach the server
 * marks it unreachable until one gets through, or the browser reports a new connection.
 */
type Listener = () => void;

let serverUnreachable = false;
const listeners = new Set<Listener>();

function notify() {
  for (const listener of listeners) listener();
}

/** While the server is out of reach, how often to ask it (cheaply) whether it is back. */
const PROBE_MS = 5000;
let probe: ReturnType<typeof setInterval> | null = null;

/** Told by the API client after each request: did it reach the server (any HTTP answer) or not. */
export function reportServerReached(reached: boolean): void {
  if (serverUnreachable === !reached) return;
  serverUnreachable = !reached;
  if (serverUnreachable) startProbing();
  else stopProbing();
  notify();
}

/**
 * The browser does not always say when a connection comes back (it may never have said it was gone): ask the
 * health endpoint now and then, so waiting work (the set queue) goes out as soon as the server answers.
 */
function startProbing(): void {
  if (probe !== null || typeof window === 'undefined') return;
  probe = setInterval(() => {
    fetch('/api/health', { cache: 'no-store' }).then(
      () => reportServerReached(true),
      () => {},
    );
  }, PROBE_MS);
}

function stopProbing(): void {
  if (probe !== null) clearInterval(probe);
  probe = null;
}

export const connectivity = {
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    const onChange = () => {
      if (navigator.onLine) serverUnreachable = false; // a new connection: give it a chance
      listener();
    };
    window.addEventListener('online', onChange);
    window.addEventListener('offline', onChange);
    return () => {
      listeners.delete(listener);
      window.removeEventListener('online', onChange);
      window.removeEventListener('offline', onChange);
    };
  },
  /** True when offline, or the last request could not reach the server. */
  isOffline: (): boolean => (typeof navigator !== 'undefined' && !navigator.onLine) || serverUnreachable,
};
