import type { ExerciseDto, WorkoutDto } from '@liftplan/domain';
import { useId, useState } from 'react';
import { Button } from '@/components/Button';
import { Dialog } from '@/components/Dialog';
import { ErrorMessage } from '@/components/ErrorMessage';
import { pluralize } from '@/lib/format';
import { useSwapWorkoutExercise } from '../api/workout-changes-api';
import { ExercisePicker } from './ExercisePicker';

export type SwapSlot = {
  exerciseOrder: number;
  /** The exercise the slot does now. */
  exercise: { id: number; name: string };
  /** The name of the TM exercise its weights come from (may be another exercise: sumo deadlift → deadlift). */
  trainingMaxName: string;
  /** Sets not done yet: these get the substitute. */
  openSets: number;
  /** Some open set is a percentage of a TM, so the choice of TM matters. */
  hasPercentSets: boolean;
  /** The plan's exercise when the slot is swapped for today: picking it goes back to the plan. */
  plannedExercise: { id: number; name: string } | null;
};

type SwapExerciseDialogProps = {
  workout: WorkoutDto;
  slot: SwapSlot;
  onClose: () => void;
  onSwapped: (message: string) => void;
};

/**
 * "Swap" an exercise for today: the slot's open sets get the substitute, weighted from the substitute's own training
 * max or — when the lifter says so — from the original's. Either way swapped sets never move a training max.
 */
export function SwapExerciseDialog({ workout, slot, onClose, onSwapped }: SwapExerciseDialogProps) {
  const [substitute, setSubstitute] = useState<ExerciseDto | null>(null);
  const [chosenKeepTrainingMax, setKeepTrainingMax] = useState(false);
  // Back to the plan's exercise: the server restores the plan's TM, weights and progression set; nothing to choose.
  const backToPlan = substitute !== null && substitute.id === slot.plannedExercise?.id;
  const keepTrainingMax = chosenKeepTrainingMax && !backToPlan;
  const swap = useSwapWorkoutExercise(workout.id);
  const groupName = useId();
  const noteId = useId();

  const submit = () => {
    if (!substitute || swap.isPending) return;
    swap.mutate(
      { exerciseOrder: slot.exerciseOrder, exerciseId: substitute.id, keepTrainingMax },
      {
        onSuccess: (result) => {
          onSwapped(result.message);
          onClose();
        },
      },
    );
  };

  return (
    <Dialog
      title={`Swap ${slot.exercise.name} for today`}
      onClose={onClose}
      actions={
        <>
          <Button variant="secondary" onClick={onClose} disabled={swap.isPending}>
            Cancel
          </Button>
          <Button onClick={submit} disabled={!substitute} isLoading={swap.isPending} aria-describedby={noteId}>
            {substitute ? `Swap to ${substitute.name}` : 'Swap'}
          </Button>
        </>
      }
    >
      <p className="muted">
        {pluralize(slot.openSets, 'set')} not done yet will use the exercise you pick. Sets you have done stay as they
        are.
      </p>
      <ExercisePicker
        label="Search the substitute"
        selected={substitute}
        onSelect={(exercise) => {
          setSubstitute(exercise);
          swap.reset();
        }}
        excludeIds={[slot.exercise.id]}
      />
      {substitute && slot.hasPercentSets && !backToPlan && (
        <fieldset className="swap-choice">
          <legend>Which training max sets the weights?</legend>
          <label className="swap-choice__option">
            <input
              type="radio"
              name={groupName}
              checked={!keepTrainingMax}
              onChange={() => {
                setKeepTrainingMax(false);
                swap.reset();
              }}
            />
            <span>
              Use {substitute.name}'s training max
              <span className="muted swap-choice__hint">Its own weights; you need a training max for it.</span>
            </span>
          </label>
          <label className="swap-choice__option">
            <input
              type="radio"
              name={groupName}
              checked={keepTrainingMax}
              onChange={() => {
                setKeepTrainingMax(true);
                swap.reset();
              }}
            />
            <span>
              Keep {slot.trainingMaxName}'s training max
              <span className="muted swap-choice__hint">Today's weights stay as they are.</span>
            </span>
          </label>
        </fieldset>
      )}
      <p className="swap-note" id={noteId}>
        {backToPlan
          ? `Back to ${substitute.name} as planned: the plan's weights and progression set come back.`
          : 'Swapped sets never move a training max.'}
      </p>
      {swap.isError && <ErrorMessage title="Not swapped" message={swap.error.message} />}
    </Dialog>
  );
}
