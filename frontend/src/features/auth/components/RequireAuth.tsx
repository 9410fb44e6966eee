import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { ErrorMessage } from '@/components/ErrorMessage';
import { Loading } from '@/components/Spinner';
import { CurrentUserProvider } from '@/lib/current-user';
import { paths } from '@/lib/paths';
import { loginRedirectState } from '../session/login-redirect';
import { useSession } from '../session/use-session';

/** Route guard: its child routes render only for a signed-in user, who is then available via useCurrentUser(). */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();

  switch (session.status) {
    case 'anonymous':
      return <Navigate to={paths.login} replace state={loginRedirectState(location)} />;
    case 'loading':
      return <Loading label="Loading your account…" />;
    case 'error':
      return (
        <ErrorMessage title="We couldn't load your account" message={session.error.message} onRetry={session.retry} />
      );
    case 'authenticated':
      return (
        <CurrentUserProvider user={session.user}>
          <Outlet />
        </CurrentUserProvider>
      );
  }
}
