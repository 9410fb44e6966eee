import type { WorkoutDto, WorkoutSetDto } from '@liftplan/domain';
import { Badge } from '@/components/Badge';
import { formatNumber, formatReps, formatWeight } from '@/lib/format';

type PlannedVsActualProps = {
  workout: WorkoutDto;
  /** Sets that set a personal record (estimated 1RM from what was lifted), by set id. */
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
      // An added accessory's tier already says "Accessory".
      const saysKind = set.kind === 'main' || set.tier.toLowerCase() === set.kind;
      const kind = saysKind ? '' : ` (${set.kind === 'warmup' ? 'warm-up' : set.kind})`;
      // A swap for the day (issue 12) says what the plan prescribed.
      const swap = set.swappedFrom ? `, swapped from ${set.swappedFrom.name}` : '';
      group = { key, title: `${set.tier} ${set.displayName ?? set.exercise.name}${kind}${swap}`, sets: [] };
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
  if (set.skipped)
    return (
      <span className="actual actual--skipped">
        Skipped
        <SetNote note={set.note} />
      </span>
    );
  // Un-ticking a set keeps the reps the server filled in when it was ticked: only AMRAP reps were typed in.
  if (!set.completed && (set.actualReps === null || !set.isAmrap))
    return (
      <span className="muted">
        Not done
        <SetNote note={set.note} />
      </span>
    );
  // What was lifted: the weight logged, else the prescribed one (a set ticked before weights were logged).
  const lifted = set.actualWeight ?? set.prescribedWeight;
  const weight = lifted === null ? '' : `${formatWeight(lifted, unit)} × `;
  const lighter = set.prescribedWeight !== null && lifted !== null && lifted < set.prescribedWeight;
  const heavier = set.prescribedWeight !== null && lifted !== null && lifted > set.prescribedWeight;
  const rpe = set.rpe === null ? null : <span className="actual__rpe"> · RPE {formatNumber(set.rpe)}</span>;
  if (set.actualReps === null)
    return (
      <span>
        {weight ? `${weight}done` : 'Done'}
        {rpe}
        <SetNote note={set.note} />
      </span>
    );
  const missed = set.actualReps < set.prescribedReps;
  const beat = set.actualReps > (set.repsMax ?? set.prescribedReps);
  return (
    <span className={missed || lighter ? 'actual actual--missed' : beat || heavier ? 'actual actual--beat' : 'actual'}>
      {weight}
      {set.actualReps} {set.actualReps === 1 ? 'rep' : 'reps'}
      {lighter && <span className="visually-hidden"> (lighter than planned)</span>}
      {heavier && <span className="visually-hidden"> (heavier than planned)</span>}
      {missed && <span className="visually-hidden"> (fewer than planned)</span>}
      {beat && <span className="visually-hidden"> (more than planned)</span>}
      {rpe}
      <SetNote note={set.note} />
    </span>
  );
}

function SetNote({ note }: { note: string | null }) {
  if (!note) return null;
  return <span className="actual__note">“{note}”</span>;
}
