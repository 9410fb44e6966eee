import type { ProgressResponse } from '@liftplan/domain';
import { useState } from 'react';
import { formatDate, formatNumber, formatWeight, type Unit } from '@/lib/format';
import { TimeSeriesChart, type ChartPoint } from './TimeSeriesChart';

/**
 * Charts of the training max and of the estimated 1RM (from the sets lifted) over time, one lift at a time. Loaded
 * lazily: the chart library (uPlot) is only needed on this page.
 */
export function ProgressCharts({ progress }: { progress: ProgressResponse }) {
  const lifts = liftsOf(progress);
  const [selected, setSelected] = useState(() => liftChangedLast(progress));
  const lift = lifts.find((l) => l.id === selected) ?? lifts[0];
  if (!lift) return null;
  const tmPoints = trainingMaxPoints(progress, lift.id);
  const e1rmPoints = oneRepMaxPoints(progress, lift.id);

  return (
    <div className="progress-charts">
      <div className="chip-group" role="group" aria-label="Lift">
        {lifts.map((l) => (
          <button
            key={l.id}
            type="button"
            className="chip"
            aria-pressed={l.id === lift.id}
            onClick={() => setSelected(l.id)}
          >
            {l.name}
          </button>
        ))}
      </div>
      <ChartFigure
        title={`${lift.name}: training max`}
        unit={progress.unit}
        points={tmPoints}
        emptyText="No training max recorded yet."
        stepped
      />
      <ChartFigure
        title={`${lift.name}: estimated 1RM`}
        unit={progress.unit}
        points={e1rmPoints}
        emptyText="Complete a workout with its sets logged to see your estimated 1RM."
        note="Best Epley estimate of each workout's sets, from the weight and reps lifted (a set short of its reps never counts); a green dot (★ in the table) is a personal record: better than every earlier set and the 1RM you entered."
      />
    </div>
  );
}

type ChartFigureProps = {
  title: string;
  unit: Unit;
  points: ChartPoint[];
  emptyText: string;
  note?: string;
  stepped?: boolean;
};

function ChartFigure({ title, unit, points, emptyText, note, stepped = false }: ChartFigureProps) {
  const first = points[0];
  const last = points[points.length - 1];
  const summary =
    first && last
      ? `${title}, ${points.length} ${points.length === 1 ? 'entry' : 'entries'}: from ${formatWeight(first.value, unit)} on ${formatDate(first.date)} to ${formatWeight(last.value, unit)} on ${formatDate(last.date)}.`
      : emptyText;
  return (
    <figure className="card chart">
      <figcaption className="chart__title">{title}</figcaption>
      {points.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <>
          <div className="chart__canvas" role="img" aria-label={summary}>
            <TimeSeriesChart points={points} unit={unit} label={title.split(': ')[1] ?? title} stepped={stepped} />
          </div>
          {note && <p className="chart__note muted">{note}</p>}
          <details className="chart__data">
            <summary>Show as a table</summary>
            <table className="set-table">
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">{unit}</th>
                  {points.some((p) => p.detail) && <th scope="col">From</th>}
                </tr>
              </thead>
              <tbody>
                {points.map((p, i) => (
                  <tr key={i}>
                    <td>{formatDate(p.date)}</td>
                    <td>
                      {formatNumber(p.value)}
                      {p.record && <span className="progression-mark"> ★ PR</span>}
                    </td>
                    {p.detail && <td>{p.detail}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </figure>
  );
}

function trainingMaxPoints(progress: ProgressResponse, liftId: number): ChartPoint[] {
  const series = progress.trainingMaxes.find((s) => s.exercise.id === liftId)?.points ?? [];
  return series.map((p) => ({ t: Date.parse(p.date), value: p.weight, date: p.date, record: false }));
}

function oneRepMaxPoints(progress: ProgressResponse, liftId: number): ChartPoint[] {
  const series = progress.estimatedOneRepMax.find((s) => s.exercise.id === liftId)?.points ?? [];
  return bestPerWorkout(series).map((p) => ({
    t: Date.parse(p.date),
    value: p.estimate,
    date: p.date,
    record: p.isPersonalRecord,
    detail: `${formatWeight(p.weight, progress.unit)} × ${p.reps}`,
  }));
}

type OneRepMaxPoint = ProgressResponse['estimatedOneRepMax'][number]['points'][number];

/** One point per workout, its best estimate: several sets of a day would otherwise stack up vertically. */
function bestPerWorkout(points: OneRepMaxPoint[]): OneRepMaxPoint[] {
  const byWorkout = new Map<number, OneRepMaxPoint>();
  for (const point of points) {
    const best = byWorkout.get(point.workoutId);
    const record = point.isPersonalRecord || (best?.isPersonalRecord ?? false);
    if (!best || point.estimate > best.estimate) byWorkout.set(point.workoutId, { ...point, isPersonalRecord: record });
    else if (record) byWorkout.set(point.workoutId, { ...best, isPersonalRecord: true });
  }
  return [...byWorkout.values()];
}

/** The lift with the most recent data point: what the lifter most likely wants to see first. */
function liftChangedLast(progress: ProgressResponse): number | null {
  let latest: { id: number; date: string } | null = null;
  for (const series of [...progress.trainingMaxes, ...progress.estimatedOneRepMax]) {
    for (const point of series.points) {
      if (!latest || point.date > latest.date) latest = { id: series.exercise.id, date: point.date };
    }
  }
  return latest?.id ?? null;
}

function liftsOf(progress: ProgressResponse) {
  const lifts = new Map<number, string>();
  for (const series of [...progress.trainingMaxes, ...progress.estimatedOneRepMax])
    lifts.set(series.exercise.id, series.exercise.name);
  return [...lifts].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}
