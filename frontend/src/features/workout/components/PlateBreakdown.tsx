import type { WorkoutSetDto } from '@liftplan/domain';
import { formatNumber, formatWeight, type Unit } from '@/lib/format';

type PlateBreakdownProps = {
  plates: WorkoutSetDto['plates'];
  unit: Unit;
  id?: string;
};

/** Heaviest plate of a typical kg / lb set, for drawing plates in proportion. */
const LARGEST_PLATE: Record<Unit, number> = { kg: 25, lb: 45 };

/**
 * What to load on each side of the bar, as the API worked it out from the lifter's bar and plates: the plates in
 * loading order (heaviest first), what cannot be made with them, or that the weight is below the bar.
 */
export function PlateBreakdown({ plates, unit, id }: PlateBreakdownProps) {
  if (!plates) return null;
  if (plates.belowBar) {
    return (
      <p className="plates plates--note" id={id}>
        Lighter than your bar
      </p>
    );
  }
  if (plates.perSide.length === 0 && plates.remainderPerSide === 0) {
    return (
      <p className="plates plates--note" id={id}>
        Empty bar
      </p>
    );
  }
  const text = `Per side: ${plates.perSide.map(formatNumber).join(' + ')}${
    plates.remainderPerSide > 0 ? `, plus ${formatWeight(plates.remainderPerSide, unit)} your plates can't make` : ''
  }`;
  return (
    <div className="plates" id={id}>
      <span className="plates__bar" aria-hidden="true">
        {plates.perSide.map((plate, index) => (
          <span key={index} className="plates__plate" style={{ height: `${plateHeight(plate, unit)}rem` }} />
        ))}
      </span>
      <span className="plates__text">
        <span className="visually-hidden">{text}</span>
        <span aria-hidden="true">
          <span className="plates__label">Per side</span> {plates.perSide.map(formatNumber).join(' · ')}
          {plates.remainderPerSide > 0 && (
            <span className="plates__remainder"> (+{formatWeight(plates.remainderPerSide, unit)} missing)</span>
          )}
        </span>
      </span>
    </div>
  );
}

/** 0.7 rem for the smallest plates up to 2 rem for the largest. */
function plateHeight(plate: number, unit: Unit): number {
  const ratio = Math.min(1, plate / LARGEST_PLATE[unit]);
  return Math.round((0.7 + 1.3 * Math.sqrt(ratio)) * 100) / 100;
}
