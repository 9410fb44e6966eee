import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useMemo, useReducer, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { ExerciseDto, PlanDetailDto, PlanPreview, UserDto } from 'backend/src/contracts';
import { Button } from '@/components/Button';
import { ErrorMessage } from '@/components/ErrorMessage';
import { TextField } from '@/components/TextField';
import { ApiError } from '@/lib/api-client';
import { flashState } from '@/lib/flash';
import { adminKeys } from '../../api/admin-keys';
import { previewPlan, useSavePlan } from '../../api/plans-api';
import {
  describeField,
  domIdOf,
  mapApiIssues,
  orderedErrorIds,
  validateDraft,
  withoutField,
  type FieldErrors,
} from '../../builder/builder-errors';
import {
  builderReducer,
  draftFromPlan,
  draftToPlanBody,
  hasContent,
  MAX_DAYS,
  rekeyDraft,
  requiredTmExerciseIds,
  slugify,
  type BuilderAction,
  type PlanDraft,
} from '../../builder/builder-state';
import { clearStoredDraft, comparableDraft, draftStorageKey, readStoredDraft, writeStoredDraft, type StoredDraft } from '../../builder/plan-draft-storage';
import { buildPreviewRequest, weightsBySetKey, type PreviewRequest, type PreviewSettings } from '../../builder/preview-request';
import { useUnsavedChangesGuard } from '../../builder/use-unsaved-changes-guard';
import { useDebouncedValue } from '../../use-debounced-value';
import { adminErrorMessage } from '../admin-errors';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { Dialog } from '@/components/Dialog';
import { BuilderContext, type BuilderContextValue } from './builder-context';
import { DayCard } from './DayCard';
import { controlProps, FieldMessage } from './field-errors';
import { PreviewPanel } from './PreviewPanel';
import { RulesEditor } from './RulesEditor';

const DEFAULT_SAMPLE_TM = '100';
const PREVIEW_DEBOUNCE_MS = 350;
const AUTOSAVE_DEBOUNCE_MS = 500;

export type PlanBuilderProps = {
  /** null: a new plan. */
  plan: PlanDetailDto | null;
  /** Lifters currently on the plan (from the plans list), for the versioning note. */
  activeSubscribers: number;
  exercises: ExerciseDto[];
  user: UserDto;
  initialDraft: PlanDraft;
};

type Removal = { label: string; previous: PlanDraft };
type Pending = { kind: 'dayCount'; count: number } | { kind: 'subscribers' } | { kind: 'saveAsNew' } | null;

