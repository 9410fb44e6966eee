import { Link } from 'react-router-dom';
import type { PlanSummaryDto } from '@liftplan/domain';
import { Badge } from '@/components/Badge';
import { Button } from '@/components/Button';
import { pluralize } from '@/lib/format';
import { paths } from '@/lib/paths';
import { hasPendingDraft, upgradeOfferVersion, versionLines } from './plan-status';

export type PlanAction = 'duplicate' | 'export' | 'archive' | 'restore' | 'delete' | 'offer';

type Props = {
  plans: PlanSummaryDto[];
  onAction: (action: PlanAction, plan: PlanSummaryDto) => void;
  /** The plan whose export is downloading. */
  exportingId: number | null;
};

/** The plans with their status, visibility, lifters per version, and what can be done with each. */
export function PlansTable({ plans, onAction, exportingId }: Props) {
  return (
    <div className="table-scroll">
      <table className="data-table plans-table">
        <thead>
          <tr>
            <th scope="col">Plan</th>
            <th scope="col">Status</th>
            <th scope="col">Visibility</th>
            <th scope="col">Lifters by version</th>
            <th scope="col" className="num">
              Days / week
            </th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {plans.map((plan) => (
            <tr key={plan.id}>
              <th scope="row">
                <Link to={paths.adminPlanEdit(plan.id)}>{plan.name}</Link>
                <div className="muted">
                  <code>{plan.slug}</code>
                  {plan.cycleWeeks > 1 && ` · ${plan.cycleWeeks}-week cycle`}
                </div>
              </th>
              <td>
                <StatusBadges plan={plan} />
              </td>
              <td>
                <Badge tone={plan.isPublic ? 'success' : 'neutral'}>{plan.isPublic ? 'Public' : 'Private'}</Badge>
              </td>
              <td>
                <ul className="plans-table__versions">
                  {versionLines(plan).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
                <UpgradeOffer plan={plan} onOpen={() => onAction('offer', plan)} />
              </td>
              <td className="num">{plan.daysPerWeek}</td>
              <td className="data-table__actions">
                <RowActions plan={plan} onAction={onAction} isExporting={exportingId === plan.id} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The newest version's standing with lifters on older ones, and the way to change it. */
function UpgradeOffer({ plan, onOpen }: { plan: PlanSummaryDto; onOpen: () => void }) {
  const offered = upgradeOfferVersion(plan);
  if (!offered) return null;
  return (
    <div className="plans-table__offer">
      {offered.recommendedUpgrade ? (
        <Badge tone="success">v{offered.version} recommended</Badge>
      ) : (
        <span className="muted">v{offered.version} offered</span>
      )}{' '}
      <Button variant="ghost" onClick={onOpen} aria-label={`Upgrade offer for ${plan.name}`}>
        Change…
      </Button>
    </div>
  );
}

function StatusBadges({ plan }: { plan: PlanSummaryDto }) {
  if (plan.status === 'draft') return <Badge tone="warning">Draft</Badge>;
  if (plan.status === 'archived') return <Badge>Archived</Badge>;
  return (
    <span className="plans-table__badges">
      <Badge tone="success">Published</Badge>
      {hasPendingDraft(plan) && <Badge tone="warning">Unpublished draft</Badge>}
      {plan.builtInUpdateWaiting && <Badge tone="primary">Built-in update waiting</Badge>}
    </span>
  );
}

function RowActions({
  plan,
  onAction,
  isExporting,
}: {
  plan: PlanSummaryDto;
  onAction: Props['onAction'];
  isExporting: boolean;
}) {
  const act = (action: PlanAction) => () => onAction(action, plan);
  const inUse = plan.activeSubscribers > 0;
  const reasonId = `plan-${plan.id}-delete-reason`;
  return (
    <>
      <Link className="button button--secondary" to={paths.adminPlanEdit(plan.id)} aria-label={`Edit ${plan.name}`}>
        Edit
      </Link>
      <Button variant="secondary" onClick={act('duplicate')} aria-label={`Duplicate ${plan.name}`}>
        Duplicate
      </Button>
      <Button variant="ghost" onClick={act('export')} isLoading={isExporting} aria-label={`Export ${plan.name}`}>
        Export
      </Button>
      {plan.status === 'archived' ? (
        <Button variant="ghost" onClick={act('restore')} aria-label={`Restore ${plan.name}`}>
          Restore
        </Button>
      ) : (
        plan.status === 'published' && (
          <Button variant="ghost" onClick={act('archive')} aria-label={`Archive ${plan.name}`}>
            Archive
          </Button>
        )
      )}
      <Button
        variant="ghost"
        className="button--danger-text"
        onClick={act('delete')}
        disabled={inUse}
        aria-label={`Delete ${plan.name}`}
        aria-describedby={inUse ? reasonId : undefined}
      >
        Delete
      </Button>
      {inUse && (
        <span className="data-table__note muted" id={reasonId}>
          Can’t delete: {pluralize(plan.activeSubscribers, 'lifter')} on it
          {plan.status === 'archived' ? '' : ' (archive it instead)'}.
        </span>
      )}
    </>
  );
}
