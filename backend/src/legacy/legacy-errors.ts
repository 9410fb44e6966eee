/** The upgrade refused or stopped; the message says why, what state the database is in and what to do. */
export class LegacyUpgradeError extends Error {
  override name = 'LegacyUpgradeError';
}
