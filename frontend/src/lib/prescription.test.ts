import type { PlanDayDto, PlanSetDto } from '@liftplan/domain';
import { describe, expect, it } from 'vitest';
import { formatReps, formatRest, planPositionLabel, workoutTitle } from './format';
import { accessorySlotCount, prescribeDay, topSets } from './prescription';

const squat = { id: 2, slug: 'squat', name: 'Squat', isUpperBody: false };
const dips = { id: 5, slug: 'dips', name: 'Dips', isUpperBody: true };
const set = (id: number, o: Partial<PlanSetDto>): PlanSetDto => ({
  id,
  setOrder: id,
  kind: 'main',
  percentage: 0.5,
  reps: 5,
  repsMax: null,
  incrementOffset: 0,
  isAmrap: false,
  isProgression: false,
  ...o,
});
const slot = (id: number, lift: typeof squat, sets: PlanSetDto[], displayName: string | null = null) => ({
  id,
  exerciseId: lift.id,
  exercise: lift,
  tier: `T${id}`,
  sortOrder: id,
  tmExerciseId: lift.id,
  tmExercise: lift,
  displayName,
  restSeconds: null,
  sets,
});

const day: PlanDayDto = {
  id: 1,
  weekNumber: 1,
  dayNumber: 1,
  name: 'Squat day',
  exercises: [
    slot(1, squat, [
      set(1, { kind: 'warmup', percentage: 0.4 }),
      set(2, { percentage: 0.85, reps: 3 }),
      set(3, { percentage: 0.85, reps: 3, isAmrap: true, isProgression: true }),
    ]),
    slot(2, squat, [set(4, { kind: 'supplemental', percentage: 0.5, reps: 10, incrementOffset: 1 })], 'BBB Squat'),
    slot(3, dips, [set(5, { kind: 'accessory', percentage: null, reps: 10, repsMax: 12 })]),
  ],
};

describe('prescribeDay and topSets', () => {
  const tms = new Map([[squat.id, 127.5]]);

  it('prescribes with the engine: the lifter’s increment, rounding and the increment offsets', () => {
    const nearest = prescribeDay(day, tms, { weightIncrement: 2.5, rounding: 'nearest' });
    // 127.5 × 0.85 = 108.375 → 107.5 (nearest) or 107.5 (down); 127.5 × 0.5 = 63.75 → 63.75/2.5 = 25.5 → 65 + 2.5.
    expect(nearest.map((s) => s.prescribedWeight)).toEqual([50, 107.5, 107.5, 67.5, null]);
    const down = prescribeDay(day, tms, { weightIncrement: 2.5, rounding: 'down' });
    expect(down.map((s) => s.prescribedWeight)).toEqual([50, 107.5, 107.5, 65, null]);
    expect(prescribeDay(day, new Map(), { weightIncrement: 2.5, rounding: 'nearest' })[1]?.prescribedWeight).toBeNull();
  });

  it('picks per slot the heaviest work set, AMRAP winning ties, warm-ups and accessories left out', () => {
    const tops = topSets(prescribeDay(day, tms, { weightIncrement: 2.5, rounding: 'nearest' }));
    expect(tops.map((t) => [t.name, t.prescribedWeight, formatReps(t.prescribedReps, t.isAmrap, t.repsMax)])).toEqual([
      ['Squat', 107.5, '3+'],
      ['BBB Squat', 67.5, '10'],
    ]);
    expect(accessorySlotCount(prescribeDay(day, tms, { weightIncrement: 2.5, rounding: 'nearest' }))).toBe(1);
  });
});

describe('plan model v2 formatting', () => {
  it('says where the lifter is', () => {
    expect(planPositionLabel({ cycle: 2, weekNumber: 3, isDeload: false }, 4)).toBe('Cycle 2 · Week 3 of 4');
    expect(planPositionLabel({ cycle: 2, weekNumber: 4, isDeload: true }, 4)).toBe('Cycle 2 · Week 4 of 4 (deload)');
    expect(planPositionLabel({ cycle: 7, weekNumber: 1 }, 1)).toBe('Week 7');
  });

  it('rep ranges, rests and workout titles', () => {
    expect(formatReps(10, false, 12)).toBe('10–12');
    expect(formatReps(8, true, null)).toBe('8+');
    expect(formatReps(8, true, 10)).toBe('8+ (max 10)');
    expect(formatReps(5, false, 5)).toBe('5');
    expect([45, 60, 90, 180].map(formatRest)).toEqual(['45 s', '1 min', '1 min 30 s', '3 min']);
    expect(workoutTitle({ weekNumber: 2, dayNumber: 1, dayName: 'Squat' }, 4)).toBe('Week 2 · Day 1 · Squat');
    expect(workoutTitle({ weekNumber: 2, dayNumber: 1, dayName: null })).toBe('Day 1');
  });
});
