import { Link } from 'react-router-dom';
import type { PlanDetailDto } from '@liftplan/domain';
import { paths } from '@/lib/paths';

type Props = {
  isNew: boolean;
  /** The plan as last saved (null: not created yet). */
  saved: PlanDetailDto | null;
  activeSubscribers: number;
};

/** The page's title, the saved plan's version, lifters and visibility, and the way back to the list. */
export function PlanBuilderHeader({ isNew, saved, activeSubscribers }: Props) {
  const plural = activeSubscribers === 1 ? '' : 's';
  const visibility = saved?.isPublic ? 'public' : 'private';
  return (
    <div className="admin-page__header">
      <div>
        <h1 className="page__title">{isNew ? 'New plan' : `Edit ${saved?.name ?? 'plan'}`}</h1>
        {saved && (
          <p className="muted">
            Version {saved.version} · {activeSubscribers} active lifter{plural} · {visibility}
          </p>
        )}
      </div>
      <Link className="button button--secondary" to={paths.adminPlans}>
        All plans
      </Link>
    </div>
  );
}
