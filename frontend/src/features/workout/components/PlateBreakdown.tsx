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
  // A huge weight (a 9,999 kg TM) would draw ~100 plates a side: past MAX_DRAWN_PLATES draw that many and count them.
  const many = plates.perSide.length > MAX_DRAWN_PLATES;
  const drawn = many ? plates.perSide.slice(0, MAX_DRAWN_PLATES) : plates.perSide;
  const listed = many ? groupedPlates(plates.perSide) : plates.perSide.map(formatNumber);
  const text = `Per side: ${listed.join(' + ')}${
    plates.remainderPerSide > 0 ? `, plus ${formatWeight(plates.remainderPerSide, unit)} your plates can't make` : ''
  }`;
  return (
    <div className="plates" id={id}>
      <span className="plates__bar" aria-hidden="true">
        {drawn.map((plate, index) => (
          <span key={index} className="plates__plate" style={{ height: `${plateHeight(plate, unit)}rem` }} />
        ))}
        {many && <span className="plates__more">+{plates.perSide.length - MAX_DRAWN_PLATES}</span>}
      </span>
      <span className="plates__text">
        <span className="visually-hidden">{text}</span>
        <span aria-hidden="true">
          <span className="plates__label">Per side</span> {listed.join(' · ')}
          {plates.remainderPerSide > 0 && (
            <span className="plates__remainder"> (+{formatWeight(plates.remainderPerSide, unit)} missing)</span>
          )}
        </span>
      </span>
    </div>
  );
}

/** Plates drawn at most per side; past it the list is grouped ("25 × 99 · 15"). */
export const MAX_DRAWN_PLATES = 12;

/** Runs of equal plates as "25 × 4" (a single plate stays "10"), heaviest first as loaded. */
function groupedPlates(perSide: number[]): string[] {
  const groups: Array<{ plate: number; count: number }> = [];
  for (const plate of perSide) {
    const last = groups.at(-1);
    if (last && last.plate === plate) last.count += 1;
    else groups.push({ plate, count: 1 });
  }
  return groups.map(({ plate, count }) => (count > 1 ? `${formatNumber(plate)} × ${count}` : formatNumber(plate)));
}

/** 0.7 rem for the smallest plates up to 2 rem for the largest. */
function plateHeight(plate: number, unit: Unit): number {
  const ratio = Math.min(1, plate / LARGEST_PLATE[unit]);
  return Math.round((0.7 + 1.3 * Math.sqrt(ratio)) * 100) / 100;
}
