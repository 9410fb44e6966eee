import type { ExerciseDto } from '@liftplan/domain';
import { useId, useState } from 'react';
import { useExerciseSearch } from '../api/workout-changes-api';

type ExercisePickerProps = {
  label: string;
  selected: ExerciseDto | null;
  onSelect: (exercise: ExerciseDto) => void;
  /** Exercises not offered (the slot's own exercise when swapping). */
  excludeIds?: number[];
};

/**
 * Searches the exercise library on the server (fuzzy, accent- and typo-tolerant, debounced) and lists the matches
 * as toggle buttons; the number of matches is announced. Gets the dialog's first focus (data-autofocus).
 */
export function ExercisePicker({ label, selected, onSelect, excludeIds = [] }: ExercisePickerProps) {
  const [term, setTerm] = useState('');
  const inputId = useId();
  const statusId = useId();
  const search = useExerciseSearch(term);
  const results = (term.trim() ? (search.data ?? []) : []).filter((e) => !excludeIds.includes(e.id)).slice(0, 12);

  let status: string;
  if (!term.trim()) status = 'Type a name, e.g. “curl” or “row”.';
  else if (search.isError) status = 'The search failed; check your connection and try again.';
  else if (search.isDebouncing || search.isFetching) status = 'Searching…';
  else if (results.length === 0) status = `No exercise matches “${term.trim()}”.`;
  else status = `${results.length} ${results.length === 1 ? 'exercise' : 'exercises'} found.`;

  return (
    <div className="exercise-picker">
      <label className="field__label" htmlFor={inputId}>
        {label}
      </label>
      <input
        id={inputId}
        type="search"
        className="field__input"
        value={term}
        onChange={(event) => setTerm(event.target.value)}
        autoComplete="off"
        spellCheck={false}
        maxLength={100}
        aria-describedby={statusId}
        data-autofocus
      />
      <p className="exercise-picker__status muted" id={statusId} role="status">
        {status}
      </p>
      {results.length > 0 && (
        <ul className="exercise-picker__results" aria-label={`Exercises matching “${term.trim()}”`}>
          {results.map((exercise) => (
            <li key={exercise.id}>
              <button
                type="button"
                className="exercise-picker__option"
                aria-pressed={selected?.id === exercise.id}
                onClick={() => onSelect(exercise)}
              >
                <span className="exercise-picker__name">{exercise.name}</span>
                <span className="exercise-picker__meta muted">
                  {[exercise.equipment, exercise.muscleGroup].filter(Boolean).join(' · ')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
