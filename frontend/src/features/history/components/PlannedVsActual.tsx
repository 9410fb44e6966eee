import type { WorkoutDto, WorkoutSetDto } from '@liftplan/domain';
import { Badge } from '@/components/Badge';
import { formatReps, formatWeight } from '@/lib/format';

type PlannedVsActualProps = {
  workout: WorkoutDto;
  /** AMRAP sets that set a personal record (estimated 1RM), by set id. */
  recordSetIds: ReadonlySet<number>;
};

type Group = { key: string; title: string; sets: WorkoutSetDto[] };

/** Per exercise: each set's prescription (weight × reps) next to what was done. */
export function PlannedVsActual({ workout, recordSetIds }: PlannedVsActualProps) {
  const groups: Group[] = [];
  for (const set of workout.sets) {
    const key = `${set.exerciseOrder}:${set.kind}`;
    let group = groups.find((g) => g.key === key);
    if (!group) {
      const kind = set.kind === 'main' ? '' : ` (${set.kind === 'warmup' ? 'warm-up' : set.kind})`;
      group = { key, title: `${set.tier} ${set.displayName ?? set.exercise.name}${kind}`, sets: [] };
      groups.push(group);
    }
    group.sets.push(set);
  }
  return (
    <div className="planned-actual">
      {groups.map((group) => (
        <table key={group.key} className="set-table set-table--compare">
          <caption>{group.title}</caption>
          <thead>
            <tr>
              <th scope="col">Set</th>
              <th scope="col">Planned</th>
              <th scope="col">Done</th>
            </tr>
          </thead>
          <tbody>
            {group.sets.map((set) => (
              <tr key={set.id} className={set.isAmrap ? 'set-table__amrap' : undefined}>
                <th scope="row">{set.setOrder}</th>
                <td>
                  {set.prescribedWeight === null ? 'your weight' : formatWeight(set.prescribedWeight, workout.unit)} ×{' '}
                  {formatReps(set.prescribedReps, set.isAmrap, set.repsMax)}
                  {set.isAmrap && <span className="visually-hidden"> (as many as possible)</span>}
                </td>
                <td>
                  <Actual set={set} unit={workout.unit} />
                  {recordSetIds.has(set.id) && (
                    <>
                      {' '}
                      <Badge tone="success">PR</Badge>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}

function Actual({ set, unit }: { set: WorkoutSetDto; unit: WorkoutDto['unit'] }) {
  // Un-ticking a set keeps the reps the server filled in when it was ticked: only AMRAP reps were typed in.
  if (!set.completed && (set.actualReps === null || !set.isAmrap)) return <span className="muted">Not done</span>;
  // The weight, when it is not the prescribed one (an accessory the lifter weighed, a set done lighter or heavier).
  const weight =
    set.actualWeight !== null && set.actualWeight !== set.prescribedWeight
      ? `${formatWeight(set.actualWeight, unit)} × `
      : '';
  if (set.actualReps === null) return <span>{weight ? `${weight}done` : 'Done'}</span>;
  const missed = set.actualReps < set.prescribedReps;
  const beat = set.isAmrap && set.actualReps > set.prescribedReps;
  return (
    <span className={missed ? 'actual actual--missed' : beat ? 'actual actual--beat' : 'actual'}>
      {weight}
      {set.actualReps} {set.actualReps === 1 ? 'rep' : 'reps'}
      {missed && <span className="visually-hidden"> (fewer than planned)</span>}
      {beat && <span className="visually-hidden"> (more than planned)</span>}
    </span>
  );
}
