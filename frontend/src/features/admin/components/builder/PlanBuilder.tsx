import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ExerciseDto, PlanDetailDto, UserDto } from '@liftplan/domain';
import { domIdOf, weekKeyOfField, weeksWithErrors } from '../../builder/builder-errors';
import {
  allowsTargetProgression,
  dayCount,
  draftToPlanBody,
  findDay,
  hasContentAfterDay,
  type PlanDraft,
} from '../../builder/builder-state';
import { useUnsavedChangesGuard } from '../../builder/use-unsaved-changes-guard';
import { BuilderContext, type BuilderContextValue } from './builder-context';
import { CopyDayDialog, LeaveBuilderDialog, RemoveDaysDialog } from './BuilderDialogs';
import { ErrorSummary } from './ErrorSummary';
import { PlanBuilderHeader } from './PlanBuilderHeader';
import { PlanDetailsSection } from './PlanDetailsSection';
import { publishedVersionOf } from './plan-lifecycle';
import { PreviewPanel } from './PreviewPanel';
import { DiscardDraftDialog, PublishDialog } from './PublishDialogs';
import { ProjectionSection } from './ProjectionSection';
import { RulesEditor } from './RulesEditor';
import { SaveAsNewDialog } from './SaveAsNewDialog';
import { SaveBar } from './SaveBar';
import { StoredDraftNotice } from './StoredDraftNotice';
import { useBuilderErrors } from './use-builder-errors';
import { useDraftAutosave } from './use-draft-autosave';
import { usePlanDraft } from './use-plan-draft';
import { usePlanPreview } from './use-plan-preview';
import { usePlanProjection } from './use-plan-projection';
import { usePlanSaving } from './use-plan-saving';
import { useSaveShortcut } from './use-save-shortcut';
import { WeeksSection } from './WeeksSection';
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
type OpenDialog =
  | { kind: 'removeDays'; count: number }
  | { kind: 'publish' }
  | { kind: 'discardDraft' }
  | { kind: 'saveAsNew' }
  | { kind: 'copyDay'; dayKey: string }
  | null;

/**
 * The plan builder: the plan's details, its weeks and days, progression rules, a live preview of the selected week
 * and a projection over weeks, with a save bar. The state lives in hooks (the draft, its errors, autosave, preview,
 * projection, saving); this puts the pieces on the page and keeps which week is shown.
 */
