import type { CurrentPlanResponse, WorkoutDto, WorkoutSetDto } from '@liftplan/domain';
import { isLighterThanPrescribed } from '@liftplan/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Badge } from '@/components/Badge';
import { Button } from '@/components/Button';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { ErrorMessage } from '@/components/ErrorMessage';
import { QueryState } from '@/components/QueryState';
import { ApiError } from '@/lib/api-client';
import { currentUserQueryKey, type CurrentUserResponse } from '@/lib/current-user';
import { dayTitle, formatDate, planPositionLabel, pluralize, workoutTitle } from '@/lib/format';
import { paths } from '@/lib/paths';
import { useCurrentPlan, useTrainingMaxes } from '@/lib/training-state';
import { useDocumentTitle } from '@/lib/use-document-title';
import { getSetSaveQueue } from '../api/workout-api';
import { useAbandonWorkout, useCompleteWorkout, useLogSet, useSaveQueueState, useWorkout } from '../api/use-workout';
import { ResultPanel } from '../components/ResultPanel';
import { RestTimer } from '../components/RestTimer';
import { SaveStatus } from '../components/SaveStatus';
import { rowSaveState, useSaveHealth } from '../components/save-health';
import { WorkoutNote } from '../components/WorkoutNote';
import { AddExerciseButton, SlotActions, SlotNotes } from '../components/SlotActions';
import { needsOwnWeight, SetRow } from '../components/SetRow';
import { groupSetsByKind, type SetGroup } from '../components/set-groups';
import { restDurationMs, useRestTimer } from '../components/use-rest-timer';
import '@/components/ui.css';
import '../workout.css';

export function WorkoutPage() {
  const workoutId = Number(useParams().workoutId);
  if (!Number.isInteger(workoutId) || workoutId <= 0) return <WorkoutNotFound />;
  return <WorkoutLoader key={workoutId} workoutId={workoutId} />;
}

function WorkoutNotFound() {
  useDocumentTitle('Workout not found');
  return (
    <div className="page">
      <h1 className="page__title">Workout not found</h1>
      <p>This workout doesn't exist, or it isn't yours.</p>
      <Link to={paths.dashboard}>Back to the dashboard</Link>
    </div>
  );
}

function WorkoutLoader({ workoutId }: { workoutId: number }) {
  const workout = useWorkout(workoutId);
  useDocumentTitle(workout.data ? workoutTitle(workout.data) : 'Workout');
  if (workout.error instanceof ApiError && workout.error.status === 404) return <WorkoutNotFound />;
  return (
    <QueryState query={workout} loadingLabel="Loading your workout…" errorTitle="We couldn't load this workout">
      {(data) => <WorkoutView workout={data} />}
    </QueryState>
  );
}

