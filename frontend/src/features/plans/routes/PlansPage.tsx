import type { PlanSummaryDto } from '@liftplan/domain';
import { useSearchParams } from 'react-router-dom';
import { Button } from '@/components/Button';
import { EmptyState } from '@/components/EmptyState';
import { QueryState } from '@/components/QueryState';
import { useDocumentTitle } from '@/lib/use-document-title';
import { usePlans } from '../api/plans-api';
import { PlanCard } from '../components/PlanCard';
import { PlanFilters } from '../components/PlanFilters';
import {
  NO_FILTERS,
  activeFilterCount,
  matchesFilters,
  parseFilters,
  withFilters,
  type PlanFilters as Filters,
} from '../components/plan-library';
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
            <PlanLibrary plans={list} />
          )
        }
      </QueryState>
    </div>
  );
}

/**
 * The plans, filtered as the address says (`?days=3&level=beginner`): every change of a filter is a new history
 * entry, so the back button undoes it and a filtered list can be shared.
 */
function PlanLibrary({ plans }: { plans: PlanSummaryDto[] }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = parseFilters(searchParams);
  const active = activeFilterCount(filters);
  const shown = plans.filter((plan) => matchesFilters(plan, filters));
  // A plan opened from a filtered list links back to that list.
  const listSearch = searchParams.toString() ? `?${searchParams.toString()}` : '';

  const setFilters = (next: Filters) => setSearchParams(withFilters(searchParams, next), { preventScrollReset: true });
  const clear = () => setFilters(NO_FILTERS);

  return (
    <>
      <PlanFilters plans={plans} filters={filters} onChange={setFilters} />
      <div className="plan-results">
        <p className="plan-results__count" role="status">
          {shown.length} of {plans.length} programs
        </p>
        {active > 0 && shown.length > 0 && (
          <Button variant="ghost" onClick={clear}>
            Clear filters
          </Button>
        )}
      </div>
      {shown.length === 0 ? (
        <EmptyState
          title="No programs match these filters"
          description="Take a filter off, or clear them all to see every program."
          action={
            <Button variant="secondary" onClick={clear}>
              Clear filters
            </Button>
          }
        />
      ) : (
        <ul className="card-list plan-list" aria-label="Available plans">
          {shown.map((plan) => (
            <PlanCard key={plan.id} plan={plan} listSearch={listSearch} />
          ))}
        </ul>
      )}
    </>
  );
}