export function PlanBuilder({ plan, activeSubscribers, exercises, user, initialDraft }: PlanBuilderProps) {
  const navigate = useNavigate();
  const planId = plan?.id ?? null;
  const [draft, dispatch] = useReducer(builderReducer, initialDraft);
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const [baseline, setBaseline] = useState(() => comparableDraft(initialDraft));
  const [saved, setSaved] = useState<PlanDetailDto | null>(plan);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string[] | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const [removal, setRemoval] = useState<Removal | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const save = useSavePlan();

  const exerciseById = useMemo(() => new Map(exercises.map((exercise) => [exercise.id, exercise])), [exercises]);
  const comparable = useMemo(() => comparableDraft(draft), [draft]);
  const isDirty = comparable !== baseline;

  // ---------- errors ----------
  const clientErrors = useMemo(() => validateDraft(draft), [draft]);
  // The same object while the messages are the same, so an edit re-renders only the item it touches.
  const errors = useStableValue(useMemo(() => ({ ...(submitted ? clientErrors : {}), ...serverErrors }), [submitted, clientErrors, serverErrors]));
  const errorIds = useMemo(() => orderedErrorIds(draft, errors), [draft, errors]);

  useEffect(() => {
    if (focusRequest === 0) return;
    const first = orderedErrorIds(draftRef.current, errors)[0];
    const element = first ? document.getElementById(domIdOf(first)) : null;
    element?.scrollIntoView?.({ block: 'center' });
    element?.focus({ preventScroll: true });
    // Only when a save asked for it (errors are read as they were then), not on every change of errors.
  }, [focusRequest]);

  // ---------- edits ----------
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

  // ---------- local draft (survives Back, a reload, a crash, an expired session) ----------
  const storageKey = draftStorageKey(user.id, planId);
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
      if (!discarded.current) writeStoredDraft(storageKey, { savedAt: new Date().toISOString(), basedOn: saved?.updatedAt ?? null, draft: draftRef.current });
    }, AUTOSAVE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [comparable, isDirty, stored, storageKey, saved?.updatedAt]);

  const guard = useUnsavedChangesGuard(isDirty);

  // ---------- preview ----------
  const tmExerciseIds = useMemo(() => requiredTmExerciseIds(draft), [draft]);
  const [settings, setSettings] = useState<PreviewSettings>({
    trainingMaxes: {},
    unit: user.unitPreference,
    increment: String(user.weightIncrement),
  });
  const effectiveSettings = useMemo<PreviewSettings>(
    () => ({ ...settings, trainingMaxes: Object.fromEntries(tmExerciseIds.map((id) => [id, settings.trainingMaxes[id] ?? DEFAULT_SAMPLE_TM])) }),
    [settings, tmExerciseIds],
  );
  const previewRequest = useMemo(() => buildPreviewRequest(draft, effectiveSettings), [draft, effectiveSettings]);
  const requestJson = previewRequest ? JSON.stringify(previewRequest.body) : null;
  const requests = useRef(new Map<string, PreviewRequest>());
  if (previewRequest && requestJson) {
    requests.current.set(requestJson, previewRequest);
    if (requests.current.size > 30) requests.current.delete(requests.current.keys().next().value!);
  }
  const debouncedJson = useDebouncedValue(requestJson, PREVIEW_DEBOUNCE_MS);
  const preview = useQuery({
    queryKey: adminKeys.preview(debouncedJson ?? ''),
    queryFn: async ({ signal }): Promise<{ request: PreviewRequest; preview: PlanPreview }> => {
      const request = requests.current.get(debouncedJson!)!;
      return { request, preview: (await previewPlan(request.body, signal)).preview };
    },
    enabled: debouncedJson !== null && requests.current.has(debouncedJson),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 60_000,
  });
  const result = requestJson === null ? undefined : preview.data;
  const weights = useMemo(() => (result ? weightsBySetKey(result.request, result.preview) : {}), [result]);

  const context = useMemo<BuilderContextValue>(
    () => ({ exercises, exerciseById, errors, weights, previewUnit: result?.preview.unit ?? effectiveSettings.unit, act, remove }),
    [exercises, exerciseById, errors, weights, result, effectiveSettings.unit, act, remove],
  );

  // ---------- saving ----------
  const savedStructure = useMemo(() => (saved ? structureOf(draftFromPlan(saved)) : null), [saved]);
  const structureChanged = useMemo(() => savedStructure === null || structureOf(draft) !== savedStructure, [draft, savedStructure]);

  function handleSave(event?: FormEvent) {
    event?.preventDefault();
    if (save.isPending) return;
    setSubmitted(true);
    setFormError(null);
    if (Object.keys(clientErrors).length > 0) {
      setFocusRequest((n) => n + 1);
      return;
    }
    if (planId !== null && activeSubscribers > 0 && structureChanged) {
      setPending({ kind: 'subscribers' });
      return;
    }
    submit();
  }

  function submit() {
    const sent = draftRef.current;
    setPending(null);
    save.mutate(
      { id: planId, body: draftToPlanBody(sent), expectedUpdatedAt: saved?.updatedAt },
      {
        onSuccess: ({ plan: result }) => {
          discarded.current = true;
          clearStoredDraft(storageKey);
          setServerErrors({});
          setSubmitted(false);
          if (planId === null) {
            setBaseline(comparableDraft(sent)); // lets the navigation through the guard
            navigate(`/admin/plans/${result.id}/edit`, {
              replace: true,
              state: flashState(`Created “${result.name}” (version ${result.version}). ${result.isPublic ? 'It is public: lifters can subscribe now.' : 'It is private: lifters don’t see it yet.'}`, 'success'),
            });
            return;
          }
          const next = draftFromPlan(result);
          dispatch({ type: 'replace', draft: next });
          setBaseline(comparableDraft(next));
          setNotice(savedMessage(saved, result, activeSubscribers));
          setSaved(result);
          discarded.current = false;
        },
        onError: (error) => showSaveError(error, sent),
      },
    );
  }

  function showSaveError(error: unknown, sent: PlanDraft) {
    if (error instanceof ApiError && error.fieldIssues.length > 0) {
      const mapped = mapApiIssues(sent, error.fieldIssues);
      setServerErrors(mapped.fields);
      setFormError(mapped.unmapped.length > 0 ? [error.message, ...mapped.unmapped] : null);
      setFocusRequest((n) => n + 1);
    } else {
      setFormError([adminErrorMessage(error)]);
    }
  }

  // Ctrl/⌘ + S saves.
  const saveRef = useRef(handleSave);
  saveRef.current = handleSave;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        saveRef.current();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  function changeDayCount(count: number) {
    if (count < draft.days.length && hasContent(draft.days.slice(count))) setPending({ kind: 'dayCount', count });
    else act({ type: 'setDayCount', count }, 'days');
  }

  const focusDayName = useRef(false);
  useEffect(() => {
    if (!focusDayName.current) return;
    focusDayName.current = false;
    const last = draft.days.at(-1);
    if (last) document.getElementById(domIdOf(`day:${last.key}:name`))?.focus();
  }, [draft.days]);

  const nameOf = (id: number) => exerciseById.get(id)?.name;
  const headerError = (field: 'name' | 'slug' | 'description') => errors[field];

  return (
    <BuilderContext value={context}>
      <div className="page admin-page plan-builder">
        <div className="admin-page__header">
          <div>
            <h1 className="page__title">{planId === null ? 'New plan' : `Edit ${saved?.name ?? 'plan'}`}</h1>
            {saved && (
              <p className="muted">
                Version {saved.version} · {activeSubscribers} active lifter{activeSubscribers === 1 ? '' : 's'} · {saved.isPublic ? 'public' : 'private'}
              </p>
            )}
          </div>
          <Link className="button button--secondary" to="/admin/plans">
            All plans
          </Link>
        </div>

        {stored && (
          <div className="admin-notice admin-notice--warning" role="alert">
            <p>
              You have unsaved changes to {planId === null ? 'a new plan' : 'this plan'} from {new Date(stored.savedAt).toLocaleString()}.
              {plan && stored.basedOn !== null && stored.basedOn !== plan.updatedAt && ' The plan has been saved since then: restoring replaces those changes.'}
            </p>
            <div className="button-row">
              <Button
                onClick={() => {
                  act({ type: 'replace', draft: rekeyDraft(stored.draft) });
                  setStored(null);
                }}
              >
                Restore my changes
              </Button>
              <Button
                variant="secondary"
                onClick={() => {
                  clearStoredDraft(storageKey);
                  setStored(null);
                }}
              >
                Discard them
              </Button>
            </div>
          </div>
        )}

        <div className="plan-builder__layout">
          <div className="plan-builder__main">
            <section className="builder-section" aria-labelledby="plan-heading">
              <h2 className="builder-section__title" id="plan-heading">
                Plan
              </h2>
              <div className="plan-header">
                <div className={`field plan-header__name${headerError('name') ? ' field--invalid' : ''}`}>
                  <label className="field__label" htmlFor={domIdOf('name')}>
                    Name
                  </label>
                  <input
                    {...controlProps(errors, 'name')}
                    className="field__input"
                    maxLength={100}
                    value={draft.name}
                    onChange={(event) => act({ type: 'setHeader', field: 'name', value: event.target.value }, draft.slugTouched ? 'name' : ['name', 'slug'])}
                  />
                  <FieldMessage errors={errors} id="name" />
                </div>
                <div className={`field plan-header__slug${headerError('slug') ? ' field--invalid' : ''}`}>
                  <label className="field__label" htmlFor={domIdOf('slug')}>
                    Slug
                  </label>
                  <input
                    {...controlProps(errors, 'slug')}
                    aria-describedby={[errors.slug && `${domIdOf('slug')}-error`, 'slug-hint'].filter(Boolean).join(' ')}
                    className="field__input"
                    maxLength={80}
                    spellCheck={false}
                    value={draft.slug}
                    onChange={(event) => act({ type: 'setHeader', field: 'slug', value: event.target.value }, 'slug')}
                    onBlur={() => {
                      if (draft.slug && slugify(draft.slug) !== draft.slug) act({ type: 'setHeader', field: 'slug', value: slugify(draft.slug) }, 'slug');
                    }}
                  />
                  <FieldMessage errors={errors} id="slug" />
                  <p className="field__hint" id="slug-hint">
                    {draft.slugTouched ? 'Its address and identifier.' : 'Suggested from the name.'}
                  </p>
                </div>
                <div className="field plan-header__days">
                  <label className="field__label" htmlFor={domIdOf('days')}>
                    Days / week
                  </label>
                  <select {...controlProps(errors, 'days')} className="field__input" value={draft.days.length} onChange={(event) => changeDayCount(Number(event.target.value))}>
                    {Array.from({ length: MAX_DAYS }, (_, i) => (
                      <option key={i + 1} value={i + 1}>
                        {i + 1}
                      </option>
                    ))}
                  </select>
                  <FieldMessage errors={errors} id="days" />
                </div>
                <label className="choice plan-header__public">
                  <input type="checkbox" checked={draft.isPublic} onChange={(event) => act({ type: 'setPublic', value: event.target.checked })} /> Public
                  (lifters can find and subscribe)
                </label>
                <div className={`field plan-header__description${headerError('description') ? ' field--invalid' : ''}`}>
                  <label className="field__label" htmlFor={domIdOf('description')}>
                    Description <span className="muted">(optional)</span>
                  </label>
                  <textarea
                    {...controlProps(errors, 'description')}
                    className="field__input"
                    rows={2}
                    maxLength={2000}
                    value={draft.description}
                    onChange={(event) => act({ type: 'setHeader', field: 'description', value: event.target.value }, 'description')}
                  />
                  <FieldMessage errors={errors} id="description" />
                </div>
              </div>
            </section>

            <section className="builder-section" aria-labelledby="days-heading">
              <h2 className="builder-section__title" id="days-heading">
                Days
              </h2>
              <datalist id="plan-builder-tiers">
                <option value="T1" />
                <option value="T2" />
                <option value="T3" />
              </datalist>
              {draft.days.map((day, i) => (
                <DayCard key={day.key} day={day} position={i} count={draft.days.length} />
              ))}
              <button
                type="button"
                className="button button--secondary"
                disabled={draft.days.length >= MAX_DAYS}
                onClick={() => {
                  focusDayName.current = true;
                  act({ type: 'addDay' }, 'days');
                }}
              >
                + Add day
              </button>
            </section>

            <RulesEditor rules={draft.rules} />
          </div>

          <aside className="plan-builder__aside">
            <PreviewPanel
              draft={draft}
              tmExerciseIds={tmExerciseIds}
              settings={effectiveSettings}
              onSettingsChange={setSettings}
              result={result}
              isUpdating={requestJson !== null && (requestJson !== debouncedJson || preview.isFetching)}
              error={preview.isError && requestJson === debouncedJson ? adminErrorMessage(preview.error) : null}
            />
          </aside>
        </div>

        <div className="save-bar">
          {removal && (
            <p className="save-bar__undo" role="status">
              {removal.label}.{' '}
              <button
                type="button"
                className="button button--ghost"
                onClick={() => {
                  dispatch({ type: 'replace', draft: removal.previous });
                  setRemoval(null);
                }}
              >
                Undo
              </button>
            </p>
          )}
          {notice && (
            <p className="save-bar__notice" role="status">
              {notice}
            </p>
          )}
          {(errorIds.length > 0 || formError) && (
            <div className="error-summary" role="alert">
              <p className="error-summary__title">
                {errorIds.length > 0
                  ? `${errorIds.length} problem${errorIds.length === 1 ? '' : 's'} to fix before saving:`
                  : 'The plan could not be saved:'}
              </p>
              <ul>
                {formError?.map((message) => <li key={message}>{message}</li>)}
                {errorIds.slice(0, 8).map((id) => (
                  <li key={id}>
                    <a
                      href={`#${domIdOf(id)}`}
                      onClick={(event) => {
                        event.preventDefault();
                        const element = document.getElementById(domIdOf(id));
                        element?.scrollIntoView?.({ block: 'center' });
                        element?.focus({ preventScroll: true });
                      }}
                    >
                      {describeField(draft, id, nameOf)}
                    </a>
                    : {errors[id]}
                  </li>
                ))}
                {errorIds.length > 8 && <li>…and {errorIds.length - 8} more</li>}
              </ul>
            </div>
          )}
          <div className="button-row">
            <Button onClick={() => handleSave()} isLoading={save.isPending && pending === null}>
              {planId === null ? 'Create plan' : 'Save changes'}
            </Button>
            {planId !== null && (
              <Button variant="secondary" onClick={() => setPending({ kind: 'saveAsNew' })}>
                Save as new plan…
              </Button>
            )}
            <span className="save-bar__state muted" aria-live="polite">
              {isDirty ? 'Unsaved changes' : planId === null ? '' : 'All changes saved'}
            </span>
            {planId !== null && saved && (
              <p className="save-bar__versioning muted">
                {activeSubscribers > 0
                  ? `${activeSubscribers} lifter${activeSubscribers === 1 ? ' is' : 's are'} on version ${saved.version} and ${activeSubscribers === 1 ? 'keeps' : 'keep'} it: changes to days, exercises, sets or rules publish version ${saved.version + 1} for new subscribers. Name, slug, description and visibility change for everyone.`
                  : `Nobody is on this plan: changes apply to whoever subscribes next.`}
              </p>
            )}
          </div>
        </div>

        {guard.pendingHref !== null && (
          <ConfirmDialog
            title="Leave without saving?"
            confirmLabel="Discard changes and leave"
            cancelLabel="Keep editing"
            danger
            onConfirm={() => {
              discarded.current = true;
              clearStoredDraft(storageKey);
              guard.confirmLeave();
            }}
            onCancel={guard.cancelLeave}
          >
            <p>Your changes to {draft.name.trim() ? `“${draft.name.trim()}”` : 'this plan'} are not saved yet.</p>
          </ConfirmDialog>
        )}
        {pending?.kind === 'dayCount' && (
          <ConfirmDialog
            title={`Remove day${draft.days.length - pending.count > 1 ? 's' : ''} ${pending.count + 1}${draft.days.length - pending.count > 1 ? `–${draft.days.length}` : ''}?`}
            confirmLabel="Remove"
            danger
            onConfirm={() => {
              remove({ type: 'setDayCount', count: pending.count }, `Removed days after day ${pending.count}`);
              setPending(null);
            }}
            onCancel={() => setPending(null)}
          >
            <p>Going to {pending.count} days a week removes the last days and the exercises in them.</p>
          </ConfirmDialog>
        )}
        {pending?.kind === 'subscribers' && saved && (
          <ConfirmDialog
            title={`Publish version ${saved.version + 1}?`}
            confirmLabel={`Save as version ${saved.version + 1}`}
            isLoading={save.isPending}
            onConfirm={submit}
            onCancel={() => setPending(null)}
          >
            <p>
              {activeSubscribers} lifter{activeSubscribers === 1 ? ' is' : 's are'} on version {saved.version}. They keep it — their workouts don’t
              change. Version {saved.version + 1} is what new subscribers (and lifters who re-subscribe) get.
            </p>
          </ConfirmDialog>
        )}
        {pending?.kind === 'saveAsNew' && (
          <SaveAsNewDialog
            draft={draft}
            onCancel={() => setPending(null)}
            onStructureErrors={(error, sent) => {
              setPending(null);
              setSubmitted(true);
              showSaveError(error, sent);
            }}
            onCreated={(created) => {
              setPending(null);
              setBaseline(comparable); // this plan's own edits are now in the copy: leave without asking
              discarded.current = true;
              clearStoredDraft(storageKey);
              navigate(`/admin/plans/${created.id}/edit`, { state: flashState(`Saved as a new plan: “${created.name}”. “${saved?.name}” is unchanged.`, 'success') });
            }}
          />
        )}
      </div>
    </BuilderContext>
  );
}

