import type { CurrentPlanResponse } from '@liftplan/domain';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button } from '@/components/Button';
import { Dialog } from '@/components/Dialog';
import { EmptyState } from '@/components/EmptyState';
import { ErrorMessage } from '@/components/ErrorMessage';
import { QueryState } from '@/components/QueryState';
import { Loading } from '@/components/Spinner';
import { ApiError } from '@/lib/api-client';
import { useCurrentUser } from '@/lib/current-user';
import { dayTitle, formatWeight } from '@/lib/format';
import { paths } from '@/lib/paths';
import { useCurrentPlan, useTrainingMaxes } from '@/lib/training-state';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useAbandonWorkout, useRecentWorkouts, useStartWorkout } from '../api/dashboard-api';
import { DayCard } from '../components/DayCard';
import { RecentWorkouts } from '../components/RecentWorkouts';
import '@/components/ui.css';
import '../dashboard.css';

export function DashboardPage() {
  useDocumentTitle('Dashboard');
  const user = useCurrentUser();
  const currentPlan = useCurrentPlan();

  return (
    <div className="page">
      <h1 className="page__title">Hi, {user.displayName}</h1>
      <QueryState query={currentPlan} loadingLabel="Loading your plan…" errorTitle="We couldn't load your plan">
        {(current) =>
          current === null ? (
            <EmptyState
              title="No plan yet"
              description="Pick a strength plan and enter your maxes: every set will be prescribed to the plate."
              action={
                <Link className="button button--primary" to={paths.plans}>
                  Browse plans
                </Link>
              }
            />
          ) : (
            <PlanDashboard current={current} />
          )
        }
      </QueryState>
    </div>
  );
}

type InProgressConflict = { workoutId: number; dayNumber: number };

function PlanDashboard({ current }: { current: CurrentPlanResponse }) {
  const navigate = useNavigate();
  const recent = useRecentWorkouts();
  const start = useStartWorkout();
  const abandon = useAbandonWorkout();
  const [conflict, setConflict] = useState<InProgressConflict | null>(null);
  const { plan, inProgressWorkout, nextDayNumber, missingTMs } = current;

  const exerciseNames = new Map(plan.requiredExercises.map((e) => [e.id, e.name]));
  const nameOf = (exerciseId: number, slug: string) => exerciseNames.get(exerciseId) ?? slug;

  function startDay(dayNumber: number) {
    start.mutate(dayNumber, {
      onSuccess: ({ workout }) => void navigate(paths.workout(workout.id)),
      onError: (error) => {
        if (!(error instanceof ApiError)) return;
        if (error.code === 'WORKOUT_IN_PROGRESS') {
          const workoutId = (error.details as { workoutId?: unknown } | undefined)?.workoutId;
          if (typeof workoutId === 'number') {
            setConflict({ workoutId, dayNumber });
            start.reset();
          }
        } else if (error.code === 'MISSING_TRAINING_MAX') {
          void navigate(paths.setup);
        }
      },
    });
  }

  function abandonAndStart({ workoutId, dayNumber }: InProgressConflict) {
    abandon.mutate(workoutId, {
      onSuccess: () => {
        setConflict(null);
        startDay(dayNumber);
      },
    });
  }

  const inProgressSummary = inProgressWorkout && recent.data?.items.find((w) => w.id === inProgressWorkout.id);
  const inProgressDay = inProgressWorkout && plan.days.find((d) => d.dayNumber === inProgressWorkout.dayNumber);

  return (
    <>
      <p className="page__intro">
        On <Link to={paths.plan(plan.id)}>{plan.name}</Link>
      </p>

      {inProgressWorkout && (
        <section className="card resume-card" aria-labelledby="resume-title">
          <p className="resume-card__eyebrow">Workout in progress</p>
          <h2 className="resume-card__title" id="resume-title">
            {dayTitle(inProgressWorkout.dayNumber, inProgressDay?.name)}
          </h2>
          {inProgressSummary && (
            <p>
              {inProgressSummary.completedSetCount} of {inProgressSummary.setCount} sets done
            </p>
          )}
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

      {start.isError && <ErrorMessage title="The workout didn't start" message={start.error.message} />}

      <section className="stack" aria-labelledby="days-title">
        <h2 className="section-title" id="days-title">
          Your week
        </h2>
        <ul className="day-grid">
          {plan.days.map((day) => (
            <DayCard
              key={day.id}
              day={day}
              isNext={day.dayNumber === nextDayNumber && !inProgressWorkout}
              isStarting={start.isPending && start.variables === day.dayNumber}
              disabled={start.isPending || abandon.isPending}
              onStart={startDay}
            />
          ))}
        </ul>
      </section>

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
              <p className="muted">No workouts yet. Start day {nextDayNumber} when you're ready.</p>
            ) : (
              <RecentWorkouts workouts={page.items} nameOf={nameOf} />
            )
          }
        </QueryState>
      </section>

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
                Abandon it and start day {conflict.dayNumber}
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

function TrainingMaxesSection() {
  const trainingMaxes = useTrainingMaxes();
  return (
    <section className="stack" aria-labelledby="tms-title">
      <div className="section-header">
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
        <ul className="tm-grid">
          {trainingMaxes.data.trainingMaxes.map((tm) => (
            <li key={tm.exercise.id} className="tm-grid__item">
              <span className="tm-grid__name">{tm.exercise.name}</span>
              <span className="tm-grid__value">
                {tm.trainingMax === null ? (
                  <span className="muted">not set</span>
                ) : (
                  formatWeight(tm.trainingMax, trainingMaxes.data.unit)
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
