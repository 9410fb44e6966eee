import type { EnrolmentDto, Weekday } from '@liftplan/domain';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/Button';
import { ErrorMessage } from '@/components/ErrorMessage';
import { TrainingDaysPicker } from '@/components/TrainingDaysPicker';
import { pluralize } from '@/lib/format';
import { useCurrentPlan } from '@/lib/training-state';
import { useChangeTrainingDays } from '../api/program-api';
import { SavedNote } from './SavedNote';

/** The current plan's training days; nothing without a plan. */
export function TrainingDaysForm() {
  const current = useCurrentPlan().data;
  if (!current) return null;
  return (
    <TrainingDaysEditor
      key={current.enrolment.id}
      enrolment={current.enrolment}
      daysPerWeek={current.plan.daysPerWeek}
    />
  );
}

function TrainingDaysEditor({ enrolment, daysPerWeek }: { enrolment: EnrolmentDto; daysPerWeek: number }) {
  const change = useChangeTrainingDays();
  const [days, setDays] = useState<Weekday[]>(enrolment.preferredDays);
  const [noDays, setNoDays] = useState(false);
  const [saved, setSaved] = useState(false);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    if (days.length === 0) return setNoDays(true);
    change.mutate({ preferredDays: days }, { onSuccess: () => setSaved(true) });
  }

  return (
    <form className="form card" onSubmit={handleSubmit} noValidate aria-labelledby="training-days-title">
      <h2 className="section-title" id="training-days-title">
        Training days
      </h2>
      <p className="muted">
        For {enrolment.planName}. New days apply from today on; the days behind you keep what happened on them.
      </p>
      {change.isError && <ErrorMessage title="The days were not changed" message={change.error.message} />}
      <TrainingDaysPicker
        legend="Days you train"
        value={days}
        onChange={(picked) => {
          setDays(picked);
          setNoDays(false);
          setSaved(false);
        }}
        max={daysPerWeek}
        explanation={`${enrolment.planName} has ${pluralize(daysPerWeek, 'session')} a week, so up to ${daysPerWeek} days.`}
        error={noDays ? 'Pick at least one training day' : undefined}
      />
      <div className="form__actions">
        <Button type="submit" variant="secondary" isLoading={change.isPending}>
          Save training days
        </Button>
        <SavedNote saved={saved} />
      </div>
    </form>
  );
}