export function PlanBuilder({ plan, activeSubscribers, exercises, user, initialDraft }: PlanBuilderProps) {
  const planId = plan?.id ?? null;
  const isNew = planId === null;
  const editor = usePlanDraft(initialDraft);
  const { draft, draftRef, act, remove } = editor;
  const [saved, setSaved] = useState<PlanDetailDto | null>(plan);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const closeDialog = () => setDialog(null);

  // The week shown: by key, and where it was (a removed or re-keyed week falls back to the same position).
  const [selected, setSelected] = useState({ key: initialDraft.weeks[0]?.key ?? '', index: 0 });
  const found = draft.weeks.findIndex((week) => week.key === selected.key);
  const weekIndex = found !== -1 ? found : Math.max(0, Math.min(selected.index, draft.weeks.length - 1));
  // Remember where the shown week is now (weeks before it may have moved), for when it goes.
  if (found !== -1 && found !== selected.index) setSelected({ key: selected.key, index: found });
  const selectWeek = useCallback(
    (key: string) =>
      setSelected({
        key,
        index: Math.max(
          0,
          draftRef.current.weeks.findIndex((week) => week.key === key),
        ),
      }),
    [draftRef],
  );

  // Moving to a field (an error summary link, a failed save): show its week, then focus it once rendered.
  const pendingFocus = useRef<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const revealField = useCallback(
    (id: string) => {
      const weekKey = weekKeyOfField(draftRef.current, id);
      if (weekKey) selectWeek(weekKey);
      pendingFocus.current = id;
      setFocusRequest((n) => n + 1);
    },
    [draftRef, selectWeek],
  );
  useEffect(() => {
    const id = pendingFocus.current;
    if (id === null) return;
    pendingFocus.current = null;
    const element = document.getElementById(domIdOf(id));
    element?.scrollIntoView?.({ block: 'center' });
    element?.focus({ preventScroll: true });
  }, [focusRequest]);

  const validation = useBuilderErrors(editor, revealField);
  const autosave = useDraftAutosave(editor, {
    userId: user.id,
    planId,
    initialDraft,
    basedOn: saved?.updatedAt ?? null,
  });
  const guard = useUnsavedChangesGuard(editor.isDirty);
  const preview = usePlanPreview(draft, user);
  const exerciseById = useMemo(() => new Map(exercises.map((exercise) => [exercise.id, exercise])), [exercises]);
  const nameOf = useCallback((id: number) => exerciseById.get(id)?.name ?? `Exercise ${id}`, [exerciseById]);
  const projection = usePlanProjection(draft, preview.settings, nameOf);
  const saving = usePlanSaving({
    planId,
    saved,
    setSaved,
    editor,
    errors: validation,
    autosave,
    openPublish: () => setDialog({ kind: 'publish' }),
    openDiscard: () => setDialog({ kind: 'discardDraft' }),
    closeDialog,
  });
  useSaveShortcut(saving.requestSave);

  const { errors } = validation;
  const { weights, result } = preview;
  const previewUnit = result?.preview.unit ?? preview.settings.unit;
  const targetProgression = allowsTargetProgression(draft.rules);
  const weekCount = draft.weeks.length;
  const openCopyDay = useCallback((dayKey: string) => setDialog({ kind: 'copyDay', dayKey }), []);
  const context = useMemo<BuilderContextValue>(
    () => ({
      exercises,
      exerciseById,
      errors,
      weights,
      previewUnit,
      targetProgression,
      weekCount,
      act,
      remove,
      openCopyDay,
    }),
    [exercises, exerciseById, errors, weights, previewUnit, targetProgression, weekCount, act, remove, openCopyDay],
  );
  const problemWeeks = useMemo(() => weeksWithErrors(draft, errors), [draft, errors]);
  const days = dayCount(draft);

  function changeDayCount(count: number) {
    if (count < days && hasContentAfterDay(draft, count)) setDialog({ kind: 'removeDays', count });
    else act({ type: 'setDayCount', count }, 'days');
  }

  const copying = dialog?.kind === 'copyDay' ? findDay(draft, dialog.dayKey) : undefined;

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
            <WeeksSection
              weeks={draft.weeks}
              dayCount={days}
              selectedIndex={weekIndex}
              onSelect={selectWeek}
              weeksWithErrors={problemWeeks}
            />
            <RulesEditor rules={draft.rules} />
          </div>
          <aside className="plan-builder__aside">
            <PreviewPanel
              draft={draft}
              weekIndex={weekIndex}
              tmExerciseIds={preview.tmExerciseIds}
              settings={preview.settings}
              onSettingsChange={preview.setSettings}
              result={result}
              isUpdating={preview.isUpdating}
              error={preview.error}
            />
          </aside>
        </div>
        <div className="plan-builder__projection">
          <ProjectionSection
            projection={projection}
            sampleTrainingMaxes={preview.tmExerciseIds.map((id) => ({
              id,
              name: nameOf(id),
              value: preview.settings.trainingMaxes[id] ?? '',
            }))}
            unit={preview.settings.unit}
            onShowProblems={validation.beginSave}
          />
        </div>

        <SaveBar
          isNew={isNew}
          saved={saved}
          activeSubscribers={activeSubscribers}
          isDirty={editor.isDirty}
          isSaving={saving.isSaving && dialog === null}
          canPublish={saving.canPublish}
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
              onReveal={revealField}
            />
          }
          onSave={saving.requestSave}
          onPublish={saving.requestPublish}
          onDiscardDraft={saving.requestDiscard}
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
            from={days}
            to={dialog.count}
            onRemove={() => {
              remove({ type: 'setDayCount', count: dialog.count }, `Removed days after day ${dialog.count}`);
              closeDialog();
            }}
            onCancel={closeDialog}
          />
        )}
        {dialog?.kind === 'publish' && (
          <PublishDialog
            planName={draft.name}
            publishedVersion={publishedVersionOf(saved)}
            activeSubscribers={activeSubscribers}
            isPublic={draft.isPublic}
            hasUnsavedChanges={isNew || editor.isDirty}
            previewRequest={
              planId !== null && publishedVersionOf(saved) !== null
                ? { planId, body: draftToPlanBody(editor.draftRef.current) }
                : null
            }
            isLoading={saving.isPublishing}
            error={saving.publishError}
            onPublish={saving.publish}
            onCancel={closeDialog}
          />
        )}
        {dialog?.kind === 'discardDraft' && (
          <DiscardDraftDialog
            publishedVersion={publishedVersionOf(saved)}
            isLoading={saving.isDiscarding}
            error={saving.discardError}
            onDiscard={saving.discard}
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
        {dialog?.kind === 'copyDay' && copying && (
          <CopyDayDialog
            dayLabel={dayLabel(copying.position, copying.day.name)}
            weekNumber={draft.weeks.indexOf(copying.week) + 1}
            weeks={draft.weeks.map((week, i) => ({
              key: week.key,
              label: `Week ${i + 1}${week.name.trim() ? ` · ${week.name.trim()}` : ''}${week.isDeload ? ' (deload)' : ''}`,
            }))}
            onCopy={(weekKeys) => {
              const from = draft.weeks.indexOf(copying.week) + 1;
              const to = weekKeys.map((key) => draft.weeks.findIndex((week) => week.key === key) + 1);
              remove(
                { type: 'copyDayToWeeks', dayKey: copying.day.key, weekKeys },
                `Copied ${dayLabel(copying.position, copying.day.name)} of week ${from} to week${to.length === 1 ? '' : 's'} ${to.join(', ')}`,
              );
              closeDialog();
            }}
            onCancel={closeDialog}
          />
        )}
      </div>
    </BuilderContext>
  );
}

const dayLabel = (position: number, name: string) => `Day ${position + 1}${name.trim() ? ` (${name.trim()})` : ''}`;
