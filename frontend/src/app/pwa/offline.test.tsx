import { act, fireEvent, render, screen } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pendingNoteStorageKey } from '@/features/workout/api/note-outbox';
import { pendingSetsStorageKey } from '@/features/workout/api/set-save-queue';
import { connectivity, reportServerReached } from '@/lib/connectivity';
import { persistQueryCache, sessionTag } from '@/lib/query-persistence';
import { LogoutButton } from '../layout/LogoutButton';
import { isChunkLoadError, loadChunk, reloadOnce } from './chunk-recovery';
import { OfflineStatus } from './OfflineStatus';

const chunkError = () => new TypeError('Failed to fetch dynamically imported module: /assets/DashboardPage-x.js');

function setOnline(online: boolean) {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}

afterEach(() => {
  setOnline(true);
  sessionStorage.clear();
});

describe('chunk-load recovery', () => {
  it('recognises chunk and CSS preload failures, and nothing else', () => {
    expect(isChunkLoadError(chunkError())).toBe(true);
    expect(isChunkLoadError(new Error('Unable to preload CSS for /assets/DashboardPage-x.css'))).toBe(true);
    expect(isChunkLoadError(new TypeError('Importing a module script failed.'))).toBe(true);
    expect(isChunkLoadError(new Error('Cannot read properties of undefined'))).toBe(false);
  });

  it('offline: waits for the connection instead of failing, then loads', async () => {
    setOnline(false);
    let online!: () => void;
    const load = vi.fn().mockRejectedValueOnce(chunkError()).mockResolvedValueOnce({ Page: 'ok' });
    const reload = vi.fn(() => true);
    const result = loadChunk(load, { waitForOnline: () => new Promise<void>((r) => (online = r)), reload });
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    setOnline(true);
    online();
    await expect(result).resolves.toEqual({ Page: 'ok' });
    expect(reload).not.toHaveBeenCalled();
  });

  it('online: retries, then reloads the page once; a second failure right after shows the error', async () => {
    const load = vi.fn().mockRejectedValue(chunkError());
    const reload = vi.fn(() => true);
    void loadChunk(load, { delayMs: 1, reload });
    await vi.waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    expect(load).toHaveBeenCalledTimes(3);

    await expect(loadChunk(load, { delayMs: 1, attempts: 1, reload: () => false })).rejects.toThrow(/dynamically/);
    const other = new Error('a bug in the page');
    await expect(loadChunk(() => Promise.reject(other))).rejects.toBe(other);
  });

  it('reloads at most once a minute', () => {
    const reload = vi.fn();
    vi.stubGlobal('location', { ...window.location, reload });
    expect(reloadOnce(sessionStorage, 1_000_000)).toBe(true);
    expect(reloadOnce(sessionStorage, 1_030_000)).toBe(false);
    expect(reloadOnce(sessionStorage, 1_070_000)).toBe(true);
    expect(reload).toHaveBeenCalledTimes(2);
  });
});

