import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SaveQueueSnapshot, SetSaveState } from '../api/set-save-queue';
import { rowSaveState, saveStatus, useSaveHealth } from './save-health';
import { SaveStatus } from './SaveStatus';

function setOnline(online: boolean) {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}

/** A queue state: sets by id and state; `retryScheduled` false while an attempt is in flight. */
function snapshot(states: Record<number, SetSaveState>, retryScheduled = true): SaveQueueSnapshot {
  const map = new Map(Object.entries(states).map(([id, state]) => [Number(id), state]));
  const retrying = [...map.values()].includes('retrying');
  return {
    states: map,
    pendingCount: map.size,
    nextRetryAt: retrying && retryScheduled ? Date.now() + 1000 : null,
    lastError: retrying ? 'Could not reach the server.' : null,
  };
}

function Strip({ state }: { state: SaveQueueSnapshot }) {
  return <SaveStatus state={state} health={useSaveHealth(state)} onRetry={() => {}} />;
}

const box = () => document.querySelector('.save-status')!;
const announced = () => screen.getByRole('status').textContent;

afterEach(() => setOnline(true));

describe('SaveStatus', () => {
  it('offline: sets kept on the device are a calm note with their count, never the red retry box', () => {
    setOnline(false);
    const view = render(<Strip state={snapshot({ 11: 'retrying', 12: 'saving' })} />);

    expect(box().className).toBe('save-status save-status--offline');
    expect(box().textContent).toContain("Offline — 2 sets kept on this device, will sync when you're back online.");
    expect(screen.queryByRole('button', { name: 'Retry now' })).toBeNull();
    expect(announced()).toBe("Offline — 2 sets kept on this device, will sync when you're back online.");

    view.rerender(<Strip state={snapshot({ 11: 'retrying' })} />);
    expect(box().textContent).toContain('Offline — 1 set kept on this device');
  });

  it('online and failing: the red box with "Retry now", steady while a retry is in flight', () => {
    const view = render(<Strip state={snapshot({ 11: 'retrying' })} />);
    expect(box().className).toBe('save-status save-status--error');
    expect(box().textContent).toContain('1 set not saved yet — retrying automatically.');
    expect(screen.getByRole('button', { name: 'Retry now' })).toBeTruthy();

    view.rerender(<Strip state={snapshot({ 11: 'retrying' }, false)} />);
    expect(box().className).toBe('save-status save-status--error');

    view.rerender(<Strip state={snapshot({})} />);
    expect(box().className).toBe('save-status save-status--saved');
    expect(announced()).toBe('All sets saved');
  });

  it('back online, the first attempt is "Saving…", not a flash of red; then everything is saved', () => {
    setOnline(false);
    const view = render(<Strip state={snapshot({ 11: 'retrying' })} />);
    act(() => setOnline(true));
    // Rendered before the queue reacts: the retry scheduled offline is no reason for red.
    expect(box().className).toBe('save-status save-status--saving');
    // The queue sends at once on `online`: no retry is scheduled while that attempt is in flight.
    view.rerender(<Strip state={snapshot({ 11: 'retrying' }, false)} />);
    expect(box().className).toBe('save-status save-status--saving');

    view.rerender(<Strip state={snapshot({})} />);
    expect(box().textContent).toBe('All sets savedAll sets saved');
  });

  it('says which state each row shows', () => {
    const offline = { online: false, failing: false };
    const reconnecting = { online: true, failing: false };
    const failing = { online: true, failing: true };
    expect(rowSaveState(undefined, offline)).toBeUndefined();
    expect(rowSaveState('saving', offline)).toBe('kept');
    expect(rowSaveState('retrying', offline)).toBe('kept');
    expect(rowSaveState('retrying', reconnecting)).toBeUndefined();
    expect(rowSaveState('retrying', failing)).toBe('failing');
    expect(rowSaveState('saving', failing)).toBeUndefined();
    expect(saveStatus(snapshot({}), offline)).toEqual({ tone: 'saved', message: 'All sets saved' });
  });
});
