/** Where the app reads "now": the system clock, or in tests one that starts at a chosen instant. */
export type Clock = { now: () => Date };

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that starts at `start` and then runs at real speed: browser tests set CLOCK_START to put the server on a
 * chosen weekday (the schedule depends on what day it is for the lifter). Refused in production (config.ts).
 */
export function clockStartingAt(start: Date, realNow: () => number = Date.now): Clock {
  const offset = start.getTime() - realNow();
  return { now: () => new Date(realNow() + offset) };
}

/** A clock a test moves by hand. */
export function manualClock(start: Date): Clock & { set: (instant: Date | string) => void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (instant) => {
      current = new Date(instant);
    },
  };
}
