import { useMemo, useState } from 'react';
import type { ExerciseDto, PlanDetailDto, UserDto } from '@liftplan/domain';
import { hasContent, type PlanDraft } from '../../builder/builder-state';
import { useUnsavedChangesGuard } from '../../builder/use-unsaved-changes-guard';
import { BuilderContext, type BuilderContextValue } from './builder-context';
import { LeaveBuilderDialog, PublishVersionDialog, RemoveDaysDialog } from './BuilderDialogs';
import { DaysSection } from './DaysSection';
import { ErrorSummary } from './ErrorSummary';
import { PlanBuilderHeader } from './PlanBuilderHeader';
import { PlanDetailsSection } from './PlanDetailsSection';
import { PreviewPanel } from './PreviewPanel';
import { RulesEditor } from './RulesEditor';
import { SaveAsNewDialog } from './SaveAsNewDialog';
import { SaveBar } from './SaveBar';
import { StoredDraftNotice } from './StoredDraftNotice';
import { useBuilderErrors } from './use-builder-errors';
import { useDraftAutosave } from './use-draft-autosave';
import { usePlanDraft } from './use-plan-draft';
import { usePlanPreview } from './use-plan-preview';
import { usePlanSaving } from './use-plan-saving';
import { useSaveShortcut } from './use-save-shortcut';
import './builder.css';

export type PlanBuilderProps = {
  /** null: a new plan. */
  plan: PlanDetailDto | null;
  /** Lifters currently on the plan (from the plans list), for the versioning note. */
  activeSubscribers: number;
  exercises: ExerciseDto[];
  user: UserDto;
  initialDraft: PlanDraft;
};

/** The dialog open over the builder, besides the unsaved-changes one (which the guard opens). */
type OpenDialog = { kind: 'removeDays'; count: number } | { kind: 'publishVersion' } | { kind: 'saveAsNew' } | null;

/**
 * The plan builder: the plan's details, its days, progression rules and a live preview, with a save bar. The
 * state lives in hooks (the draft, its errors, autosave, preview, saving); this puts the pieces on the page.
 */
export function PlanBuilder({ plan, activeSubscribers, exercises, user, initialDraft }: PlanBuilderProps) {
  const planId = plan?.id ?? null;
  const isNew = planId === null;
  const editor = usePlanDraft(initialDraft);
  const { draft, act, remove } = editor;
  const [saved, setSaved] = useState<PlanDetailDto | null>(plan);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const closeDialog = () => setDialog(null);
  const validation = useBuilderErrors(editor);
  const autosave = useDraftAutosave(editor, {
    userId: user.id,
    planId,
    initialDraft,
    basedOn: saved?.updatedAt ?? null,
  });
  const guard = useUnsavedChangesGuard(editor.isDirty);
  const preview = usePlanPreview(draft, user);
  const saving = usePlanSaving({
    planId,
    activeSubscribers,
    saved,
    setSaved,
    editor,
    errors: validation,
    autosave,
    confirmNewVersion: () => setDialog({ kind: 'publishVersion' }),
    closeDialog,
  });
  useSaveShortcut(saving.requestSave);

  const exerciseById = useMemo(() => new Map(exercises.map((exercise) => [exercise.id, exercise])), [exercises]);
  const { errors } = validation;
  const { weights, result } = preview;
  const previewUnit = result?.preview.unit ?? preview.settings.unit;
  const context = useMemo<BuilderContextValue>(
    () => ({ exercises, exerciseById, errors, weights, previewUnit, act, remove }),
    [exercises, exerciseById, errors, weights, previewUnit, act, remove],
  );

  function changeDayCount(count: number) {
    if (count < draft.days.length && hasContent(draft.days.slice(count))) setDialog({ kind: 'removeDays', count });
    else act({ type: 'setDayCount', count }, 'days');
  }

  return (
    <BuilderContext value={context}>
      <div className="page admin-page plan-builder">
        <PlanBuilderHeader isNew={isNew} saved={saved} activeSubscribers={activeSubscribers} />
        {autosave.stored && (
          <StoredDraftNotice
            stored={autosave.stored}
            isNew={isNew}
            planUpdatedAt={plan?.updatedAt ?? null}
            onRestore={autosave.restore}
            onDiscard={autosave.discardStored}
          />
        )}

        <div className="plan-builder__layout">
          <div className="plan-builder__main">
            <PlanDetailsSection draft={draft} onDayCountChange={changeDayCount} />
            <DaysSection days={draft.days} />
            <RulesEditor rules={draft.rules} />
          </div>
          <aside className="plan-builder__aside">
            <PreviewPanel
              draft={draft}
              tmExerciseIds={preview.tmExerciseIds}
              settings={preview.settings}
              onSettingsChange={preview.setSettings}
              result={result}
              isUpdating={preview.isUpdating}
              error={preview.error}
            />
          </aside>
        </div>

        <SaveBar
          isNew={isNew}
          saved={saved}
          activeSubscribers={activeSubscribers}
          isDirty={editor.isDirty}
          isSaving={saving.isSaving && dialog === null}
          removal={editor.removal}
          onUndo={editor.undoRemoval}
          notice={editor.notice}
          errorSummary={
            <ErrorSummary
              draft={draft}
              errors={errors}
              errorIds={validation.errorIds}
              formError={validation.formError}
              nameOf={(id) => exerciseById.get(id)?.name}
            />
          }
          onSave={saving.requestSave}
          onSaveAsNew={() => setDialog({ kind: 'saveAsNew' })}
        />

        {guard.pendingHref !== null && (
          <LeaveBuilderDialog
            planName={draft.name}
            onLeave={() => {
              autosave.forget();
              guard.confirmLeave();
            }}
            onStay={guard.cancelLeave}
          />
        )}
        {dialog?.kind === 'removeDays' && (
          <RemoveDaysDialog
            from={draft.days.length}
            to={dialog.count}
            onRemove={() => {
              remove({ type: 'setDayCount', count: dialog.count }, `Removed days after day ${dialog.count}`);
              closeDialog();
            }}
            onCancel={closeDialog}
          />
        )}
        {dialog?.kind === 'publishVersion' && saved && (
          <PublishVersionDialog
            version={saved.version}
            activeSubscribers={activeSubscribers}
            isLoading={saving.isSaving}
            onConfirm={saving.submit}
            onCancel={closeDialog}
          />
        )}
        {dialog?.kind === 'saveAsNew' && (
          <SaveAsNewDialog
            draft={draft}
            onCancel={closeDialog}
            onStructureErrors={saving.showCopyErrors}
            onCreated={saving.openCopy}
          />
        )}
      </div>
    </BuilderContext>
  );
}
