import type { EnrolmentDto } from '@liftplan/domain';
import { Link } from 'react-router-dom';
import { EmptyState } from '@/components/EmptyState';
import { paths } from '@/lib/paths';
import { formatInstantDate } from '@/lib/plain-date';
import { useLastEnrolment } from '@/lib/training-state';

/** A lifter on no plan: what they last finished or ended, if anything, and the way to the plans. */
export function NoPlan() {
  const last = useLastEnrolment().data ?? null;
  const browse = (
    <Link className="button button--primary" to={paths.plans}>
      Browse plans
    </Link>
  );
  if (last === null || (last.status !== 'completed' && last.status !== 'ended')) {
    return (
      <EmptyState
        title="No plan yet"
        description="Pick a strength plan and enter your maxes: every set will be prescribed to the plate."
        action={browse}
      />
    );
  }
  return <EmptyState {...finishedText(last)} action={browse} />;
}

function finishedText(last: EnrolmentDto): { title: string; description: string } {
  const on = last.endedAt
    ? ` on ${formatInstantDate(last.endedAt, last.timeZone, { month: 'short', day: 'numeric', year: 'numeric' })}`
    : '';
  if (last.status === 'completed') {
    return {
      title: 'Program complete',
      description: `You completed ${last.planName}${on}. Pick what comes next: your training maxes and history are kept.`,
    };
  }
  return {
    title: 'No plan right now',
    description: `You ended ${last.planName}${on}. Pick a plan to train again: your training maxes and history are kept.`,
  };
}
