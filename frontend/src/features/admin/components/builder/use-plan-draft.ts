import { useCallback, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import { withoutField, type FieldErrors } from '../../builder/builder-errors';
import { builderReducer, type BuilderAction, type PlanDraft } from '../../builder/builder-state';
import { comparableDraft } from '../../builder/plan-draft-storage';

/** The last removal, offered back with Undo instead of an "are you sure?". */
export type Removal = { label: string; previous: PlanDraft };

/**
 * The plan being edited and every edit to it: whether it differs from what was last saved (`isDirty`), the Undo of
 * the last removal, the save bar's notice, and the server's field errors, which the edit of a field answers.
 */
export function usePlanDraft(initialDraft: PlanDraft) {
  const [draft, dispatch] = useReducer(builderReducer, initialDraft);
  const draftRef = useRef(draft);
  useLayoutEffect(() => {
    draftRef.current = draft;
  }, [draft]);
  const [baseline, setBaseline] = useState(() => comparableDraft(initialDraft));
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [removal, setRemoval] = useState<Removal | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const comparable = useMemo(() => comparableDraft(draft), [draft]);

  /** Applies an edit; `clears` names the fields whose (server) errors the edit answers. */
  const act = useCallback((action: BuilderAction, clears?: string | string[]) => {
    dispatch(action);
    setRemoval(null);
    setNotice(null);
    if (clears) setServerErrors((current) => [clears].flat().reduce(withoutField, current));
  }, []);

  const remove = useCallback((action: BuilderAction, label: string) => {
    setRemoval({ label, previous: draftRef.current });
    setNotice(null);
    dispatch(action);
  }, []);

  function undoRemoval() {
    if (!removal) return;
    dispatch({ type: 'replace', draft: removal.previous });
    setRemoval(null);
  }

  return {
    draft,
    /** The draft of the latest render, for callbacks that outlive theirs. */
    draftRef,
    dispatch,
    /** The draft as comparableDraft() text. */
    comparable,
    isDirty: comparable !== baseline,
    /** Marks a draft (as comparableDraft() text) as the saved state: isDirty compares against it. */
    setBaseline,
    serverErrors,
    setServerErrors,
    removal,
    undoRemoval,
    notice,
    setNotice,
    act,
    remove,
  };
}

export type PlanDraftEditor = ReturnType<typeof usePlanDraft>;
