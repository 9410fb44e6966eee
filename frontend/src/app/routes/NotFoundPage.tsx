import { Link } from 'react-router-dom';
import { paths } from '@/lib/paths';
import { useDocumentTitle } from '@/lib/use-document-title';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <div className="page page--centered">
      <h1 className="page__title">Page not found</h1>
      <p>There is nothing here yet, or the address is mistyped.</p>
      <Link className="button button--primary" to={paths.dashboard}>
        Go to the dashboard
      </Link>
    </div>
  );
}
