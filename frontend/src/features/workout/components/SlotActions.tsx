import type { WorkoutDto } from '@liftplan/domain';
import { useId, useRef, useState } from 'react';
import { Button } from '@/components/Button';
import { ErrorMessage } from '@/components/ErrorMessage';
import { useTrainingMaxes } from '@/lib/training-state';
import { useOnline } from '@/lib/use-online';
import { useAddWorkoutSet, useDeleteWorkoutSet } from '../api/workout-changes-api';
import { AddExerciseDialog } from './AddExerciseDialog';
import type { SetGroup } from './set-groups';
import { SwapExerciseDialog, type SwapSlot } from './SwapExerciseDialog';
import './workout-changes.css';

type SlotActionsProps = {
  workout: WorkoutDto;
  group: SetGroup;
  readOnly: boolean;
};

/** Adding, deleting and swapping need the server's answer: offline their buttons wait, and say why. */
function NeedsConnection({ id, children }: { id: string; children: string }) {
  return (
    <p className="needs-connection muted" id={id}>
      {children}
    </p>
  );
}

/** Under one exercise slot of an in-progress workout: "Add set", "Swap" and a delete button per added set. */
export function SlotActions({ workout, group, readOnly }: SlotActionsProps) {
  const online = useOnline();
  const offlineNoteId = useId();
  const [swapping, setSwapping] = useState(false);
  const [status, setStatus] = useState('');
  const container = useRef<HTMLDivElement>(null);
  const add = useAddWorkoutSet(workout.id);
  const remove = useDeleteWorkoutSet(workout.id);
  const first = group.sets[0]!;
  const exerciseName = first.exercise.name;
  const added = group.sets.filter((s) => s.isAdded);
  const open = group.sets.filter((s) => !s.completed);
  const tmExerciseId = (open[0] ?? first).tmExerciseId;
  const tmNameInWorkout =
    workout.sets.find((s) => s.exercise.id === tmExerciseId)?.exercise.name ??
    workout.sets.find((s) => s.swappedFrom?.id === tmExerciseId)?.swappedFrom?.name;
  const trainingMaxes = useTrainingMaxes({ enabled: swapping && tmNameInWorkout === undefined });
  const trainingMaxName =
    tmNameInWorkout ??
    trainingMaxes.data?.trainingMaxes.find((tm) => tm.exercise.id === tmExerciseId)?.exercise.name ??
    'the original';

  // A slot's warm-ups are a group of their own: its actions sit under its work sets, once.
  if (readOnly || group.kind === 'warmup') return null;

  const offline = online ? {} : { disabled: true, 'aria-describedby': offlineNoteId };
  const slot: SwapSlot = {
    exerciseOrder: first.exerciseOrder,
    exercise: { id: first.exerciseId, name: exerciseName },
    trainingMaxName,
    openSets: open.length,
    hasPercentSets: open.some((s) => s.percentage !== null),
    plannedExercise: open.find((s) => s.swappedFrom)?.swappedFrom ?? null,
  };

  return (
    <div className="slot-actions" ref={container}>
      <>
        <div className="slot-actions__buttons">
          <Button
            variant="secondary"
            isLoading={add.isPending}
            aria-label={`Add a set of ${exerciseName}`}
            {...offline}
            onClick={() =>
              add.mutate(
                { exerciseId: first.exerciseId, exerciseOrder: first.exerciseOrder },
                { onSuccess: ({ set }) => setStatus(`Set ${set.setOrder} of ${exerciseName} added.`) },
              )
            }
          >
            Add set
          </Button>
          {open.length > 0 && (
            <Button
              variant="secondary"
              aria-label={`Swap ${exerciseName} for today`}
              onClick={() => setSwapping(true)}
              {...offline}
            >
              Swap
            </Button>
          )}
          {added.map((set) => (
            <Button
              key={set.id}
              variant="ghost"
              className="button--destructive-text"
              isLoading={remove.isPending && remove.variables === set.id}
              aria-label={`Delete added set ${set.setOrder} of ${exerciseName}`}
              {...offline}
              onClick={() =>
                remove.mutate(set.id, {
                  onSuccess: () => {
                    setStatus(`Added set ${set.setOrder} of ${exerciseName} deleted.`);
                    container.current?.querySelector('button')?.focus();
                  },
                })
              }
            >
              Delete set {set.setOrder}
            </Button>
          ))}
        </div>
        {!online && (
          <NeedsConnection id={offlineNoteId}>Adding, deleting and swapping need a connection.</NeedsConnection>
        )}
        {add.isError && <ErrorMessage title="The set was not added" message={add.error.message} />}
        {remove.isError && <ErrorMessage title="The set was not deleted" message={remove.error.message} />}
      </>
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {swapping && (
        <SwapExerciseDialog workout={workout} slot={slot} onClose={() => setSwapping(false)} onSwapped={setStatus} />
      )}
    </div>
  );
}

/** Above a slot's sets: swapped for today (and that such sets never move a TM); after the workout, its added sets. */
export function SlotNotes({ group, readOnly }: { group: SetGroup; readOnly: boolean }) {
  const swappedFrom = group.sets.find((s) => s.swappedFrom)?.swappedFrom ?? null;
  const added = group.sets.filter((s) => s.isAdded);
  if (!swappedFrom && !(readOnly && added.length > 0)) return null;
  return (
    <>
      {swappedFrom && (
        <p className="slot-actions__note">
          Swapped from {swappedFrom.name} for today · these sets never move a training max
        </p>
      )}
      {readOnly && added.length > 0 && (
        <p className="slot-actions__note muted">
          Added during the workout: {added.length === 1 ? 'set' : 'sets'} {added.map((s) => s.setOrder).join(', ')}
        </p>
      )}
    </>
  );
}

/** "Add exercise" at the end of an in-progress workout. */
export function AddExerciseButton({ workout }: { workout: WorkoutDto }) {
  const online = useOnline();
  const offlineNoteId = useId();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState('');
  return (
    <div className="add-exercise">
      <Button
        variant="secondary"
        fullWidth
        onClick={() => setOpen(true)}
        disabled={!online}
        aria-describedby={online ? undefined : offlineNoteId}
      >
        Add exercise
      </Button>
      {!online && <NeedsConnection id={offlineNoteId}>Adding an exercise needs a connection.</NeedsConnection>}
      <p className="muted add-exercise__status" role="status">
        {status}
      </p>
      {open && <AddExerciseDialog workout={workout} onClose={() => setOpen(false)} onAdded={setStatus} />}
    </div>
  );
}
