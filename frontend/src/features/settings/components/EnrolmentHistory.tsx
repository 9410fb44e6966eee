import type { EnrolmentDto, EnrolmentStatus } from '@liftplan/domain';
import { Badge } from '@/components/Badge';
import { QueryState } from '@/components/QueryState';
import { weekdayName } from '@/components/TrainingDaysPicker';
import { pluralize } from '@/lib/format';
import { formatInstantDate, formatPlainDate } from '@/lib/plain-date';
import { useEnrolments } from '../api/program-api';

const STATUS: Record<EnrolmentStatus, { label: string; tone: 'primary' | 'warning' | 'success' | 'neutral' }> = {
  active: { label: 'Active', tone: 'primary' },
  paused: { label: 'Paused', tone: 'warning' },
  completed: { label: 'Completed ✓', tone: 'success' },
  ended: { label: 'Ended', tone: 'neutral' },
};

const WITH_YEAR: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', year: 'numeric' };

/** Every program the lifter followed, newest first, with its dates and how it finished. */
export function EnrolmentHistory() {
  const enrolments = useEnrolments();
  return (
    <section className="card" aria-labelledby="enrolments-title">
      <h2 className="section-title" id="enrolments-title">
        Program history
      </h2>
      <QueryState query={enrolments} loadingLabel="Loading your programs…" errorTitle="We couldn't load your programs">
        {({ enrolments: list }) =>
          list.length === 0 ? (
            <p className="muted">No programs yet.</p>
          ) : (
            <ol className="enrolment-list">
              {list.map((enrolment) => (
                <EnrolmentItem key={enrolment.id} enrolment={enrolment} />
              ))}
            </ol>
          )
        }
      </QueryState>
    </section>
  );
}

function EnrolmentItem({ enrolment }: { enrolment: EnrolmentDto }) {
  const status = STATUS[enrolment.status];
  const days = enrolment.preferredDays.map((day) => weekdayName(day, 'short')).join(', ');
  return (
    <li className="enrolment-list__item">
      <p className="enrolment-list__title">
        <span className="enrolment-list__name">{enrolment.planName}</span>{' '}
        <Badge tone={status.tone}>{status.label}</Badge>
      </p>
      <p className="enrolment-list__meta">{datesOf(enrolment)}</p>
      <p className="enrolment-list__meta">
        {pluralize(enrolment.progress.sessionsDone, 'session')} done · {days}
      </p>
    </li>
  );
}

/** "Dec 9, 2026 – Dec 20, 2026" once over; "Since Dec 9, 2026 · ends Dec 20, 2026" while it runs. */
function datesOf(enrolment: EnrolmentDto): string {
  const start = formatPlainDate(enrolment.startDate, WITH_YEAR);
  if (enrolment.endedAt !== null) {
    return `${start} – ${formatInstantDate(enrolment.endedAt, enrolment.timeZone, WITH_YEAR)}`;
  }
  const end = enrolment.expectedEndDate ? ` · ends ${formatPlainDate(enrolment.expectedEndDate, WITH_YEAR)}` : '';
  return `Since ${start}${end}`;
}
