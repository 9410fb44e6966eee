/** IANA time zone names: the device's, and the ones a lifter can choose from. */

/** The zone this device is set to ("Europe/London"), or undefined when the browser doesn't say. */
export function deviceTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Every zone the browser knows, sorted, always including the ones given (the lifter's current zone may be an alias
 * such as "UTC" that the browser's list leaves out). Just those when the browser can't list its zones.
 */
export function timeZoneChoices(...included: Array<string | undefined>): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const zones = new Set([...known, ...included.filter((zone): zone is string => Boolean(zone)), 'UTC']);
  return [...zones].sort((a, b) => a.localeCompare(b));
}
