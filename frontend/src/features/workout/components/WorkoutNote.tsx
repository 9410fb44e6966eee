import { WORKOUT_NOTE_MAX, type WorkoutDto } from '@liftplan/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { saveWorkoutNote } from '../api/workout-note-api';
import { workoutKeys } from '../api/workout-api';
import '../logging.css';

/**
 * The lifter's note on the whole workout (PATCH /api/workouts/:id { note }): editable during the workout and after it,
 * saved when the field is left. A failed save keeps the text in the field and says so.
 */
export function WorkoutNote({ workout }: { workout: WorkoutDto }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (note: string | null) => saveWorkoutNote(workout.id, note),
    onSuccess: ({ workout: saved }) => {
      queryClient.setQueryData<WorkoutDto>(workoutKeys.detail(workout.id), (current) =>
        current ? { ...current, note: saved.note } : current,
      );
      setDraft(null);
    },
  });
  const text = draft ?? workout.note ?? '';
  if (workout.status === 'skipped') return null;

  const commit = () => {
    if (draft === null) return;
    const note = draft.trim() === '' ? null : draft.trim();
    if (note === workout.note) return setDraft(null);
    mutation.mutate(note);
  };

  return (
    <section className="card workout-note" aria-labelledby={`${id}-title`}>
      <label id={`${id}-title`} htmlFor={id}>
        Workout note
      </label>
      <textarea
        id={id}
        rows={2}
        maxLength={WORKOUT_NOTE_MAX}
        placeholder="How did it go? Sleep, pain, anything to remember."
        value={text}
        onFocus={() => setDraft(text)}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
      />
      {mutation.isPending && <p className="workout-note__status muted">Saving…</p>}
      {mutation.isSuccess && draft === null && <p className="workout-note__status muted">Note saved</p>}
      {mutation.isError && (
        <p className="workout-note__status" role="alert">
          The note was not saved: {mutation.error.message}. It stays here; leave the field again to retry.
        </p>
      )}
    </section>
  );
}
