import { useCallback, useEffect, useRef, useState } from 'react';

/** `durationMs` is this rest's length (after any added time); `baseMs` what it started with, for a restart. */
export type RestTimerState = { startedAt: number; durationMs: number; baseMs: number };

/** Default rest by tier: heavy T1 work gets longer. */
export function restDurationMs(tier: string): number {
  return tier.toUpperCase() === 'T1' ? 120_000 : 90_000;
}

/** "1:05" for 65 s; rounds up while counting down, so 0:00 shows only when the rest is over. */
export function formatClock(ms: number): string {
  const totalSeconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

function readStored(key: string | null): RestTimerState | null {
  if (!key) return null;
  try {
    const value = JSON.parse(sessionStorage.getItem(key) ?? 'null') as Partial<RestTimerState> | null;
    return value && typeof value.startedAt === 'number' && typeof value.durationMs === 'number'
      ? { startedAt: value.startedAt, durationMs: value.durationMs, baseMs: value.baseMs ?? value.durationMs }
      : null;
  } catch {
    return null;
  }
}

function store(key: string | null, state: RestTimerState | null) {
  if (!key) return;
  try {
    if (state) sessionStorage.setItem(key, JSON.stringify(state));
    else sessionStorage.removeItem(key);
  } catch {
    // Not kept across a reload; the timer still runs.
  }
}

/**
 * A rest countdown measured against the clock (not by counting ticks, which background tabs throttle), kept in
 * sessionStorage so a reload mid-rest keeps counting. After the rest is over it keeps counting up (overtime).
 */
export function useRestTimer(storageKey: string | null, tickMs = 250) {
  const [timer, setTimer] = useState<RestTimerState | null>(() => readStored(storageKey));
  const [now, setNow] = useState(() => Date.now());
  const [announcement, setAnnouncement] = useState('');
  const announcedOver = useRef(false);

  const update = useCallback(
    (next: RestTimerState | null) => {
      setTimer(next);
      setNow(Date.now());
      store(storageKey, next);
      announcedOver.current = false;
    },
    [storageKey],
  );

  useEffect(() => {
    if (!timer) return;
    const interval = setInterval(() => setNow(Date.now()), tickMs);
    return () => clearInterval(interval);
  }, [timer, tickMs]);

  const remainingMs = timer ? timer.startedAt + timer.durationMs - now : 0;
  const isOver = timer !== null && remainingMs <= 0;

  useEffect(() => {
    if (isOver && !announcedOver.current) {
      announcedOver.current = true;
      setAnnouncement('Rest over: time for your next set.');
      navigator.vibrate?.([200, 100, 200]);
    }
  }, [isOver]);

  const start = useCallback(
    (durationMs: number) => {
      update({ startedAt: Date.now(), durationMs, baseMs: durationMs });
      setAnnouncement(`Rest timer started: ${formatClock(durationMs)}.`);
    },
    [update],
  );

  return {
    isActive: timer !== null,
    isOver,
    /** Counting down: time left; over: time since the rest ended. */
    displayMs: Math.abs(remainingMs),
    durationMs: timer?.durationMs ?? 0,
    /** A sentence for a polite live region: only at start and end, never every second. */
    announcement,
    start,
    restart: () => timer && start(timer.baseMs),
    /** More rest: on top of what is left, or from now once the rest is over. */
    addTime: (ms: number) => {
      if (!timer) return;
      if (remainingMs <= 0) update({ startedAt: Date.now(), durationMs: ms, baseMs: timer.baseMs });
      else update({ ...timer, durationMs: timer.durationMs + ms });
    },
    dismiss: () => {
      update(null);
      setAnnouncement('');
    },
  };
}
