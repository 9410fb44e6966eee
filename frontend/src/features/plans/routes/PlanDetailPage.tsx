import type { PlanDetailDto } from '@liftplan/domain';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { QueryState } from '@/components/QueryState';
import { ApiError } from '@/lib/api-client';
import { useCurrentUser } from '@/lib/current-user';
import { formatPercent, pluralize } from '@/lib/format';
import { paths } from '@/lib/paths';
import { useCurrentPlan } from '@/lib/training-state';
import { useDocumentTitle } from '@/lib/use-document-title';
import { usePlan } from '../api/plans-api';
import { AboutProgram } from '../components/AboutProgram';
import { NextWeeks } from '../components/NextWeeks';
import { StartPlan } from '../components/StartPlan';
import { UpgradeNotice } from '@/components/UpgradeNotice';
import { DownloadPlan } from '../components/DownloadPlan';
import { PlanDayView, type IncrementInfo } from '../components/PlanDayView';
import { basisShort, isOneRepMaxBased, planListSearch } from '../components/plan-library';
import { describeProgressionRules } from '../components/progression-rules';
import { WeekTabs } from '../components/WeekTabs';
import '@/components/ui.css';
import '../plans.css';

export function PlanDetailPage() {
  const planId = Number(useParams().planId);
  const plan = usePlan(planId);
  useDocumentTitle(plan.data?.plan.name ?? 'Plan');

  if (!Number.isInteger(planId) || planId <= 0 || (plan.error instanceof ApiError && plan.error.status === 404)) {
    return <PlanNotFound />;
  }
  return (
    <QueryState query={plan} loadingLabel="Loading the plan…" errorTitle="We couldn't load this plan">
      {({ plan: detail }) => <PlanDetail plan={detail} />}
    </QueryState>
  );
}

function PlanNotFound() {
  return (
    <div className="page">
      <h1 className="page__title">Plan not found</h1>
      <p>This plan doesn't exist or is no longer available.</p>
      <Link to={paths.plans}>Back to all plans</Link>
    </div>
  );
}

function PlanDetail({ plan }: { plan: PlanDetailDto }) {
  const user = useCurrentUser();
  const current = useCurrentPlan();
  const location = useLocation();
  const basis = basisShort(plan);
  const ruleGroups = describeProgressionRules(plan);
  const currentHere = current.data?.plan.id === plan.id ? current.data : null;
  const increment: IncrementInfo = { weightIncrement: user.weightIncrement, unit: user.unitPreference };
  const hasCycleRule = plan.progressionRules.some((r) => r.kind === 'cycle_increment');
  const hasPerWorkoutRule = plan.progressionRules.some(
    (r) => r.kind === 'amrap_table' || r.kind === 'reps_over_target',
  );

  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={`${paths.plans}${planListSearch(location.state)}`}>All plans</Link>
      </nav>
      <header className="page__header">
        <h1 className="page__title">{plan.name}</h1>
        <p className="page__intro">
          {pluralize(plan.daysPerWeek, 'day')} a week
          {plan.cycleWeeks > 1 && ` · ${plan.cycleWeeks}-week cycle`} ·{' '}
          {plan.requiredExercises.map((e) => e.name).join(', ')}
        </p>
        {isOneRepMaxBased(plan) ? (
          <p className="plan-tm-percent">
            <strong>1RM-based</strong>
            <span className="muted"> — every percentage below is of your one-rep max (1RM), not a training max.</span>
          </p>
        ) : (
          <p className="plan-tm-percent">
            <strong>Training max: {formatPercent(plan.tmPercent)} of your 1RM</strong>
            <span className="muted"> — every percentage below is of that training max (TM).</span>
          </p>
        )}
        {plan.description && <p>{plan.description}</p>}
        <DownloadPlan plan={plan} />
      </header>

      <UpgradeNotice planId={plan.id} />

      <AboutProgram plan={plan} rounding={user.rounding} />

      <StartPlan plan={plan} />

      <section className="stack" aria-labelledby="progression-heading">
        <h2 className="section-title" id="progression-heading">
          How your {basis === '1RM' ? 'maxes' : 'training maxes'} progress
        </h2>
        {ruleGroups.length === 0 ? (
          <p>
            This plan has no progression rules: your {basis === '1RM' ? 'maxes' : 'training maxes'} stay as they are
            {basis === '1RM' ? ' until you retest them and enter the new ones.' : '.'}
          </p>
        ) : (
          <div className="card">
            <p>
              {hasPerWorkoutRule &&
                "After each workout, the reps you get on the progression set (★) move that lift's training max. "}
              {hasCycleRule && 'At the end of each cycle, the training maxes go up. '}
              {plan.weeks.some((w) => w.isDeload) && 'Deload weeks change nothing.'}
            </p>
            <ul className="rule-list">
              {ruleGroups.map((group) => (
                <li key={group.scope}>
                  <strong>{group.scope}</strong>
                  {group.lifts.length > 0 && <span className="muted"> ({group.lifts.join(', ')})</span>}
                  <ul className="rule-list__lines">
                    {group.lines.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>

      <NextWeeks key={plan.id} plan={plan} isCurrent={currentHere !== null && currentHere.missingTMs.length === 0} />

      <section className="stack" aria-labelledby="days-heading">
        <h2 className="section-title" id="days-heading">
          {plan.cycleWeeks > 1 ? 'Week by week' : 'Day by day'}
        </h2>
        <p className="muted">
          Percentages are of the lift's {basis === '1RM' ? 'one-rep max (1RM)' : 'training max (TM)'}. “8+” means as
          many reps as possible, at least 8; “10–12” a rep range. Warm-up sets are greyed out.
        </p>
        {plan.cycleWeeks > 1 ? (
          <PlanWeeks plan={plan} increment={increment} currentWeek={currentHere?.next.weekNumber} />
        ) : (
          (plan.weeks[0]?.days ?? plan.days).map((day) => (
            <PlanDayView key={day.id} day={day} increment={increment} basis={basis} />
          ))
        )}
      </section>
    </div>
  );
}

function PlanWeeks({
  plan,
  increment,
  currentWeek,
}: {
  plan: PlanDetailDto;
  increment: IncrementInfo;
  currentWeek: number | undefined;
}) {
  // Opens on the lifter's current week (known once their plan has loaded) until they pick another.
  const [picked, setPicked] = useState<number | null>(null);
  return (
    <WeekTabs weeks={plan.weeks} selected={picked ?? currentWeek ?? 1} onSelect={setPicked} currentWeek={currentWeek}>
      {(week) =>
        week.days.map((day) => (
          <PlanDayView
            key={day.id}
            day={day}
            increment={increment}
            basis={basisShort(plan)}
            idPrefix={`week-${week.weekNumber}-`}
          />
        ))
      }
    </WeekTabs>
  );
}
