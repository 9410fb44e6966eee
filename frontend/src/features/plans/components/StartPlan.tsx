import type { PlanDetailDto, Weekday } from '@liftplan/domain';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Badge } from '@/components/Badge';
import { Button } from '@/components/Button';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { ErrorMessage } from '@/components/ErrorMessage';
import { TextField } from '@/components/TextField';
import { TrainingDaysPicker } from '@/components/TrainingDaysPicker';
import { ApiError } from '@/lib/api-client';
import { useCurrentUser } from '@/lib/current-user';
import { pluralize } from '@/lib/format';
import { paths } from '@/lib/paths';
import { todayIn } from '@/lib/plain-date';
import { useCurrentPlan } from '@/lib/training-state';
import { useSubscribeToPlan } from '../api/plans-api';
import { defaultTrainingDays } from './training-days';

/** "Start this plan": asks for the training days and the first day, and confirms replacing the current plan. */
export function StartPlan({ plan }: { plan: PlanDetailDto }) {
  const current = useCurrentPlan();
  const [choosing, setChoosing] = useState(false);
  const currentPlan = current.data?.plan ?? null;
  const isCurrent = currentPlan?.id === plan.id;

  return (
    <div className="card start-plan">
      {isCurrent ? (
        <p>
          <Badge tone="primary">Current</Badge> You're on this plan.{' '}
          <Link to={paths.dashboard}>Go to your dashboard</Link>
        </p>
      ) : (
        <p>Starting this plan keeps your training maxes and history; you'll be asked for any maxes it still needs.</p>
      )}
      <Button
        variant={isCurrent ? 'secondary' : 'primary'}
        fullWidth
        isLoading={current.isPending}
        onClick={() => setChoosing(true)}
      >
        {isCurrent ? 'Restart this plan' : 'Start this plan'}
      </Button>
      {choosing && (
        <StartPlanDialog
          plan={plan}
          replacing={currentPlan === null ? null : { name: currentPlan.name, isSame: isCurrent }}
          onCancel={() => setChoosing(false)}
        />
      )}
    </div>
  );
}

type StartPlanDialogProps = {
  plan: PlanDetailDto;
  /** The lifter's current plan, which starting this one ends. */
  replacing: { name: string; isSame: boolean } | null;
  onCancel: () => void;
};

function StartPlanDialog({ plan, replacing, onCancel }: StartPlanDialogProps) {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const subscribe = useSubscribeToPlan();
  const [days, setDays] = useState<Weekday[]>(() => defaultTrainingDays(plan.daysPerWeek));
  const [today] = useState(() => todayIn(user.timeZone));
  const [startDate, setStartDate] = useState(today);
  const [noDays, setNoDays] = useState(false);
  const fieldError = (code: string) =>
    subscribe.error instanceof ApiError && subscribe.error.code === code ? subscribe.error.message : undefined;

  function start() {
    if (days.length === 0) return setNoDays(true);
    // Today is the server's default: left out, the server's today (in the lifter's zone) counts, not this device's.
    const body = { preferredDays: days, ...(startDate && startDate !== today ? { startDate } : {}) };
    subscribe.mutate(
      { planId: plan.id, body },
      { onSuccess: (result) => void navigate(result.missingTMs.length > 0 ? paths.setup : paths.dashboard) },
    );
  }

  const dayErrors = fieldError('INVALID_TRAINING_DAYS') ?? (noDays ? 'Pick at least one training day' : undefined);
  const dateError = fieldError('INVALID_START_DATE');
  const otherError = subscribe.isError && !dayErrors && !dateError ? subscribe.error.message : null;

  return (
    <ConfirmDialog
      title={dialogTitle(plan.name, replacing)}
      confirmLabel={replacing === null ? 'Start plan' : replacing.isSame ? 'Restart plan' : 'Switch plan'}
      isLoading={subscribe.isPending}
      onConfirm={start}
      onCancel={onCancel}
    >
      {replacing && (
        <p>
          {replacing.isSame
            ? `You start again from its latest version, at ${plan.cycleWeeks > 1 ? 'week 1, ' : ''}day 1.`
            : `This replaces your current plan, ${replacing.name}.`}{' '}
          Your training maxes and workout history are kept.
        </p>
      )}
      <TrainingDaysPicker
        legend="Your training days"
        value={days}
        onChange={(picked) => {
          setDays(picked);
          setNoDays(false);
        }}
        max={plan.daysPerWeek}
        explanation={`${plan.name} has ${pluralize(plan.daysPerWeek, 'session')} a week, so up to ${plan.daysPerWeek} days; with fewer, its weeks take longer than a calendar week.`}
        error={dayErrors}
      />
      <TextField
        label="First training day"
        name="startDate"
        type="date"
        value={startDate}
        onChange={(event) => setStartDate(event.target.value)}
        hint="Today by default: a later day, or up to 4 weeks back if you already started on paper."
        error={dateError}
      />
      {otherError && <ErrorMessage title="We couldn't start the plan" message={otherError} />}
    </ConfirmDialog>
  );
}

function dialogTitle(planName: string, replacing: StartPlanDialogProps['replacing']): string {
  if (replacing === null) return `Start ${planName}`;
  return replacing.isSame ? `Restart ${planName}?` : `Switch to ${planName}?`;
}
