import type { CurrentPlanResponse, SkipResponse, StartWorkoutBody, WorkoutSummaryDto } from '@liftplan/domain';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button } from '@/components/Button';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { Dialog } from '@/components/Dialog';
import { ErrorMessage } from '@/components/ErrorMessage';
import { QueryState } from '@/components/QueryState';
import { Loading } from '@/components/Spinner';
import { ApiError } from '@/lib/api-client';
import { useCurrentUser } from '@/lib/current-user';
import { dayTitle, formatIncrease, planPositionLabel } from '@/lib/format';
import { paths } from '@/lib/paths';
import { prescribeDay } from '@/lib/prescription';
import { useCurrentPlan, useTrainingMaxes } from '@/lib/training-state';
import { useDocumentTitle } from '@/lib/use-document-title';
import {
  RECENT_COUNT,
  useAbandonWorkout,
  useRecentWorkouts,
  useSkipNextDay,
  useStartWorkout,
} from '../api/dashboard-api';
import { ComingWeeks } from '../components/ComingWeeks';
import { DayCard } from '../components/DayCard';
import { NoPlan } from '../components/NoPlan';
import { PausedCard } from '../components/PausedCard';
import { ProgramStatus } from '../components/ProgramStatus';
import { UpgradeNotice } from '@/components/UpgradeNotice';
import { WeekSchedule } from '../components/WeekSchedule';
import { NextWorkoutCard } from '../components/NextWorkoutCard';
import { RecentWorkouts } from '../components/RecentWorkouts';
import { StaleWorkoutNotice } from '../components/StaleWorkoutNotice';
import { TrainingMaxList } from '../components/TrainingMaxList';
import '@/components/ui.css';
import '../dashboard.css';

export function DashboardPage() {
  useDocumentTitle('Dashboard');
  const user = useCurrentUser();
  const currentPlan = useCurrentPlan();

  return (
    <div className="page">
      <h1 className="page__title dashboard-greeting" title={user.displayName}>
        Hi, {user.displayName}
      </h1>
      <QueryState query={currentPlan} loadingLabel="Loading your plan…" errorTitle="We couldn't load your plan">
        {(current) => (current === null ? <NoPlan /> : <PlanDashboard current={current} />)}
      </QueryState>
    </div>
  );
}

type InProgressConflict = { workoutId: number; body: StartWorkoutBody; label: string };

