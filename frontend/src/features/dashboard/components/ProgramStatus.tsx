import type { EnrolmentDto } from '@liftplan/domain';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button } from '@/components/Button';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { ErrorMessage } from '@/components/ErrorMessage';
import { paths } from '@/lib/paths';
import { useEndProgram, usePauseProgram } from '../api/schedule-api';
import { programProgressLine, trainingDaysLine } from './schedule-labels';
import '../schedule.css';

/** Where the lifter is in the program and on which days, with Pause and End behind a confirmation. */
export function ProgramStatus({ enrolment }: { enrolment: EnrolmentDto }) {
  const pause = usePauseProgram();
  const end = useEndProgram();
  const [confirming, setConfirming] = useState<'pause' | 'end' | null>(null);
  const paused = enrolment.status === 'paused';
  const progress = programProgressLine(enrolment);
  const failed = pause.error ?? end.error;
  const close = () => setConfirming(null);

  return (
    <div className="program-status">
      {progress && <p className={`program-status__line${paused ? ' program-status__line--paused' : ''}`}>{progress}</p>}
      <p className="program-status__days muted">
        {trainingDaysLine(enrolment)} · <Link to={paths.settings}>Change days</Link>
      </p>
      <div className="program-status__actions">
        {!paused && (
          <Button variant="secondary" onClick={() => setConfirming('pause')}>
            Pause program
          </Button>
        )}
        <Button variant="ghost" className="button--destructive-text" onClick={() => setConfirming('end')}>
          End program
        </Button>
      </div>
      {failed && <ErrorMessage message={failed.message} />}
      {confirming === 'pause' && (
        <ConfirmDialog
          title={`Pause ${enrolment.planName}?`}
          confirmLabel="Pause program"
          isLoading={pause.isPending}
          onConfirm={() => pause.mutate(undefined, { onSettled: close })}
          onCancel={close}
        >
          <p>
            While it is paused no workout starts and no day counts as missed. When you resume, the rest of your schedule
            moves on by the time you were away.
          </p>
        </ConfirmDialog>
      )}
      {confirming === 'end' && (
        <ConfirmDialog
          title={`End ${enrolment.planName}?`}
          confirmLabel="End program"
          danger
          isLoading={end.isPending}
          onConfirm={() => end.mutate(undefined, { onSettled: close })}
          onCancel={close}
        >
          <p>
            It stays in your history as ended, with your workouts and training maxes. To train again, you pick a plan.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
