import { apiDownload } from '@/lib/api-client';

export type ExportKind = 'csv' | 'json';

const EXPORTS: Record<ExportKind, { path: string; fallbackName: string }> = {
  csv: { path: '/workouts/export.csv', fallbackName: 'liftplan-workouts.csv' },
  json: { path: '/users/me/export', fallbackName: 'liftplan-backup.json' },
};

/** Fetches an export with the session's token and hands it to the browser as a download. */
export async function downloadExport(kind: ExportKind): Promise<void> {
  const { path, fallbackName } = EXPORTS[kind];
  const { blob, filename } = await apiDownload(path);
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = filename ?? fallbackName;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Give the browser a moment to start the download before the URL goes away.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
