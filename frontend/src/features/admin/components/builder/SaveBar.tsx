import type { ReactNode } from 'react';
import type { PlanDetailDto } from '@liftplan/domain';
import { Button } from '@/components/Button';
import type { Removal } from './use-plan-draft';

type Props = {
  isNew: boolean;
  /** The plan as last saved (null: not created yet). */
  saved: PlanDetailDto | null;
  activeSubscribers: number;
  isDirty: boolean;
  isSaving: boolean;
  removal: Removal | null;
  onUndo: () => void;
  notice: string | null;
  /** The error summary, shown above the buttons. */
  errorSummary: ReactNode;
  onSave: () => void;
  onSaveAsNew: () => void;
};

/** Sticky at the bottom: Undo of the last removal, what the last save did, the problems, and the save buttons. */
export function SaveBar({
  isNew,
  saved,
  activeSubscribers,
  isDirty,
  isSaving,
  removal,
  onUndo,
  notice,
  errorSummary,
  onSave,
  onSaveAsNew,
}: Props) {
  return (
    <div className="save-bar">
      {removal && (
        <p className="save-bar__undo" role="status">
          {removal.label}.{' '}
          <button type="button" className="button button--ghost" onClick={onUndo}>
            Undo
          </button>
        </p>
      )}
      {notice && (
        <p className="save-bar__notice" role="status">
          {notice}
        </p>
      )}
      {errorSummary}
      <div className="button-row">
        <Button onClick={onSave} isLoading={isSaving}>
          {isNew ? 'Create plan' : 'Save changes'}
        </Button>
        {!isNew && (
          <Button variant="secondary" onClick={onSaveAsNew}>
            Save as new plan…
          </Button>
        )}
        <span className="save-bar__state muted" aria-live="polite">
          {isDirty ? 'Unsaved changes' : isNew ? '' : 'All changes saved'}
        </span>
        {!isNew && saved && <p className="save-bar__versioning muted">{versioningNote(saved, activeSubscribers)}</p>}
      </div>
    </div>
  );
}

/** Which changes make a new version, and who keeps the current one. */
function versioningNote(saved: PlanDetailDto, activeSubscribers: number): string {
  if (activeSubscribers <= 0) return 'Nobody is on this plan: changes apply to whoever subscribes next.';
  const lifters = `${activeSubscribers} lifter${activeSubscribers === 1 ? ' is' : 's are'}`;
  return `${lifters} on version ${saved.version} and ${activeSubscribers === 1 ? 'keeps' : 'keep'} it: changes to days, exercises, sets or rules publish version ${saved.version + 1} for new subscribers. Name, slug, description and visibility change for everyone.`;
}
