import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { CurrentUserProvider } from '@/lib/current-user';
import { aUser } from '@/test/fake-api';
import { LocationProbe, renderWithProviders } from '@/test/render';
import { ADMIN_ONLY_MESSAGE, RequireAdmin } from './RequireAdmin';

function renderAt(path: string, isAdmin: boolean) {
  return renderWithProviders(
    <CurrentUserProvider user={aUser({ isAdmin })}>
      <Routes>
        <Route path="/" element={<LocationProbe />} />
        <Route path="/admin" element={<RequireAdmin />}>
          <Route path="plans" element={<h1>Admin plans</h1>} />
        </Route>
      </Routes>
    </CurrentUserProvider>,
    { route: path },
  );
}

describe('RequireAdmin', () => {
  it('sends a lifter home with a message, without rendering the admin page', async () => {
    renderAt('/admin/plans', false);
    const location = await screen.findByTestId('location');
    expect(location.textContent).toBe('/');
    expect(JSON.parse(location.dataset.state ?? 'null')).toEqual({
      flash: { message: ADMIN_ONLY_MESSAGE, tone: 'warning' },
    });
    expect(screen.queryByRole('heading', { name: 'Admin plans' })).toBeNull();
  });

  it('lets an admin through', () => {
    renderAt('/admin/plans', true);
    expect(screen.getByRole('heading', { name: 'Admin plans' })).toBeTruthy();
  });
});
