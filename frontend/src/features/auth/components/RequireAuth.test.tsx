import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { connectApiClientToSession } from '@/app/connect-session';
import { useCurrentUser } from '@/lib/current-user';
import { aUser, answer, apiErrorBody, fakeApi } from '@/test/fake-api';
import { createTestQueryClient, LocationProbe, renderWithProviders } from '@/test/render';
import { tokenStorage } from '../session/token-storage';
import { RequireAuth } from './RequireAuth';

function SecretPage() {
  const user = useCurrentUser();
  return <h1>Secret for {user.displayName}</h1>;
}

function renderProtectedRoute() {
  const queryClient = createTestQueryClient();
  connectApiClientToSession(queryClient);
  return renderWithProviders(
    <Routes>
      <Route element={<RequireAuth />}>
        <Route path="/secret" element={<SecretPage />} />
      </Route>
      <Route path="/login" element={<LocationProbe />} />
    </Routes>,
    { route: '/secret?tab=2', queryClient },
  );
}

describe('RequireAuth', () => {
  it('redirects to /login, remembering the page, when there is no token', async () => {
    const { fetchMock } = fakeApi();

    renderProtectedRoute();

    const location = await screen.findByTestId('location');
    expect(location.textContent).toBe('/login');
    expect(JSON.parse(location.dataset.state ?? 'null')).toEqual({ from: '/secret?tab=2' });
    expect(screen.queryByText(/Secret/)).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('restores the user from the stored token and renders the page', async () => {
    tokenStorage.write('stored-token');
    const { requests } = fakeApi(answer('GET', '/api/auth/me', 200, { user: aUser({ displayName: 'Ada' }) }));

    renderProtectedRoute();

    expect(screen.getByRole('status').textContent).toContain('Loading your account');
    expect(await screen.findByRole('heading', { name: 'Secret for Ada' })).toBeTruthy();
    expect(requests[0]?.headers.get('Authorization')).toBe('Bearer stored-token');
  });

  it('ends the session and redirects to /login when the server rejects the stored token', async () => {
    tokenStorage.write('expired-token');
    fakeApi(
      answer('GET', '/api/auth/me', 401, apiErrorBody('INVALID_TOKEN', 'Your session is invalid or has expired')),
    );

    renderProtectedRoute();

    expect((await screen.findByTestId('location')).textContent).toBe('/login');
    expect(tokenStorage.read()).toBeNull();
  });
});
