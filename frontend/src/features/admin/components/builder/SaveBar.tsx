import type { ReactNode } from 'react';
import type { PlanDetailDto } from '@liftplan/domain';
import { Button } from '@/components/Button';
import { pluralize } from '@/lib/format';
import { hasSavedDraft, publishedVersionOf } from './plan-lifecycle';
import type { Removal } from './use-plan-draft';

type Props = {
  isNew: boolean;
  /** The plan as last saved (null: not created yet): its draft when it has one. */
  saved: PlanDetailDto | null;
  activeSubscribers: number;
  isDirty: boolean;
  isSaving: boolean;
  canPublish: boolean;
  removal: Removal | null;
  onUndo: () => void;
  notice: string | null;
  /** The error summary, shown above the buttons. */
  errorSummary: ReactNode;
  onSave: () => void;
  onPublish: () => void;
  onDiscardDraft: () => void;
  onSaveAsNew: () => void;
};

/** Sticky at the bottom: Undo of the last removal, what the last save did, the problems, and the buttons. */
export function SaveBar({
  isNew,
  saved,
  activeSubscribers,
  isDirty,
  isSaving,
  canPublish,
  removal,
  onUndo,
  notice,
  errorSummary,
  onSave,
  onPublish,
  onDiscardDraft,
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
          Save draft
        </Button>
        <Button variant="secondary" onClick={onPublish} disabled={!canPublish}>
          Publish…
        </Button>
        {hasSavedDraft(saved) && (
          <Button variant="ghost" className="button--danger-text" onClick={onDiscardDraft}>
            Discard draft
          </Button>
        )}
        {!isNew && (
          <Button variant="ghost" onClick={onSaveAsNew}>
            Save as new plan…
          </Button>
        )}
        <span className="save-bar__state muted" aria-live="polite">
          {saveState(isNew, isDirty, saved)}
        </span>
        <p className="save-bar__versioning muted">{lifecycleNote(saved, activeSubscribers)}</p>
      </div>
    </div>
  );
}

function saveState(isNew: boolean, isDirty: boolean, saved: PlanDetailDto | null): string {
  if (isDirty) return 'Unsaved changes';
  if (isNew) return '';
  return hasSavedDraft(saved) ? 'Draft saved, not published' : 'Published, no draft';
}

/** Who sees what: lifters keep the published version until the draft is published. */
function lifecycleNote(saved: PlanDetailDto | null, activeSubscribers: number): string {
  const published = publishedVersionOf(saved);
  if (published === null) return 'Saved as a draft first: lifters see the plan once you publish it.';
  if (saved?.draftChangesStructure === false) {
    return `The saved draft changes only the plan’s details: publishing it keeps lifters on version ${published}.`;
  }
  const upgrade =
    activeSubscribers > 0
      ? `; the ${pluralize(activeSubscribers, 'lifter')} on it ${activeSubscribers === 1 ? 'is' : 'are'} then offered the upgrade`
      : '';
  return `Lifters see version ${published} until you publish the draft as version ${published + 1}${upgrade}.`;
}
