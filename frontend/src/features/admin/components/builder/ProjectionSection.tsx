import { useMemo } from 'react';
import { Button } from '@/components/Button';
import { formatIncrease, formatNumber, formatReps } from '@/lib/format';
import { projectionTable, type ProjectionCell } from '../../builder/projection';
import { useBuilder } from './builder-context';
import type { PlanProjection } from './use-plan-projection';

type Props = {
  projection: PlanProjection;
  /** The preview's sample TMs (as typed), which the projection starts from. */
  sampleTrainingMaxes: Array<{ id: number; name: string; value: string }>;
  unit: 'kg' | 'lb';
  /** Shows the plan's problems (as a failed save does). */
  onShowProblems: () => void;
};

/**
 * "Project N weeks": the plan as a lifter would live it with the preview's sample TMs, one row per session, each
 * lift's top set and training max — where the increments land (every workout, a cycle's end, or a stall reset).
 */
export function ProjectionSection({ projection, sampleTrainingMaxes, unit, onShowProblems }: Props) {
  const { exerciseById } = useBuilder();
  const { response } = projection;
  const table = useMemo(() => (response ? projectionTable(response) : null), [response]);
  const nameOf = (id: number, slug: string) => exerciseById.get(id)?.name ?? slug;
  const weeksLabel = projection.weeks !== null && !projection.weeksError ? `${projection.weeks} ` : '';

  return (
    <section className="builder-section projection" aria-labelledby="projection-heading">
      <h2 className="builder-section__title" id="projection-heading">
        Projection
      </h2>
      <p className="muted">
        The plan lived from cycle 1, week 1, with every AMRAP done at its reps plus the extra reps (negative: a miss):
        each lift’s top set and training max, session by session. Nothing is saved.
      </p>
      {sampleTrainingMaxes.length > 0 && (
        <p className="projection__tms">
          Starting training maxes:{' '}
          {sampleTrainingMaxes.map((tm, i) => (
            <span key={tm.id}>
              {i > 0 && ' · '}
              {tm.name} {tm.value.trim() || '–'} {unit}
            </span>
          ))}{' '}
          (
          <a
            href={`#preview-tm-${sampleTrainingMaxes[0]!.id}`}
            onClick={(event) => {
              event.preventDefault();
              const input = document.getElementById(`preview-tm-${sampleTrainingMaxes[0]!.id}`);
              input?.scrollIntoView?.({ block: 'center' });
              input?.focus({ preventScroll: true });
            }}
          >
            change them in the preview
          </a>
          ).
        </p>
      )}
      <form
        className="projection__controls"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          projection.project();
        }}
      >
        <div className={`field${projection.weeksError ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor="projection-weeks">
            Weeks (1–52)
          </label>
          <input
            id="projection-weeks"
            className="field__input set-grid__number"
            type="number"
            min={1}
            max={52}
            inputMode="numeric"
            value={projection.weeksText}
            aria-invalid={projection.weeksError ? true : undefined}
            aria-describedby={projection.weeksError ? 'projection-weeks-error' : undefined}
            onChange={(event) => projection.setWeeksText(event.target.value)}
          />
          {projection.weeksError && (
            <p className="field__error" id="projection-weeks-error">
              {projection.weeksError}
            </p>
          )}
        </div>
        <div className={`field${projection.extraError ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor="projection-extra">
            AMRAP extra reps
          </label>
          <input
            id="projection-extra"
            className="field__input set-grid__number"
            inputMode="text"
            autoComplete="off"
            value={projection.extraText}
            aria-invalid={projection.extraError ? true : undefined}
            aria-describedby={projection.extraError ? 'projection-extra-error' : undefined}
            onChange={(event) => projection.setExtraText(event.target.value)}
          />
          {projection.extraError && (
            <p className="field__error" id="projection-extra-error">
              {projection.extraError}
            </p>
          )}
        </div>
        <Button type="submit" className="projection__submit" isLoading={projection.isProjecting}>
          Project {weeksLabel}weeks
        </Button>
      </form>

      {projection.problem && (
        <div className="projection__problem" role="alert">
          <p>{projection.problem.message}</p>
          {projection.problem.inPlan && (
            <button type="button" className="button button--ghost" onClick={onShowProblems}>
              Show the problems
            </button>
          )}
        </div>
      )}

      {table && response && (
        <>
          <p className="projection__status muted" role="status">
            {projection.isStale
              ? 'The plan or the sample settings changed since: project again to update.'
              : `${table.rows.length} sessions, in ${response.unit}.`}
          </p>
          <div className={`table-scroll projection__scroll${projection.isStale ? ' projection__scroll--stale' : ''}`}>
            <table className="projection-table">
              <caption className="visually-hidden">Projected sessions: top set and training max of each lift</caption>
              <thead>
                <tr>
                  <th scope="col">Session</th>
                  {table.lifts.map((lift) => (
                    <th scope="col" key={lift.exerciseId}>
                      {nameOf(lift.exerciseId, lift.slug)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row) => (
                  <tr
                    key={row.key}
                    className={[
                      row.cycleStart && 'projection-table__cycle-start',
                      row.isDeload && 'projection-table__deload',
                    ]
                      .filter(Boolean)
                      .join(' ')}
                  >
                    <th scope="row" className="projection-table__session">
                      <span className="projection-table__position">
                        C{row.cycle} · W{row.weekNumber} · D{row.dayNumber}
                      </span>
                      <span className="visually-hidden">
                        {' '}
                        (cycle {row.cycle}, week {row.weekNumber}, day {row.dayNumber})
                      </span>
                      {(row.dayName || row.isDeload) && (
                        <span className="projection-table__day">
                          {row.dayName && <span className="muted">{row.dayName}</span>}
                          {row.isDeload && <span className="week-tab__badge">Deload</span>}
                        </span>
                      )}
                    </th>
                    {table.lifts.map((lift) => (
                      <Cell
                        key={lift.exerciseId}
                        cell={row.cells[lift.exerciseId]!}
                        unit={response.unit}
                        label={nameOf(lift.exerciseId, lift.slug)}
                      />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function Cell({ cell, unit, label }: { cell: ProjectionCell; unit: 'kg' | 'lb'; label: string }) {
  return (
    <td className="projection-table__cell" data-label={label}>
      {cell.top ? (
        <span className="projection-table__top">
          {formatNumber(cell.top.weight)} {unit} × {formatReps(cell.top.reps, cell.top.isAmrap, cell.top.repsMax)}
        </span>
      ) : (
        <span className="projection-table__top muted">–</span>
      )}
      {cell.trainingMax !== null && (
        <span className={`projection-table__tm${cell.change !== null ? ' projection-table__tm--changed' : ''}`}>
          TM {formatNumber(cell.trainingMax)}
          {cell.change !== null && <> ({formatIncrease(cell.change, unit)})</>}
        </span>
      )}
    </td>
  );
}
