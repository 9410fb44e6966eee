import type { PlanWeekDto } from '@liftplan/domain';
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
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
 * sideways on a phone when a cycle is long, never the page, and keeps the chosen week in view (a 16-week cycle opened
 * on week 12). Below a week, buttons step to the week before and after: after reading a long week on a phone the
 * tabs are far above.
 */
export function WeekTabs({ weeks, selected, onSelect, currentWeek, children }: WeekTabsProps) {
  const baseId = useId();
  const tabRefs = useRef(new Map<number, HTMLButtonElement>());
  const listRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const week = weeks.find((w) => w.weekNumber === selected) ?? weeks[0];
  const shownWeek = week?.weekNumber;

  // Scrolls the tab row (only the row, never the page) so the chosen week's tab is visible.
  useEffect(() => {
    const list = listRef.current;
    const tab = shownWeek === undefined ? undefined : tabRefs.current.get(shownWeek);
    if (!list || !tab || list.scrollWidth <= list.clientWidth) return;
    const row = list.getBoundingClientRect();
    const box = tab.getBoundingClientRect();
    const margin = box.width / 2;
    if (box.left < row.left) list.scrollLeft -= row.left - box.left + margin;
    else if (box.right > row.right) list.scrollLeft += box.right - row.right + margin;
  }, [shownWeek]);
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
  const index = weeks.indexOf(week);
  const previous = weeks[index - 1];
  const next = weeks[index + 1];

  /** From the bottom of a week: the other week, from its top. */
  function step(to: PlanWeekDto) {
    onSelect(to.weekNumber);
    rootRef.current?.scrollIntoView?.({ block: 'start' });
  }

  return (
    <div className="week-tabs" ref={rootRef}>
      <div
        ref={listRef}
        className="week-tabs__list"
        role="tablist"
        aria-label="Weeks of the cycle"
        onKeyDown={onKeyDown}
      >
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
        {(previous || next) && (
          <div className="week-tabs__steps">
            {previous && (
              <button type="button" className="button button--secondary" onClick={() => step(previous)}>
                <span aria-hidden="true">‹ </span>
                {weekLabel(previous)}
              </button>
            )}
            {next && (
              <button type="button" className="button button--secondary week-tabs__next" onClick={() => step(next)}>
                {weekLabel(next)}
                <span aria-hidden="true"> ›</span>
              </button>
            )}
          </div>
        )}
      </div>
    </div>
  );
}

function weekLabel(week: PlanWeekDto): string {
  return `Week ${week.weekNumber}${week.isDeload ? ' (deload)' : ''}`;
}
