import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router-dom';
import { Loading } from '@/components/Spinner';
import { paths } from '@/lib/paths';
import '@/components/ui.css';
import '../admin.css';

const SECTIONS = [
  { to: paths.adminPlans, label: 'Plans' },
  { to: paths.adminExercises, label: 'Exercises' },
  { to: paths.adminUsers, label: 'Admins' },
] as const;

/** The admin console's frame (behind RequireAdmin): its own navigation, then the section. Loaded on demand. */
export function AdminLayout() {
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label="Admin">
        <span className="admin-nav__title">Admin</span>
        <ul className="admin-nav__list">
          {SECTIONS.map((section) => (
            <li key={section.to}>
              <NavLink className="admin-nav__link" to={section.to}>
                {section.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
    </div>
  );
}
