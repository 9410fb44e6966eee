import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router-dom';
import { Loading } from '@/components/Spinner';
import '@/components/ui.css';
import '../admin.css';

const SECTIONS = [
  { to: '/admin/plans', label: 'Plans' },
  { to: '/admin/exercises', label: 'Exercises' },
  { to: '/admin/users', label: 'Admins' },
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
