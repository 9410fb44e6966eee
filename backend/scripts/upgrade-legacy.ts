// Upgrade a database of the old nSuns-only app to the current schema:  pnpm --filter backend upgrade:legacy
// Uses DATABASE_URL, or the embedded PostgreSQL under DATA_DIR. Stop the app and back the database up first:
// see src/legacy/README.md. Safe to re-run: it resumes an interrupted upgrade and does nothing on an upgraded database.
import { loadConfig } from '../src/config/config';
import { openDatabase } from '../src/db/database';
import { upgradeLegacyDatabase, type UpgradeOutcome } from '../src/legacy/legacy-upgrade';
import { createLogger } from '../src/runtime';

async function main() {
  const config = loadConfig();
  const log = createLogger(config);
  const database = await openDatabase(config, log);
  try {
    console.log(summary(await upgradeLegacyDatabase(database.databaseUrl, log)));
  } finally {
    await database.stop();
  }
}

function summary(outcome: UpgradeOutcome): string {
  if (outcome.status === 'up-to-date') return 'Nothing to do: the database is already on the current schema.';
  const c = outcome.copied;
  return [
    `Upgraded${outcome.resumed ? ' (resumed an interrupted run)' : ''}: ${c.users} users, ${c.trainingMaxes} training maxes,`,
    `${c.workouts} workouts, ${c.workoutSets} sets; every user is on nSuns 4-Day LP.`,
    c.abandonedInProgress > 0 ? `${c.abandonedInProgress} older in-progress workout(s) were marked abandoned.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
