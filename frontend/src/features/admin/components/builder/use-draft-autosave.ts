import { useEffect, useRef, useState } from 'react';
import { rekeyDraft, type PlanDraft } from '../../builder/builder-state';
import {
  clearStoredDraft,
  comparableDraft,
  draftStorageKey,
  readStoredDraft,
  writeStoredDraft,
  type StoredDraft,
} from '../../builder/plan-draft-storage';
import type { PlanDraftEditor } from './use-plan-draft';

const AUTOSAVE_DEBOUNCE_MS = 500;

type Options = {
  userId: number;
  planId: number | null;
  initialDraft: PlanDraft;
  /** The saved plan's updatedAt (null for a new plan), stored with the draft. */
  basedOn: string | null;
};

/**
 * Keeps unsaved work in this browser while the admin edits, so it survives Back, a reload, a crash or an expired
 * session; a draft found on arrival (`stored`) is offered back until the admin restores or discards it.
 */
export function useDraftAutosave(editor: PlanDraftEditor, { userId, planId, initialDraft, basedOn }: Options) {
  const { comparable, isDirty, draftRef, act } = editor;
  const storageKey = draftStorageKey(userId, planId);
  const [stored, setStored] = useState<StoredDraft | null>(() => {
    const found = readStoredDraft(storageKey);
    return found && comparableDraft(found.draft) !== comparableDraft(initialDraft) ? found : null;
  });
  const discarded = useRef(false);

  useEffect(() => {
    if (stored) return; // don't overwrite a draft the admin hasn't decided about yet
    if (!isDirty) {
      clearStoredDraft(storageKey);
      return;
    }
    const timer = setTimeout(() => {
      if (!discarded.current)
        writeStoredDraft(storageKey, { savedAt: new Date().toISOString(), basedOn, draft: draftRef.current });
    }, AUTOSAVE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [comparable, isDirty, stored, storageKey, basedOn, draftRef]);

  return {
    /** A draft from an earlier visit, not decided about yet. */
    stored,
    restore() {
      if (!stored) return;
      act({ type: 'replace', draft: rekeyDraft(stored.draft) });
      setStored(null);
    },
    discardStored() {
      clearStoredDraft(storageKey);
      setStored(null);
    },
    /** The work is saved or given up: remove the stored copy, and write no other until resume(). */
    forget() {
      discarded.current = true;
      clearStoredDraft(storageKey);
    },
    resume() {
      discarded.current = false;
    },
  };
}

export type DraftAutosave = ReturnType<typeof useDraftAutosave>;
