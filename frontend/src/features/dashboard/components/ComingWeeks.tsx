import type { PlanDetailDto } from '@liftplan/domain';
import { useRef } from 'react';
import { Link } from 'react-router-dom';
import { Badge } from '@/components/Badge';
import { Loading } from '@/components/Spinner';
import { formatNumber, formatReps, type Unit } from '@/lib/format';
import { paths } from '@/lib/paths';
import { useSeen } from '@/lib/use-seen';
import { useProjectedWeeks } from '../api/dashboard-api';
import { comingWeeks, weeksToProject, type ComingWeek, type LiftWeek, type WeekPosition } from './coming-weeks';

type ComingWeeksProps = {
  plan: Pick<PlanDetailDto, 'id' | 'cycleWeeks' | 'requiredExercises'>;
  /** The week the lifter trains in now. */
  position: WeekPosition;
};

const WHEN = ['This week', 'Next week', 'In 2 weeks'];

/**
 * "Coming weeks" on the dashboard: this week and the next two from the plan's projection, per lift the top set and
 * where its training max goes. The plan page's "Your next weeks" has every session and the AMRAP choices. Below the
 * fold on a phone, it asks for the projection only when the lifter scrolls near it.
 */
export function ComingWeeks({ plan, position }: ComingWeeksProps) {
  const section = useRef<HTMLElement>(null);
  const seen = useSeen(section);
  const projection = useProjectedWeeks(plan.id, weeksToProject(position), { enabled: seen });
  return (
    <section ref={section} className="stack" aria-labelledby="coming-weeks-title">
      <div className="section-header">
        <h2 className="section-title" id="coming-weeks-title">
          Coming weeks
        </h2>
        <Link to={paths.planNextWeeks(plan.id)}>Your next weeks</Link>
      </div>
      {!seen ? null : projection.isPending ? (
        <Loading label="Working out your coming weeks…" />
      ) : projection.isError ? (
        <p className="muted">We couldn't work out your coming weeks here; your next weeks are on the plan's page.</p>
      ) : (
        <ComingWeeksTable summary={comingWeeks(projection.data, position)} unit={projection.data.unit} plan={plan} />
      )}
    </section>
  );
}

type TableProps = { summary: ReturnType<typeof comingWeeks>; unit: Unit; plan: ComingWeeksProps['plan'] };

function ComingWeeksTable({ summary, unit, plan }: TableProps) {
  const names = new Map(plan.requiredExercises.map((e) => [e.id, e.name]));
  if (summary.lifts.length === 0) return <p className="muted">No weighted sets in your coming weeks.</p>;
  return (
    <div className="card coming-weeks">
      <table className="set-table coming-weeks__table">
        <caption className="visually-hidden">Top set per lift in your coming weeks, in {unit}</caption>
        <thead>
          <tr>
            <th scope="col">Lift</th>
            {summary.weeks.map((week, i) => (
              <th scope="col" key={week.key}>
                {WHEN[i]}
                <span className="coming-weeks__position">{weekLabel(week, plan.cycleWeeks)}</span>
                {week.isDeload && <Badge tone="warning">Deload</Badge>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {summary.lifts.map(({ exerciseId, slug }) => (
            <tr key={exerciseId}>
              <th scope="row">{names.get(exerciseId) ?? slug}</th>
              {summary.weeks.map((week) => (
                <td key={week.key}>
                  <LiftCell lift={week.lifts.get(exerciseId)} unit={unit} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="coming-weeks__note muted">Weights in {unit}, with every AMRAP set at its target reps.</p>
    </div>
  );
}

/** Thin spaces around the ×: "172.5 × 1+" still fits a phone's column. */
const THIN_SPACE = '\u2009';

function LiftCell({ lift, unit }: { lift: LiftWeek | undefined; unit: Unit }) {
  if (!lift) return <span className="muted">—</span>;
  const weight = lift.weight === null ? '—' : formatNumber(lift.weight);
  const reps = formatReps(lift.reps, lift.isAmrap, lift.repsMax);
  return (
    <>
      <span className="coming-weeks__load">
        {weight + THIN_SPACE}
        <span className="coming-weeks__reps">{`×${THIN_SPACE}${reps}`}</span>
      </span>
      {lift.tmChange !== 0 && (
        <span className={`coming-weeks__tm coming-weeks__tm--${lift.tmChange > 0 ? 'up' : 'down'}`}>
          {/* The unit is the table's: said once under it, and to screen readers here. */}
          TM {lift.tmChange > 0 ? '+' : '−'}
          {formatNumber(Math.abs(lift.tmChange))}
          <span className="visually-hidden"> {unit}</span>
        </span>
      )}
    </>
  );
}

/** "Week 3 of 4" in a plan of several weeks; "Week 7" (its count) in a one-week plan. */
function weekLabel(week: ComingWeek, cycleWeeks: number): string {
  return cycleWeeks > 1 ? `Week ${week.weekNumber} of ${cycleWeeks}` : `Week ${week.cycle}`;
}
