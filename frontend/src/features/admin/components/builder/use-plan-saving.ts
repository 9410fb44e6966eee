import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import type { PlanDetailDto, PublishPlanBody } from '@liftplan/domain';
import { flashState } from '@/lib/flash';
import { paths } from '@/lib/paths';
import { adminKeys } from '../../api/admin-keys';
import { fetchAdminPlan, useDiscardDraft, usePublishPlan, useSaveDraft } from '../../api/plans-api';
import { draftFromPlan, draftToPlanBody, type PlanDraft } from '../../builder/builder-state';
import { comparableDraft } from '../../builder/plan-draft-storage';
import { adminErrorMessage } from '../admin-errors';
import { hasSavedDraft, publishedVersionOf } from './plan-lifecycle';
import type { BuilderErrors } from './use-builder-errors';
import type { DraftAutosave } from './use-draft-autosave';
import type { PlanDraftEditor } from './use-plan-draft';

type Options = {
  planId: number | null;
  /** The plan as last saved (null: not created yet): its draft when it has one. */
  saved: PlanDetailDto | null;
  setSaved: (plan: PlanDetailDto) => void;
  editor: PlanDraftEditor;
  errors: BuilderErrors;
  autosave: DraftAutosave;
  /** Opens the "Publish…" dialog, whose Publish calls `publish`. */
  openPublish: () => void;
  /** Opens the "Discard the draft?" dialog, whose Discard calls `discard`. */
  openDiscard: () => void;
  closeDialog: () => void;
};

/**
 * Saving: "Save draft" (or Ctrl/⌘ + S) checks the plan and saves it as the plan's draft, which lifters don't see;
 * "Publish…" saves unsaved edits as the draft first, then makes the draft the newest version. A new plan is created
 * as a draft and opened at its own address.
 */
