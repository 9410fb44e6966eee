import { lazy, type ComponentType } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { RequireAdmin } from '@/features/admin/components/RequireAdmin';
import { GuestOnly } from '@/features/auth/components/GuestOnly';
import { RequireAuth } from '@/features/auth/components/RequireAuth';
import { AppLayout, PublicLayout } from './layout/AppLayout';
import { loadChunk } from './pwa/chunk-recovery';
import { NotFoundPage } from './routes/NotFoundPage';

/** Code-splits a page: its module loads on first visit, keeping the initial bundle small. */
function lazyPage<Module extends Record<Name, ComponentType>, Name extends string>(
  load: () => Promise<Module>,
  name: Name,
) {
  // A chunk that fails to download (offline, a deploy) is retried when it can succeed instead of breaking the page.
  return lazy(async () => ({ default: (await loadChunk(load))[name] }));
}

const LoginPage = lazyPage(() => import('@/features/auth/routes/LoginPage'), 'LoginPage');
const RegisterPage = lazyPage(() => import('@/features/auth/routes/RegisterPage'), 'RegisterPage');
const DashboardPage = lazyPage(() => import('@/features/dashboard/routes/DashboardPage'), 'DashboardPage');
const PlansPage = lazyPage(() => import('@/features/plans/routes/PlansPage'), 'PlansPage');
const PlanDetailPage = lazyPage(() => import('@/features/plans/routes/PlanDetailPage'), 'PlanDetailPage');
const PlanUpgradePage = lazyPage(() => import('@/features/plans/routes/PlanUpgradePage'), 'PlanUpgradePage');
const SetupPage = lazyPage(() => import('@/features/setup/routes/SetupPage'), 'SetupPage');
const WorkoutPage = lazyPage(() => import('@/features/workout/routes/WorkoutPage'), 'WorkoutPage');
const HistoryPage = lazyPage(() => import('@/features/history/routes/HistoryPage'), 'HistoryPage');
const SettingsPage = lazyPage(() => import('@/features/settings/routes/SettingsPage'), 'SettingsPage');
const AdminLayout = lazyPage(() => import('@/features/admin/routes/AdminLayout'), 'AdminLayout');
const AdminPlansPage = lazyPage(() => import('@/features/admin/routes/AdminPlansPage'), 'AdminPlansPage');
const PlanBuilderPage = lazyPage(() => import('@/features/admin/routes/PlanBuilderPage'), 'PlanBuilderPage');
const AdminExercisesPage = lazyPage(() => import('@/features/admin/routes/AdminExercisesPage'), 'AdminExercisesPage');
const AdminUsersPage = lazyPage(() => import('@/features/admin/routes/AdminUsersPage'), 'AdminUsersPage');

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
          <Route path="plans" element={<PlansPage />} />
          <Route path="plans/upgrade" element={<PlanUpgradePage />} />
          <Route path="plans/:planId" element={<PlanDetailPage />} />
          <Route path="setup" element={<SetupPage />} />
          <Route path="workouts/:workoutId" element={<WorkoutPage />} />
          <Route path="history" element={<HistoryPage />} />
          <Route path="settings" element={<SettingsPage />} />
          <Route path="admin" element={<RequireAdmin />}>
            <Route element={<AdminLayout />}>
              <Route index element={<Navigate to="plans" replace />} />
              <Route path="plans" element={<AdminPlansPage />} />
              <Route path="plans/new" element={<PlanBuilderPage />} />
              <Route path="plans/:planId/edit" element={<PlanBuilderPage />} />
              <Route path="exercises" element={<AdminExercisesPage />} />
              <Route path="users" element={<AdminUsersPage />} />
            </Route>
          </Route>
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
