import { useState } from 'react';
import { Button } from '@/components/Button';
import { ErrorMessage } from '@/components/ErrorMessage';
import { downloadExport, type ExportKind } from '../api/export-api';

/** Downloads of the lifter's data, fetched with the session's token (never a link that would carry it in a URL). */
export function DataExport() {
  const [busy, setBusy] = useState<ExportKind | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function download(kind: ExportKind) {
    setBusy(kind);
    setError(null);
    try {
      await downloadExport(kind);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : 'The download failed');
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="card form" aria-labelledby="export-title">
      <h2 className="section-title" id="export-title">
        Your data
      </h2>
      <p className="muted">
        A spreadsheet of every set you logged (date, plan, week and day, exercise, planned and actual weight and reps,
        RPE, notes), or a full backup of your account: profile, training maxes with their history, plans and workouts.
      </p>
      {error && <ErrorMessage title="Nothing was downloaded" message={error} />}
      <div className="form__actions">
        <Button
          variant="secondary"
          isLoading={busy === 'csv'}
          disabled={busy !== null}
          onClick={() => void download('csv')}
        >
          Download workouts (CSV)
        </Button>
        <Button
          variant="secondary"
          isLoading={busy === 'json'}
          disabled={busy !== null}
          onClick={() => void download('json')}
        >
          Download backup (JSON)
        </Button>
      </div>
    </section>
  );
}
