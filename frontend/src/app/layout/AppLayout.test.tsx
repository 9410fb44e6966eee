import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { RequireAuth } from '@/features/auth/components/RequireAuth';
import { tokenStorage } from '@/features/auth/session/token-storage';
import { currentUserQueryKey } from '@/lib/current-user';
import { aUser, answer, fakeApi } from '@/test/fake-api';
import { LocationProbe, renderWithProviders } from '@/test/render';
import { AppLayout } from './AppLayout';

function renderSignedIn(isAdmin: boolean) {
  tokenStorage.write('token');
  fakeApi(answer('GET', '/api/auth/me', 200, { user: aUser({ displayName: 'Ada Lovelace', isAdmin }) }));
  return renderWithProviders(
    <Routes>
      <Route element={<AppLayout />}>
        <Route element={<RequireAuth />}>
          <Route index element={<h1>Home</h1>} />
        </Route>
      </Route>
      <Route path="/login" element={<LocationProbe />} />
    </Routes>,
  );
}

async function mainNavLinks() {
  const nav = await screen.findByRole('navigation', { name: 'Main' });
  return within(nav)
    .getAllByRole('link')
    .map((link) => [link.textContent, link.getAttribute('href')]);
}

describe('AppLayout', () => {
  it('shows the lifter’s navigation and name, without Admin', async () => {
    renderSignedIn(false);

    expect(await mainNavLinks()).toEqual([
      ['Dashboard', '/'],
      ['Plans', '/plans'],
      ['History', '/history'],
      ['Settings', '/settings'],
    ]);
    expect(screen.getByText('Ada Lovelace')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Dashboard' }).getAttribute('aria-current')).toBe('page');
  });

  it('adds Admin for administrators', async () => {
    renderSignedIn(true);

    expect(await mainNavLinks()).toContainEqual(['Admin', '/admin']);
  });

  it('logs out: forgets the token and the cached user, and shows the sign-in page', async () => {
    const { user, queryClient } = renderSignedIn(false);
    await screen.findByRole('heading', { name: 'Home' });

    await user.click(screen.getByRole('button', { name: 'Log out' }));

    expect((await screen.findByTestId('location')).textContent).toBe('/login');
    expect(tokenStorage.read()).toBeNull();
    expect(queryClient.getQueryData(currentUserQueryKey)).toBeUndefined();
  });
});
