import { WORKOUT_NOTE_MAX, type WorkoutDto } from '@liftplan/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, useSyncExternalStore } from 'react';
import { PENDING_NOTE_CHANGED, pendingNote, saveNoteDurably } from '../api/note-outbox';
import '../logging.css';

function subscribeKeptNote(callback: () => void) {
  window.addEventListener(PENDING_NOTE_CHANGED, callback);
  window.addEventListener('storage', callback);
  return () => {
    window.removeEventListener(PENDING_NOTE_CHANGED, callback);
    window.removeEventListener('storage', callback);
  };
}

/** Whether this workout's note waits on this device for the server, following the outbox. */
function useNoteKept(workoutId: number): boolean {
  return useSyncExternalStore(
    subscribeKeptNote,
    () => pendingNote(workoutId) !== undefined,
    () => false,
  );
}

/**
 * The lifter's note on the whole workout (PATCH /api/workouts/:id { note }): editable during the workout and after it,
 * saved when the field is left. Like the sets, it is kept on this device until the server has it (offline it syncs
 * later); a save refused for good keeps the text in the field and says so.
 */
export function WorkoutNote({ workout }: { workout: WorkoutDto }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<string | null>(null);
  const kept = useNoteKept(workout.id);
  const mutation = useMutation({
    // Offline is exactly when this must still run: the outbox keeps the note until it can be sent.
    networkMode: 'always',
    mutationFn: (note: string | null) => saveNoteDurably(workout.id, note, queryClient),
    onSuccess: () => setDraft(null),
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
      <NoteStatus mutation={mutation} kept={kept} editing={draft !== null} />
    </section>
  );
}

type NoteStatusProps = {
  mutation: { isPending: boolean; isSuccess: boolean; isError: boolean; error: Error | null };
  kept: boolean;
  editing: boolean;
};

function NoteStatus({ mutation, kept, editing }: NoteStatusProps) {
  if (mutation.isPending) return <p className="workout-note__status muted">Saving…</p>;
  if (mutation.isError) {
    return (
      <p className="workout-note__status" role="alert">
        The note was not saved: {mutation.error?.message}. It stays here; leave the field again to retry.
      </p>
    );
  }
  if (kept) {
    return <p className="workout-note__status muted">Kept on this device — it syncs when you're back online.</p>;
  }
  if (mutation.isSuccess && !editing) return <p className="workout-note__status muted">Note saved</p>;
  return null;
}
