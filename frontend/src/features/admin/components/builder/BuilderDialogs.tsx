import { useState } from 'react';
import { Button } from '@/components/Button';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { Dialog } from '@/components/Dialog';

/** An in-app link was clicked with unsaved changes: leave (dropping them) or keep editing. */
export function LeaveBuilderDialog({
  planName,
  onLeave,
  onStay,
}: {
  planName: string;
  onLeave: () => void;
  onStay: () => void;
}) {
  return (
    <ConfirmDialog
      title="Leave without saving?"
      confirmLabel="Discard changes and leave"
      cancelLabel="Keep editing"
      danger
      onConfirm={onLeave}
      onCancel={onStay}
    >
      <p>Your changes to {planName.trim() ? `“${planName.trim()}”` : 'this plan'} are not saved yet.</p>
    </ConfirmDialog>
  );
}

/** Fewer days a week than there are days with content: the last days go (Undo can bring them back). */
export function RemoveDaysDialog({
  from,
  to,
  onRemove,
  onCancel,
}: {
  from: number;
  to: number;
  onRemove: () => void;
  onCancel: () => void;
}) {
  const several = from - to > 1;
  return (
    <ConfirmDialog
      title={`Remove day${several ? 's' : ''} ${to + 1}${several ? `–${from}` : ''}?`}
      confirmLabel="Remove"
      danger
      onConfirm={onRemove}
      onCancel={onCancel}
    >
      <p>Going to {to} days a week removes the last days (in every week) and the exercises in them.</p>
    </ConfirmDialog>
  );
}

type CopyDayDialogProps = {
  /** "Day 2 (Squat)" of week `weekNumber`. */
  dayLabel: string;
  weekNumber: number;
  /** Every week of the plan (the day's own week is not offered). */
  weeks: Array<{ key: string; label: string }>;
  onCopy: (weekKeys: string[]) => void;
  onCancel: () => void;
};

/** "Copy this day to weeks…": choose the weeks whose same day it overwrites (Undo can bring them back). */
export function CopyDayDialog({ dayLabel, weekNumber, weeks, onCopy, onCancel }: CopyDayDialogProps) {
  const others = weeks.filter((_, i) => i !== weekNumber - 1);
  const [chosen, setChosen] = useState<string[]>(() => others.map((week) => week.key));
  const toggle = (key: string, on: boolean) =>
    setChosen((current) => (on ? [...current, key] : current.filter((candidate) => candidate !== key)));
  const allChosen = chosen.length === others.length;
  return (
    <Dialog
      title={`Copy ${dayLabel} of week ${weekNumber} to…`}
      onClose={onCancel}
      actions={
        <>
          <Button variant="secondary" onClick={onCancel} data-autofocus>
            Cancel
          </Button>
          <Button disabled={chosen.length === 0} onClick={() => onCopy(chosen)}>
            {chosen.length === 0 ? 'Copy' : `Copy to ${chosen.length} week${chosen.length === 1 ? '' : 's'}`}
          </Button>
        </>
      }
    >
      <p>
        Replaces that day (its name, exercises and sets) in each week chosen. Other days stay as they are; Undo brings
        them back.
      </p>
      <fieldset className="choice-group copy-day__weeks">
        <legend>Weeks</legend>
        <label className="choice">
          <input
            type="checkbox"
            checked={allChosen}
            onChange={(event) => setChosen(event.target.checked ? others.map((week) => week.key) : [])}
          />{' '}
          All other weeks
        </label>
        {others.map((week) => (
          <label className="choice" key={week.key}>
            <input
              type="checkbox"
              checked={chosen.includes(week.key)}
              onChange={(event) => toggle(week.key, event.target.checked)}
            />{' '}
            {week.label}
          </label>
        ))}
      </fieldset>
    </Dialog>
  );
}
