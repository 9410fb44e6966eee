import type { ProgressionResultDto } from '@liftplan/domain';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import { Badge } from '@/components/Badge';
import { formatIncrease, formatWeight, pluralize, type Unit } from '@/lib/format';
import { paths } from '@/lib/paths';

type ResultPanelProps = {
  progression: ProgressionResultDto[];
  unit: Unit;
  /** Exercise names by id (progression results carry only a slug). */
  nameOf: (exerciseId: number, slug: string) => string;
  /** Move focus here when it appears right after completing (not when reopening a finished workout). */
  focusOnMount?: boolean;
};

/** What completing the workout did to the training maxes: old → new, +increase, from how many AMRAP reps. */
export function ResultPanel({ progression, unit, nameOf, focusOnMount = false }: ResultPanelProps) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focusOnMount) {
      ref.current?.focus();
      ref.current?.scrollIntoView?.({ block: 'start' });
    }
  }, [focusOnMount]);

  return (
    <section ref={ref} className="card result-panel" aria-labelledby="result-title" tabIndex={-1}>
      <h2 className="result-panel__title" id="result-title">
        Workout complete
      </h2>
      {progression.length === 0 ? (
        <p>No training max changes: this day has no progression set.</p>
      ) : (
        <ul className="result-panel__list">
          {progression.map((result) => (
            <li key={result.exerciseId} className="result-panel__item">
              <span className="result-panel__lift">{nameOf(result.exerciseId, result.slug)}</span>
              <span className="result-panel__change">
                {result.increase > 0 ? (
                  <>
                    {formatWeight(result.previousTM, unit)} <span aria-hidden="true">→</span>
                    <span className="visually-hidden">to</span> <strong>{formatWeight(result.newTM, unit)}</strong>{' '}
                    <Badge tone="success">{formatIncrease(result.increase, unit)}</Badge>
                  </>
                ) : (
                  <>
                    Stays at <strong>{formatWeight(result.newTM, unit)}</strong>
                  </>
                )}
              </span>
              <span className="result-panel__reason muted">
                {pluralize(result.amrapReps, 'rep')} on the progression set
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="result-panel__actions">
        <Link className="button button--primary" to={paths.dashboard}>
          Back to dashboard
        </Link>
        <Link className="button button--secondary" to={paths.history}>
          See history
        </Link>
      </div>
    </section>
  );
}