export function usePlanSaving({
  planId,
  saved,
  setSaved,
  editor,
  errors,
  autosave,
  openPublish,
  openDiscard,
  closeDialog,
}: Options) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const save = useSaveDraft();
  const publishing = usePublishPlan();
  const discarding = useDiscardDraft();
  const isNew = planId === null;
  const canPublish = isNew || editor.isDirty || hasSavedDraft(saved);

  /** The server's answer becomes what the builder shows and compares against. */
  function adopt(plan: PlanDetailDto, notice: string) {
    const next = draftFromPlan(plan);
    editor.dispatch({ type: 'replace', draft: next });
    editor.setBaseline(comparableDraft(next));
    editor.setNotice(notice);
    setSaved(plan);
    autosave.resume();
  }

  /** Opens a plan just created here at its own address (the guard lets the navigation through). */
  function openCreated(plan: PlanDetailDto, sent: PlanDraft, message: string, tone: 'success' | 'warning') {
    editor.setBaseline(comparableDraft(sent));
    navigate(paths.adminPlanEdit(plan.id), { replace: true, state: flashState(message, tone) });
  }

  /** Sends the draft; null when the server refused it (its problems are then on their fields). */
  async function sendDraft(): Promise<{ plan: PlanDetailDto; sent: PlanDraft } | null> {
    const sent = editor.draftRef.current;
    try {
      const { plan } = await save.mutateAsync({
        id: planId,
        body: draftToPlanBody(sent),
        expectedUpdatedAt: saved?.updatedAt,
      });
      autosave.forget();
      errors.clearAfterSave();
      return { plan, sent };
    } catch (error) {
      errors.showSaveError(error, sent);
      return null;
    }
  }

  async function requestSave() {
    if (save.isPending || publishing.isPending) return;
    if (!isNew && !editor.isDirty) {
      editor.setNotice('Nothing to save: no changes since the last save.');
      return;
    }
    if (!errors.beginSave()) return;
    const result = await sendDraft();
    if (!result) return;
    const { plan, sent } = result;
    if (isNew) openCreated(plan, sent, draftSavedMessage(plan), 'success');
    else adopt(plan, `Draft saved. ${lifterView(saved)}`);
  }

  function requestPublish() {
    if (!canPublish || save.isPending || publishing.isPending) return;
    publishing.reset();
    if (errors.beginSave()) openPublish();
  }

  function requestDiscard() {
    discarding.reset();
    openDiscard();
  }

  /** Saves unsaved edits as the draft, then publishes it. Publishing errors stay in the dialog (`publishError`). */
  async function publish(body: PublishPlanBody) {
    let draft = saved;
    let sent: PlanDraft | null = null;
    if (isNew || editor.isDirty) {
      const result = await sendDraft();
      if (!result) return closeDialog();
      ({ plan: draft, sent } = result);
      // Saved even if publishing fails next: the builder stays in step with the server.
      if (!isNew) adopt(draft, 'Draft saved.');
    }
    if (!draft) return;
    publishing.reset();
    try {
      const before = publishedVersionOf(draft);
      const { plan } = await publishing.mutateAsync({ id: draft.id, body });
      closeDialog();
      if (isNew) openCreated(plan, sent!, publishedMessage(plan, before), 'success');
      else adopt(plan, publishedMessage(plan, before));
    } catch (error) {
      // A new plan exists now (as a draft): continue at its address rather than create it twice.
      if (isNew && sent)
        openCreated(draft, sent, `Saved as a draft, but not published: ${adminErrorMessage(error)}`, 'warning');
    }
  }

  /** Throws the draft away: back to the published version, or (never published) the plan is gone. */
  async function discard() {
    if (planId === null) return;
    try {
      const { planDeleted } = await discarding.mutateAsync(planId);
      closeDialog();
      autosave.forget();
      editor.setBaseline(editor.comparable);
      if (planDeleted) {
        navigate(paths.adminPlans, { state: flashState(`Deleted “${saved?.name}”: it was never published.`) });
        return;
      }
      const { plan } = await queryClient.fetchQuery({
        queryKey: adminKeys.plan(planId),
        queryFn: ({ signal }) => fetchAdminPlan(planId, signal),
      });
      adopt(plan, `Draft discarded: this is version ${plan.version} as lifters see it.`);
    } catch {
      // The dialog shows discarding.error.
    }
  }

  /** "Save as new plan" made `created` from this draft: open it, without asking about this plan's edits. */
  function openCopy(created: PlanDetailDto) {
    closeDialog();
    editor.setBaseline(editor.comparable); // this plan's own edits are now in the copy: leave without asking
    autosave.forget();
    navigate(paths.adminPlanEdit(created.id), {
      state: flashState(`Saved as a new plan (a draft): “${created.name}”. “${saved?.name}” is unchanged.`, 'success'),
    });
  }

  /** "Save as new plan" was refused for the plan's content: show the problems on their fields. */
  function showCopyErrors(error: unknown, sent: PlanDraft) {
    closeDialog();
    errors.showSaveError(error, sent);
  }

  return {
    isSaving: save.isPending,
    isPublishing: save.isPending || publishing.isPending,
    publishError: publishing.error,
    canPublish,
    isDiscarding: discarding.isPending,
    discardError: discarding.error,
    requestSave: () => void requestSave(),
    requestPublish,
    publish: (body: PublishPlanBody) => void publish(body),
    requestDiscard,
    discard: () => void discard(),
    openCopy,
    showCopyErrors,
  };
}

function draftSavedMessage(plan: PlanDetailDto): string {
  return `Saved “${plan.name}” as a draft. Lifters don’t see it until you publish it.`;
}

/** `before`: the version lifters saw; the same number after publishing means only the plan's details changed. */
function publishedMessage(plan: PlanDetailDto, before: number | null): string {
  if (plan.version === before) {
    return `Published the new details. Lifters stay on version ${plan.version}: its weeks, days, sets and rules did not change.`;
  }
  if (plan.version === 1) {
    return `Published “${plan.name}” (version 1). ${plan.isPublic ? 'It is public: lifters can find and start it now.' : 'It is private: lifters don’t see it until you make it public.'}`;
  }
  return `Published version ${plan.version}. Lifters on older versions are offered the upgrade; new lifters start on version ${plan.version}.`;
}

/** What lifters see while a draft waits. */
function lifterView(saved: PlanDetailDto | null): string {
  if (saved === null || saved.status === 'draft') return 'Lifters don’t see the plan until you publish it.';
  return 'Lifters keep the published version until you publish this draft.';
}
