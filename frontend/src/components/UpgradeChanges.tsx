import { useState } from 'react';
import type { PlanChangeDto } from '@liftplan/domain';
import { Badge } from '@/components/Badge';
import { Button } from '@/components/Button';
import './upgrade-changes.css';

const SHOWN_AT_FIRST = 12;
const LABELS = { added: 'Added', removed: 'Removed', changed: 'Changed' } as const;
const TONES = { added: 'success', removed: 'danger', changed: 'primary' } as const;

/** What the new version changes, one line each ("Week 1 · Day 2 · Squat (T1) · set 1: 85 % × 5 → 90 % × 5"). */
export function UpgradeChanges({ changes }: { changes: PlanChangeDto[] }) {
  const [showAll, setShowAll] = useState(false);
  if (changes.length === 0) {
    return <p>Nothing in the days, sets or rules changes: only the plan’s description or name.</p>;
  }
  const shown = showAll ? changes : changes.slice(0, SHOWN_AT_FIRST);
  return (
    <>
      <ul className="upgrade-changes">
        {shown.map((change, i) => (
          <li key={i} className="upgrade-changes__item">
            <Badge tone={TONES[change.change]}>{LABELS[change.change]}</Badge>
            <span>
              <span className="upgrade-changes__where">{change.where}</span>
              <span className="upgrade-changes__detail">{change.detail}</span>
            </span>
          </li>
        ))}
      </ul>
      {shown.length < changes.length && (
        <Button variant="ghost" onClick={() => setShowAll(true)}>
          Show all {changes.length} changes
        </Button>
      )}
    </>
  );
}
