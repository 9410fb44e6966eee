import type { PlanPreview } from '@liftplan/domain';
import type { PlanDraft, Unit } from '../../builder/builder-state';
import type { PreviewRequest, PreviewSettings } from '../../builder/preview-request';
import { useBuilder } from './builder-context';

type Props = {
  draft: PlanDraft;
  tmExerciseIds: number[];
  settings: PreviewSettings;
  onSettingsChange: (settings: PreviewSettings) => void;
  /** The request the shown preview answers, and the answer. */
  result: { request: PreviewRequest; preview: PlanPreview } | undefined;
  isUpdating: boolean;
  error: string | null;
};

/** Sample TMs in, every day's prescribed weights out — computed by the API exactly as for a real workout. */
export function PreviewPanel({ draft, tmExerciseIds, settings, onSettingsChange, result, isUpdating, error }: Props) {
  const { exerciseById } = useBuilder();
  const nameOf = (id: number) => exerciseById.get(id)?.name ?? `Exercise ${id}`;
  const setUnit = (unit: Unit) => {
    const wasDefault = settings.increment === '' || settings.increment === (settings.unit === 'kg' ? '2.5' : '5');
    onSettingsChange({ ...settings, unit, increment: wasDefault ? (unit === 'kg' ? '2.5' : '5') : settings.increment });
  };

  return (
    <section className="builder-section preview" aria-labelledby="preview-heading">
      <h2 className="builder-section__title" id="preview-heading">
        Preview
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
      </div>

      <p className="preview__status" role="status">
        {error
          ? `Preview unavailable: ${error}`
          : isUpdating
            ? 'Updating…'
            : !result
              ? 'Choose an exercise and enter sets to see weights.'
              : ''}
      </p>

      {result && (
        <div className={`preview__days${isUpdating ? ' preview__days--stale' : ''}`}>
          {result.preview.days.map((day, d) => {
            const origin = result.request.origin[d];
            const dayIndex = draft.days.findIndex((candidate) => candidate.key === origin?.dayKey);
            if (!origin || dayIndex === -1) return null;
            const draftDay = draft.days[dayIndex]!;
            return (
              <section key={origin.dayKey} className="preview__day" aria-label={`Preview of day ${dayIndex + 1}`}>
                <h3 className="preview__day-title">
                  Day {dayIndex + 1}
                  {draftDay.name.trim() && ` · ${draftDay.name.trim()}`}
                </h3>
                {day.exercises.map((exercise) => {
                  const slotKey = origin.slots[exercise.sortOrder - 1]?.slotKey;
                  const slot = draftDay.slots.find((candidate) => candidate.key === slotKey);
                  const title = slot?.displayName.trim() || nameOf(exercise.exerciseId);
                  return (
                    <div key={slotKey ?? exercise.sortOrder} className="preview__slot">
                      <h4 className="preview__slot-title">
                        <span className="tier">{exercise.tier}</span> {title}
                        {exercise.tmExerciseId !== exercise.exerciseId && (
                          <span className="muted"> (TM: {nameOf(exercise.tmExerciseId)})</span>
                        )}
                      </h4>
                      {exercise.sets.some((set) => set.weight === null) ? (
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
                          {exercise.sets.map((set) => (
                            <li
                              key={set.setOrder}
                              className={set.isProgression ? 'preview__set preview__set--progression' : 'preview__set'}
                            >
                              <span className="preview__weight">
                                {set.weight} {result.preview.unit}
                              </span>{' '}
                              × {set.reps}
                              {set.isAmrap ? '+' : ''}
                              {set.isProgression && <span className="visually-hidden"> (progression set)</span>}
                            </li>
                          ))}
                        </ol>
                      )}
                    </div>
                  );
                })}
              </section>
            );
          })}
          {draft.days.some((day) => !result.request.origin.some((origin) => origin.dayKey === day.key)) && (
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
