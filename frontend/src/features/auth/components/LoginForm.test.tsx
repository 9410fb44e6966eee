import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { connectApiClientToSession } from '@/app/connect-session';
import { aUser, answer, apiErrorBody, fakeApi } from '@/test/fake-api';
import { createTestQueryClient, LocationProbe, renderWithProviders } from '@/test/render';
import { LoginPage } from '../routes/LoginPage';
import { tokenStorage } from '../session/token-storage';

function renderLoginPage() {
  const queryClient = createTestQueryClient();
  connectApiClientToSession(queryClient);
  return renderWithProviders(
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="*" element={<LocationProbe />} />
    </Routes>,
    { route: '/login', queryClient },
  );
}

async function submitLogin(user: ReturnType<typeof renderLoginPage>['user'], email: string, password: string) {
  await user.type(screen.getByLabelText('Email'), email);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('LoginForm', () => {
  it('shows the server’s field errors next to the fields they concern', async () => {
    fakeApi(
      answer(
        'POST',
        '/api/auth/login',
        400,
        apiErrorBody('VALIDATION_ERROR', 'Invalid body: email: enter a valid email address', [
          { path: 'email', message: 'enter a valid email address' },
        ]),
      ),
    );
    const { user } = renderLoginPage();

    await submitLogin(user, 'ada@', 'secret-password');

    const email = screen.getByLabelText('Email');
    const error = await screen.findByText('Enter a valid email address');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toBe(error.id);
    expect(document.activeElement).toBe(email);
    expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the 401 message as a form error and stays signed out', async () => {
    const { requests } = fakeApi(
      answer('POST', '/api/auth/login', 401, apiErrorBody('INVALID_CREDENTIALS', 'Email or password is incorrect')),
    );
    const { user } = renderLoginPage();

    await submitLogin(user, 'ada@example.com', 'wrong-password');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Email or password is incorrect');
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(tokenStorage.read()).toBeNull();
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.headers.get('Authorization')).toBeNull();
    expect(await request?.json()).toEqual({ email: 'ada@example.com', password: 'wrong-password' });
  });

  it('asks for missing fields without calling the server', async () => {
    const { fetchMock } = fakeApi();
    const { user } = renderLoginPage();

    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(screen.getByText('Enter your email address')).toBeTruthy();
    expect(screen.getByText('Enter your password')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('stores the token and goes home after signing in', async () => {
    fakeApi(answer('POST', '/api/auth/login', 200, { token: 'token-123', user: aUser() }));
    const { user } = renderLoginPage();

    await submitLogin(user, 'ada@example.com', 'correct-password');

    expect((await screen.findByTestId('location')).textContent).toBe('/');
    expect(tokenStorage.read()).toBe('token-123');
  });
});
