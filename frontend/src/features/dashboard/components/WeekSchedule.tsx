import { useRef, useState } from 'react';
import { Button } from '@/components/Button';
import { ErrorMessage } from '@/components/ErrorMessage';
import { Loading } from '@/components/Spinner';
import { addDays, formatPlainDate } from '@/lib/plain-date';
import { useTwoWeekSchedule, type ScheduleWeek } from '../api/schedule-api';
import { ScheduleDay, type CatchUpActions } from './ScheduleDay';
import '../schedule.css';

type WeekScheduleProps = {
  /** The lifter's zone: the first guess of today (the server's answer decides). */
  timeZone: string;
  cycleWeeks: number;
  catchUp: CatchUpActions;
};

const WEEK_TITLES = ['This week', 'Next week'] as const;

/** This week and next as two pages that swipe (scroll snap) or turn with the arrows. */
export function WeekSchedule({ timeZone, cycleWeeks, catchUp }: WeekScheduleProps) {
  const { query, weeks } = useTwoWeekSchedule(timeZone);
  const pager = useRef<HTMLDivElement>(null);
  const [page, setPage] = useState(0);

  function showPage(index: number) {
    setPage(index);
    const element = pager.current;
    element?.scrollTo?.({ left: index * element.clientWidth, behavior: 'smooth' });
  }

  function followSwipe() {
    const element = pager.current;
    if (element && element.clientWidth > 0) setPage(Math.round(element.scrollLeft / element.clientWidth));
  }

  return (
    <section className="stack week-schedule" aria-labelledby="schedule-title">
      <div className="section-header week-schedule__header">
        <h2 className="section-title" id="schedule-title">
          Schedule
        </h2>
        <div className="week-schedule__arrows">
          <Button variant="secondary" aria-label="Previous week" disabled={page === 0} onClick={() => showPage(0)}>
            ‹
          </Button>
          <Button variant="secondary" aria-label="Next week" disabled={page === 1} onClick={() => showPage(1)}>
            ›
          </Button>
        </div>
      </div>
      {weeks ? (
        <div className="week-pager" ref={pager} onScroll={followSwipe}>
          {weeks.map((week, index) => (
            <WeekPage
              key={week.monday}
              title={WEEK_TITLES[index]!}
              week={week}
              unit={query.data!.unit}
              cycleWeeks={cycleWeeks}
              catchUp={catchUp}
            />
          ))}
        </div>
      ) : query.isError ? (
        <ErrorMessage message={query.error.message} onRetry={() => void query.refetch()} />
      ) : (
        <Loading label="Loading your schedule…" />
      )}
    </section>
  );
}

type WeekPageProps = Omit<WeekScheduleProps, 'timeZone'> & {
  title: string;
  week: ScheduleWeek;
  unit: 'kg' | 'lb';
};

function WeekPage({ title, week, unit, cycleWeeks, catchUp }: WeekPageProps) {
  const titleId = `schedule-week-${week.monday}`;
  return (
    <section className="week-page" aria-labelledby={titleId}>
      <h3 className="week-page__title" id={titleId}>
        {title} <span className="muted">{weekRange(week.monday)}</span>
      </h3>
      <ol className="week-page__days">
        {week.days.map((day) => (
          <ScheduleDay key={day.date} day={day} unit={unit} cycleWeeks={cycleWeeks} catchUp={catchUp} />
        ))}
      </ol>
    </section>
  );
}

/** "Dec 7 – Dec 13". */
const weekRange = (monday: string) => `${formatPlainDate(monday)} – ${formatPlainDate(addDays(monday, 6))}`;
