import type { UpgradeSessionDto } from '@liftplan/domain';
import { workoutTitle, type Unit } from '@/lib/format';
import { compareSessions } from './upgrade-compare';

type Props = {
  current: UpgradeSessionDto | null;
  upgraded: UpgradeSessionDto | null;
  currentVersion: number;
  newVersion: number;
  unit: Unit;
  /** The plan's weeks per cycle: a one-week plan's days need no week. */
  cycleWeeks: number;
};

/** The lifter's next workout now and after the upgrade, side by side, with their own weights. */
export function UpgradeCompare({ current, upgraded, currentVersion, newVersion, unit, cycleWeeks }: Props) {
  const groups = compareSessions(current, upgraded, unit);
  return (
    <div className="upgrade-compare">
      <table className="upgrade-compare__table">
        <caption className="visually-hidden">
          Your next workout under version {currentVersion} and version {newVersion}
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Set</span>
            </th>
            <th scope="col">
              Now · v{currentVersion}
              <span className="upgrade-compare__day">{sessionTitle(current, cycleWeeks)}</span>
            </th>
            <th scope="col">
              Upgraded · v{newVersion}
              <span className="upgrade-compare__day">{sessionTitle(upgraded, cycleWeeks)}</span>
            </th>
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group.name}>
            <tr className="upgrade-compare__exercise">
              <th scope="colgroup" colSpan={3}>
                {group.name}
              </th>
            </tr>
            {group.rows.map((row) => (
              <tr key={row.setNumber} className={row.differs ? 'upgrade-compare__row--changed' : undefined}>
                <th scope="row" className="upgrade-compare__set">
                  <span className="visually-hidden">{group.name} set </span>
                  {row.setNumber}
                </th>
                <td>{row.current ?? '—'}</td>
                <td>
                  {row.upgraded ?? '—'}
                  {row.differs && <span className="visually-hidden"> (changed)</span>}
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

function sessionTitle(session: UpgradeSessionDto | null, cycleWeeks: number): string {
  if (!session) return 'No workout';
  return `${workoutTitle(session, cycleWeeks)}${session.isDeload ? ' (deload)' : ''}`;
}
