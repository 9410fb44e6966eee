const TOKEN_KEY = 'liftplan.token';

type Listener = () => void;
const listeners = new Set<Listener>();

/**
 * The session token, kept in localStorage so a reload stays signed in. Subscribable so React re-renders when
 * the token changes in this tab or, through the `storage` event, in another one.
 */
export const tokenStorage = {
  read(): string | null {
    try {
      return localStorage.getItem(TOKEN_KEY);
    } catch {
      return null; // storage disabled (e.g. some private modes): behave as signed out
    }
  },

  write(token: string): void {
    localStorage.setItem(TOKEN_KEY, token);
    notify();
  },

  clear(): void {
    localStorage.removeItem(TOKEN_KEY);
    notify();
  },

  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    const onStorage = (event: StorageEvent) => {
      if (event.key === TOKEN_KEY || event.key === null) listener();
    };
    window.addEventListener('storage', onStorage);
    return () => {
      listeners.delete(listener);
      window.removeEventListener('storage', onStorage);
    };
  },
};

function notify(): void {
  for (const listener of listeners) listener();
}
