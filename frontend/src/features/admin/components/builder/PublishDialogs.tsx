import { useId, useState, type FormEvent } from 'react';
import type { PublishPlanBody, PublishPreview } from '@liftplan/domain';
import { Button } from '@/components/Button';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { Dialog } from '@/components/Dialog';
import { ErrorMessage } from '@/components/ErrorMessage';
import { UpgradeChanges } from '@/components/UpgradeChanges';
import { pluralize } from '@/lib/format';
import { usePublishPreview } from '../../api/plans-api';
import type { PlanRequestBody } from '../../builder/builder-state';
import { adminErrorMessage } from '../admin-errors';
import { UpgradeOfferFields } from '../UpgradeOfferFields';

type PublishDialogProps = {
  planName: string;
  /** The version lifters are on now (null: never published). */
  publishedVersion: number | null;
  activeSubscribers: number;
  isPublic: boolean;
  /** Unsaved edits are saved as the draft first. */
  hasUnsavedChanges: boolean;
  /** The plan as it will be published, to ask what changes for lifters; null when it was never published. */
  previewRequest: { planId: number; body: PlanRequestBody } | null;
  isLoading: boolean;
  error: unknown;
  onPublish: (body: PublishPlanBody) => void;
  onCancel: () => void;
};

/**
 * "Publish…": the draft becomes the newest version. Lifters on an older version keep it and are offered the upgrade,
 * which the admin may recommend with a note they read before upgrading. The server says first whether it is a new
 * version at all (a new name or description only is not) and lists what changes for lifters, as they will see it.
 */
export function PublishDialog(props: PublishDialogProps) {
  const { planName, publishedVersion, isLoading, error, onPublish, onCancel } = props;
  const formId = useId();
  const [recommended, setRecommended] = useState(false);
  const [note, setNote] = useState('');
  const [request] = useState(props.previewRequest); // what the dialog opened with: the builder is behind it
  const check = usePublishPreview(request?.planId ?? null, request?.body ?? null);
  const preview = check.data;
  const detailsOnly = preview?.newVersion === false;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    onPublish({ recommendedUpgrade: recommended, upgradeNote: note.trim() || null });
  }

  return (
    <Dialog
      title={`Publish ${planName.trim() || 'this plan'}?`}
      onClose={onCancel}
      actions={
        <>
          <Button variant="secondary" onClick={onCancel} data-autofocus disabled={isLoading}>
            Cancel
          </Button>
          <Button type="submit" form={formId} isLoading={isLoading}>
            {publishLabel(publishedVersion, preview)}
          </Button>
        </>
      }
    >
      <form id={formId} className="form" noValidate onSubmit={handleSubmit}>
        <PublishSummary {...props} preview={preview} isChecking={check.isFetching} />
        {publishedVersion !== null && !detailsOnly && (
          <UpgradeOfferFields
            recommended={recommended}
            note={note}
            onRecommendedChange={setRecommended}
            onNoteChange={setNote}
          />
        )}
        {error !== null && <ErrorMessage title="Not published" message={adminErrorMessage(error)} />}
      </form>
    </Dialog>
  );
}

function publishLabel(publishedVersion: number | null, preview: PublishPreview | undefined): string {
  if (publishedVersion === null) return 'Publish';
  if (preview?.newVersion === false) return 'Publish the new details';
  return `Publish version ${preview?.version ?? publishedVersion + 1}`;
}

type SummaryProps = PublishDialogProps & { preview: PublishPreview | undefined; isChecking: boolean };

function PublishSummary(props: SummaryProps) {
  const { publishedVersion, activeSubscribers, isPublic, hasUnsavedChanges, preview, isChecking } = props;
  const saveFirst = hasUnsavedChanges ? 'Your unsaved changes are saved as the draft first. ' : '';
  if (publishedVersion === null) {
    return (
      <p>
        {saveFirst}It goes live as version 1.{' '}
        {isPublic
          ? 'It is public: lifters can find it and start it.'
          : 'It is private: lifters don’t see it until you make it public.'}
      </p>
    );
  }
  if (preview?.newVersion === false) {
    return (
      <p>
        {saveFirst}The weeks, days, sets and rules are those of version {publishedVersion}: lifters stay on it and see
        the plan’s new details (name, description, source). There is nothing to upgrade.
      </p>
    );
  }
  const next = preview?.version ?? publishedVersion + 1;
  return (
    <>
      <p>
        {saveFirst}The draft becomes version {next}: new lifters start on it.{' '}
        {activeSubscribers > 0
          ? `The ${pluralize(activeSubscribers, 'lifter')} already on the plan ${activeSubscribers === 1 ? 'keeps their version and sees' : 'keep their version and see'} that version ${next} is available, with what changes, before choosing to upgrade.`
          : 'Nobody is on the plan right now.'}
      </p>
      {isChecking && !preview && <p className="publish-dialog__checking">Checking what changes for lifters…</p>}
      {preview && (
        <section className="publish-dialog__changes" aria-label={`What changes from version ${publishedVersion}`}>
          <h3 className="publish-dialog__changes-title">What changes from version {publishedVersion}</h3>
          <UpgradeChanges changes={preview.changes} />
        </section>
      )}
    </>
  );
}

type DiscardDraftDialogProps = {
  /** The version lifters see (null: never published, so discarding deletes the plan). */
  publishedVersion: number | null;
  isLoading: boolean;
  error: unknown;
  onDiscard: () => void;
  onCancel: () => void;
};

/** Throws the saved draft (and any unsaved edits) away. */
export function DiscardDraftDialog({
  publishedVersion,
  isLoading,
  error,
  onDiscard,
  onCancel,
}: DiscardDraftDialogProps) {
  return (
    <ConfirmDialog
      title="Discard the draft?"
      confirmLabel={publishedVersion === null ? 'Discard and delete the plan' : 'Discard draft'}
      danger
      isLoading={isLoading}
      onConfirm={onDiscard}
      onCancel={onCancel}
    >
      <p>
        {publishedVersion === null
          ? 'This plan was never published: discarding its draft deletes it.'
          : `The plan goes back to version ${publishedVersion}, as lifters see it. Unsaved changes go too.`}
      </p>
      {error !== null && <ErrorMessage message={adminErrorMessage(error)} />}
    </ConfirmDialog>
  );
}
