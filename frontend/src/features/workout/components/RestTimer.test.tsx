import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RestTimer } from './RestTimer';
import { formatClock, restDurationMs, useRestTimer } from './use-rest-timer';

function Harness({ storageKey = 'rest-test' }: { storageKey?: string }) {
  const timer = useRestTimer(storageKey);
  return (
    <>
      <button type="button" onClick={() => timer.start(restDurationMs('T1'))}>
        Done with a T1 set
      </button>
      <RestTimer timer={timer} />
    </>
  );
}

const time = () => screen.getByRole('timer').textContent;
const advance = (ms: number) => act(() => vi.advanceTimersByTime(ms));

describe('rest timer', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-03-02T10:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
    sessionStorage.clear();
  });

  it('formats time left, rounding up', () => {
    expect(formatClock(120_000)).toBe('2:00');
    expect(formatClock(65_001)).toBe('1:06');
    expect(formatClock(0)).toBe('0:00');
    expect(restDurationMs('T1')).toBe(120_000);
    expect(restDurationMs('T2')).toBe(90_000);
  });

  it('counts down from 2:00 for T1, then counts the overtime, announcing only start and end', () => {
    render(<Harness />);
    expect(screen.queryByRole('region', { name: 'Rest timer' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Done with a T1 set' }));
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

  it('adds 30 seconds, restarts, and goes away when dismissed', () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: 'Done with a T1 set' }));
    advance(60_000);

    fireEvent.click(screen.getByRole('button', { name: 'Add 30 seconds' }));
    expect(time()).toBe('1:30');
    fireEvent.click(screen.getByRole('button', { name: 'Restart the rest timer' }));
    expect(time()).toBe('2:00');

    fireEvent.click(screen.getByRole('button', { name: 'Dismiss the rest timer' }));
    expect(screen.queryByRole('region', { name: 'Rest timer' })).toBeNull();
    expect(sessionStorage.getItem('rest-test')).toBeNull();
  });

  it('keeps counting across a reload', () => {
    const first = render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: 'Done with a T1 set' }));
    advance(20_000);
    first.unmount();

    advance(10_000);
    render(<Harness />);
    expect(time()).toBe('1:30');
  });
});
