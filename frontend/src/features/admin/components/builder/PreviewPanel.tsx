import { useMemo } from 'react';
import type { PlanPreview, RoundingMode } from '@liftplan/domain';
import { formatReps } from '@/lib/format';
import type { PlanDraft, SetRow, Unit } from '../../builder/builder-state';
import { previewOfWeek, type PreviewRequest, type PreviewSettings } from '../../builder/preview-request';
import { useBuilder } from './builder-context';

type Props = {
  draft: PlanDraft;
  /** The week being edited: the preview shows it. */
  weekIndex: number;
  tmExerciseIds: number[];
  settings: PreviewSettings;
  onSettingsChange: (settings: PreviewSettings) => void;
  /** The request the shown preview answers, and the answer. */
  result: { request: PreviewRequest; preview: PlanPreview } | undefined;
  isUpdating: boolean;
  error: string | null;
};

/**
 * Sample TMs in, the selected week's prescribed weights out — computed by the API exactly as for a real workout.
 * The same sample TMs feed the projection.
 */
export function PreviewPanel({
  draft,
  weekIndex,
  tmExerciseIds,
  settings,
  onSettingsChange,
  result,
  isUpdating,
  error,
}: Props) {
  const { exerciseById } = useBuilder();
  const nameOf = (id: number) => exerciseById.get(id)?.name ?? `Exercise ${id}`;
  const week = draft.weeks[weekIndex]!;
  const several = draft.weeks.length > 1;
  const shown = result ? previewOfWeek(result.request, result.preview, week.key) : undefined;
  const setsByKey = useMemo(() => {
    const map = new Map<string, SetRow>();
    for (const day of week.days) for (const slot of day.slots) for (const set of slot.sets) map.set(set.key, set);
    return map;
  }, [week]);
  const setUnit = (unit: Unit) => {
    const wasDefault = settings.increment === '' || settings.increment === (settings.unit === 'kg' ? '2.5' : '5');
    onSettingsChange({ ...settings, unit, increment: wasDefault ? (unit === 'kg' ? '2.5' : '5') : settings.increment });
  };

  return (
    <section className="builder-section preview" aria-labelledby="preview-heading">
      <h2 className="builder-section__title" id="preview-heading">
        Preview{several && ` · Week ${weekIndex + 1}`}
        {week.isDeload && <span className="week-tab__badge">Deload</span>}
      </h2>
      <p className="muted">
        Sample training maxes → the weights a lifter is prescribed, rounded by the server exactly as in a real workout.
      </p>
      <div className="preview__settings">
        {tmExerciseIds.map((id) => (
          <div className="field" key={id}>
            <label className="field__label" htmlFor={`preview-tm-${id}`}>
              {nameOf(id)} TM
            </label>
            <input
              id={`preview-tm-${id}`}
              className="field__input set-grid__number"
              inputMode="decimal"
              autoComplete="off"
              value={settings.trainingMaxes[id] ?? ''}
              onChange={(event) =>
                onSettingsChange({
                  ...settings,
                  trainingMaxes: { ...settings.trainingMaxes, [id]: event.target.value },
                })
              }
            />
          </div>
        ))}
        <div className="field">
          <label className="field__label" htmlFor="preview-unit">
            Unit
          </label>
          <select
            id="preview-unit"
            className="field__input"
            value={settings.unit}
            onChange={(event) => setUnit(event.target.value as Unit)}
          >
            <option value="kg">kg</option>
            <option value="lb">lb</option>
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="preview-increment">
            Increment
          </label>
          <input
            id="preview-increment"
            className="field__input set-grid__number"
            inputMode="decimal"
            value={settings.increment}
            onChange={(event) => onSettingsChange({ ...settings, increment: event.target.value })}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="preview-rounding">
            Rounding
          </label>
          <select
            id="preview-rounding"
            className="field__input"
            value={settings.rounding}
            onChange={(event) => onSettingsChange({ ...settings, rounding: event.target.value as RoundingMode })}
          >
            <option value="nearest">Nearest</option>
            <option value="down">Down</option>
          </select>
        </div>
      </div>

      <p className="preview__status" role="status">
        {error
          ? `Preview unavailable: ${error}`
          : isUpdating
            ? 'Updating…'
            : !shown
              ? `Choose an exercise and enter sets${several ? ' in this week' : ''} to see weights.`
              : ''}
      </p>

      {result && shown && (
        <div className={`preview__days${isUpdating ? ' preview__days--stale' : ''}`}>
          {shown.week.days.map((day, d) => {
            const origin = shown.origin.days[d];
            const dayIndex = week.days.findIndex((candidate) => candidate.key === origin?.dayKey);
            if (!origin || dayIndex === -1) return null;
            const draftDay = week.days[dayIndex]!;
            return (
              <section key={origin.dayKey} className="preview__day" aria-label={`Preview of day ${dayIndex + 1}`}>
                <h3 className="preview__day-title">
                  Day {dayIndex + 1}
                  {draftDay.name.trim() && ` · ${draftDay.name.trim()}`}
                </h3>
                {day.exercises.map((exercise) => {
                  const slotOrigin = origin.slots[exercise.sortOrder - 1];
                  const slot = draftDay.slots.find((candidate) => candidate.key === slotOrigin?.slotKey);
                  const title = slot?.displayName.trim() || nameOf(exercise.exerciseId);
                  const missingTm = exercise.sets.some((set) => set.weight === null && set.percentage !== null);
                  return (
                    <div key={slotOrigin?.slotKey ?? exercise.sortOrder} className="preview__slot">
                      <h4 className="preview__slot-title">
                        <span className="tier">{exercise.tier}</span> {title}
                        {exercise.tmExerciseId !== exercise.exerciseId && (
                          <span className="muted"> (TM: {nameOf(exercise.tmExerciseId)})</span>
                        )}
                      </h4>
                      {missingTm ? (
                        <p className="muted">
                          Enter a sample TM for{' '}
                          <a
                            href={`#preview-tm-${exercise.tmExerciseId}`}
                            onClick={focusById(`preview-tm-${exercise.tmExerciseId}`)}
                          >
                            {nameOf(exercise.tmExerciseId)}
                          </a>
                          .
                        </p>
                      ) : (
                        <ol className="preview__sets">
                          {exercise.sets.map((set) => {
                            const draftSet = setsByKey.get(slotOrigin?.setKeys[set.setOrder - 1] ?? '');
                            const progression = draftSet?.isProgression ?? false;
                            const reps = formatReps(set.reps, set.isAmrap, set.repsMax);
                            const className = [
                              'preview__set',
                              progression && 'preview__set--progression',
                              set.kind === 'warmup' && 'preview__set--warmup',
                            ]
                              .filter(Boolean)
                              .join(' ');
                            return (
                              <li key={set.setOrder} className={className}>
                                {set.weight === null ? (
                                  <>
                                    {reps} reps <span className="muted">(lifter’s weight)</span>
                                  </>
                                ) : (
                                  <>
                                    <span className="preview__weight">
                                      {set.weight} {result.preview.unit}
                                    </span>{' '}
                                    × {reps}
                                  </>
                                )}
                                {set.kind === 'warmup' && <span className="visually-hidden"> (warm-up)</span>}
                                {progression && <span className="visually-hidden"> (progression set)</span>}
                              </li>
                            );
                          })}
                        </ol>
                      )}
                    </div>
                  );
                })}
              </section>
            );
          })}
          {week.days.some((day) => !shown.origin.days.some((origin) => origin.dayKey === day.key)) && (
            <p className="muted">Days without a complete exercise (an exercise with valid sets) are not shown yet.</p>
          )}
        </div>
      )}
    </section>
  );
}

function focusById(id: string) {
  return (event: { preventDefault: () => void }) => {
    event.preventDefault();
    document.getElementById(id)?.focus();
  };
}
