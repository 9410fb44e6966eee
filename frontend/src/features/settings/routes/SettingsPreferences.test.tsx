// Issue 12 (helper DASH): warm-ups and default rest, the exports (downloaded with the auth header), and display
// names longer than 80 characters refused instead of cut.
import { screen, within } from '@testing-library/react';
import type { UserDto } from '@liftplan/domain';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectSession } from '@/lib/api-client';
import { CurrentUserProvider } from '@/lib/current-user';
import { aUser, answer, fakeApi } from '@/test/fake-api';
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

afterEach(() => {
  connectSession({ getToken: () => null, onSessionExpired: () => {} });
  vi.restoreAllMocks();
});

describe('Settings: workouts', () => {
  it('turns warm-ups on and changes the default rest, sending only what changed', async () => {
    const user = aUser();
    const { user: clicker, requests } = renderSettings(
      user,
      answer('PATCH', '/api/users/me', 200, { user: { ...user, warmups: 'standard', defaultRestSeconds: 90 } }),
    );
    const form = screen.getByRole('form', { name: 'Workouts' });
    expect((within(form).getByRole('radio', { name: 'Only the plan’s' }) as HTMLInputElement).checked).toBe(true);
    await clicker.click(within(form).getByRole('radio', { name: 'Add warm-ups' }));
    expect(within(form).getByText(/40 % × 5, 50 % × 5 and 60 % × 3/)).toBeTruthy();
    const rest = within(form).getByLabelText('Rest between sets (seconds)');
    await clicker.clear(rest);
    await clicker.type(rest, '90');
    await clicker.click(within(form).getByRole('button', { name: 'Save workout settings' }));
    expect(await within(form).findByText('✓ Saved')).toBeTruthy();
    expect(await requests.find((r) => r.method === 'PATCH')?.json()).toEqual({
      warmups: 'standard',
      defaultRestSeconds: 90,
    });
  });

  it.each(['1801', '-5', '1.5', 'two'])('refuses rest "%s" without a request', async (value) => {
    const { user: clicker, requests } = renderSettings(aUser());
    const form = screen.getByRole('form', { name: 'Workouts' });
    const rest = within(form).getByLabelText('Rest between sets (seconds)');
    await clicker.clear(rest);
    await clicker.type(rest, value);
    await clicker.click(within(form).getByRole('button', { name: 'Save workout settings' }));
    expect(within(form).getByText('Enter whole seconds from 0 to 1800')).toBeTruthy();
    expect(requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
  });
});

describe('Settings: your data', () => {
  it('downloads the CSV with the token in the Authorization header, never in the URL', async () => {
    connectSession({ getToken: () => 'secret-token', onSessionExpired: () => {} });
    const created: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => {
      created.push('blob:1');
      return 'blob:1';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    const { user: clicker, requests } = renderSettings(aUser(), (request) =>
      new URL(request.url).pathname === '/api/workouts/export.csv'
        ? new Response('date,plan\r\n', {
            status: 200,
            headers: {
              'Content-Type': 'text/csv',
              'Content-Disposition': 'attachment; filename="liftplan-workouts.csv"',
            },
          })
        : undefined,
    );
    await clicker.click(screen.getByRole('button', { name: 'Download workouts (CSV)' }));
    await vi.waitFor(() => expect(clicks).toEqual(['liftplan-workouts.csv']));
    const request = requests.find((r) => new URL(r.url).pathname === '/api/workouts/export.csv')!;
    expect(request.headers.get('Authorization')).toBe('Bearer secret-token');
    expect(request.url).not.toContain('secret-token');
    expect(created).toHaveLength(1);
  });

  it('says when the backup could not be downloaded', async () => {
    const { user: clicker } = renderSettings(
      aUser(),
      answer('GET', '/api/users/me/export', 503, {
        error: { code: 'DATABASE_UNAVAILABLE', message: 'Try again soon' },
      }),
    );
    await clicker.click(screen.getByRole('button', { name: 'Download backup (JSON)' }));
    expect(await screen.findByText('Nothing was downloaded')).toBeTruthy();
    expect(screen.getByText('Try again soon')).toBeTruthy();
  });
});

describe('Settings: display name', () => {
  it('a 377-character name is refused with a message, not cut to 80', async () => {
    const { user: clicker, requests } = renderSettings(aUser());
    const form = screen.getByRole('form', { name: 'Profile' });
    const name = within(form).getByLabelText('Display name') as HTMLInputElement;
    await clicker.clear(name);
    await clicker.click(name);
    await clicker.paste('n'.repeat(377));
    expect(name.value).toHaveLength(377);
    await clicker.click(within(form).getByRole('button', { name: 'Save name' }));
    expect(within(form).getByText('Use at most 80 characters (this one has 377)')).toBeTruthy();
    expect(requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
  });
});
