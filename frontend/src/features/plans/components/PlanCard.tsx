import type { PlanSummaryDto } from '@liftplan/domain';
import { Link } from 'react-router-dom';
import { Badge } from '@/components/Badge';
import { formatPercent, pluralize } from '@/lib/format';
import { paths } from '@/lib/paths';

/** One plan in the list: the whole card opens the plan (the title is the link; the card stretches it). */
export function PlanCard({ plan }: { plan: PlanSummaryDto }) {
  const sameSetsEveryDay = plan.setsPerDay.every((n) => n === plan.setsPerDay[0]);
  return (
    <li className={`card plan-card${plan.isCurrent ? ' plan-card--current' : ''}`}>
      <div className="plan-card__header">
        <h2 className="plan-card__title">
          <Link className="card__link" to={paths.plan(plan.id)}>
            {plan.name}
          </Link>
        </h2>
        {plan.isCurrent && <Badge tone="primary">Current</Badge>}
      </div>
      {plan.description && <p className="plan-card__description">{plan.description}</p>}
      <dl className="facts">
        <div className="facts__item">
          <dt>Days per week</dt>
          <dd>{plan.daysPerWeek}</dd>
        </div>
        <div className="facts__item">
          <dt>Sets per day</dt>
          <dd>
            {sameSetsEveryDay && plan.setsPerDay.length > 0
              ? pluralize(plan.setsPerDay[0] ?? 0, 'set')
              : plan.setsPerDay.join(' · ')}
          </dd>
        </div>
        {plan.cycleWeeks > 1 && (
          <div className="facts__item">
            <dt>Cycle</dt>
            <dd>{pluralize(plan.cycleWeeks, 'week')}</dd>
          </div>
        )}
        <div className="facts__item">
          <dt>Training max</dt>
          <dd>{formatPercent(plan.tmPercent)} of 1RM</dd>
        </div>
        <div className="facts__item facts__item--wide">
          <dt>Main lifts</dt>
          <dd>{plan.mainLifts.map((lift) => lift.name).join(', ') || '—'}</dd>
        </div>
      </dl>
    </li>
  );
}
