import type { PlanWeekDto } from '@liftplan/domain';
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { Badge } from '@/components/Badge';

type WeekTabsProps = {
  weeks: PlanWeekDto[];
  selected: number;
  onSelect: (weekNumber: number) => void;
  /** The lifter's current week of this plan, marked "You're here". */
  currentWeek?: number;
  children: (week: PlanWeekDto) => ReactNode;
};

/**
 * The weeks of a cycle as tabs (WAI-ARIA tabs: arrow keys, Home and End move between them). The tab row scrolls
 * sideways on a phone when a cycle is long, never the page.
 */
export function WeekTabs({ weeks, selected, onSelect, currentWeek, children }: WeekTabsProps) {
  const baseId = useId();
  const tabRefs = useRef(new Map<number, HTMLButtonElement>());
  const week = weeks.find((w) => w.weekNumber === selected) ?? weeks[0];
  const tabId = (n: number) => `${baseId}-tab-${n}`;
  const panelId = `${baseId}-panel`;

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = weeks.findIndex((w) => w.weekNumber === selected);
    const target =
      event.key === 'ArrowRight'
        ? weeks[(index + 1) % weeks.length]
        : event.key === 'ArrowLeft'
          ? weeks[(index - 1 + weeks.length) % weeks.length]
          : event.key === 'Home'
            ? weeks[0]
            : event.key === 'End'
              ? weeks[weeks.length - 1]
              : undefined;
    if (!target) return;
    event.preventDefault();
    onSelect(target.weekNumber);
    tabRefs.current.get(target.weekNumber)?.focus();
  }

  if (!week) return null;
  return (
    <div className="week-tabs">
      <div className="week-tabs__list" role="tablist" aria-label="Weeks of the cycle" onKeyDown={onKeyDown}>
        {weeks.map((w) => {
          const isSelected = w.weekNumber === week.weekNumber;
          return (
            <button
              key={w.weekNumber}
              ref={(element) => {
                if (element) tabRefs.current.set(w.weekNumber, element);
                else tabRefs.current.delete(w.weekNumber);
              }}
              type="button"
              role="tab"
              id={tabId(w.weekNumber)}
              className="week-tabs__tab"
              aria-selected={isSelected}
              aria-controls={panelId}
              aria-label={`Week ${w.weekNumber}${w.isDeload ? ' (deload)' : ''}${w.weekNumber === currentWeek ? ', your week' : ''}`}
              tabIndex={isSelected ? 0 : -1}
              onClick={() => onSelect(w.weekNumber)}
            >
              <span aria-hidden="true">Week {w.weekNumber}</span>
              {w.isDeload && (
                <span className="week-tabs__deload" aria-hidden="true">
                  Deload
                </span>
              )}
              {w.weekNumber === currentWeek && <span className="week-tabs__here" aria-hidden="true" />}
            </button>
          );
        })}
      </div>
      <div className="week-tabs__panel stack" role="tabpanel" id={panelId} aria-labelledby={tabId(week.weekNumber)}>
        <p className="week-tabs__heading">
          <strong>
            Week {week.weekNumber}
            {week.name && !/^deload$/i.test(week.name) ? ` · ${week.name}` : ''}
          </strong>{' '}
          {week.isDeload && <Badge tone="warning">Deload</Badge>}{' '}
          {week.weekNumber === currentWeek && <Badge tone="primary">Your week</Badge>}
        </p>
        {week.isDeload && (
          <p className="muted">A deload week: lighter work, and no training max moves however the sets go.</p>
        )}
        {children(week)}
      </div>
    </div>
  );
}
