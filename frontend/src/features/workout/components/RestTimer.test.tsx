import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RestTimer } from './RestTimer';
import { formatClock, restDurationMs, useRestTimer } from './use-rest-timer';

function Harness({ storageKey = 'rest-test', restMs = 120_000 }: { storageKey?: string; restMs?: number }) {
  const timer = useRestTimer(storageKey);
  return (
    <>
      <button type="button" onClick={() => timer.start(restMs)}>
        Done with a set
      </button>
      <RestTimer timer={timer} />
    </>
  );
}

const time = () => screen.getByRole('timer').textContent;
const advance = (ms: number) => act(() => vi.advanceTimersByTime(ms));
const startRest = () => fireEvent.click(screen.getByRole('button', { name: 'Done with a set' }));

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
}

describe('rest timer', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-03-02T10:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
    setVisibility('visible');
  });

  it('formats time left, rounding up', () => {
    expect(formatClock(120_000)).toBe('2:00');
    expect(formatClock(65_001)).toBe('1:06');
    expect(formatClock(0)).toBe('0:00');
  });

  it("rests for the plan's slot rest, else the lifter's default, else 2 minutes", () => {
    expect(restDurationMs(180, 90)).toBe(180_000);
    expect(restDurationMs(0, 90)).toBe(0); // the plan says: no rest timer
    expect(restDurationMs(null, 90)).toBe(90_000);
    expect(restDurationMs(null, undefined)).toBe(120_000);
    expect(restDurationMs(null, null)).toBe(120_000);
  });

  it('counts down, then counts the overtime, announcing only start and end', () => {
    render(<Harness />);
    expect(screen.queryByRole('region', { name: 'Rest timer' })).toBeNull();

    startRest();
    expect(time()).toBe('2:00');
    expect(screen.getByRole('status').textContent).toBe('Rest timer started: 2:00.');

    advance(30_000);
    expect(time()).toBe('1:30');
    expect(screen.getByRole('status').textContent).toBe('Rest timer started: 2:00.');

    advance(95_000);
    expect(screen.getByText('Rest over')).toBeTruthy();
    expect(time()).toBe('+0:05');
    expect(screen.getByRole('status').textContent).toBe('Rest over: time for your next set.');
  });

  it('adjusts by ±15 s while running, never below zero, restarts, and goes away when dismissed', () => {
    render(<Harness />);
    startRest();
    advance(60_000);

    fireEvent.click(screen.getByRole('button', { name: '15 seconds more' }));
    expect(time()).toBe('1:15');
    fireEvent.click(screen.getByRole('button', { name: '15 seconds less' }));
    fireEvent.click(screen.getByRole('button', { name: '15 seconds less' }));
    expect(time()).toBe('0:45');
    for (let i = 0; i < 3; i++) fireEvent.click(screen.getByRole('button', { name: '15 seconds less' }));
    expect(screen.getByText('Rest over')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '15 seconds less' })).toBeNull();
    // Over: more rest counts from now.
    fireEvent.click(screen.getByRole('button', { name: '15 seconds more' }));
    expect(time()).toBe('0:15');

    fireEvent.click(screen.getByRole('button', { name: 'Restart the rest timer' }));
    expect(time()).toBe('2:00');

    fireEvent.click(screen.getByRole('button', { name: 'Dismiss the rest timer' }));
    expect(screen.queryByRole('region', { name: 'Rest timer' })).toBeNull();
    expect(localStorage.getItem('rest-test')).toBeNull();
  });

  it('keeps counting across a reload (an end time is stored, not a counter)', () => {
    const first = render(<Harness />);
    startRest();
    advance(20_000);
    first.unmount();

    advance(10_000);
    render(<Harness />);
    expect(time()).toBe('1:30');
    expect(JSON.parse(localStorage.getItem('rest-test') ?? 'null')).toMatchObject({
      startedAt: Date.parse('2026-03-02T10:00:00Z'),
      durationMs: 120_000,
    });
  });

  it('at the end vibrates once, and notifies when the screen is off and notifications are allowed', async () => {
    const vibrate = vi.fn(() => true);
    vi.stubGlobal('navigator', { ...navigator, vibrate, serviceWorker: undefined });
    const shown: string[] = [];
    class FakeNotification {
      static permission: NotificationPermission = 'default';
      static requestPermission = vi.fn(async () => {
        FakeNotification.permission = 'granted';
        return 'granted' as const;
      });
      constructor(title: string) {
        shown.push(title);
      }
    }
    vi.stubGlobal('Notification', FakeNotification);

    const first = render(<Harness restMs={60_000} />);
    startRest();
    // Asked on the first rest only.
    expect(FakeNotification.requestPermission).toHaveBeenCalledTimes(1);
    await act(async () => {});
    setVisibility('hidden'); // the screen locks
    advance(61_000);
    await act(async () => {});
    expect(vibrate).toHaveBeenCalledTimes(1);
    expect(shown).toEqual(['Rest over']);

    // A reload after the end does not buzz again.
    first.unmount();
    render(<Harness restMs={60_000} />);
    advance(1000);
    expect(vibrate).toHaveBeenCalledTimes(1);
    startRest();
    expect(FakeNotification.requestPermission).toHaveBeenCalledTimes(1);
  });

  it('works without vibration or notifications', () => {
    vi.stubGlobal('navigator', { ...navigator, vibrate: undefined });
    vi.stubGlobal('Notification', undefined);
    render(<Harness restMs={5000} />);
    startRest();
    advance(6000);
    expect(screen.getByText('Rest over')).toBeTruthy();
  });

  it('forgets a rest that ended more than an hour ago', () => {
    localStorage.setItem('rest-test', JSON.stringify({ startedAt: Date.now() - 2 * 3600_000, durationMs: 60_000 }));
    render(<Harness />);
    expect(screen.queryByRole('region', { name: 'Rest timer' })).toBeNull();
  });
});
