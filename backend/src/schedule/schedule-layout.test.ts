// The pure layout: what a lifter's calendar says for given dates, days, pauses and workouts (no database).
import { addDays } from './calendar';
import { layoutSchedule, type LayoutInput } from './schedule-layout';

const MWF = [1, 3, 5];
const base = (over: Partial<LayoutInput> = {}): LayoutInput => ({
  today: '2026-12-09', // a Wednesday
  startDate: '2026-12-07',
  status: 'active',
  daySettings: [{ from: '2026-12-07', days: MWF }],
  pauses: [],
  activities: [],
  inProgress: null,
  pointer: { cycle: 1, weekNumber: 1, dayNumber: 1 },
  weekDays: [3, 3],
  doneInCycle: [],
  cycles: null,
  ...over,
});
const show = (input: LayoutInput, from = '2026-12-07', to = '2026-12-20') =>
  layoutSchedule(input, from, to).sessions.map(
    (s) =>
      `${s.date} ${s.status} ${s.position.cycle}.${s.position.weekNumber}.${s.position.dayNumber}` +
      (s.inProgress ? ' (in progress)' : '') +
      (s.missedDate ? ` (missed ${s.missedDate})` : ''),
  );
const done = (
  workoutId: number,
  date: string,
  week: number,
  day: number,
  status: 'completed' | 'skipped' = 'completed',
) => ({
  workoutId,
  date,
  status,
  position: { cycle: 1, weekNumber: week, dayNumber: day },
});

it('lays the pointer and what follows on the training days, across the cycle end', () => {
  expect(show(base({ today: '2026-12-07' }))).toEqual([
    '2026-12-07 scheduled 1.1.1',
    '2026-12-09 scheduled 1.1.2',
    '2026-12-11 scheduled 1.1.3',
    '2026-12-14 scheduled 1.2.1',
    '2026-12-16 scheduled 1.2.2',
    '2026-12-18 scheduled 1.2.3',
  ]);
  expect(show(base({ today: '2026-12-07' }), '2026-12-21', '2026-12-21')).toEqual(['2026-12-21 scheduled 2.1.1']);
});

it('a Monday without a workout is missed from Tuesday on; today offers it as catch-up', () => {
  expect(show(base(), '2026-12-07', '2026-12-11')).toEqual([
    '2026-12-07 missed 1.1.1',
    '2026-12-09 catch_up 1.1.1 (missed 2026-12-07)',
    '2026-12-11 scheduled 1.1.2',
  ]);
});

it('a workout done on a rest day closes the miss; the miss stays in history', () => {
  const input = base({
    today: '2026-12-09',
    activities: [done(1, '2026-12-08', 1, 1)],
    pointer: { cycle: 1, weekNumber: 1, dayNumber: 2 },
    doneInCycle: [[1, 1]],
  });
  expect(show(input, '2026-12-07', '2026-12-11')).toEqual([
    '2026-12-07 missed 1.1.1',
    '2026-12-08 completed 1.1.1',
    '2026-12-09 scheduled 1.1.2',
    '2026-12-11 scheduled 1.1.3',
  ]);
});

it('a run of misses ended by a skip: the first missed day shows the skip, later ones stay missed', () => {
  const input = base({
    today: '2026-12-14',
    activities: [done(7, '2026-12-14', 1, 1, 'skipped')],
    pointer: { cycle: 1, weekNumber: 1, dayNumber: 2 },
    doneInCycle: [[1, 1]],
  });
  expect(show(input, '2026-12-07', '2026-12-16')).toEqual([
    '2026-12-07 skipped 1.1.1',
    '2026-12-09 missed 1.1.1',
    '2026-12-11 missed 1.1.1',
    '2026-12-14 scheduled 1.1.2',
    '2026-12-16 scheduled 1.1.3',
  ]);
});

it('a workout in progress holds today; a completed one today moves the next session on', () => {
  const running = base({
    today: '2026-12-07',
    inProgress: { workoutId: 3, position: { cycle: 1, weekNumber: 1, dayNumber: 1 } },
  });
  expect(show(running, '2026-12-07', '2026-12-09')).toEqual([
    '2026-12-07 scheduled 1.1.1 (in progress)',
    '2026-12-09 scheduled 1.1.2',
  ]);
  const finished = base({
    today: '2026-12-07',
    activities: [done(3, '2026-12-07', 1, 1)],
    pointer: { cycle: 1, weekNumber: 1, dayNumber: 2 },
    doneInCycle: [[1, 1]],
  });
  expect(show(finished, '2026-12-07', '2026-12-09')).toEqual([
    '2026-12-07 completed 1.1.1',
    '2026-12-09 scheduled 1.1.2',
  ]);
});

it('paused: nothing laid out and no day missed; a finite end date is given as if resumed today', () => {
  const input = base({ status: 'paused', pauses: [{ from: '2026-12-07', until: null }], cycles: 1 });
  const layout = layoutSchedule(input, '2026-12-07', '2026-12-20');
  expect(layout.sessions).toEqual([]);
  expect(layout.isPaused('2026-12-08')).toBe(true);
  // 6 sessions from Wed 9 Dec on Mon/Wed/Fri: 9, 11, 14, 16, 18, 21.
  expect(layout.expectedEndDate).toBe('2026-12-21');
});

it('a finite program stops after its last cycle; a repeating one has no end date', () => {
  const finite = base({ today: '2026-12-07', cycles: 1 });
  expect(show(finite, '2026-12-07', '2027-01-31')).toHaveLength(6);
  expect(layoutSchedule(finite, '2026-12-07', '2026-12-07').expectedEndDate).toBe('2026-12-18');
  expect(layoutSchedule(base(), '2026-12-07', '2026-12-07').expectedEndDate).toBeNull();
});

it('stays cheap for an enrolment years old with hundreds of workouts', () => {
  const activities = Array.from({ length: 450 }, (_, i) => done(i + 1, addDays('2024-01-01', i * 2), 1, 1));
  const input = base({ startDate: '2024-01-01', today: '2026-12-09', activities });
  const started = performance.now();
  for (let i = 0; i < 200; i++) layoutSchedule(input, '2026-11-01', '2027-01-31');
  const perCall = (performance.now() - started) / 200;
  // Reported, not asserted as a timing (timings vary by machine); the call must simply finish.
  console.info(`layoutSchedule, 450 workouts over 3 years, 92-day window: ${perCall.toFixed(2)} ms per call`);
  expect(layoutSchedule(input, '2026-11-01', '2027-01-31').sessions.length).toBeGreaterThan(0);
});
