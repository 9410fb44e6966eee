import type { PlanSummaryDto } from '@liftplan/domain';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { ErrorMessage } from '@/components/ErrorMessage';
import { pluralize } from '@/lib/format';
import { useArchivePlan, useDeletePlan } from '../../api/plans-api';
import { adminErrorMessage } from '../admin-errors';

type DialogProps = { plan: PlanSummaryDto; onCancel: () => void; onDone: (message: string) => void };

/** Archive: hidden from browsing and new subscriptions; the lifters on it keep training. Restore undoes it. */
export function ArchivePlanDialog({ plan, onCancel, onDone }: DialogProps) {
  const archive = useArchivePlan();
  const lifters = plan.activeSubscribers;
  return (
    <ConfirmDialog
      title={`Archive ${plan.name}?`}
      confirmLabel="Archive plan"
      isLoading={archive.isPending}
      onConfirm={() =>
        archive.mutate(plan.id, {
          onSuccess: () => onDone(`Archived “${plan.name}”. Restore it from the Archived tab.`),
        })
      }
      onCancel={onCancel}
    >
      <p>
        It disappears from the plan library and nobody new can start it.{' '}
        {lifters > 0
          ? `The ${pluralize(lifters, 'lifter')} on it keep${lifters === 1 ? 's' : ''} training on their version.`
          : 'Nobody is on it right now.'}{' '}
        You can restore it at any time.
      </p>
      {archive.isError && <ErrorMessage message={adminErrorMessage(archive.error)} />}
    </ConfirmDialog>
  );
}

/** Delete (offered only while nobody is on the plan): gone, or archived when lifters used it before. */
export function DeletePlanDialog({ plan, onCancel, onDone }: DialogProps) {
  const deletion = useDeletePlan();
  return (
    <ConfirmDialog
      title={`Delete ${plan.name}?`}
      confirmLabel="Delete plan"
      danger
      isLoading={deletion.isPending}
      onConfirm={() =>
        deletion.mutate(plan.id, {
          onSuccess: ({ archived }) =>
            onDone(
              archived
                ? `“${plan.name}” was archived rather than deleted: lifters used it before, so their history keeps it.`
                : `Deleted “${plan.name}”.`,
            ),
        })
      }
      onCancel={onCancel}
    >
      <p>
        A plan nobody ever used is deleted. One that lifters used before is archived instead: hidden everywhere, their
        history kept.
      </p>
      {deletion.isError && <ErrorMessage message={adminErrorMessage(deletion.error)} />}
    </ConfirmDialog>
  );
}
