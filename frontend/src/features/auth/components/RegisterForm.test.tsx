import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { aUser, answer, apiErrorBody, fakeApi } from '@/test/fake-api';
import { LocationProbe, renderWithProviders } from '@/test/render';
import { RegisterPage } from '../routes/RegisterPage';
import { tokenStorage } from '../session/token-storage';

function renderRegisterPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/register" element={<RegisterPage />} />
      <Route path="*" element={<LocationProbe />} />
    </Routes>,
    { route: '/register' },
  );
}

describe('RegisterForm', () => {
  it('rejects a short password before calling the server, then registers and goes to /plans', async () => {
    const { fetchMock, requests } = fakeApi(
      answer('POST', '/api/auth/register', 201, { token: 'new-token', user: aUser({ displayName: 'Grace' }) }),
    );
    const { user } = renderRegisterPage();
    await user.type(screen.getByLabelText('Your name'), 'Grace');
    await user.type(screen.getByLabelText('Email'), 'grace@example.com');
    const password = screen.getByLabelText('Password');
    await user.type(password, 'short');

    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(fetchMock).not.toHaveBeenCalled();
    expect(password.getAttribute('aria-invalid')).toBe('true');
    const describedBy = password.getAttribute('aria-describedby')?.split(' ') ?? [];
    const descriptions = describedBy.map((id) => document.getElementById(id)?.textContent);
    expect(descriptions).toContain('Password must be at least 8 characters');
    expect(document.activeElement).toBe(password);

    await user.type(password, '-but-longer');
    expect(password.getAttribute('aria-invalid')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect((await screen.findByTestId('location')).textContent).toBe('/plans');
    expect(tokenStorage.read()).toBe('new-token');
    expect(await requests[0]?.json()).toEqual({
      displayName: 'Grace',
      email: 'grace@example.com',
      password: 'short-but-longer',
      // The device's zone, for the lifter's schedule dates.
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
  });

  it("shows the server's reason for a refused password under the password field", async () => {
    const reason = 'password is too easy to guess. This is a heavily used password.';
    fakeApi(
      answer(
        'POST',
        '/api/auth/register',
        400,
        apiErrorBody('VALIDATION_ERROR', `Invalid body: password: ${reason}`, [{ path: 'password', message: reason }]),
      ),
    );
    const { user } = renderRegisterPage();
    await user.type(screen.getByLabelText('Your name'), 'Grace');
    await user.type(screen.getByLabelText('Email'), 'grace@example.com');
    await user.type(screen.getByLabelText('Password'), 'password');

    await user.click(screen.getByRole('button', { name: 'Create account' }));

    const password = screen.getByLabelText('Password');
    const error = await screen.findByText('Password is too easy to guess. This is a heavily used password.');
    expect(password.getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(tokenStorage.read()).toBeNull();
  });

  it('shows a taken email under the email field', async () => {
    fakeApi(
      answer(
        'POST',
        '/api/auth/register',
        409,
        apiErrorBody('EMAIL_TAKEN', 'An account with this email already exists'),
      ),
    );
    const { user } = renderRegisterPage();
    await user.type(screen.getByLabelText('Your name'), 'Grace');
    await user.type(screen.getByLabelText('Email'), 'grace@example.com');
    await user.type(screen.getByLabelText('Password'), 'long-enough-password');

    await user.click(screen.getByRole('button', { name: 'Create account' }));

    const email = screen.getByLabelText('Email');
    const error = await screen.findByText('An account with this email already exists');
    expect(email.getAttribute('aria-describedby')).toBe(error.id);
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(email);
    expect(tokenStorage.read()).toBeNull();
  });

  it('refuses a pasted 377-character name with a message instead of cutting it to 80 (issue 12)', async () => {
    const { requests } = fakeApi();
    const { user } = renderRegisterPage();
    await user.click(screen.getByLabelText('Your name'));
    await user.paste('n'.repeat(377));
    expect((screen.getByLabelText('Your name') as HTMLInputElement).value).toHaveLength(377);
    await user.type(screen.getByLabelText('Email'), 'long@example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('Use at most 80 characters (this one has 377)')).toBeTruthy();
    expect(requests).toHaveLength(0);
  });
});
