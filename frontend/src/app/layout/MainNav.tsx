import { NavLink } from 'react-router-dom';

type NavItem = { to: string; label: string };

const LIFTER_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'Dashboard' },
  { to: '/plans', label: 'Plans' },
  { to: '/history', label: 'History' },
  { to: '/settings', label: 'Settings' },
];
const ADMIN_ITEM: NavItem = { to: '/admin', label: 'Admin' };

export function MainNav({ isAdmin }: { isAdmin: boolean }) {
  const items = isAdmin ? [...LIFTER_ITEMS, ADMIN_ITEM] : LIFTER_ITEMS;
  return (
    <nav className="main-nav" aria-label="Main">
      <ul className="main-nav__list">
        {items.map((item) => (
          <li key={item.to}>
            <NavLink className="main-nav__link" to={item.to} end={item.to === '/'}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
