import { NavLink } from 'react-router-dom';
import { paths } from '@/lib/paths';

type NavItem = { to: string; label: string };

const LIFTER_ITEMS: readonly NavItem[] = [
  { to: paths.dashboard, label: 'Dashboard' },
  { to: paths.plans, label: 'Plans' },
  { to: paths.history, label: 'History' },
  { to: paths.settings, label: 'Settings' },
];
const ADMIN_ITEM: NavItem = { to: paths.admin, label: 'Admin' };

export function MainNav({ isAdmin }: { isAdmin: boolean }) {
  const items = isAdmin ? [...LIFTER_ITEMS, ADMIN_ITEM] : LIFTER_ITEMS;
  return (
    <nav className="main-nav" aria-label="Main">
      <ul className="main-nav__list">
        {items.map((item) => (
          <li key={item.to}>
            <NavLink className="main-nav__link" to={item.to} end={item.to === paths.dashboard}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
