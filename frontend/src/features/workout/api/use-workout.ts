import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WorkoutDto, WorkoutSetDto } from '@liftplan/domain';
import { useState, useSyncExternalStore } from 'react';
import { ApiError } from '@/lib/api-client';
import { invalidateTrainingState } from '@/lib/training-state';
import { pendingNote } from './note-outbox';
import { applyPatch, applyPatches, type SetPatch } from './set-save-queue';
import { abandonWorkout, completeWorkout, fetchWorkout, getSetSaveQueue, workoutKeys } from './workout-api';

/** The workout as the server has it, with this device's unsaved changes laid over it (so a reload shows them). */
export function useWorkout(workoutId: number) {
  return useQuery({
    queryKey: workoutKeys.detail(workoutId),
    queryFn: async ({ signal }) => {
      const { workout } = await fetchWorkout(workoutId, signal);
      const keptNote = pendingNote(workoutId);
      const withNote = keptNote === undefined ? workout : { ...workout, note: keptNote };
      if (workout.status !== 'in_progress') return withNote;
      return { ...withNote, sets: applyPatches(workout.sets, getSetSaveQueue(workoutId).pendingPatches()) };
    },
  });
}

/** The save queue's state (which sets are unsaved, retrying), re-rendering when it changes. */
export function useSaveQueueState(workoutId: number) {
  const queue = getSetSaveQueue(workoutId);
  return useSyncExternalStore(queue.subscribe, queue.getSnapshot, queue.getSnapshot);
}

type LogSetVariables = { setId: number; patch: SetPatch };
type LogSetContext = {
  previous: Pick<WorkoutSetDto, 'actualReps' | 'actualWeight' | 'completed' | 'rpe' | 'note' | 'skipped'> | null;
};
export type RejectedSave = { setId: number; message: string };

/**
 * Logs reps / weight / done for a set: optimistic (the cache changes at once, in onMutate), durable (the change goes into
 * the persisted save queue before anything is sent, retried until the server has it), and undone only when the
 * server refuses it for good (onError rolls the set back to what it was before its first unsaved change).
 */
export function useLogSet(workoutId: number) {
  const queryClient = useQueryClient();
  const queryKey = workoutKeys.detail(workoutId);
  const [rejected, setRejected] = useState<RejectedSave | null>(null);

  const mutation = useMutation<void, Error, LogSetVariables, LogSetContext>({
    // Offline is exactly when this must still run: the queue keeps the change until it can be sent.
    networkMode: 'always',
    // onMutate runs synchronously inside mutate(), so the change is queued (and persisted) in tap order.
    onMutate: ({ setId, patch }) => {
      const queue = getSetSaveQueue(workoutId);
      const isFirstUnsavedChange = !queue.has(setId);
      let previous: LogSetContext['previous'] = null;
      queryClient.setQueryData<WorkoutDto>(queryKey, (workout) => {
        if (!workout) return workout;
        return {
          ...workout,
          sets: workout.sets.map((set) => {
            if (set.id !== setId) return set;
            if (isFirstUnsavedChange)
              previous = {
                actualReps: set.actualReps,
                actualWeight: set.actualWeight,
                completed: set.completed,
                rpe: set.rpe,
                note: set.note,
                skipped: set.skipped,
              };
            return applyPatch(set, patch);
          }),
        };
      });
      queue.enqueue(setId, patch);
      return { previous };
    },
    mutationFn: ({ setId }) => getSetSaveQueue(workoutId).whenSaved(setId),
    onError: (error, { setId }, context) => {
      const previous = context?.previous;
      if (previous) {
        queryClient.setQueryData<WorkoutDto>(queryKey, (workout) =>
          workout
            ? { ...workout, sets: workout.sets.map((set) => (set.id === setId ? { ...set, ...previous } : set)) }
            : workout,
        );
      }
      setRejected({ setId, message: error.message });
      void queryClient.invalidateQueries({ queryKey });
    },
  });

  return {
    logSet: (setId: number, patch: SetPatch) => mutation.mutate({ setId, patch }),
    rejected,
    dismissRejected: () => setRejected(null),
  };
}

export function useCompleteWorkout(workoutId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => completeWorkout(workoutId),
    onSuccess: ({ workout, progression }) => {
      getSetSaveQueue(workoutId).discard();
      queryClient.setQueryData<WorkoutDto>(workoutKeys.detail(workoutId), { ...workout, progression });
      void invalidateTrainingState(queryClient);
    },
    onError: (error) => {
      // Completed meanwhile (another tab, a double tap): show the stored result.
      if (error instanceof ApiError && error.status === 409)
        void queryClient.invalidateQueries({ queryKey: workoutKeys.detail(workoutId) });
    },
  });
}

export function useAbandonWorkout(workoutId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => abandonWorkout(workoutId),
    onSuccess: ({ workout }) => {
      getSetSaveQueue(workoutId).discard();
      queryClient.setQueryData(workoutKeys.detail(workoutId), workout);
      void invalidateTrainingState(queryClient);
    },
  });
}
