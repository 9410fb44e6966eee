import { useId, useState, type FormEvent } from 'react';
import type { PlanSummaryDto } from '@liftplan/domain';
import { Button } from '@/components/Button';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { Dialog } from '@/components/Dialog';
import { ErrorMessage } from '@/components/ErrorMessage';
import { pluralize } from '@/lib/format';
import { useArchivePlan, useDeletePlan, useUpdateVersion } from '../../api/plans-api';
import { adminErrorMessage } from '../admin-errors';
import { UpgradeOfferFields } from '../UpgradeOfferFields';
import { upgradeOfferVersion } from './plan-status';

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

/**
 * The upgrade offer of the newest version, changed after publishing: recommend it (or stop), and the note lifters on
 * older versions read before upgrading.
 */
export function UpgradeOfferDialog({ plan, onCancel, onDone }: DialogProps) {
  const offered = upgradeOfferVersion(plan)!;
  const update = useUpdateVersion();
  const formId = useId();
  const [recommended, setRecommended] = useState(offered.recommendedUpgrade);
  const [note, setNote] = useState(offered.upgradeNote ?? '');
  const olderLifters = (plan.versions ?? [])
    .filter((v) => v.version < offered.version)
    .reduce((sum, v) => sum + v.activeSubscribers, 0);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const body = { recommendedUpgrade: recommended, upgradeNote: note.trim() || null };
    update.mutate(
      { id: plan.id, version: offered.version, body },
      {
        onSuccess: () =>
          onDone(
            recommended
              ? `Version ${offered.version} of “${plan.name}” is recommended to lifters on older versions.`
              : `Version ${offered.version} of “${plan.name}” is offered without a recommendation.`,
          ),
      },
    );
  }

  return (
    <Dialog
      title={`Upgrade offer: ${plan.name} v${offered.version}`}
      onClose={onCancel}
      actions={
        <>
          <Button variant="secondary" onClick={onCancel} data-autofocus disabled={update.isPending}>
            Cancel
          </Button>
          <Button type="submit" form={formId} isLoading={update.isPending}>
            Save offer
          </Button>
        </>
      }
    >
      <form id={formId} className="form" noValidate onSubmit={handleSubmit}>
        <p>
          {olderLifters > 0
            ? `${pluralize(olderLifters, 'lifter')} on older versions ${olderLifters === 1 ? 'sees' : 'see'} this offer with what changes, and ${olderLifters === 1 ? 'chooses' : 'choose'} when to upgrade.`
            : 'Nobody is on an older version right now; lifters who are will see this offer.'}
        </p>
        <UpgradeOfferFields
          recommended={recommended}
          note={note}
          onRecommendedChange={setRecommended}
          onNoteChange={setNote}
        />
        {update.isError && <ErrorMessage title="Not saved" message={adminErrorMessage(update.error)} />}
      </form>
    </Dialog>
  );
}
