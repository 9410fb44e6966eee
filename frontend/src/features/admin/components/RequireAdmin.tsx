import { Navigate, Outlet } from 'react-router-dom';
import { useCurrentUser } from '@/lib/current-user';
import { flashState } from '@/lib/flash';
import { paths } from '@/lib/paths';

export const ADMIN_ONLY_MESSAGE = 'The admin area is for administrators only.';

/**
 * Route guard for /admin/*, inside RequireAuth: non-admins go home with a message before any admin code loads
 * (this guard is the only admin module in the initial bundle). The API refuses them with a 403 anyway.
 */
export function RequireAdmin() {
  const user = useCurrentUser();
  if (!user.isAdmin) return <Navigate to={paths.dashboard} replace state={flashState(ADMIN_ONLY_MESSAGE, 'warning')} />;
  return <Outlet />;
}
