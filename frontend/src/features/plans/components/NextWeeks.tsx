import {
  maxProjectionWeeks,
  type PlanDetailDto,
  type ProjectedSessionDto,
  type ProjectionResponse,
} from '@liftplan/domain';
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { Badge } from '@/components/Badge';
import { Button } from '@/components/Button';
import { ErrorMessage } from '@/components/ErrorMessage';
import { Loading } from '@/components/Spinner';
import { ApiError } from '@/lib/api-client';
import { dayTitle, formatIncrease, formatReps, formatWeight, planPositionLabel, type Unit } from '@/lib/format';
import { paths } from '@/lib/paths';
import { topSets } from '@/lib/prescription';
import { useProjection } from '../api/plans-api';
import { basisShort } from './plan-library';

export const NEXT_WEEKS_ID = 'next-weeks';
const MAX_WEEKS = 52;
export const AMRAP_EXTRA_OPTIONS = [-2, -1, 0, 1, 2, 3] as const;

type NextWeeksProps = {
  plan: Pick<
    PlanDetailDto,
    'id' | 'name' | 'cycleWeeks' | 'requiredExercises' | 'tmPercent' | 'weeks' | 'progressionRules'
  >;
  /** The lifter's current plan: projected at once (otherwise on request, as the lifter may lack its TMs). */
  isCurrent: boolean;
};

/** Cycles at least this long are projected one cycle by default: two cycles of Juggernaut would be 8 months. */
const LONG_CYCLE_WEEKS = 8;

/**
 * Default length: two cycles; one of a long cycle, or of a plan without progression rules (Smolov Jr: its second
 * cycle would only repeat the first); never more than the plan can be projected (`limit`).
 */
export function defaultProjectionWeeks(cycleWeeks: number, limit = MAX_WEEKS, progresses = true): number {
  const cycle = Math.max(1, cycleWeeks);
  const cycles = cycle >= LONG_CYCLE_WEEKS || !progresses ? 1 : 2;
  return Math.max(1, Math.min(limit, cycle * cycles));
}

/** As many weeks as the server projects for this plan: a bounded number of sets (a busy 6-day plan, fewer weeks). */
function projectionLimit(weeks: PlanDetailDto['weeks']): number {
  const setsPerWeek = [...weeks]
    .sort((a, b) => a.weekNumber - b.weekNumber)
    .map((w) => w.days.reduce((n, d) => n + d.exercises.reduce((m, x) => m + x.sets.length, 0), 0));
  return setsPerWeek.length === 0 ? MAX_WEEKS : Math.max(1, maxProjectionWeeks(setsPerWeek));
}

/**
 * "Your next weeks": where this plan takes the lifter's own numbers. The API simulates N weeks from week 1 with
 * the lifter's current TMs, increment and rounding, every AMRAP set done at the prescribed reps plus the chosen
 * extra; per session the top set of each lift and the TMs it is prescribed from, TM changes highlighted.
 */
