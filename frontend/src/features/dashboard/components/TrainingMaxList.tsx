import type { TrainingMaxesResponse } from '@liftplan/domain';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/Button';
import { ErrorMessage } from '@/components/ErrorMessage';
import { TextField } from '@/components/TextField';
import { Loading } from '@/components/Spinner';
import { formatDate, formatWeight, type Unit } from '@/lib/format';
import { useAdjustTrainingMax, useTmHistory } from '../api/dashboard-api';

type TmItem = TrainingMaxesResponse['trainingMaxes'][number];

/** The default reason of a one-tap deload, kept in the TM's history. */
export const DELOAD_REASON = 'Deload −10 %';

const SOURCE_LABEL: Record<string, string> = {
  setup: 'Setup',
  progression: 'Progression',
  manual: 'Changed by you',
  unit_conversion: 'Unit switch',
  legacy: 'Imported',
};

/** The lifter's TMs, each editable in place: a one-tap "Deload −10 %", a new value with a reason, and its history. */
export function TrainingMaxList({ trainingMaxes, unit }: { trainingMaxes: TmItem[]; unit: Unit }) {
  return (
    <ul className="tm-list">
      {trainingMaxes.map((tm) => (
        <TrainingMaxRow key={tm.exercise.id} tm={tm} unit={unit} />
      ))}
    </ul>
  );
}

function TrainingMaxRow({ tm, unit }: { tm: TmItem; unit: Unit }) {
  const adjust = useAdjustTrainingMax();
  const [editing, setEditing] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const [changed, setChanged] = useState<string | null>(null);
  const name = tm.exercise.name;
  const headingId = `tm-${tm.exercise.id}`;

  function apply(body: { trainingMax: number } | { percentChange: number }, note: string) {
    const previous = tm.trainingMax;
    adjust.mutate(
      { exerciseId: tm.exercise.id, body: { ...body, ...(note ? { note } : {}) } },
      {
        onSuccess: ({ trainingMax }) => {
          setEditing(false);
          setReason('');
          setChanged(
            `${name}: ${previous === null ? '' : `${formatWeight(previous, unit)} → `}${formatWeight(trainingMax.weight, unit)}` +
              (note ? ` (${note})` : ''),
          );
        },
      },
    );
  }

  function save(event: FormEvent) {
    event.preventDefault();
    const weight = Number(value.replace(',', '.'));
    if (!value.trim() || !Number.isFinite(weight) || weight <= 0) {
      setFormError(`Enter a training max in ${unit}`);
      return;
    }
    setFormError(null);
    apply({ trainingMax: weight }, reason.trim());
  }

  function startEditing() {
    setValue(tm.trainingMax === null ? '' : String(tm.trainingMax));
    setReason('');
    setFormError(null);
    adjust.reset();
    setEditing(true);
  }

  return (
    <li className="tm-list__item" aria-labelledby={headingId}>
      <div className="tm-list__row">
        <span className="tm-list__name" id={headingId}>
          {name}
        </span>
        <span className="tm-list__value">
          {tm.trainingMax === null ? <span className="muted">not set</span> : formatWeight(tm.trainingMax, unit)}
        </span>
      </div>
      {!editing && (
        <div className="tm-list__actions">
          {tm.trainingMax !== null && (
            <Button
              variant="secondary"
              className="button--small"
              isLoading={adjust.isPending}
              onClick={() => apply({ percentChange: -10 }, DELOAD_REASON)}
              aria-label={`Deload ${name} −10 %`}
            >
              Deload −10 %
            </Button>
          )}
          <Button
            variant="ghost"
            className="button--small"
            onClick={startEditing}
            aria-label={`Edit ${name} training max`}
          >
            Edit
          </Button>
          {tm.trainingMax !== null && (
            <Button
              variant="ghost"
              className="button--small"
              aria-expanded={showHistory}
              onClick={() => setShowHistory((shown) => !shown)}
              aria-label={`${showHistory ? 'Hide' : 'Show'} ${name} history`}
            >
              History
            </Button>
          )}
        </div>
      )}
      {changed && !editing && (
        <p className="tm-list__changed" role="status">
          {changed}
        </p>
      )}
      {editing && (
        <form className="tm-list__form" onSubmit={save} noValidate aria-label={`Change ${name} training max`}>
          <TextField
            label={`New ${name} TM (${unit})`}
            name="trainingMax"
            inputMode="decimal"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            error={formError ?? undefined}
            autoFocus
          />
          <TextField
            label="Reason (kept in the history)"
            name="note"
            value={reason}
            maxLength={200}
            placeholder="e.g. missed reps twice, back from a break"
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="tm-list__actions">
            <Button type="submit" className="button--small" isLoading={adjust.isPending}>
              Save
            </Button>
            {tm.trainingMax !== null && (
              <Button
                variant="secondary"
                className="button--small"
                disabled={adjust.isPending}
                onClick={() => apply({ percentChange: -10 }, reason.trim() || DELOAD_REASON)}
              >
                Deload −10 %
              </Button>
            )}
            <Button variant="ghost" className="button--small" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
      {adjust.isError && <ErrorMessage message={adjust.error.message} />}
      {showHistory && <TmHistoryList exerciseId={tm.exercise.id} />}
    </li>
  );
}

function TmHistoryList({ exerciseId }: { exerciseId: number }) {
  const history = useTmHistory(exerciseId, true);
  if (history.isPending) return <Loading label="Loading the history…" />;
  if (history.isError) return <ErrorMessage message={history.error.message} onRetry={() => void history.refetch()} />;
  const entries = [...history.data.history].reverse();
  return (
    <ol className="tm-history" aria-label={`${history.data.exercise.name} history`}>
      {entries.map((entry) => (
        <li key={entry.id} className="tm-history__entry">
          <span className="tm-history__weight">{formatWeight(entry.weight, history.data.unit)}</span>
          <span className="muted">
            {formatDate(entry.effectiveDate)} · {SOURCE_LABEL[entry.source] ?? entry.source}
          </span>
          {entry.note && <span className="tm-history__note">{entry.note}</span>}
        </li>
      ))}
    </ol>
  );
}
