import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ExerciseDto } from '@liftplan/domain';
import { searchExercises } from '../../builder/exercise-search';

type Props = {
  id: string;
  label: string;
  value: number | null;
  exercises: ExerciseDto[];
  onChange: (exerciseId: number) => void;
  invalid?: boolean;
  describedBy?: string;
};

const MAX_OPTIONS = 12;

/**
 * Type-ahead exercise picker (ARIA combobox with a listbox): type part of a name or slug, ↑/↓ to move, Enter or a
 * click to choose, Escape to go back. Filters the already-loaded library, so it answers as fast as one types.
 */
export function ExercisePicker({ id, label, value, exercises, onChange, invalid, describedBy }: Props) {
  const selected = exercises.find((exercise) => exercise.id === value) ?? null;
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const options = useMemo(() => searchExercises(exercises, query ?? '').slice(0, MAX_OPTIONS), [exercises, query]);
  const activeOption = open ? options[Math.min(active, options.length - 1)] : undefined;

  function choose(exercise: ExerciseDto) {
    onChange(exercise.id);
    setQuery(null);
    setOpen(false);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) setOpen(true);
        else setActive((i) => Math.min(i + 1, options.length - 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setActive((i) => Math.max(i - 1, 0));
        break;
      case 'Enter':
        if (open && activeOption) {
          event.preventDefault();
          choose(activeOption);
        }
        break;
      case 'Escape':
        if (open || query !== null) {
          event.preventDefault();
          event.stopPropagation();
          setQuery(null);
          setOpen(false);
        }
        break;
    }
  }

  function handleBlur() {
    // A typed name that matches exactly counts as chosen; anything else goes back to the current choice.
    if (query !== null) {
      const q = query.trim().toLowerCase();
      const exact = exercises.find((exercise) => exercise.name.toLowerCase() === q || exercise.slug === q);
      if (exact && exact.id !== value) onChange(exact.id);
    }
    setQuery(null);
    setOpen(false);
  }

  return (
    <div className="combobox">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        className="field__input"
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        placeholder="Type to search…"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeOption ? `${listId}-${activeOption.id}` : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        value={query ?? selected?.name ?? ''}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={(event) => event.target.select()}
        onClick={() => setOpen(true)}
        onKeyDown={handleKeyDown}
        onBlur={handleBlur}
      />
      {open && options.length === 0 && (
        <p className="combobox__list combobox__empty" role="status">
          No exercise matches “{query}”
        </p>
      )}
      <ul
        className="combobox__list"
        id={listId}
        role="listbox"
        aria-label={label}
        hidden={!open || options.length === 0}
      >
        {open &&
          options.map((exercise) => (
            <li
              key={exercise.id}
              id={`${listId}-${exercise.id}`}
              role="option"
              aria-selected={exercise === activeOption}
              className="combobox__option"
              // Keep focus in the input, so blur doesn't close the list before the click lands.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(exercise)}
            >
              <span>{exercise.name}</span>
              <span className="combobox__meta">
                {[exercise.muscleGroup, exercise.isUpperBody ? 'upper' : 'lower'].filter(Boolean).join(' · ')}
              </span>
            </li>
          ))}
      </ul>
    </div>
  );
}