export function NextWeeks({ plan, isCurrent }: NextWeeksProps) {
  const limit = projectionLimit(plan.weeks);
  const progresses = plan.progressionRules.length > 0;
  const [chosenWeeks, setWeeks] = useState(() => defaultProjectionWeeks(plan.cycleWeeks, limit, progresses));
  // Without AMRAP sets (Smolov Jr) there are no "reps over target" to choose.
  const hasAmrap = plan.weeks.some((w) =>
    w.days.some((d) => d.exercises.some((x) => x.sets.some((set) => set.isAmrap))),
  );
  const repsMoveTms = plan.progressionRules.some((r) => r.kind === 'amrap_table' || r.kind === 'reps_over_target');
  // A newer version of the plan may allow fewer weeks.
  const weeks = Math.min(chosenWeeks, limit);
  const basis = basisShort(plan);
  const [chosenExtraReps, setAmrapExtraReps] = useState(0);
  const amrapExtraReps = hasAmrap ? chosenExtraReps : 0;
  // The current plan is known only once the lifter's plan has loaded: it switches the projection on then.
  const [requested, setRequested] = useState(false);
  const enabled = requested || isCurrent;
  const projection = useProjection(plan.id, { weeks, amrapExtraReps }, { enabled });
  const weeksId = useId();
  const sectionRef = useRef<HTMLElement>(null);
  const location = useLocation();
  const linkedHere = location.hash === `#${NEXT_WEEKS_ID}`;

  // The dashboard links here (`#next-weeks`): bring the section into view once it has something to show.
  useEffect(() => {
    if (linkedHere && projection.data) sectionRef.current?.scrollIntoView?.({ block: 'start' });
  }, [linkedHere, projection.data]);

  const names = new Map(plan.requiredExercises.map((e) => [e.id, e.name]));

  return (
    <section ref={sectionRef} className="stack next-weeks" id={NEXT_WEEKS_ID} aria-labelledby="next-weeks-title">
      <h2 className="section-title" id="next-weeks-title">
        Your next weeks
      </h2>
      <p className="muted">
        Where {plan.name} takes your numbers: each session from week 1 with your current{' '}
        {basis === '1RM' ? 'maxes' : 'training maxes'}, rounded the way your workouts are
        {hasAmrap ? ', if every AMRAP set goes as you choose below.' : '.'}
      </p>
      <div className="card next-weeks__controls">
        <div className="field next-weeks__weeks">
          <label className="field__label" htmlFor={weeksId}>
            Weeks ahead
          </label>
          <select
            id={weeksId}
            className="field__input"
            value={weeks}
            onChange={(event) => setWeeks(Number(event.target.value))}
          >
            {Array.from({ length: limit }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {weeksOptionLabel(n, plan.cycleWeeks)}
              </option>
            ))}
          </select>
        </div>
        {hasAmrap && (
          <fieldset className="fieldset next-weeks__amrap">
            <legend className="field__label">AMRAP reps over target</legend>
            <div className="segmented">
              {AMRAP_EXTRA_OPTIONS.map((extra) => (
                <label key={extra} className="segmented__option">
                  <input
                    type="radio"
                    name="amrapExtraReps"
                    value={extra}
                    checked={amrapExtraReps === extra}
                    onChange={() => setAmrapExtraReps(extra)}
                    aria-label={extraLabel(extra)}
                  />
                  <span aria-hidden="true">{signed(extra)}</span>
                </label>
              ))}
            </div>
            <p className="field__hint">{extraHint(amrapExtraReps)}</p>
          </fieldset>
        )}
      </div>

      {!enabled ? (
        <Button variant="secondary" onClick={() => setRequested(true)}>
          Show where this plan takes my numbers
        </Button>
      ) : projection.isPending ? (
        <Loading label="Working out your next weeks…" />
      ) : projection.isError ? (
        <ProjectionError error={projection.error} isCurrent={isCurrent} onRetry={() => void projection.refetch()} />
      ) : (
        <div className="stack" aria-busy={projection.isPlaceholderData || undefined}>
          <Projection
            projection={projection.data}
            names={names}
            cycleWeeks={plan.cycleWeeks}
            basis={basis}
            flatHint={
              repsMoveTms && amrapExtraReps <= 0
                ? `With every AMRAP set ${amrapExtraReps === 0 ? 'at exactly its target' : 'short of its target'}, none of your training maxes moves: in this plan they rise with the reps you beat the target by. Choose +1 or more above to see that.`
                : null
            }
          />
        </div>
      )}
    </section>
  );
}

function ProjectionError({ error, isCurrent, onRetry }: { error: Error; isCurrent: boolean; onRetry: () => void }) {
  if (error instanceof ApiError && error.code === 'MISSING_TRAINING_MAX') {
    const missing = missingLifts(error.details);
    return (
      <div className="notice stack">
        <p>
          {missing.length > 0
            ? `You have no training max yet for ${missing.join(', ')}.`
            : 'Some training maxes this plan needs are missing.'}{' '}
          {isCurrent
            ? 'Enter them and your next weeks show here.'
            : 'Start this plan and enter them to see your next weeks.'}
        </p>
        {isCurrent && (
          <Link className="button button--primary" to={paths.setup}>
            Enter your maxes
          </Link>
        )}
      </div>
    );
  }
  return <ErrorMessage title="We couldn't work out your next weeks" message={error.message} onRetry={onRetry} />;
}

function missingLifts(details: unknown): string[] {
  const list =
    typeof details === 'object' && details !== null && 'missingTMs' in details
      ? (details as { missingTMs: unknown }).missingTMs
      : details;
  if (!Array.isArray(list)) return [];
  return list.flatMap((m) =>
    typeof m === 'object' && m !== null && typeof (m as { name?: unknown }).name === 'string'
      ? [(m as { name: string }).name]
      : [],
  );
}