function useStableValue<T>(value: T): T {
  const ref = useRef(value);
  if (ref.current !== value && JSON.stringify(ref.current) !== JSON.stringify(value)) ref.current = value;
  return ref.current;
}

/** What a new version is made of (days, slots, sets, rules), to tell a structural edit from a header edit. */
function structureOf(draft: PlanDraft): string {
  const body = draftToPlanBody(draft);
  return JSON.stringify([body.days, body.progressionRules]);
}

function savedMessage(before: PlanDetailDto | null, after: PlanDetailDto, activeSubscribers: number): string {
  if (!before || after.version === before.version) return `Saved. The structure didn’t change, so it is still version ${after.version}.`;
  if (activeSubscribers > 0) {
    return `Saved as version ${after.version}. The ${activeSubscribers} lifter${activeSubscribers === 1 ? '' : 's'} on version ${before.version} keep${activeSubscribers === 1 ? 's' : ''} it; new subscribers get version ${after.version}.`;
  }
  return `Saved as version ${after.version}.`;
}

function SaveAsNewDialog({
  draft,
  onCancel,
  onCreated,
  onStructureErrors,
}: {
  draft: PlanDraft;
  onCancel: () => void;
  onCreated: (plan: PlanDetailDto) => void;
  onStructureErrors: (error: unknown, sent: PlanDraft) => void;
}) {
  const save = useSavePlan();
  const formId = useId();
  const [name, setName] = useState(`${draft.name.trim()} (copy)`);
  const [slug, setSlug] = useState(slugify(`${draft.slug}-copy`));
  const [errors, setErrors] = useState<{ name?: string; slug?: string; form?: string }>({});
  const invalidDraft = Object.keys(validateDraft({ ...draft, name: name || 'x', slug: slug || 'xx' })).length > 0;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const sent = { ...draft, name, slug };
    save.mutate(
      { id: null, body: draftToPlanBody(sent) },
      {
        onSuccess: ({ plan }) => onCreated(plan),
        onError: (error) => {
          const fields = error instanceof ApiError ? error.fieldErrors() : {};
          const issues = error instanceof ApiError ? error.fieldIssues : [];
          if (issues.length > 0 && issues.every((issue) => issue.path === 'name' || issue.path === 'slug')) {
            setErrors({ name: fields.name, slug: fields.slug });
          } else if (issues.length > 0) {
            onStructureErrors(error, sent);
          } else {
            setErrors({ form: adminErrorMessage(error) });
          }
        },
      },
    );
  }

  return (
    <Dialog
      title="Save as a new plan"
      onClose={onCancel}
      actions={
        <>
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" form={formId} isLoading={save.isPending} disabled={invalidDraft}>
            Create the new plan
          </Button>
        </>
      }
    >
      <form id={formId} className="form" noValidate onSubmit={handleSubmit}>
        {errors.form && <ErrorMessage message={errors.form} />}
        {invalidDraft && <ErrorMessage message="Fix the problems in the plan first (Save shows them)." />}
        <p>Creates a separate plan from what is on screen, with no lifters. The plan you are editing stays as it was last saved.</p>
        <TextField label="Name" name="name" data-autofocus value={name} onChange={(event) => setName(event.target.value)} error={errors.name} />
        <TextField label="Slug" name="slug" value={slug} onChange={(event) => setSlug(event.target.value)} error={errors.slug} />
      </form>
    </Dialog>
  );
}
