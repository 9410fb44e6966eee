import { Badge } from '@/components/Badge';
import { Button } from '@/components/Button';
import { formatReps, formatWeight, pluralize, type Unit } from '@/lib/format';
import { accessorySlotCount, topSets, type PrescribedSet } from '@/lib/prescription';

type NextWorkoutCardProps = {
  /** "Week 3 · Day 2 · Squat day". */
  title: string;
  isDeload: boolean;
  /** The day prescribed from the lifter's TMs; null while the TMs load. */
  sets: PrescribedSet[] | null;
  unit: Unit;
  isStarting: boolean;
  disabled: boolean;
  onStart: () => void;
  onSkip: () => void;
};

/** The workout the plan says is next: its top set per lift at the lifter's weights, Start, and Skip. */
export function NextWorkoutCard({
  title,
  isDeload,
  sets,
  unit,
  isStarting,
  disabled,
  onStart,
  onSkip,
}: NextWorkoutCardProps) {
  const tops = sets ? topSets(sets) : [];
  const accessories = sets ? accessorySlotCount(sets) : 0;
  return (
    <section className="card next-card" aria-labelledby="next-title">
      <p className="next-card__eyebrow">Next workout {isDeload && <Badge tone="warning">Deload</Badge>}</p>
      <h2 className="next-card__title" id="next-title">
        {title}
      </h2>
      {sets === null ? (
        <p className="muted">Working out your weights…</p>
      ) : (
        <ul className="next-card__sets" aria-label="Top sets">
          {tops.map((set) => (
            <li key={`${set.exerciseOrder}:${set.exerciseId}`} className="next-card__set">
              <span className="next-card__lift">
                <span className="tier">{set.tier}</span> {set.name}
              </span>
              <span className="next-card__load">
                {set.prescribedWeight === null ? (
                  <span className="muted">TM needed</span>
                ) : (
                  formatWeight(set.prescribedWeight, unit)
                )}{' '}
                <span className="next-card__times">×</span> {formatReps(set.prescribedReps, set.isAmrap, set.repsMax)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {accessories > 0 && <p className="muted">+ {pluralize(accessories, 'accessory', 'accessories')}</p>}
      <Button fullWidth className="button--large" isLoading={isStarting} disabled={disabled} onClick={onStart}>
        Start workout
      </Button>
      <Button variant="ghost" fullWidth disabled={disabled} onClick={onSkip}>
        Skip this day
      </Button>
    </section>
  );
}
