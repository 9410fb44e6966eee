import { screen, within } from '@testing-library/react';
import type { UserDto } from '@liftplan/domain';
import { describe, expect, it } from 'vitest';
import { currentUserQueryKey, CurrentUserProvider, type CurrentUserResponse } from '@/lib/current-user';
import { aUser, answer, apiErrorBody, fakeApi } from '@/test/fake-api';
import { renderWithProviders } from '@/test/render';
import { SettingsPage } from './SettingsPage';

function renderSettings(user: UserDto, ...routes: Parameters<typeof fakeApi>) {
  const api = fakeApi(...routes);
  const view = renderWithProviders(
    <CurrentUserProvider user={user}>
      <SettingsPage />
    </CurrentUserProvider>,
  );
  return { ...api, ...view };
}

describe('SettingsPage', () => {
  it('saves only the equipment that changed, including a custom plate, and updates the signed-in user', async () => {
    const user = aUser();
    const updated = { ...user, barWeight: 15, plates: [25, 20, 15, 10, 5, 2.5, 1.25, 0.75] };
    const {
      user: clicker,
      requests,
      queryClient,
    } = renderSettings(user, answer('PATCH', '/api/users/me', 200, { user: updated }));

    const equipment = screen.getByRole('form', { name: 'Equipment' });
    const bar = within(equipment).getByLabelText('Bar weight (kg)');
    await clicker.clear(bar);
    await clicker.type(bar, '15');
    await clicker.type(within(equipment).getByLabelText('Add a plate size (kg)'), '0.75');
    await clicker.click(within(equipment).getByRole('button', { name: 'Add' }));
    expect((within(equipment).getByRole('checkbox', { name: '0.75' }) as HTMLInputElement).checked).toBe(true);
    await clicker.click(within(equipment).getByRole('button', { name: 'Save equipment' }));

    expect(await within(equipment).findByText('✓ Saved')).toBeTruthy();
    expect(await requests.find((r) => r.method === 'PATCH')?.json()).toEqual({
      barWeight: 15,
      plates: [25, 20, 15, 10, 5, 2.5, 1.25, 0.75],
    });
    expect(queryClient.getQueryData<CurrentUserResponse>(currentUserQueryKey)?.user.barWeight).toBe(15);
  });

  it('validates on the fields before sending, and shows the server’s field errors', async () => {
    const { user: clicker, requests } = renderSettings(
      aUser(),
      answer(
        'PATCH',
        '/api/users/me',
        400,
        apiErrorBody('VALIDATION_ERROR', 'Invalid body', [
          { path: 'weightIncrement', message: 'increment must be at most 50' },
        ]),
      ),
    );
    const equipment = screen.getByRole('form', { name: 'Equipment' });
    const increment = within(equipment).getByLabelText('Weight increment (kg)');

    await clicker.clear(increment);
    await clicker.type(increment, '0');
    for (const plate of ['25', '20', '15', '10', '5', '2.5', '1.25'])
      await clicker.click(within(equipment).getByRole('checkbox', { name: plate }));
    await clicker.click(within(equipment).getByRole('button', { name: 'Save equipment' }));

    expect(increment.getAttribute('aria-invalid')).toBe('true');
    expect(within(equipment).getByText('The weight must be more than 0')).toBeTruthy();
    expect(within(equipment).getByText('Choose at least one plate size')).toBeTruthy();
    expect(document.activeElement).toBe(increment);
    expect(requests.filter((r) => r.method !== 'GET')).toHaveLength(0);

    await clicker.click(within(equipment).getByRole('checkbox', { name: '25' }));
    await clicker.clear(increment);
    await clicker.type(increment, '5');
    await clicker.click(within(equipment).getByRole('button', { name: 'Save equipment' }));
    expect(await within(equipment).findByText('Increment must be at most 50')).toBeTruthy();
    expect(increment.getAttribute('aria-invalid')).toBe('true');
  });

  it('offers rounding down next to the increment, and saves only that', async () => {
    const user = aUser({ rounding: 'nearest' });
    const { user: clicker, requests } = renderSettings(
      user,
      answer('PATCH', '/api/users/me', 200, { user: { ...user, rounding: 'down' } }),
    );
    const equipment = screen.getByRole('form', { name: 'Equipment' });
    const rounding = within(equipment).getByRole('group', { name: 'Rounding' });
    expect((within(rounding).getByLabelText('Nearest') as HTMLInputElement).checked).toBe(true);

    await clicker.click(within(rounding).getByLabelText('Down'));
    expect(rounding.textContent).toContain('never above what the percentage says');
    await clicker.click(within(equipment).getByRole('button', { name: 'Save equipment' }));

    expect(await within(equipment).findByText('✓ Saved')).toBeTruthy();
    expect(await requests.find((r) => r.method === 'PATCH')?.json()).toEqual({ rounding: 'down' });
  });

  it('switches the unit on its own and explains that training maxes are converted', async () => {
    const { user: clicker, requests } = renderSettings(
      aUser(),
      answer('PATCH', '/api/users/me', 200, { user: aUser({ unitPreference: 'lb', barWeight: 45 }) }),
    );
    const unit = screen.getByRole('form', { name: 'Unit' });
    expect(unit.textContent).toContain('Switching converts your training maxes once');

    await clicker.click(within(unit).getByLabelText('Pounds (lb)'));
    await clicker.click(within(unit).getByRole('button', { name: 'Switch to lb' }));

    expect(await within(unit).findByText('✓ Saved')).toBeTruthy();
    expect(await requests.find((r) => r.method === 'PATCH')?.json()).toEqual({ unitPreference: 'lb' });
  });
});
