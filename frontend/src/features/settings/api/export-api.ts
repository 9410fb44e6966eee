import { downloadFromApi } from '@/lib/download';

export type ExportKind = 'csv' | 'json';

const EXPORTS: Record<ExportKind, { path: string; fallbackName: string }> = {
  csv: { path: '/workouts/export.csv', fallbackName: 'liftplan-workouts.csv' },
  json: { path: '/users/me/export', fallbackName: 'liftplan-backup.json' },
};

/** Fetches an export with the session's token and hands it to the browser as a download. */
export function downloadExport(kind: ExportKind): Promise<void> {
  const { path, fallbackName } = EXPORTS[kind];
  return downloadFromApi(path, fallbackName);
}
