import { ConfirmDialog } from '@/components/ConfirmDialog';

/** An in-app link was clicked with unsaved changes: leave (dropping them) or keep editing. */
export function LeaveBuilderDialog({
  planName,
  onLeave,
  onStay,
}: {
  planName: string;
  onLeave: () => void;
  onStay: () => void;
}) {
  return (
    <ConfirmDialog
      title="Leave without saving?"
      confirmLabel="Discard changes and leave"
      cancelLabel="Keep editing"
      danger
      onConfirm={onLeave}
      onCancel={onStay}
    >
      <p>Your changes to {planName.trim() ? `“${planName.trim()}”` : 'this plan'} are not saved yet.</p>
    </ConfirmDialog>
  );
}

/** Fewer days a week than there are days with content: the last days go (Undo can bring them back). */
export function RemoveDaysDialog({
  from,
  to,
  onRemove,
  onCancel,
}: {
  from: number;
  to: number;
  onRemove: () => void;
  onCancel: () => void;
}) {
  const several = from - to > 1;
  return (
    <ConfirmDialog
      title={`Remove day${several ? 's' : ''} ${to + 1}${several ? `–${from}` : ''}?`}
      confirmLabel="Remove"
      danger
      onConfirm={onRemove}
      onCancel={onCancel}
    >
      <p>Going to {to} days a week removes the last days and the exercises in them.</p>
    </ConfirmDialog>
  );
}

type PublishVersionDialogProps = {
  version: number;
  activeSubscribers: number;
  isLoading: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/** A structural edit while lifters are on the plan: they keep their version, new subscribers get the next one. */
export function PublishVersionDialog({
  version,
  activeSubscribers,
  isLoading,
  onConfirm,
  onCancel,
}: PublishVersionDialogProps) {
  return (
    <ConfirmDialog
      title={`Publish version ${version + 1}?`}
      confirmLabel={`Save as version ${version + 1}`}
      isLoading={isLoading}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        {activeSubscribers} lifter{activeSubscribers === 1 ? ' is' : 's are'} on version {version}. They keep it — their
        workouts don’t change. Version {version + 1} is what new subscribers (and lifters who re-subscribe) get.
      </p>
    </ConfirmDialog>
  );
}
