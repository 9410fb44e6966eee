import { Suspense } from 'react';
import { Link, Outlet } from 'react-router-dom';
import { Loading } from '@/components/Spinner';
import { useLogout } from '@/features/auth/session/use-logout';
import { useSession } from '@/features/auth/session/use-session';
import { paths } from '@/lib/paths';
import { OfflineStatus } from '../pwa/OfflineStatus';
import { UpdateOnNavigation } from '../pwa/UpdateOnNavigation';
import { FlashNotice } from './FlashNotice';
import { LogoutButton } from './LogoutButton';
import { MainNav } from './MainNav';
import { ScrollToTop } from './ScrollToTop';

/** The signed-in shell: header with navigation and account, page content below. */
export function AppLayout() {
  const session = useSession();
  const logout = useLogout();
  const user = session.status === 'authenticated' ? session.user : null;

  return (
    <div className="app-shell">
      <ScrollToTop />
      <UpdateOnNavigation />
      <SkipLink />
      <header className="app-header">
        <div className="app-header__inner">
          <Link className="app-header__brand" to={paths.dashboard}>
            LiftPlan
          </Link>
          {user && <MainNav isAdmin={user.isAdmin} />}
          {user && (
            <div className="app-header__account">
              <span className="app-header__user" title={user.displayName}>
                {user.displayName}
              </span>
              <LogoutButton userId={user.id} onLogout={logout} />
            </div>
          )}
          {session.status === 'anonymous' && (
            <Link className="app-header__account" to={paths.login}>
              Sign in
            </Link>
          )}
        </div>
        <OfflineStatus userId={user?.id ?? null} />
      </header>
      <main className="app-main" id="main" tabIndex={-1}>
        <FlashNotice />
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}

/** Signed-out pages (sign-in, registration): just the brand and a centred card. */
export function PublicLayout() {
  return (
    <div className="app-shell app-shell--public">
      <SkipLink />
      <header className="app-header">
        <div className="app-header__inner">
          <Link className="app-header__brand" to={paths.dashboard}>
            LiftPlan
          </Link>
        </div>
      </header>
      <main className="app-main app-main--public" id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}

function SkipLink() {
  return (
    <a className="skip-link" href="#main">
      Skip to content
    </a>
  );
}
