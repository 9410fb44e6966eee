import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import type { PlanDetailDto } from '@liftplan/domain';
import { flashState } from '@/lib/flash';
import { paths } from '@/lib/paths';
import { useSavePlan } from '../../api/plans-api';
import { draftFromPlan, draftToPlanBody, type PlanDraft } from '../../builder/builder-state';
import { comparableDraft } from '../../builder/plan-draft-storage';
import type { BuilderErrors } from './use-builder-errors';
import type { DraftAutosave } from './use-draft-autosave';
import type { PlanDraftEditor } from './use-plan-draft';

type Options = {
  planId: number | null;
  activeSubscribers: number;
  /** The plan as last saved (null: not created yet). */
  saved: PlanDetailDto | null;
  setSaved: (plan: PlanDetailDto) => void;
  editor: PlanDraftEditor;
  errors: BuilderErrors;
  autosave: DraftAutosave;
  /** Opens the "Publish version N+1?" confirmation, whose Confirm calls `submit`. */
  confirmNewVersion: () => void;
  closeDialog: () => void;
};

/**
 * Saving: Save (or Ctrl/⌘ + S) checks the draft, asks first when lifters are on the version a structural edit
 * replaces, sends it, and then either opens the new plan or takes the server's answer as the new saved state.
 */
export function usePlanSaving({
  planId,
  activeSubscribers,
  saved,
  setSaved,
  editor,
  errors,
  autosave,
  confirmNewVersion,
  closeDialog,
}: Options) {
  const navigate = useNavigate();
  const save = useSavePlan();
  const savedStructure = useMemo(() => (saved ? structureOf(draftFromPlan(saved)) : null), [saved]);
  const structureChanged = useMemo(
    () => savedStructure === null || structureOf(editor.draft) !== savedStructure,
    [editor.draft, savedStructure],
  );

  function requestSave() {
    if (save.isPending) return;
    if (!errors.beginSave()) return;
    if (planId !== null && activeSubscribers > 0 && structureChanged) {
      confirmNewVersion();
      return;
    }
    submit();
  }

  function submit() {
    const sent = editor.draftRef.current;
    closeDialog();
    save.mutate(
      { id: planId, body: draftToPlanBody(sent), expectedUpdatedAt: saved?.updatedAt },
      {
        onSuccess: ({ plan: result }) => {
          autosave.forget();
          errors.clearAfterSave();
          if (planId === null) {
            editor.setBaseline(comparableDraft(sent)); // lets the navigation through the guard
            navigate(paths.adminPlanEdit(result.id), {
              replace: true,
              state: flashState(
                `Created “${result.name}” (version ${result.version}). ${result.isPublic ? 'It is public: lifters can subscribe now.' : 'It is private: lifters don’t see it yet.'}`,
                'success',
              ),
            });
            return;
          }
          const next = draftFromPlan(result);
          editor.dispatch({ type: 'replace', draft: next });
          editor.setBaseline(comparableDraft(next));
          editor.setNotice(savedMessage(saved, result, activeSubscribers));
          setSaved(result);
          autosave.resume();
        },
        onError: (error) => errors.showSaveError(error, sent),
      },
    );
  }

  /** "Save as new plan" made `created` from this draft: open it, without asking about this plan's edits. */
  function openCopy(created: PlanDetailDto) {
    closeDialog();
    editor.setBaseline(editor.comparable); // this plan's own edits are now in the copy: leave without asking
    autosave.forget();
    navigate(paths.adminPlanEdit(created.id), {
      state: flashState(`Saved as a new plan: “${created.name}”. “${saved?.name}” is unchanged.`, 'success'),
    });
  }

  /** "Save as new plan" was refused for the plan's content: show the problems on their fields. */
  function showCopyErrors(error: unknown, sent: PlanDraft) {
    closeDialog();
    errors.showSaveError(error, sent);
  }

  return { isSaving: save.isPending, requestSave, submit, openCopy, showCopyErrors };
}

/**
 * What a new version is made of (weeks, days, slots, sets, TM %, rules), to tell a structural edit from a header
 * edit (name, slug, description, visibility).
 */
function structureOf(draft: PlanDraft): string {
  const {
    name: _name,
    slug: _slug,
    description: _description,
    isPublic: _isPublic,
    ...structure
  } = draftToPlanBody(draft);
  return JSON.stringify(structure);
}

function savedMessage(before: PlanDetailDto | null, after: PlanDetailDto, activeSubscribers: number): string {
  if (!before || after.version === before.version)
    return `Saved. The structure didn’t change, so it is still version ${after.version}.`;
  if (activeSubscribers > 0) {
    return `Saved as version ${after.version}. The ${activeSubscribers} lifter${activeSubscribers === 1 ? '' : 's'} on version ${before.version} keep${activeSubscribers === 1 ? 's' : ''} it; new subscribers get version ${after.version}.`;
  }
  return `Saved as version ${after.version}.`;
}
