import { useCallback, useEffect, useState } from 'react';

/**
 * `durationMs` is this rest's length (after any adjustment); `baseMs` what it started with, for a restart;
 * `alerted`: the end was already signalled (no second buzz after a reload).
 */
export type RestTimerState = { startedAt: number; durationMs: number; baseMs: number; alerted?: boolean };

/** Without a rest from the plan or the lifter's own setting. */
export const FALLBACK_REST_SECONDS = 120;
/** A rest left running longer than this past its end is forgotten rather than shown on the next visit. */
const FORGET_AFTER_MS = 60 * 60 * 1000;
const NOTIFY_ASKED_KEY = 'liftplan.restTimer.notifyAsked';

/** The rest after a set: the plan's for the slot (0: none), else the lifter's default, else 2 minutes. */
export function restDurationMs(restSeconds: number | null, defaultRestSeconds?: number | null): number {
  return (restSeconds ?? defaultRestSeconds ?? FALLBACK_REST_SECONDS) * 1000;
}

/** "1:05" for 65 s; rounds up while counting down, so 0:00 shows only when the rest is over. */
export function formatClock(ms: number): string {
  const totalSeconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function readStored(key: string | null): RestTimerState | null {
  if (!key) return null;
  try {
    const value = JSON.parse(storage()?.getItem(key) ?? 'null') as Partial<RestTimerState> | null;
    if (!value || typeof value.startedAt !== 'number' || typeof value.durationMs !== 'number') return null;
    if (Date.now() - (value.startedAt + value.durationMs) > FORGET_AFTER_MS) return null;
    return {
      startedAt: value.startedAt,
      durationMs: value.durationMs,
      baseMs: value.baseMs ?? value.durationMs,
      alerted: value.alerted === true,
    };
  } catch {
    return null;
  }
}

function store(key: string | null, state: RestTimerState | null) {
  if (!key) return;
  try {
    if (state) storage()?.setItem(key, JSON.stringify(state));
    else storage()?.removeItem(key);
  } catch {
    // Not kept across a reload; the timer still runs.
  }
}

/** Asks once, on the first rest (a tap, so browsers allow the prompt); a refusal or no support changes nothing. */
function askNotificationPermissionOnce(): void {
  try {
    if (typeof Notification === 'undefined' || Notification.permission !== 'default') return;
    if (storage()?.getItem(NOTIFY_ASKED_KEY)) return;
    storage()?.setItem(NOTIFY_ASKED_KEY, '1');
    void Notification.requestPermission().catch(() => {});
  } catch {
    // No notifications here: vibration and the on-screen timer remain.
  }
}

/** A system notification, for when the screen is off or the app is in the background, where the browser allows. */
async function notifyRestOver(): Promise<void> {
  try {
    if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
    if (document.visibilityState === 'visible') return; // the screen already says it
    const options: NotificationOptions = {
      body: 'Time for your next set.',
      tag: 'liftplan-rest',
      icon: '/icon-192.png',
    };
    // Android allows notifications only through the service worker.
    const registration = await navigator.serviceWorker?.getRegistration?.();
    if (registration) await registration.showNotification('Rest over', options);
    else new Notification('Rest over', options);
  } catch {
    // Not allowed here: vibration and the on-screen timer remain.
  }
}

/**
 * A rest countdown measured against the clock (an end time, not a counter, so background tabs, a locked screen
 * and reloads don't disturb it), kept in localStorage so a reload or a killed app keeps counting. At the end it
 * vibrates and, in the background, shows a notification where the browser allows; then it counts up (overtime).
 */
export function useRestTimer(storageKey: string | null, tickMs = 250) {
  const [timer, setTimer] = useState<RestTimerState | null>(() => readStored(storageKey));
  const [now, setNow] = useState(() => Date.now());
  const [announcement, setAnnouncement] = useState('');

  const update = useCallback(
    (next: RestTimerState | null) => {
      setTimer(next);
      setNow(Date.now());
      store(storageKey, next);
    },
    [storageKey],
  );

  useEffect(() => {
    if (!timer) return;
    const endsAt = timer.startedAt + timer.durationMs;
    let alerted = timer.alerted === true;
    const tick = () => {
      const at = Date.now();
      setNow(at);
      if (at < endsAt || alerted) return;
      // The end, signalled once (stored, so a reload does not buzz again).
      alerted = true;
      update({ ...timer, alerted: true });
      setAnnouncement('Rest over: time for your next set.');
      try {
        navigator.vibrate?.([200, 100, 200, 100, 400]);
      } catch {
        // no vibration motor or not allowed
      }
      void notifyRestOver();
    };
    const interval = setInterval(tick, tickMs);
    // Screen on again: show the right time at once, not at the next (throttled) tick.
    document.addEventListener('visibilitychange', tick);
    // Timers in a hidden page run late but run: this one fires at (or soon after) the end, for the alert.
    const endsIn = endsAt - Date.now();
    const atEnd = endsIn > 0 ? setTimeout(tick, endsIn) : null;
    return () => {
      clearInterval(interval);
      document.removeEventListener('visibilitychange', tick);
      if (atEnd !== null) clearTimeout(atEnd);
    };
  }, [timer, tickMs, update]);

  const remainingMs = timer ? timer.startedAt + timer.durationMs - now : 0;
  const isOver = timer !== null && remainingMs <= 0;

  const start = useCallback(
    (durationMs: number) => {
      askNotificationPermissionOnce();
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
    /**
     * More (or less, with a negative `ms`) rest: on top of what is left; once the rest is over, more rest counts
     * from now. Less rest never goes below zero: it ends the rest now.
     */
    addTime: (ms: number) => {
      if (!timer) return;
      const at = Date.now();
      const left = timer.startedAt + timer.durationMs - at;
      if (left <= 0) {
        if (ms > 0) update({ startedAt: at, durationMs: ms, baseMs: timer.baseMs });
        return;
      }
      const durationMs = Math.max(at - timer.startedAt, timer.durationMs + ms);
      update({ ...timer, durationMs, alerted: false });
    },
    dismiss: () => {
      update(null);
      setAnnouncement('');
    },
  };
}
