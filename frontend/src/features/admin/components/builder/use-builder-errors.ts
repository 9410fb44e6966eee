import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { ApiError } from '@/lib/api-client';
import { mapApiIssues, orderedErrorIds, validateDraft } from '../../builder/builder-errors';
import type { PlanDraft } from '../../builder/builder-state';
import { adminErrorMessage } from '../admin-errors';
import type { PlanDraftEditor } from './use-plan-draft';

/**
 * What is wrong with the draft, as shown: the client-side checks once a save was tried, the server's field errors,
 * and messages that belong to no field (`formError`). A failed save moves focus to the first problem, through
 * `revealField` (which first shows the week it is in).
 */
export function useBuilderErrors(
  { draft, draftRef, serverErrors, setServerErrors }: PlanDraftEditor,
  revealField: (id: string) => void,
) {
  const [submitted, setSubmitted] = useState(false);
  const [formError, setFormError] = useState<string[] | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);

  const clientErrors = useMemo(() => validateDraft(draft), [draft]);
  // The same object while the messages are the same, so an edit re-renders only the item it touches.
  const errors = useStableValue(
    useMemo(() => ({ ...(submitted ? clientErrors : {}), ...serverErrors }), [submitted, clientErrors, serverErrors]),
  );
  const errorIds = useMemo(() => orderedErrorIds(draft, errors), [draft, errors]);

  const focusFirstError = useEffectEvent(() => {
    const first = orderedErrorIds(draftRef.current, errors)[0];
    if (first) revealField(first);
  });
  // Only when a save asked for it (with the errors of that render), not on every change of errors.
  useEffect(() => {
    if (focusRequest > 0) focusFirstError();
  }, [focusRequest]);

  /** A save was asked for: shows the client-side problems too. False (and focus on the first) when there are some. */
  function beginSave(): boolean {
    setSubmitted(true);
    setFormError(null);
    if (Object.keys(clientErrors).length > 0) {
      setFocusRequest((n) => n + 1);
      return false;
    }
    return true;
  }

  /** A refused save of `sent`: field issues on their fields (focusing the first), anything else as a form error. */
  function showSaveError(error: unknown, sent: PlanDraft) {
    setSubmitted(true);
    if (error instanceof ApiError && error.fieldIssues.length > 0) {
      const mapped = mapApiIssues(sent, error.fieldIssues);
      setServerErrors(mapped.fields);
      setFormError(mapped.unmapped.length > 0 ? [error.message, ...mapped.unmapped] : null);
      setFocusRequest((n) => n + 1);
    } else {
      setFormError([adminErrorMessage(error)]);
    }
  }

  /** After a successful save: back to showing nothing until the next attempt. */
  function clearAfterSave() {
    setServerErrors({});
    setSubmitted(false);
  }

  return { errors, errorIds, formError, beginSave, showSaveError, clearAfterSave };
}

export type BuilderErrors = ReturnType<typeof useBuilderErrors>;

/** `value`, or the previous one while its JSON is the same. */
function useStableValue<T>(value: T): T {
  const ref = useRef(value);
  /* eslint-disable react-hooks/refs -- a cache for this very render: it is read and updated while rendering */
  if (ref.current !== value && JSON.stringify(ref.current) !== JSON.stringify(value)) ref.current = value;
  return ref.current;
  /* eslint-enable react-hooks/refs */
}
