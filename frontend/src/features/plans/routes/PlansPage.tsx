import { EmptyState } from '@/components/EmptyState';
import { QueryState } from '@/components/QueryState';
import { useDocumentTitle } from '@/lib/use-document-title';
import { usePlans } from '../api/plans-api';
import { PlanCard } from '../components/PlanCard';
import '@/components/ui.css';
import '../plans.css';

export function PlansPage() {
  useDocumentTitle('Plans');
  const plans = usePlans();

  return (
    <div className="page">
      <header className="page__header">
        <h1 className="page__title">Plans</h1>
        <p className="page__intro">Pick a plan: every set is prescribed from your training maxes, to the plate.</p>
      </header>
      <QueryState query={plans} loadingLabel="Loading plans…" errorTitle="We couldn't load the plans">
        {({ plans: list }) =>
          list.length === 0 ? (
            <EmptyState
              title="No plans yet"
              description="An administrator hasn't published any plans. Check back soon."
            />
          ) : (
            <ul className="card-list plan-list" aria-label="Available plans">
              {list.map((plan) => (
                <PlanCard key={plan.id} plan={plan} />
              ))}
            </ul>
          )
        }
      </QueryState>
    </div>
  );
}
