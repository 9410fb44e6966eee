import { useId, useState, type FormEvent } from 'react';
import type { PublishPlanBody } from '@liftplan/domain';
import { Button } from '@/components/Button';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { Dialog } from '@/components/Dialog';
import { ErrorMessage } from '@/components/ErrorMessage';
import { pluralize } from '@/lib/format';
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
  isLoading: boolean;
  error: unknown;
  onPublish: (body: PublishPlanBody) => void;
  onCancel: () => void;
};

/**
 * "Publish…": the draft becomes the newest version. Lifters on an older version keep it and are offered the upgrade,
 * which the admin may recommend with a note they read before upgrading.
 */
export function PublishDialog(props: PublishDialogProps) {
  const { planName, publishedVersion, isLoading, error, onPublish, onCancel } = props;
  const formId = useId();
  const [recommended, setRecommended] = useState(false);
  const [note, setNote] = useState('');

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
            {publishedVersion === null ? 'Publish' : `Publish version ${publishedVersion + 1}`}
          </Button>
        </>
      }
    >
      <form id={formId} className="form" noValidate onSubmit={handleSubmit}>
        <PublishSummary {...props} />
        {publishedVersion !== null && (
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

function PublishSummary({ publishedVersion, activeSubscribers, isPublic, hasUnsavedChanges }: PublishDialogProps) {
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
  const next = publishedVersion + 1;
  return (
    <p>
      {saveFirst}The draft becomes version {next}: new lifters start on it.{' '}
      {activeSubscribers > 0
        ? `The ${pluralize(activeSubscribers, 'lifter')} already on the plan ${activeSubscribers === 1 ? 'keeps their version and sees' : 'keep their version and see'} that version ${next} is available, with what changes, before choosing to upgrade.`
        : 'Nobody is on the plan right now.'}
    </p>
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
