import type { PlanSummaryDto } from '@liftplan/domain';
import { Link } from 'react-router-dom';
import { Badge } from '@/components/Badge';
import { pluralize } from '@/lib/format';
import { paths } from '@/lib/paths';
import { GOAL_LABELS, LEVEL_LABELS, basisDescription, type PlanLinkState } from './plan-library';

type PlanCardProps = {
  plan: PlanSummaryDto;
  /** The list's filters (`?days=3`), so the plan page can link back to the same list. */
  listSearch?: string;
};

/** One plan in the list: the whole card opens the plan (the title is the link; the card stretches it). */
export function PlanCard({ plan, listSearch = '' }: PlanCardProps) {
  const sameSetsEveryDay = plan.setsPerDay.every((n) => n === plan.setsPerDay[0]);
  const library = plan.library ?? null;
  const linkState: PlanLinkState = { planListSearch: listSearch };
  return (
    <li className={`card plan-card${plan.isCurrent ? ' plan-card--current' : ''}`}>
      <div className="plan-card__header">
        <div className="plan-card__heading">
          <h2 className="plan-card__title">
            <Link className="card__link" to={paths.plan(plan.id)} state={linkState}>
              {plan.name}
            </Link>
          </h2>
          {library?.author && <p className="plan-card__author">by {library.author}</p>}
        </div>
        {plan.isCurrent && <Badge tone="primary">Current</Badge>}
      </div>
      {(library?.level || library?.goal) && (
        <p className="plan-card__tags">
          {library.level && (
            <Badge>
              <span className="visually-hidden">Level: </span>
              {LEVEL_LABELS[library.level]}
            </Badge>
          )}{' '}
          {library.goal && (
            <Badge>
              <span className="visually-hidden">Goal: </span>
              {GOAL_LABELS[library.goal]}
            </Badge>
          )}
        </p>
      )}
      {plan.description && <p className="plan-card__description">{plan.description}</p>}
      <dl className="facts">
        <div className="facts__item">
          <dt>Days per week</dt>
          <dd>{plan.daysPerWeek}</dd>
        </div>
        <div className="facts__item">
          <dt>Cycle</dt>
          <dd>{pluralize(plan.cycleWeeks, 'week')}</dd>
        </div>
        <div className="facts__item">
          <dt>Sets per day</dt>
          <dd>
            {sameSetsEveryDay && plan.setsPerDay.length > 0
              ? pluralize(plan.setsPerDay[0] ?? 0, 'set')
              : plan.setsPerDay.join(' · ')}
          </dd>
        </div>
        <div className="facts__item">
          <dt>Basis</dt>
          <dd>{basisDescription(plan)}</dd>
        </div>
        <div className="facts__item facts__item--wide">
          <dt>Main lifts</dt>
          <dd>{plan.mainLifts.map((lift) => lift.name).join(', ') || '—'}</dd>
        </div>
      </dl>
    </li>
  );
}