type ProjectionProps = {
  projection: ProjectionResponse;
  names: ReadonlyMap<number, string>;
  cycleWeeks: number;
  /** What the plan's percentages are of: its "training maxes" are 1RMs in a 1RM-based plan. */
  basis: 'TM' | '1RM';
  /** Why nothing moves, shown when no training max changes (a plan driven by reps over the target, at 0). */
  flatHint: string | null;
};

function Projection({ projection, names, cycleWeeks, basis, flatHint }: ProjectionProps) {
  const { sessions, unit } = projection;
  // The plan's lifts by name; a TM exercise that is not one of them, by the sets trained on it.
  const setNames = new Map(sessions.flatMap((s) => s.sets.map((set) => [set.exercise.id, set.exercise.name] as const)));
  const nameOf = (exerciseId: number, slug: string) =>
    names.get(exerciseId) ?? setNames.get(exerciseId) ?? slugToName(slug);
  if (sessions.length === 0) return <p className="muted">This plan has no sessions to project.</p>;

  const weeks = groupByWeek(sessions);
  // Each session's TMs against the last time the same TM was used: what moved in between.
  const previous = new Map<number, number>();
  const changes = sessions.map((session) => {
    const moved = new Map<number, number>();
    for (const tm of session.trainingMaxes) {
      const before = previous.get(tm.exerciseId);
      if (before !== undefined && before !== tm.trainingMax) moved.set(tm.exerciseId, tm.trainingMax - before);
      previous.set(tm.exerciseId, tm.trainingMax);
    }
    return moved;
  });

  return (
    <>
      <TmSummary sessions={sessions} unit={unit} nameOf={nameOf} weeks={weeks.length} basis={basis} />
      {flatHint && changes.every((moved) => moved.size === 0) && <p className="notice">{flatHint}</p>}
      {weeks.map((week) => (
        <section
          key={week.key}
          className="next-weeks__week stack"
          aria-label={planPositionLabel(week.position, cycleWeeks)}
        >
          <h3 className="next-weeks__week-title">
            {planPositionLabel({ ...week.position, isDeload: false }, cycleWeeks)}{' '}
            {week.position.isDeload && <Badge tone="warning">Deload</Badge>}
          </h3>
          <ul className="next-weeks__sessions">
            {week.sessions.map((session) => (
              <SessionCard
                key={`${session.cycle}-${session.weekNumber}-${session.dayNumber}`}
                session={session}
                unit={unit}
                nameOf={nameOf}
                changes={changes[sessions.indexOf(session)] ?? new Map()}
                basis={basis}
              />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/**
 * Each lift's TM when the projection first uses it and the last time it does (a session lists only the TMs it is
 * prescribed from, so both come from scanning every session).
 */
function TmSummary({
  sessions,
  unit,
  nameOf,
  weeks,
  basis,
}: {
  sessions: ProjectedSessionDto[];
  unit: Unit;
  nameOf: (id: number, slug: string) => string;
  weeks: number;
  basis: 'TM' | '1RM';
}) {
  const lifts = new Map<number, { slug: string; first: number; last: number }>();
  for (const session of sessions) {
    for (const tm of session.trainingMaxes) {
      const lift = lifts.get(tm.exerciseId);
      if (lift) lift.last = tm.trainingMax;
      else lifts.set(tm.exerciseId, { slug: tm.slug, first: tm.trainingMax, last: tm.trainingMax });
    }
  }
  return (
    <div className="card next-weeks__summary">
      <table className="set-table">
        <caption>{basis === '1RM' ? 'Maxes (1RM)' : 'Training maxes'}</caption>
        <thead>
          <tr>
            <th scope="col">Lift</th>
            <th scope="col">Now</th>
            <th scope="col">{weeks === 1 ? 'This week' : `By week ${weeks}`}</th>
          </tr>
        </thead>
        <tbody>
          {[...lifts].map(([exerciseId, { slug, first, last }]) => {
            const change = last - first;
            return (
              <tr key={exerciseId}>
                <th scope="row">{nameOf(exerciseId, slug)}</th>
                <td className="next-weeks__weight">{formatWeight(first, unit)}</td>
                <td>
                  <span className="next-weeks__weight">{formatWeight(last, unit)}</span>{' '}
                  {change !== 0 && (
                    <Badge tone={change > 0 ? 'success' : 'warning'}>{formatIncrease(change, unit)}</Badge>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

type SessionCardProps = {
  session: ProjectedSessionDto;
  unit: Unit;
  nameOf: (id: number, slug: string) => string;
  /** TMs that moved since they were last used, by how much. */
  changes: ReadonlyMap<number, number>;
  basis: 'TM' | '1RM';
};

function SessionCard({ session, unit, nameOf, changes, basis }: SessionCardProps) {
  const tops = topSets(session.sets);
  const used = new Set(session.sets.filter((s) => s.percentage !== null).map((s) => s.tmExerciseId));
  const tms = session.trainingMaxes.filter((tm) => used.has(tm.exerciseId));
  return (
    <li
      className={`card next-weeks__session${
        changes.size === 0
          ? ''
          : [...changes.values()].some((c) => c < 0)
            ? ' next-weeks__session--down'
            : ' next-weeks__session--up'
      }`}
    >
      <h4 className="next-weeks__session-title">{dayTitle(session.dayNumber, session.dayName)}</h4>
      <ul className="next-weeks__tops" aria-label="Top sets">
        {tops.map((set) => (
          <li key={`${set.exerciseOrder}:${set.exerciseId}`} className="next-weeks__top">
            <span className="next-weeks__lift">{set.name}</span>
            <span className="next-weeks__load">
              {set.prescribedWeight === null ? 'your weight' : formatWeight(set.prescribedWeight, unit)} ×{' '}
              {formatReps(set.prescribedReps, set.isAmrap, set.repsMax)}
            </span>
          </li>
        ))}
      </ul>
      {tms.length > 0 && (
        <p className="next-weeks__tms">
          <span className="muted">{basis} </span>
          {tms.map((tm, i) => {
            const change = changes.get(tm.exerciseId);
            return (
              <span key={tm.exerciseId}>
                {i > 0 && <span className="muted"> · </span>}
                {change === undefined ? (
                  <span className="next-weeks__tm">
                    {nameOf(tm.exerciseId, tm.slug)} {formatWeight(tm.trainingMax, unit)}
                  </span>
                ) : (
                  <mark className={`next-weeks__tm next-weeks__tm--${change > 0 ? 'up' : 'down'}`}>
                    {nameOf(tm.exerciseId, tm.slug)} {formatWeight(tm.trainingMax, unit)} (
                    {formatIncrease(change, unit)})
                  </mark>
                )}
              </span>
            );
          })}
        </p>
      )}
    </li>
  );
}

type WeekGroup = {
  key: string;
  position: { cycle: number; weekNumber: number; isDeload: boolean };
  sessions: ProjectedSessionDto[];
};

function groupByWeek(sessions: ProjectedSessionDto[]): WeekGroup[] {
  const groups: WeekGroup[] = [];
  for (const session of sessions) {
    const key = `${session.cycle}:${session.weekNumber}`;
    let group = groups[groups.length - 1];
    if (!group || group.key !== key) {
      group = {
        key,
        position: { cycle: session.cycle, weekNumber: session.weekNumber, isDeload: session.isDeload },
        sessions: [],
      };
      groups.push(group);
    }
    group.sessions.push(session);
  }
  return groups;
}

function weeksOptionLabel(weeks: number, cycleWeeks: number): string {
  const label = weeks === 1 ? '1 week' : `${weeks} weeks`;
  if (cycleWeeks <= 1 || weeks % cycleWeeks !== 0) return label;
  const cycles = weeks / cycleWeeks;
  return `${label} (${cycles === 1 ? '1 cycle' : `${cycles} cycles`})`;
}

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

function extraLabel(extra: number): string {
  if (extra === 0) return 'Exactly the target';
  return extra > 0
    ? `${extra} ${extra === 1 ? 'rep' : 'reps'} over`
    : `${-extra} ${extra === -1 ? 'rep' : 'reps'} short`;
}

function extraHint(extra: number): string {
  if (extra === 0) return 'Every AMRAP set done at exactly its target reps.';
  if (extra > 0) return `Every AMRAP set done at ${extra} ${extra === 1 ? 'rep' : 'reps'} over its target.`;
  return `Every AMRAP set ${-extra} ${extra === -1 ? 'rep' : 'reps'} short of its target: a miss.`;
}

function slugToName(slug: string): string {
  return slug.replace(/-/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
}