describe('connectivity', () => {
  it('a request that cannot reach the server means offline, until the health probe gets an answer', async () => {
    vi.useFakeTimers();
    try {
      const health = vi.fn(async () => new Response('{}', { status: 200 }));
      vi.stubGlobal('fetch', health);
      const changes = vi.fn();
      const unsubscribe = connectivity.subscribe(changes);
      reportServerReached(false);
      expect(connectivity.isOffline()).toBe(true);
      expect(changes).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(5000);
      expect(health).toHaveBeenCalledWith('/api/health', { cache: 'no-store' });
      expect(connectivity.isOffline()).toBe(false);
      expect(changes).toHaveBeenCalledTimes(2);
      await vi.advanceTimersByTimeAsync(20_000);
      expect(health).toHaveBeenCalledTimes(1); // no probing once reachable
      unsubscribe();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the persisted query cache', () => {
  const offlineSwitch = () => {
    let offline = false;
    const listeners = new Set<() => void>();
    return {
      isOffline: () => offline,
      subscribeOffline: (listener: () => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      set(value: boolean) {
        offline = value;
        for (const listener of listeners) listener();
      },
    };
  };
  const WORKOUT = { id: 7, sets: [{ id: 11, completed: true }] };

  it('offline at start: the app opens with what the same session last saw; another session gets nothing', () => {
    vi.useFakeTimers();
    try {
      const first = new QueryClient();
      const stop = persistQueryCache(first, {
        getOwner: () => sessionTag('token-a'),
        ...offlineSwitch(),
        throttleMs: 10,
      });
      first.setQueryData(['workout', 7], WORKOUT);
      vi.advanceTimersByTime(20);
      stop();

      const offline = offlineSwitch();
      offline.set(true);
      const sameSession = new QueryClient();
      persistQueryCache(sameSession, { getOwner: () => sessionTag('token-a'), ...offline })();
      expect(sameSession.getQueryData(['workout', 7])).toEqual(WORKOUT);

      const otherSession = new QueryClient();
      persistQueryCache(otherSession, { getOwner: () => sessionTag('token-b'), ...offline })();
      expect(otherSession.getQueryData(['workout', 7])).toBeUndefined();
      expect(localStorage.getItem('liftplan.queryCache')).toBeNull(); // and it is gone
    } finally {
      vi.useRealTimers();
    }
  });

  it('online at start: pages load fresh; the stored state fills in only once the server is out of reach', () => {
    vi.useFakeTimers();
    try {
      const first = new QueryClient();
      persistQueryCache(first, { getOwner: () => 'a', ...offlineSwitch(), throttleMs: 10 });
      first.setQueryData(['workout', 7], WORKOUT);
      first.setQueryData(['history'], { workouts: [] });
      vi.advanceTimersByTime(20);

      const connection = offlineSwitch();
      const client = new QueryClient();
      persistQueryCache(client, { getOwner: () => 'a', ...connection, throttleMs: 10 });
      expect(client.getQueryData(['workout', 7])).toBeUndefined();
      client.setQueryData(['workout', 7], { id: 7, sets: [] }); // fresh from the server
      vi.advanceTimersByTime(20);
      // History was not loaded in this page: what was stored for it is kept.
      expect(JSON.parse(localStorage.getItem('liftplan.queryCache') ?? '{}').state.queries).toHaveLength(2);

      connection.set(true);
      expect(client.getQueryData(['history'])).toEqual({ workouts: [] });
      expect(client.getQueryData(['workout', 7])).toEqual({ id: 7, sets: [] }); // never over fresher data
    } finally {
      vi.useRealTimers();
    }
  });

  it('a logout (the cache cleared, no session) removes what was stored', () => {
    vi.useFakeTimers();
    try {
      let token: string | null = 'token-a';
      const client = new QueryClient();
      const stop = persistQueryCache(client, { getOwner: () => sessionTag(token), ...offlineSwitch(), throttleMs: 10 });
      client.setQueryData(['auth', 'me'], { user: { id: 1 } });
      vi.advanceTimersByTime(20);
      expect(localStorage.getItem('liftplan.queryCache')).not.toBeNull();
      token = null;
      client.clear();
      vi.advanceTimersByTime(20);
      expect(localStorage.getItem('liftplan.queryCache')).toBeNull();
      stop();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('offline status and logging out with unsent sets', () => {
  it('shows an offline strip with the number of sets kept on this device', () => {
    localStorage.setItem(
      pendingSetsStorageKey(7, 1),
      JSON.stringify({ v: 1, sets: { 11: { completed: true }, 12: { completed: true } } }),
    );
    render(<OfflineStatus userId={1} />);
    expect(screen.queryByText(/Offline\./)).toBeNull();
    act(() => setOnline(false));
    expect(screen.getByRole('status').textContent).toContain(
      'Offline. 2 sets are saved on this device and will be sent when you',
    );
    act(() => setOnline(true));
    expect(screen.queryByText(/Offline\./)).toBeNull();
  });

  it('logs out at once when everything is saved', () => {
    const onLogout = vi.fn();
    render(<LogoutButton userId={1} onLogout={onLogout} />);
    fireEvent.click(screen.getByRole('button', { name: 'Log out' }));
    expect(onLogout).toHaveBeenCalledTimes(1);
  });

  it('asks first when sets are not on the server: stay signed in, or log out and keep them on the device', () => {
    setOnline(false);
    localStorage.setItem(pendingSetsStorageKey(7, 1), JSON.stringify({ v: 1, sets: { 11: { completed: true } } }));
    const onLogout = vi.fn();
    render(<LogoutButton userId={1} onLogout={onLogout} />);
    fireEvent.click(screen.getByRole('button', { name: 'Log out' }));
    expect(onLogout).not.toHaveBeenCalled();
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain('1 set you logged has not reached the server yet because you are offline');
    fireEvent.click(screen.getByRole('button', { name: 'Stay signed in' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onLogout).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Log out' }));
    fireEvent.click(screen.getByRole('button', { name: 'Log out anyway' }));
    expect(onLogout).toHaveBeenCalledTimes(1);
    expect(localStorage.getItem(pendingSetsStorageKey(7, 1))).not.toBeNull(); // kept for the next sign-in
  });

  it('counts a workout note that has not reached the server too, with the sets', () => {
    localStorage.clear();
    setOnline(false);
    localStorage.setItem(pendingNoteStorageKey(7, 1), JSON.stringify({ note: 'Knees felt good' }));
    const onLogout = vi.fn();
    const { unmount } = render(<LogoutButton userId={1} onLogout={onLogout} />);
    fireEvent.click(screen.getByRole('button', { name: 'Log out' }));
    expect(onLogout).not.toHaveBeenCalled();
    const dialog = screen.getByRole('dialog', { name: 'A workout note is not saved yet' });
    expect(dialog.textContent).toContain('Your workout note has not reached the server yet because you are offline.');
    expect(dialog.textContent).toContain('If you log out, it stays on this device');
    fireEvent.click(screen.getByRole('button', { name: 'Stay signed in' }));
    unmount();

    localStorage.setItem(
      pendingSetsStorageKey(7, 1),
      JSON.stringify({ v: 1, sets: { 11: { completed: true }, 12: { completed: true } } }),
    );
    render(<LogoutButton userId={1} onLogout={onLogout} />);
    fireEvent.click(screen.getByRole('button', { name: 'Log out' }));
    expect(screen.getByRole('dialog', { name: 'Some sets are not saved yet' }).textContent).toContain(
      '2 sets you logged and your workout note have not reached the server yet',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Log out anyway' }));
    expect(onLogout).toHaveBeenCalledTimes(1);
    expect(localStorage.getItem(pendingNoteStorageKey(7, 1))).not.toBeNull(); // sent at the next sign-in
    localStorage.clear();
  });
});
