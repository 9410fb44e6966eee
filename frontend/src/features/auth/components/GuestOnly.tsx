import { useState } from 'react';
import { Navigate, Outlet } from 'react-router-dom';
import { paths } from '@/lib/paths';
import { tokenStorage } from '../session/token-storage';

/**
 * Route guard for sign-in and registration: someone who arrives already signed in goes home. Decided once on
 * arrival, so signing in on these pages doesn't race the page's own redirect (e.g. registration → /plans).
 */
export function GuestOnly() {
  const [signedInOnArrival] = useState(() => tokenStorage.read() !== null);
  return signedInOnArrival ? <Navigate to={paths.dashboard} replace /> : <Outlet />;
}
