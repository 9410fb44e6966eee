import { Button } from '@/components/Button';
import type { StoredDraft } from '../../builder/plan-draft-storage';

type Props = {
  stored: StoredDraft;
  isNew: boolean;
  /** The plan's updatedAt when the builder opened (null for a new plan). */
  planUpdatedAt: string | null;
  onRestore: () => void;
  onDiscard: () => void;
};

/** Unsaved work from an earlier visit (kept by the autosave), offered back. */
export function StoredDraftNotice({ stored, isNew, planUpdatedAt, onRestore, onDiscard }: Props) {
  const savedAt = new Date(stored.savedAt).toLocaleString();
  return (
    <div className="admin-notice admin-notice--warning" role="alert">
      <p>
        You have unsaved changes to {isNew ? 'a new plan' : 'this plan'} from {savedAt}.
        {planUpdatedAt !== null &&
          stored.basedOn !== null &&
          stored.basedOn !== planUpdatedAt &&
          ' The plan has been saved since then: restoring replaces those changes.'}
      </p>
      <div className="button-row">
        <Button onClick={onRestore}>Restore my changes</Button>
        <Button variant="secondary" onClick={onDiscard}>
          Discard them
        </Button>
      </div>
    </div>
  );
}
