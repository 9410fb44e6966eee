import { Link } from 'react-router-dom';
import { EmptyState } from '@/components/EmptyState';
import { useCurrentUser } from '@/lib/current-user';
import { useDocumentTitle } from '@/lib/use-document-title';

export function DashboardPage() {
  useDocumentTitle('Dashboard');
  const user = useCurrentUser();

  return (
    <div className="page">
      <h1 className="page__title">Hi, {user.displayName}</h1>
      <EmptyState
        title="No plan yet"
        description="Pick a strength plan and enter your maxes: every set will be prescribed to the plate."
        action={
          <Link className="button button--primary" to="/plans">
            Browse plans
          </Link>
        }
      />
    </div>
  );
}
