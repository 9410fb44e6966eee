import { Link } from 'react-router-dom';
import type { PlanDetailDto } from '@liftplan/domain';
import { Badge } from '@/components/Badge';
import { pluralize } from '@/lib/format';
import { paths } from '@/lib/paths';
import { hasSavedDraft, publishedVersionOf } from './plan-lifecycle';

type Props = {
  isNew: boolean;
  /** The plan as last saved (null: not created yet): its draft when it has one. */
  saved: PlanDetailDto | null;
  activeSubscribers: number;
};

/** The page's title, the plan's status (draft, published, archived), lifters and visibility, and the way back. */
export function PlanBuilderHeader({ isNew, saved, activeSubscribers }: Props) {
  return (
    <div className="admin-page__header">
      <div>
        <h1 className="page__title">{isNew ? 'New plan' : `Edit ${saved?.name ?? 'plan'}`}</h1>
        {saved && <PlanStatusLine saved={saved} activeSubscribers={activeSubscribers} />}
        {saved?.builtInUpdateWaiting && (
          <p className="admin-notice" role="note">
            LiftPlan’s program file for this built-in plan has changed, and its update waits for this draft. Once you
            publish or discard the draft, the next start of LiftPlan publishes the update as a new version (its weeks,
            days, sets and rules; your name and description stay).
          </p>
        )}
      </div>
      <Link className="button button--secondary" to={paths.adminPlans}>
        All plans
      </Link>
    </div>
  );
}

function PlanStatusLine({ saved, activeSubscribers }: { saved: PlanDetailDto; activeSubscribers: number }) {
  const published = publishedVersionOf(saved);
  const visibility = saved.isPublic ? 'public' : 'private';
  return (
    <p className="plan-status-line muted">
      {saved.status === 'archived' ? (
        <Badge>Archived</Badge>
      ) : published === null ? (
        <Badge tone="warning">Draft</Badge>
      ) : (
        <Badge tone="success">Published</Badge>
      )}
      {published !== null && hasSavedDraft(saved) && <Badge tone="warning">Unpublished draft</Badge>}
      <span>
        {published === null ? 'Never published' : `Version ${published}`} ·{' '}
        {pluralize(activeSubscribers, 'active lifter')} · {visibility}
      </span>
    </p>
  );
}
