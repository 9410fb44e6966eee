import { advancePointer, isValidPosition, type PlanPosition } from './index';

/** "w:d" keys of the days of the pointer's cycle that are completed or skipped. */
const doneOf = (days: string[]) => (week: number, day: number) => days.includes(`${week}:${day}`);
const at = (cycle: number, weekNumber: number, dayNumber: number): PlanPosition => ({ cycle, weekNumber, dayNumber });

describe('advancePointer', () => {
  it.each<[string, PlanPosition, number[], string[], PlanPosition, number | null]>([
    ['in order: day 1 done → day 2', at(1, 1, 1), [3, 3], ['1:1'], at(1, 1, 2), null],
    ['out of order: day 2 done first → the pointer stays on day 1', at(1, 1, 1), [3, 3], ['1:2'], at(1, 1, 1), null],
    ['then day 1 done → the first undone day, 3', at(1, 1, 1), [3, 3], ['1:1', '1:2'], at(1, 1, 3), null],
    ['a skipped day counts as done', at(1, 1, 2), [3, 3], ['1:1', '1:2'], at(1, 1, 3), null],
    ['last day done with an earlier day open → back to it', at(1, 1, 3), [3, 3], ['1:1', '1:3'], at(1, 1, 2), null],
    ['week done → next week, day 1', at(1, 1, 3), [3, 3], ['1:1', '1:2', '1:3'], at(1, 2, 1), null],
    [
      'next week partly done already → its first undone day',
      at(1, 1, 2),
      [2, 3],
      ['1:1', '1:2', '2:1'],
      at(1, 2, 2),
      null,
    ],
    ['an earlier week is never revisited', at(1, 2, 1), [2, 1, 2], ['2:1'], at(1, 3, 1), null],
    ['last week done → next cycle, week 1 day 1', at(2, 2, 2), [2, 2], ['2:1', '2:2'], at(3, 1, 1), 2],
    ['uneven weeks: a 1-day week', at(1, 2, 1), [3, 1, 2], ['2:1'], at(1, 3, 1), null],
    ['uneven weeks: end of a 2-day last week', at(4, 3, 2), [3, 1, 2], ['3:1', '3:2'], at(5, 1, 1), 4],
    ['a one-week cycle (nSuns) ends every week', at(7, 1, 5), [5], ['1:1', '1:2', '1:3', '1:4', '1:5'], at(8, 1, 1), 7],
  ])('%s', (_what, pointer, weekDays, done, next, completedCycle) => {
    expect(advancePointer(pointer, weekDays, doneOf(done))).toEqual({ next, completedCycle });
  });

  it('walking a whole [2, 1, 3] cycle in order visits every day once, then the next cycle', () => {
    const done: string[] = [];
    let pointer = at(1, 1, 1);
    const visited: string[] = [];
    for (let i = 0; i < 7; i++) {
      visited.push(`${pointer.cycle}:${pointer.weekNumber}:${pointer.dayNumber}`);
      done.push(`${pointer.weekNumber}:${pointer.dayNumber}`);
      const step = advancePointer(pointer, [2, 1, 3], doneOf(done));
      if (step.completedCycle !== null) done.length = 0;
      pointer = step.next;
    }
    expect(visited).toEqual(['1:1:1', '1:1:2', '1:2:1', '1:3:1', '1:3:2', '1:3:3', '2:1:1']);
  });
});

describe('isValidPosition', () => {
  it.each<[PlanPosition, boolean]>([
    [at(1, 1, 1), true],
    [at(3, 3, 2), true],
    [at(1, 3, 3), false], // week 3 has 2 days
    [at(1, 4, 1), false], // the cycle has 3 weeks
    [at(0, 1, 1), false],
    [at(1, 0, 1), false],
    [at(1, 1, 0), false],
    [at(1, 1.5, 1), false],
  ])('%o in [3, 1, 2] → %s', (pos, valid) => {
    expect(isValidPosition(pos, [3, 1, 2])).toBe(valid);
  });
});
