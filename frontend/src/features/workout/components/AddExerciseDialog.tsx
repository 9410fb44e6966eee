import type { ExerciseDto, LastPerformanceDto, WorkoutDto } from '@liftplan/domain';
import { useState } from 'react';
import { Button } from '@/components/Button';
import { Dialog } from '@/components/Dialog';
import { ErrorMessage } from '@/components/ErrorMessage';
import { Spinner } from '@/components/Spinner';
import { TextField } from '@/components/TextField';
import { formatShortDate, formatWeight, pluralize } from '@/lib/format';
import { useAddWorkoutSet, useLastPerformance } from '../api/workout-changes-api';
import { ExercisePicker } from './ExercisePicker';
import { parseWeightInput } from './WeightInput';

const MAX_SETS_AT_ONCE = 10;

type AddExerciseDialogProps = {
  workout: WorkoutDto;
  onClose: () => void;
  /** Told what was added, for the page's status line. */
  onAdded: (message: string) => void;
};

/**
 * "Add exercise": search the library, pick one, its weight and reps pre-filled from the lifter's last performance
 * of it; adds that many sets as an accessory at the end (or extra sets when it is in today's workout already).
 */
export function AddExerciseDialog({ workout, onClose, onAdded }: AddExerciseDialogProps) {
  const [exercise, setExercise] = useState<ExerciseDto | null>(null);
  const last = useLastPerformance(exercise?.id ?? null);
  const inWorkout = exercise !== null && workout.sets.some((s) => s.exerciseId === exercise.id);
  const formId = 'add-exercise-form';

  return (
    <Dialog
      title="Add an exercise"
      onClose={onClose}
      actions={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" form={formId} disabled={exercise === null || !last.isFetched}>
            {exercise ? `Add ${exercise.name}` : 'Add'}
          </Button>
        </>
      }
    >
      <ExercisePicker label="Search the exercise library" selected={exercise} onSelect={setExercise} />
      {exercise && !last.isFetched && (
        <p className="muted">
          <Spinner size="small" /> Looking up your last {exercise.name}…
        </p>
      )}
      {exercise && last.isFetched && (
        <AddSetsForm
          key={exercise.id}
          formId={formId}
          workout={workout}
          exercise={exercise}
          last={last.data ?? null}
          inWorkout={inWorkout}
          onAdded={(message) => {
            onAdded(message);
            onClose();
          }}
        />
      )}
    </Dialog>
  );
}

type AddSetsFormProps = {
  formId: string;
  workout: WorkoutDto;
  exercise: ExerciseDto;
  last: LastPerformanceDto | null;
  inWorkout: boolean;
  onAdded: (message: string) => void;
};

function AddSetsForm({ formId, workout, exercise, last, inWorkout, onAdded }: AddSetsFormProps) {
  const add = useAddWorkoutSet(workout.id);
  const [weight, setWeight] = useState(last?.actualWeight != null ? String(last.actualWeight) : '');
  const [reps, setReps] = useState(String(last?.actualReps ?? 10));
  const [sets, setSets] = useState(inWorkout ? '1' : '3');
  const [errors, setErrors] = useState<{ weight?: string; reps?: string; sets?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsedWeight = parseWeightInput(weight);
    const next: typeof errors = {};
    if ('error' in parsedWeight) next.weight = parsedWeight.error;
    else if (parsedWeight.value === 0) next.weight = 'Leave it empty for no weight';
    const repCount = Number(reps);
    if (!/^\d+$/.test(reps.trim()) || repCount < 1 || repCount > 200) next.reps = 'Enter 1 to 200 reps';
    const setCount = Number(sets);
    if (!/^\d+$/.test(sets.trim()) || setCount < 1 || setCount > MAX_SETS_AT_ONCE)
      next.sets = `Enter 1 to ${MAX_SETS_AT_ONCE} sets`;
    setErrors(next);
    if (Object.keys(next).length > 0 || 'error' in parsedWeight) return;
    setBusy(true);
    setFailure(null);
    let added = 0;
    try {
      for (let i = 0; i < setCount; i++) {
        await add.mutateAsync({
          exerciseId: exercise.id,
          ...(inWorkout ? {} : { actualReps: repCount, actualWeight: parsedWeight.value }),
        });
        added++;
      }
      onAdded(`${exercise.name}: ${pluralize(added, 'set')} added.`);
    } catch (error) {
      setFailure(
        `${added > 0 ? `${pluralize(added, 'set')} added, then: ` : ''}${error instanceof Error ? error.message : 'the set could not be added'}`,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <form id={formId} className="add-sets-form stack" onSubmit={submit} aria-busy={busy || undefined} noValidate>
      <p className="add-sets-form__last">
        {inWorkout
          ? `${exercise.name} is in today's workout: extra sets copy its last set's weight and reps.`
          : last
            ? `Last time (${formatShortDate(last.date)}): ${last.actualWeight === null ? 'no weight' : formatWeight(last.actualWeight, workout.unit)} × ${pluralize(last.actualReps ?? 0, 'rep')}.`
            : `You haven't logged ${exercise.name} before.`}
      </p>
      {!inWorkout && (
        <div className="add-sets-form__fields">
          <TextField
            label={`Weight (${workout.unit})`}
            name="weight"
            inputMode="decimal"
            value={weight}
            onChange={(event) => setWeight(event.target.value)}
            error={errors.weight}
            hint="Empty for bodyweight"
          />
          <TextField
            label="Reps"
            name="reps"
            inputMode="numeric"
            value={reps}
            onChange={(event) => setReps(event.target.value)}
            error={errors.reps}
          />
        </div>
      )}
      <TextField
        label="Sets"
        name="sets"
        inputMode="numeric"
        value={sets}
        onChange={(event) => setSets(event.target.value)}
        error={errors.sets}
      />
      {busy && (
        <p className="muted" role="status">
          <Spinner size="small" /> Adding…
        </p>
      )}
      {failure && <ErrorMessage title="Not everything was added" message={failure} />}
    </form>
  );
}
