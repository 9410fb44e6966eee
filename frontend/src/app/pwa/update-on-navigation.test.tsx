import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Link, MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { activateWaitingWorker, setRegistrationForTests } from './service-worker';
import { UpdateOnNavigation } from './UpdateOnNavigation';

/** A registration whose new version waits: it records what it is told. */
function fakeRegistration() {
  const waiting = { postMessage: vi.fn() };
  return { registration: { waiting } as unknown as ServiceWorkerRegistration, waiting };
}

afterEach(() => {
  setRegistrationForTests(null, false);
  Reflect.deleteProperty(navigator, 'serviceWorker');
});

describe('a waiting service worker', () => {
  it('is told to skip waiting, and the page reloads only once the new version controls it', () => {
    const { registration, waiting } = fakeRegistration();
    const container = new EventTarget() as ServiceWorkerContainer;
    const reload = vi.fn();

    expect(activateWaitingWorker(registration, container, reload)).toBe(true);
    expect(waiting.postMessage).toHaveBeenCalledWith({ type: 'SKIP_WAITING' });
    expect(reload).not.toHaveBeenCalled();
    container.dispatchEvent(new Event('controllerchange'));
    container.dispatchEvent(new Event('controllerchange'));
    expect(reload).toHaveBeenCalledTimes(1);

    expect(activateWaitingWorker({ waiting: null }, container, reload)).toBe(false);
  });

  it('takes over at the next route change, not on the page it became ready on', async () => {
    const { registration, waiting } = fakeRegistration();
    const container = new EventTarget();
    Object.defineProperty(navigator, 'serviceWorker', { configurable: true, value: container });
    const reload = vi.fn();
    vi.stubGlobal('location', { ...window.location, reload });
    render(
      <MemoryRouter initialEntries={['/workouts/5']}>
        <UpdateOnNavigation />
        <Routes>
          <Route path="/workouts/5" element={<Link to="/history">History</Link>} />
          <Route path="/history" element={<h1>History</h1>} />
        </Routes>
      </MemoryRouter>,
    );

    act(() => setRegistrationForTests(registration, true));
    expect(waiting.postMessage).not.toHaveBeenCalled(); // mid-workout: nothing happens

    await userEvent.click(screen.getByRole('link', { name: 'History' }));
    expect(waiting.postMessage).toHaveBeenCalledWith({ type: 'SKIP_WAITING' });
    container.dispatchEvent(new Event('controllerchange'));
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
