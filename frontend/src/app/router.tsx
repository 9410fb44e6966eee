import { lazy, type ComponentType } from 'react';
import { Route, Routes } from 'react-router-dom';
import { GuestOnly } from '@/features/auth/components/GuestOnly';
import { RequireAuth } from '@/features/auth/components/RequireAuth';
import { AppLayout, PublicLayout } from './layout/AppLayout';
import { NotFoundPage } from './routes/NotFoundPage';

/** Code-splits a page: its module loads on first visit, keeping the initial bundle small. */
function lazyPage<Module extends Record<Name, ComponentType>, Name extends string>(
  load: () => Promise<Module>,
  name: Name,
) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const LoginPage = lazyPage(() => import('@/features/auth/routes/LoginPage'), 'LoginPage');
const RegisterPage = lazyPage(() => import('@/features/auth/routes/RegisterPage'), 'RegisterPage');
const DashboardPage = lazyPage(() => import('@/features/dashboard/routes/DashboardPage'), 'DashboardPage');

/**
 * Every page of the app. A signed-in page goes under RequireAuth with its own lazyPage import; add a link to
 * MainNav when it is a top-level destination.
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<GuestOnly />}>
        <Route element={<PublicLayout />}>
          <Route path="login" element={<LoginPage />} />
          <Route path="register" element={<RegisterPage />} />
        </Route>
      </Route>
      <Route element={<AppLayout />}>
        <Route element={<RequireAuth />}>
          <Route index element={<DashboardPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
