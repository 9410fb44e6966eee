import { useMemo } from 'react';
import { useParams } from 'react-router-dom';
import { ErrorMessage } from '@/components/ErrorMessage';
import { Loading } from '@/components/Spinner';
import { useCurrentUser } from '@/lib/current-user';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useAllExercises } from '../api/exercises-api';
import { useAdminPlan, useAdminPlans } from '../api/plans-api';
import { draftFromPlan, emptyDraft } from '../builder/builder-state';
import { adminErrorMessage } from '../components/admin-errors';
import { PlanBuilder } from '../components/builder/PlanBuilder';

/** /admin/plans/new and /admin/plans/:planId/edit */
export function PlanBuilderPage() {
  const { planId: planIdParam } = useParams();
  const planId = planIdParam !== undefined && /^\d+$/.test(planIdParam) ? Number(planIdParam) : null;
  const isEdit = planIdParam !== undefined;
  useDocumentTitle(isEdit ? 'Edit plan' : 'New plan');
  const user = useCurrentUser();
  const exercises = useAllExercises();
  const plan = useAdminPlan(planId);
  // Its lifters come from the list it is in (the default list leaves archived plans out).
  const plans = useAdminPlans(plan.data?.status === 'archived' ? 'archived' : undefined);
  const initialDraft = useMemo(() => (plan.data ? draftFromPlan(plan.data) : emptyDraft()), [plan.data]);

  if (isEdit && planId === null)
    return <ErrorMessage title="No such plan" message="This address does not name a plan." />;
  const failed = exercises.error ?? (isEdit ? (plan.error ?? plans.error) : null);
  if (failed) {
    const retry = () => {
      void exercises.refetch();
      if (isEdit) {
        void plan.refetch();
        void plans.refetch();
      }
    };
    return (
      <ErrorMessage
        title={isEdit ? "We couldn't load the plan" : "We couldn't load the exercise library"}
        message={adminErrorMessage(failed)}
        onRetry={retry}
      />
    );
  }
  // An edit starts from the plan as it is now (fetched on arrival), never from an older cached copy.
  if (!exercises.data || (isEdit && (!plan.data || !plan.isFetchedAfterMount || !plans.data)))
    return <Loading label="Loading the plan builder…" />;

  const activeSubscribers = plans.data?.find((summary) => summary.id === planId)?.activeSubscribers ?? 0;
  return (
    <PlanBuilder
      key={planId ?? 'new'}
      plan={isEdit ? plan.data! : null}
      activeSubscribers={activeSubscribers}
      exercises={exercises.data}
      user={user}
      initialDraft={initialDraft}
    />
  );
}