function PlanDashboard({ current }: { current: CurrentPlanResponse }) {
  const navigate = useNavigate();
  const user = useCurrentUser();
  const recent = useRecentWorkouts();
  const trainingMaxes = useTrainingMaxes();
  const start = useStartWorkout();
  const skip = useSkipNextDay();
  const abandon = useAbandonWorkout();
  const [conflict, setConflict] = useState<InProgressConflict | null>(null);
  const [confirmSkip, setConfirmSkip] = useState(false);
  const [skipped, setSkipped] = useState<SkipResponse | null>(null);
  const { plan, inProgressWorkout, next, missingTMs } = current;
  const paused = current.enrolment.status === 'paused';

  const exerciseNames = new Map(plan.requiredExercises.map((e) => [e.id, e.name]));
  const nameOf = (exerciseId: number, slug: string) => exerciseNames.get(exerciseId) ?? slug;
  const week = plan.weeks.find((w) => w.weekNumber === next.weekNumber);
  const weekDays = week?.days ?? plan.days;
  const nextDay = weekDays.find((d) => d.dayNumber === next.dayNumber);
  const multiWeek = plan.cycleWeeks > 1;
  const dayLabel = (weekNumber: number, dayNumber: number, name: string | null | undefined) =>
    multiWeek ? `Week ${weekNumber} · ${dayTitle(dayNumber, name)}` : dayTitle(dayNumber, name);
  /** "day 2", or "week 3, day 2": what the dialogs' buttons start. */
  const shortLabel = (weekNumber: number, dayNumber: number) =>
    multiWeek ? `week ${weekNumber}, day ${dayNumber}` : `day ${dayNumber}`;

  // Which days of this week are already behind the lifter (the recent list covers a whole week).
  const dayStatus = new Map<number, DayStatus>();
  for (const workout of recent.data?.items ?? []) {
    if (workout.cycle !== next.cycle || workout.weekNumber !== next.weekNumber) continue;
    const status = DAY_STATUS[workout.status];
    if (status && !dayStatus.has(workout.dayNumber)) dayStatus.set(workout.dayNumber, status);
  }

  function startWorkout(body: StartWorkoutBody, label: string) {
    setSkipped(null);
    start.mutate(body, {
      onSuccess: ({ workout }) => void navigate(paths.workout(workout.id)),
      onError: (error) => {
        if (!(error instanceof ApiError)) return;
        if (error.code === 'WORKOUT_IN_PROGRESS') {
          const workoutId = (error.details as { workoutId?: unknown } | undefined)?.workoutId;
          if (typeof workoutId === 'number') {
            setConflict({ workoutId, body, label });
            start.reset();
          }
        } else if (error.code === 'MISSING_TRAINING_MAX') {
          void navigate(paths.setup);
        }
      },
    });
  }

  function abandonAndStart({ workoutId, body, label }: InProgressConflict) {
    abandon.mutate(workoutId, {
      onSuccess: () => {
        setConflict(null);
        startWorkout(body, label);
      },
    });
  }

  function skipDay() {
    skip.mutate(undefined, {
      onSuccess: (result) => setSkipped(result),
      onSettled: () => setConfirmSkip(false),
    });
  }

  const isStarting = (body: StartWorkoutBody) =>
    start.isPending && start.variables?.weekNumber === body.weekNumber && start.variables?.dayNumber === body.dayNumber;
  const busy = start.isPending || abandon.isPending || skip.isPending;
  const inProgressSummary = inProgressWorkout && recent.data?.items.find((w) => w.id === inProgressWorkout.id);
  const inProgressDay =
    inProgressWorkout &&
    (plan.weeks.find((w) => w.weekNumber === inProgressWorkout.weekNumber)?.days ?? plan.days).find(
      (d) => d.dayNumber === inProgressWorkout.dayNumber,
    );
  const nextLabel = dayLabel(next.weekNumber, next.dayNumber, next.dayName ?? nextDay?.name);
  // One unit on the whole dashboard: the TMs' (the server's answer for the lifter), else the profile's.
  const displayUnit = trainingMaxes.data?.unit ?? user.unitPreference;
  const tmsById = trainingMaxes.data
    ? new Map(
        trainingMaxes.data.trainingMaxes.flatMap((tm) =>
          tm.trainingMax === null ? [] : [[tm.exercise.id, tm.trainingMax] as const],
        ),
      )
    : null;

  return (
    <>
      <p className="page__intro">
        On <Link to={paths.plan(plan.id)}>{plan.name}</Link>
      </p>
      <p className="plan-position">
        <strong>{planPositionLabel(next, plan.cycleWeeks)}</strong>
        {next.weekName && !/deload/i.test(next.weekName) && (
          <span className="plan-position__week-name muted">{next.weekName}</span>
        )}
      </p>
      <ProgramStatus enrolment={current.enrolment} />
      <UpgradeNotice />

      {skipped && (
        <div className="notice notice--success skip-notice" role="status">
          <p>
            Skipped {dayLabel(skipped.skipped.weekNumber, skipped.skipped.dayNumber, null)}. Next up:{' '}
            {dayLabel(skipped.next.weekNumber, skipped.next.dayNumber, skipped.next.dayName)}.
          </p>
          {skipped.progression.some((p) => p.newTM !== p.previousTM) && (
            <p>
              That finished the cycle:{' '}
              {skipped.progression
                .filter((p) => p.newTM !== p.previousTM)
                .map(
                  (p) =>
                    `${nameOf(p.exerciseId, p.slug)} TM ${formatIncrease(p.newTM - p.previousTM, user.unitPreference)}`,
                )
                .join(' · ')}
              .
            </p>
          )}
        </div>
      )}

      {inProgressWorkout && (
        <section className="card resume-card" aria-labelledby="resume-title">
          <p className="resume-card__eyebrow">Workout in progress</p>
          <h2 className="resume-card__title" id="resume-title">
            {dayLabel(inProgressWorkout.weekNumber, inProgressWorkout.dayNumber, inProgressDay?.name)}
          </h2>
          {inProgressSummary && (
            <p>
              {inProgressSummary.completedSetCount} of {inProgressSummary.setCount} sets done
            </p>
          )}
          <StaleWorkoutNotice workoutId={inProgressWorkout.id} stale={inProgressWorkout.staleTrainingMaxes ?? []} />
          <Link className="button button--primary button--full button--large" to={paths.workout(inProgressWorkout.id)}>
            Resume workout
          </Link>
        </section>
      )}

      {missingTMs.length > 0 && (
        <section className="card notice-card" aria-labelledby="missing-title">
          <h2 className="notice-card__title" id="missing-title">
            Set your training maxes
          </h2>
          <p>
            {plan.name} needs a training max for {missingTMs.map((m) => m.name).join(', ')} before you can train.
          </p>
          <Link className="button button--primary" to={paths.setup}>
            Enter your maxes
          </Link>
        </section>
      )}

      {paused && <PausedCard nextLabel={nextLabel} />}

      {!paused && !inProgressWorkout && missingTMs.length === 0 && nextDay && (
        <NextWorkoutCard
          title={nextLabel}
          isDeload={next.isDeload}
          sets={tmsById ? prescribeDay(nextDay, tmsById, user) : null}
          unit={displayUnit}
          isStarting={isStarting({})}
          disabled={busy}
          onStart={() => startWorkout({}, shortLabel(next.weekNumber, next.dayNumber))}
          onSkip={() => setConfirmSkip(true)}
        />
      )}

      {start.isError && <ErrorMessage title="The workout didn't start" message={start.error.message} />}
      {skip.isError && <ErrorMessage title="The day wasn't skipped" message={skip.error.message} />}

      <WeekSchedule
        timeZone={user.timeZone}
        cycleWeeks={plan.cycleWeeks}
        catchUp={{
          onCatchUp: () => startWorkout({}, shortLabel(next.weekNumber, next.dayNumber)),
          onSkip: () => setConfirmSkip(true),
          isStarting: isStarting({}),
          disabled: busy || paused,
        }}
      />

      <section className="stack" aria-labelledby="days-title">
        <div className="section-header">
          <h2 className="section-title" id="days-title">
            Your week
          </h2>
          {multiWeek && <span className="muted">Week {next.weekNumber}</span>}
        </div>
        <p className="muted">Any day of this week can be done out of order.</p>
        <ul className="day-grid">
          {weekDays.map((day) => {
            const body = { weekNumber: next.weekNumber, dayNumber: day.dayNumber };
            return (
              <DayCard
                key={day.id}
                day={day}
                isNext={day.dayNumber === next.dayNumber && !inProgressWorkout}
                status={dayStatus.get(day.dayNumber) ?? null}
                isStarting={isStarting(body)}
                disabled={busy || paused}
                onStart={() => startWorkout(body, shortLabel(next.weekNumber, day.dayNumber))}
              />
            );
          })}
        </ul>
      </section>

      {missingTMs.length === 0 && <ComingWeeks plan={plan} position={next} />}

      <TrainingMaxesSection />

      <section className="stack" aria-labelledby="recent-title">
        <div className="section-header">
          <h2 className="section-title" id="recent-title">
            Recent workouts
          </h2>
          <Link to={paths.history}>All history</Link>
        </div>
        <QueryState query={recent} loadingLabel="Loading your workouts…" errorTitle="We couldn't load your workouts">
          {(page) =>
            page.items.length === 0 ? (
              <p className="muted">No workouts yet. Start {nextLabel} when you're ready.</p>
            ) : (
              <RecentWorkouts
                workouts={page.items.slice(0, RECENT_COUNT)}
                nameOf={nameOf}
                cycleWeeksOf={(w) => (w.planId === plan.id ? plan.cycleWeeks : 1)}
                unit={displayUnit}
              />
            )
          }
        </QueryState>
      </section>

      {confirmSkip && (
        <ConfirmDialog
          title={`Skip ${nextLabel}?`}
          confirmLabel="Skip this day"
          isLoading={skip.isPending}
          onConfirm={skipDay}
          onCancel={() => setConfirmSkip(false)}
        >
          <p>
            It goes into your history as skipped and your plan moves on to the next day. No training max changes
            {plan.progressionRules.some((r) => r.kind === 'cycle_increment')
              ? ', except the increase at the end of a cycle if this was its last day.'
              : '.'}
          </p>
        </ConfirmDialog>
      )}

      {conflict && (
        <Dialog
          title="You have a workout in progress"
          onClose={() => setConflict(null)}
          actions={
            <>
              <Link className="button button--primary" to={paths.workout(conflict.workoutId)} data-autofocus>
                Resume it
              </Link>
              <Button
                variant="secondary"
                className="button--destructive-outline"
                isLoading={abandon.isPending}
                onClick={() => abandonAndStart(conflict)}
              >
                Abandon it and start {conflict.label}
              </Button>
              <Button variant="ghost" onClick={() => setConflict(null)} disabled={abandon.isPending}>
                Cancel
              </Button>
            </>
          }
        >
          <p>
            Finish it first, or abandon it: an abandoned workout stays in your history and changes no training maxes.
          </p>
          {abandon.isError && <ErrorMessage message={abandon.error.message} />}
        </Dialog>
      )}
    </>
  );
}

type DayStatus = { label: string; tone: 'success' | 'neutral' | 'primary' };
const DAY_STATUS: Partial<Record<WorkoutSummaryDto['status'], DayStatus>> = {
  completed: { label: 'Done', tone: 'success' },
  skipped: { label: 'Skipped', tone: 'neutral' },
  in_progress: { label: 'In progress', tone: 'primary' },
};

function TrainingMaxesSection() {
  const trainingMaxes = useTrainingMaxes();
  return (
    <section className="stack" aria-labelledby="tms-title">
      <div className="section-header section-header--wrap">
        <h2 className="section-title" id="tms-title">
          Training maxes
        </h2>
        <Link to={paths.setup}>Edit</Link>
      </div>
      {trainingMaxes.isPending ? (
        <Loading label="Loading your training maxes…" />
      ) : trainingMaxes.isError ? (
        <ErrorMessage message={trainingMaxes.error.message} onRetry={() => void trainingMaxes.refetch()} />
      ) : (
        <TrainingMaxList trainingMaxes={trainingMaxes.data.trainingMaxes} unit={trainingMaxes.data.unit} />
      )}
    </section>
  );
}
