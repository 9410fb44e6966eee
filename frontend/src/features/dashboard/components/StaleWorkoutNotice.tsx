import { Button } from '@/components/Button';
import { ErrorMessage } from '@/components/ErrorMessage';
import { useRegenerateWorkout } from '../api/dashboard-api';

type StaleWorkoutNoticeProps = {
  workoutId: number;
  /** TM exercises whose TM changed after the workout's sets were prescribed. */
  stale: Array<{ exerciseId: number; name: string }>;
};

/** "Your Squat TM changed since this workout started": offers to re-prescribe the sets not done yet. */
export function StaleWorkoutNotice({ workoutId, stale }: StaleWorkoutNoticeProps) {
  const regenerate = useRegenerateWorkout();
  if (regenerate.isSuccess && stale.length === 0) {
    return (
      <p className="stale-notice stale-notice--done" role="status">
        Updated: {regenerate.data.changedSetIds.length} open{' '}
        {regenerate.data.changedSetIds.length === 1 ? 'set' : 'sets'} now use your current training maxes.
      </p>
    );
  }
  if (stale.length === 0) return null;
  const names = stale.map((s) => s.name).join(', ');
  return (
    <div className="stale-notice" role="status">
      <p>
        Your {names} training max{stale.length === 1 ? '' : 'es'} changed since this workout started. Its open sets
        still use the old weights.
      </p>
      <Button variant="secondary" isLoading={regenerate.isPending} onClick={() => regenerate.mutate(workoutId)}>
        Update the open sets
      </Button>
      {regenerate.isError && <ErrorMessage message={regenerate.error.message} />}
    </div>
  );
}
