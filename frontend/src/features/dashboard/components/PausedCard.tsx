import { Button } from '@/components/Button';
import { ErrorMessage } from '@/components/ErrorMessage';
import { useResumeProgram } from '../api/schedule-api';

/** In place of "Start workout" while the program is paused: resuming is the way back to training. */
export function PausedCard({ nextLabel }: { nextLabel: string }) {
  const resume = useResumeProgram();
  return (
    <section className="card paused-card" aria-labelledby="paused-title">
      <p className="paused-card__eyebrow">Program paused</p>
      <h2 className="paused-card__title" id="paused-title">
        Next up: {nextLabel}
      </h2>
      <p>No day counts as missed while you're away. Resume when you're ready: your schedule carries on from today.</p>
      {resume.isError && <ErrorMessage title="The program didn't resume" message={resume.error.message} />}
      <Button fullWidth className="button--large" isLoading={resume.isPending} onClick={() => resume.mutate()}>
        Resume to train
      </Button>
    </section>
  );
}
