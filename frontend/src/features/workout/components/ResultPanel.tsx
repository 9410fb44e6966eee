import type { ProgressionResultDto } from '@liftplan/domain';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import { Badge } from '@/components/Badge';
import '../logging.css';
import { capitalize, formatIncrease, formatWeight, pluralize, type Unit } from '@/lib/format';
import { paths } from '@/lib/paths';

type ResultPanelProps = {
  progression: ProgressionResultDto[];
  unit: Unit;
  /** Exercise names by id (progression results carry only a slug). */
  nameOf: (exerciseId: number, slug: string) => string;
  /** Misses in a row that reset a lift's TM under its plan's rule, when known. */
  stallFailures?: (exerciseId: number) => number | null;
  /** What the plan says about this workout, when known: why no rule moved a TM. */
  context?: ResultContext;
  /** Move focus here when it appears right after completing (not when reopening a finished workout). */
  focusOnMount?: boolean;
};

export type ResultContext = { isDeload: boolean; hasCycleRule: boolean };

/** Why a TM moved (or didn't): the rule's kind in words, with the reps behind it. */
export function describeResult(
  result: ProgressionResultDto,
  failures: number | null = null,
  context: ResultContext = { isDeload: false, hasCycleRule: false },
): string {
  const reps = result.amrapReps === null ? null : `${pluralize(result.amrapReps, 'rep')} on the progression set`;
  if (result.held === 'lighter_than_prescribed') {
    const why = 'the progression set was done lighter than prescribed, so it moves no training max';
    return result.kind === 'cycle_increment' ? `Cycle increase only: ${why}` : capitalize(why);
  }
  switch (result.kind) {
    case 'amrap_table':
      return reps ?? 'AMRAP table';
    case 'reps_over_target':
      return reps ? `Reps over target: ${reps}` : 'Reps over target';
    case 'cycle_increment':
      return 'Cycle increase: you finished a cycle';
    case 'stall_reset':
      return `Reset after ${failures === null ? 'repeated misses' : pluralize(failures, 'miss', 'misses')} in a row`;
    case undefined: {
      // No kind: an AMRAP table moved the TM, or nothing did.
      if (result.increase !== 0) return reps ?? 'AMRAP table';
      const why = context.isDeload
        ? 'a deload week changes no training max'
        : context.hasCycleRule
          ? 'this plan raises training maxes at the end of each cycle'
          : 'no rule applies';
      return reps ? `${reps}: ${why}` : capitalize(why);
    }
  }
}

/** What completing the workout did to the training maxes: old → new, the change, and the rule behind it. */
export function ResultPanel({
  progression,
  unit,
  nameOf,
  stallFailures,
  context,
  focusOnMount = false,
}: ResultPanelProps) {
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
        <p>No training max changes: nothing in this workout moves one.</p>
      ) : (
        <ul className="result-panel__list">
          {progression.map((result, i) => {
            const change = result.newTM - result.previousTM;
            return (
              <li key={`${result.exerciseId}-${result.kind}-${i}`} className="result-panel__item">
                <span className="result-panel__lift">{nameOf(result.exerciseId, result.slug)}</span>
                <span className="result-panel__change">
                  {change !== 0 ? (
                    <>
                      {formatWeight(result.previousTM, unit)} <span aria-hidden="true">→</span>
                      <span className="visually-hidden">to</span> <strong>{formatWeight(result.newTM, unit)}</strong>{' '}
                      <Badge tone={change > 0 ? 'success' : 'warning'}>
                        {formatIncrease(result.increase !== 0 ? result.increase : change, unit)}
                      </Badge>
                    </>
                  ) : (
                    <>
                      Stays at <strong>{formatWeight(result.newTM, unit)}</strong>
                    </>
                  )}
                </span>
                <span className={`result-panel__reason${result.held ? ' result-panel__held' : ' muted'}`}>
                  {describeResult(result, stallFailures?.(result.exerciseId) ?? null, context)}
                </span>
                {result.capped && (
                  <span className="result-panel__capped">
                    <Badge tone="warning">Capped</Badge> The rule's increase was cut to keep this training max within
                    the app's limit.
                  </span>
                )}
              </li>
            );
          })}
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
