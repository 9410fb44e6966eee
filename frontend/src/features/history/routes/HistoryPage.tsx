import type { ProgressResponse } from '@liftplan/domain';
import { Component, lazy, Suspense, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Button } from '@/components/Button';
import { EmptyState } from '@/components/EmptyState';
import { ErrorMessage } from '@/components/ErrorMessage';
import { QueryState } from '@/components/QueryState';
import { Loading } from '@/components/Spinner';
import { capitalize } from '@/lib/format';
import { paths } from '@/lib/paths';
import { useCurrentPlan } from '@/lib/training-state';
import { useDocumentTitle } from '@/lib/use-document-title';
import { HISTORY_PAGE_SIZE, useProgress, useWorkoutHistory } from '../api/history-api';
import { PersonalRecords } from '../components/PersonalRecords';
import { WorkoutHistoryItem } from '../components/WorkoutHistoryItem';
import '@/components/ui.css';
import '../history.css';

// The chart library (uPlot) only loads when there is something to chart, after the list.
const ProgressCharts = lazy(async () => ({ default: (await import('../components/ProgressCharts')).ProgressCharts }));

export function HistoryPage() {
  useDocumentTitle('History');
  const [searchParams, setSearchParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(searchParams.get('page') ?? '1', 10) || 1);
  const history = useWorkoutHistory(page);
  const progress = useProgress();

  const recordsByWorkout = new Map<number, Array<{ exerciseId: number; setId: number }>>();
  for (const series of progress.data?.estimatedOneRepMax ?? []) {
    for (const point of series.points) {
      if (!point.isPersonalRecord) continue;
      const list = recordsByWorkout.get(point.workoutId) ?? [];
      list.push({ exerciseId: series.exercise.id, setId: point.setId });
      recordsByWorkout.set(point.workoutId, list);
    }
  }
  const names = new Map<number, string>();
  for (const series of progress.data?.trainingMaxes ?? []) names.set(series.exercise.id, series.exercise.name);
  // Until the names have loaded, a readable form of the slug ("bench-press" → "Bench press").
  const nameOf = (exerciseId: number, slug: string) => names.get(exerciseId) ?? capitalize(slug.replaceAll('-', ' '));
  const currentPlan = useCurrentPlan().data?.plan;
  const cycleWeeksOf = (planId: number | null) =>
    currentPlan && planId === currentPlan.id ? currentPlan.cycleWeeks : 1;

  const goTo = (next: number) => {
    setSearchParams(next === 1 ? {} : { page: String(next) });
    document.getElementById('workouts-title')?.focus();
  };

  return (
    <div className="page">
      <h1 className="page__title">History</h1>

      <section className="stack" aria-labelledby="workouts-title">
        <h2 className="section-title" id="workouts-title" tabIndex={-1}>
          Workouts
        </h2>
        <QueryState query={history} loadingLabel="Loading your workouts…" errorTitle="We couldn't load your workouts">
          {(data) => {
            const pages = Math.max(1, Math.ceil(data.total / HISTORY_PAGE_SIZE));
            if (data.total === 0) {
              return (
                <EmptyState
                  title="No workouts yet"
                  description="Your logged workouts will show up here, planned next to done."
                  action={
                    <Link className="button button--primary" to={paths.dashboard}>
                      Go to your dashboard
                    </Link>
                  }
                />
              );
            }
            return (
              <>
                <ul className="card-list" aria-busy={history.isPlaceholderData || undefined}>
                  {data.items.map((workout) => (
                    <WorkoutHistoryItem
                      key={workout.id}
                      workout={workout}
                      records={recordsByWorkout.get(workout.id) ?? []}
                      nameOf={nameOf}
                      cycleWeeks={cycleWeeksOf(workout.planId)}
                    />
                  ))}
                </ul>
                {pages > 1 && (
                  <nav className="pagination" aria-label="Workout pages">
                    <Button variant="secondary" disabled={page <= 1} onClick={() => goTo(page - 1)}>
                      Newer
                    </Button>
                    <span aria-live="polite">
                      Page {page} of {pages}
                    </span>
                    <Button variant="secondary" disabled={page >= pages} onClick={() => goTo(page + 1)}>
                      Older
                    </Button>
                  </nav>
                )}
              </>
            );
          }}
        </QueryState>
      </section>

      <section className="stack" aria-labelledby="progress-title">
        <h2 className="section-title" id="progress-title">
          Progress
        </h2>
        <QueryState query={progress} loadingLabel="Loading your progress…" errorTitle="We couldn't load your progress">
          {(data) => <Progress progress={data} />}
        </QueryState>
      </section>
    </div>
  );
}

function Progress({ progress }: { progress: ProgressResponse }) {
  const hasSeries = progress.trainingMaxes.length > 0 || progress.estimatedOneRepMax.length > 0;
  return (
    <>
      <h3 className="subsection-title">Personal records</h3>
      <PersonalRecords progress={progress} />
      <h3 className="subsection-title">Charts</h3>
      {hasSeries ? (
        <ChartBoundary>
          <Suspense fallback={<Loading label="Loading charts…" />}>
            <ProgressCharts progress={progress} />
          </Suspense>
        </ChartBoundary>
      ) : (
        <p className="muted">Set your training maxes and complete a workout to see charts.</p>
      )}
    </>
  );
}

/** The charts' code can fail to download (offline, a new deploy): say so here instead of failing the page. */
class ChartBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    if (this.state.failed) {
      return <ErrorMessage title="The charts didn't load" message="Check your connection and reload the page." />;
    }
    return this.props.children;
  }
}