function WorkoutView({ workout }: { workout: WorkoutDto }) {
  const saveState = useSaveQueueState(workout.id);
  const saveHealth = useSaveHealth(saveState);
  const { logSet, rejected, dismissRejected } = useLogSet(workout.id);
  const complete = useCompleteWorkout(workout.id);
  const abandon = useAbandonWorkout(workout.id);
  const inProgress = workout.status === 'in_progress';
  const timer = useRestTimer(inProgress ? `liftplan.restTimer.${workout.id}` : null);
  const queryClient = useQueryClient();
  const [justCompleted, setJustCompleted] = useState(false);
  const [confirm, setConfirm] = useState<'complete' | 'abandon' | null>(null);
  const nameOf = useExerciseNames(workout);
  const currentPlan = useCurrentPlan();
  const plan = currentPlan.data?.plan.id === workout.planId ? currentPlan.data : null;

  const sections = groupSetsByKind(workout.sets);
  const showKinds = sections.length > 1;
  const doneCount = workout.sets.filter((s) => s.completed).length;
  const notDone = workout.sets.length - doneCount;
  const progressionWithoutReps = workout.sets.some((s) => s.isProgression && s.actualReps === null);
  // A progression set done lighter than prescribed moves no TM (the completion result says so too).
  const lighterProgression = workout.sets.some((s) => s.isProgression && !s.skipped && isLighterThanPrescribed(s));
  const doneWithoutWeight = workout.sets.filter(
    (s) => needsOwnWeight(s) && s.completed && s.actualWeight === null,
  ).length;
  const savesPending = saveState.pendingCount > 0;

  const toggle = (set: WorkoutSetDto) => {
    const completed = !set.completed;
    // A set the lifter weighs, done without a weight: the weight of the set before it, as offered in the field.
    const offered = completed && needsOwnWeight(set) && set.actualWeight === null ? offeredWeight(workout, set) : null;
    // Done and skipped travel together, so merged offline changes never say both (the server refuses that).
    const patch = completed ? { completed, skipped: false } : { completed };
    logSet(set.id, offered === null ? patch : { ...patch, actualWeight: offered });
    // The plan's rest for the slot when it gives one (0: no timer), else the lifter's default, else 2 minutes.
    const me = queryClient.getQueryData<CurrentUserResponse>(currentUserQueryKey)?.user;
    const rest = restDurationMs(set.restSeconds, me?.defaultRestSeconds);
    if (completed && rest > 0) timer.start(rest);
  };

  const renderGroup = (group: SetGroup, headingLevel: 2 | 3) => {
    const headingId = `group-${group.key.replace(/\W/g, '-')}`;
    const groupDone = group.sets.filter((s) => s.completed).length;
    const Heading = headingLevel === 2 ? 'h2' : 'h3';
    return (
      <section
        key={group.key}
        className="exercise-group"
        // Outside "Main" the kind tells apart two groups of one slot (its warm-up and its work sets).
        aria-labelledby={showKinds && group.kind !== 'main' ? undefined : headingId}
        aria-label={
          showKinds && group.kind !== 'main'
            ? `${group.tier} ${group.name}, ${group.kind === 'warmup' ? 'warm-up' : group.kind}`
            : undefined
        }
      >
        <Heading className="exercise-group__title" id={headingId}>
          <span className="tier">{group.tier}</span> {group.name}
        </Heading>
        <p className="exercise-group__meta muted">
          {group.exerciseName && `${group.exerciseName} · `}
          {groupDone} of {group.sets.length} done
        </p>
        <SlotNotes group={group} readOnly={!inProgress} />
        <ol className="set-list">
          {group.sets.map((set) => (
            <SetRow
              key={set.id}
              set={set}
              unit={workout.unit}
              saveState={rowSaveState(saveState.states.get(set.id), saveHealth)}
              readOnly={!inProgress}
              onToggle={toggle}
              // Typing the reps of a set means it was done: it ticks (and un-skips) it.
              onReps={(s, reps) =>
                logSet(
                  s.id,
                  reps === null ? { actualReps: reps } : { actualReps: reps, completed: true, skipped: false },
                )
              }
              onLog={(s, patch) => logSet(s.id, patch)}
              increment={queryClient.getQueryData<CurrentUserResponse>(currentUserQueryKey)?.user.weightIncrement}
              onWeight={(s, weight) => logSet(s.id, { actualWeight: weight })}
              offeredWeight={needsOwnWeight(set) ? offeredWeight(workout, set) : null}
            />
          ))}
        </ol>
        <SlotActions workout={workout} group={group} readOnly={!inProgress} />
      </section>
    );
  };

  const finish = () =>
    complete.mutate(undefined, {
      onSuccess: () => {
        setJustCompleted(true);
        timer.dismiss();
      },
      onSettled: () => setConfirm(null),
    });

  return (
    <div className={`page workout${timer.isActive ? ' workout--timer' : ''}`}>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={paths.dashboard}>Dashboard</Link>
      </nav>
      <header className="page__header">
        <h1 className="page__title">{dayTitle(workout.dayNumber, workout.dayName)}</h1>
        <p className="page__intro">
          {[workout.planName, position(workout, plan), formatDate(workout.createdAt)].filter(Boolean).join(' · ')}
          {isDeload(workout, plan) && (
            <>
              {' '}
              <Badge tone="warning">Deload</Badge>
            </>
          )}
          {workout.status === 'completed' && (
            <>
              {' '}
              <Badge tone="success">Completed</Badge>
            </>
          )}
          {workout.status === 'abandoned' && (
            <>
              {' '}
              <Badge tone="warning">Abandoned</Badge>
            </>
          )}
          {workout.status === 'skipped' && (
            <>
              {' '}
              <Badge>Skipped</Badge>
            </>
          )}
        </p>
        {workout.status !== 'skipped' && (
          <div className="workout__progress">
            <progress max={workout.sets.length} value={doneCount} aria-label="Sets done" />
            <span>
              {doneCount} of {pluralize(workout.sets.length, 'set')} done
            </span>
          </div>
        )}
      </header>

      {workout.status === 'completed' && (
        <ResultPanel
          progression={workout.progression ?? []}
          unit={workout.unit}
          nameOf={nameOf}
          stallFailures={(exerciseId) => stallFailures(plan, exerciseId)}
          context={{
            isDeload: isDeload(workout, plan),
            hasCycleRule: plan?.plan.progressionRules.some((r) => r.kind === 'cycle_increment') ?? false,
          }}
          focusOnMount={justCompleted}
        />
      )}
      {workout.status === 'skipped' && (
        <p className="notice">You skipped this day. It changed no training maxes and your plan moved on.</p>
      )}
      {workout.status === 'abandoned' && (
        <p className="notice">You abandoned this workout. It stays in your history and changed no training maxes.</p>
      )}

      {inProgress && (
        <SaveStatus state={saveState} health={saveHealth} onRetry={() => getSetSaveQueue(workout.id).retryNow()} />
      )}
      {rejected && (
        <div className="stack">
          <ErrorMessage title="A set could not be saved and was undone" message={rejected.message} />
          <Button variant="ghost" onClick={dismissRejected}>
            Dismiss
          </Button>
        </div>
      )}

      {sections.map((section) =>
        showKinds ? (
          <section
            key={section.kind}
            className={`kind-section kind-section--${section.kind}`}
            aria-labelledby={`kind-${section.kind}`}
          >
            <h2 className="kind-section__title" id={`kind-${section.kind}`}>
              {section.label}
            </h2>
            {section.groups.map((group) => renderGroup(group, 3))}
          </section>
        ) : (
          section.groups.map((group) => renderGroup(group, 2))
        ),
      )}

      {inProgress && <AddExerciseButton workout={workout} />}

      <WorkoutNote workout={workout} />

      {inProgress && (
        <section className="card workout__finish" aria-label="Finish the workout">
          {complete.isError && <ErrorMessage title="The workout was not completed" message={complete.error.message} />}
          {abandon.isError && <ErrorMessage title="The workout was not abandoned" message={abandon.error.message} />}
          <Button
            fullWidth
            isLoading={complete.isPending}
            disabled={savesPending || abandon.isPending}
            aria-describedby={savesPending ? 'complete-blocked' : undefined}
            onClick={() =>
              notDone > 0 || progressionWithoutReps || lighterProgression || doneWithoutWeight > 0
                ? setConfirm('complete')
                : finish()
            }
          >
            Complete workout
          </Button>
          {savesPending && (
            <p className="muted" id="complete-blocked">
              {saveHealth.online
                ? `Waiting for ${pluralize(saveState.pendingCount, 'set')} to be saved before completing.`
                : `Completing needs a connection: ${pluralize(saveState.pendingCount, 'set')} still to sync.`}
            </p>
          )}
          <Button
            variant="ghost"
            className="button--destructive-text"
            fullWidth
            onClick={() => setConfirm('abandon')}
            disabled={complete.isPending}
          >
            Abandon workout
          </Button>
        </section>
      )}

      {confirm === 'complete' && (
        <ConfirmDialog
          title="Complete this workout?"
          confirmLabel="Complete workout"
          isLoading={complete.isPending}
          onConfirm={finish}
          onCancel={() => setConfirm(null)}
        >
          <ul className="modal__list">
            {notDone > 0 && <li>{pluralize(notDone, 'set')} not marked done.</li>}
            {progressionWithoutReps && <li>No reps logged on the progression set: its training max won't change.</li>}
            {lighterProgression && (
              <li>The progression set was done lighter than prescribed: its training max won't change.</li>
            )}
            {doneWithoutWeight > 0 && <li>{pluralize(doneWithoutWeight, 'set')} done without the weight you used.</li>}
          </ul>
        </ConfirmDialog>
      )}
      {confirm === 'abandon' && (
        <ConfirmDialog
          title="Abandon this workout?"
          confirmLabel="Abandon workout"
          danger
          isLoading={abandon.isPending}
          onConfirm={() =>
            abandon.mutate(undefined, { onSettled: () => setConfirm(null), onSuccess: () => timer.dismiss() })
          }
          onCancel={() => setConfirm(null)}
        >
          <p>It stays in your history, but no training max changes. You can then start any day.</p>
        </ConfirmDialog>
      )}

      {inProgress && <RestTimer timer={timer} />}
    </div>
  );
}

/** The weight last entered on an earlier set of the same exercise slot in this workout, if any. */
function offeredWeight(workout: WorkoutDto, set: WorkoutSetDto): number | null {
  const earlier = workout.sets
    .filter(
      (s) =>
        s.exerciseOrder === set.exerciseOrder &&
        s.exerciseId === set.exerciseId &&
        s.setOrder < set.setOrder &&
        s.actualWeight !== null,
    )
    .sort((a, b) => b.setOrder - a.setOrder);
  return earlier[0]?.actualWeight ?? null;
}

/** "Cycle 2 · Week 3 of 4" when the workout belongs to the lifter's current plan and that has several weeks. */
function position(workout: WorkoutDto, current: CurrentPlanResponse | null): string | null {
  if (!current || current.plan.cycleWeeks <= 1) return null;
  return planPositionLabel(workout, current.plan.cycleWeeks);
}

function isDeload(workout: WorkoutDto, current: CurrentPlanResponse | null): boolean {
  return current?.plan.weeks.find((w) => w.weekNumber === workout.weekNumber)?.isDeload ?? false;
}

/** How many misses in a row reset this lift's TM under the plan's stall_reset rule (the lift's own rule wins). */
function stallFailures(current: CurrentPlanResponse | null, exerciseId: number): number | null {
  if (!current) return null;
  const rules = current.plan.progressionRules.filter((r) => r.kind === 'stall_reset');
  const isUpper = current.plan.requiredExercises.find((e) => e.id === exerciseId)?.isUpperBody;
  const rule =
    rules.find((r) => r.exerciseId === exerciseId) ??
    rules.find((r) => r.exerciseId === null && isUpper !== undefined && r.category === (isUpper ? 'upper' : 'lower'));
  return rule?.failures ?? null;
}

/** Names for progression results: from the workout's own sets, else the lifter's TM list, else the slug. */
function useExerciseNames(workout: WorkoutDto) {
  const needsLookup = (workout.progression ?? []).some(
    (p) => !workout.sets.some((s) => s.exercise.id === p.exerciseId),
  );
  const trainingMaxes = useTrainingMaxes({ enabled: needsLookup });
  return (exerciseId: number, slug: string) =>
    workout.sets.find((s) => s.exercise.id === exerciseId)?.exercise.name ??
    (needsLookup
      ? trainingMaxes.data?.trainingMaxes.find((tm) => tm.exercise.id === exerciseId)?.exercise.name
      : undefined) ??
    slug.replace(/-/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
}
