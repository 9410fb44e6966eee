import type { ProgressResponse } from '@liftplan/domain';
import { Badge } from '@/components/Badge';
import { formatDate, formatWeight } from '@/lib/format';

/** The best estimated 1RM of each lift, and the set it came from. */
export function PersonalRecords({ progress }: { progress: ProgressResponse }) {
  if (progress.personalRecords.length === 0) {
    return (
      <p className="muted">
        No personal records yet: they come from the weight and reps you lift, once they beat your entered 1RM.
      </p>
    );
  }
  return (
    <ul className="record-list">
      {progress.personalRecords.map((record) => (
        <li key={record.exercise.id} className="record-list__item">
          <span className="record-list__lift">
            {record.exercise.name} <Badge tone="success">PR</Badge>
          </span>
          <span className="record-list__value">{formatWeight(record.estimate, progress.unit)}</span>
          <span className="record-list__detail muted">
            est. 1RM from {formatWeight(record.weight, progress.unit)} × {record.reps}, {formatDate(record.date)}
          </span>
        </li>
      ))}
    </ul>
  );
}
