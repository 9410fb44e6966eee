import { act, screen, within } from '@testing-library/react';
import type { ProjectedSessionDto, ProjectedSetDto, ProjectionResponse } from '@liftplan/domain';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answer, apiErrorBody, fakeApi } from '@/test/fake-api';
import { renderWithProviders } from '@/test/render';
import { comingWeeks, weeksToProject } from './coming-weeks';
import { ComingWeeks } from './ComingWeeks';

const squat = { id: 2, slug: 'squat', name: 'Squat' };
const bench = { id: 1, slug: 'bench-press', name: 'Bench Press' };

const aSet = (o: Partial<ProjectedSetDto>): ProjectedSetDto => ({
  exerciseId: squat.id,
  exercise: squat,
  tmExerciseId: squat.id,
  displayName: null,
  tier: 'T1',
  kind: 'main',
  exerciseOrder: 1,
  setOrder: 1,
  percentage: 0.85,
  prescribedWeight: 107.5,
  prescribedReps: 5,
  repsMax: null,
  restSeconds: 180,
  isAmrap: false,
  isProgression: false,
  actualReps: null,
  actualWeight: null,
  completed: false,
  plates: null,
  ...o,
});

/** A squat day: a warm-up, a top set of `top` (AMRAP) and an accessory; a bench day with `benchTop`. */
function week(cycle: number, weekNumber: number, top: number, tms: { squat: number; bench: number }, isDeload = false) {
  const trainingMaxes = [
    { exerciseId: squat.id, slug: squat.slug, trainingMax: tms.squat },
    { exerciseId: bench.id, slug: bench.slug, trainingMax: tms.bench },
  ];
  const squatDay: ProjectedSessionDto = {
    cycle,
    weekNumber,
    dayNumber: 1,
    dayName: 'Squat day',
    isDeload,
    trainingMaxes,
    sets: [
      aSet({ kind: 'warmup', percentage: 0.4, prescribedWeight: 50 }),
      aSet({ setOrder: 2, prescribedWeight: top - 10 }),
      aSet({ setOrder: 3, prescribedWeight: top, prescribedReps: 3, isAmrap: true, isProgression: true }),
      aSet({ exerciseOrder: 2, kind: 'accessory', percentage: null, prescribedWeight: null, tmExerciseId: 40 }),
    ],
  };
  const benchDay: ProjectedSessionDto = {
    ...squatDay,
    dayNumber: 2,
    dayName: 'Bench day',
    sets: [aSet({ exerciseId: bench.id, exercise: bench, tmExerciseId: bench.id, prescribedWeight: top / 2 })],
  };
  return [squatDay, benchDay];
}

/** A 3-week wave: weeks 1–3 of cycle 1 (week 3 a deload), then cycle 2 with squat TM +5 kg. */
const projection: ProjectionResponse = {
  unit: 'kg',
  increment: 2.5,
  rounding: 'nearest',
  sessions: [
    ...week(1, 1, 110, { squat: 130, bench: 90 }),
    ...week(1, 2, 120, { squat: 130, bench: 90 }),
    ...week(1, 3, 80, { squat: 130, bench: 90 }, true),
    ...week(2, 1, 115, { squat: 135, bench: 90 }),
  ],
};

describe('coming weeks', () => {
  it('projects from week 1 of the cycle up to the lifter’s third week, at most 52', () => {
    expect(weeksToProject({ cycle: 4, weekNumber: 1 })).toBe(3);
    expect(weeksToProject({ cycle: 2, weekNumber: 2 })).toBe(4);
    expect(weeksToProject({ cycle: 1, weekNumber: 51 })).toBe(52);
  });

  it('from the lifter’s week on: per TM lift the week’s top set, the TM change, the lifter’s own cycle', () => {
    const summary = comingWeeks(projection, { cycle: 2, weekNumber: 2 });

    expect(summary.lifts).toEqual([
      { exerciseId: squat.id, slug: 'squat' },
      { exerciseId: bench.id, slug: 'bench-press' },
    ]);
    expect(summary.weeks.map((w) => [w.cycle, w.weekNumber, w.isDeload])).toEqual([
      [2, 2, false],
      [2, 3, true],
      [3, 1, false],
    ]);
    const squats = summary.weeks.map((w) => w.lifts.get(squat.id));
    expect(squats.map((s) => [s?.weight, s?.reps, s?.isAmrap, s?.trainingMax, s?.tmChange])).toEqual([
      [120, 3, true, 130, 0],
      [80, 3, true, 130, 0],
      [115, 3, true, 135, 5],
    ]);
    expect(summary.weeks.map((w) => w.lifts.get(bench.id)?.weight)).toEqual([60, 40, 57.5]);
    // Accessories without a percentage and warm-ups are not top sets.
    expect(summary.weeks[0]!.lifts.has(40)).toBe(false);
  });

  it('a one-week plan: every projected week is a new cycle', () => {
    const oneWeek = {
      ...projection,
      sessions: [1, 2, 3].flatMap((c) => week(c, 1, 100 + c * 5, { squat: 120 + c * 5, bench: 90 })),
    };
    const summary = comingWeeks(oneWeek, { cycle: 7, weekNumber: 1 });
    expect(summary.weeks.map((w) => w.cycle)).toEqual([7, 8, 9]);
    expect(summary.weeks.map((w) => w.lifts.get(squat.id)?.tmChange)).toEqual([0, 5, 5]);
  });
});

describe('ComingWeeks', () => {
  /** An IntersectionObserver the test scrolls: `scrollTo()` brings every observed element into view. */
  function fakeViewport() {
    const observers: Array<{ callback: IntersectionObserverCallback; targets: Element[] }> = [];
    class FakeObserver {
      private readonly entry: { callback: IntersectionObserverCallback; targets: Element[] };
      constructor(callback: IntersectionObserverCallback) {
        this.entry = { callback, targets: [] };
        observers.push(this.entry);
      }
      observe(target: Element) {
        this.entry.targets.push(target);
      }
      disconnect() {
        this.entry.targets = [];
      }
    }
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    return {
      scrollTo: () =>
        act(() => {
          for (const { callback, targets } of observers) {
            const entries = targets.map((target) => ({ target, isIntersecting: true }) as IntersectionObserverEntry);
            if (entries.length > 0) callback(entries, {} as IntersectionObserver);
          }
        }),
    };
  }
  const plan = { id: 3, cycleWeeks: 3, requiredExercises: [{ ...squat, isUpperBody: false }] };
  const rowText = (row: HTMLElement) =>
    within(row)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);

  afterEach(() => vi.unstubAllGlobals());

  it('once scrolled to, shows this week and the next two: top sets, deload, TM changes; links every week', async () => {
    const viewport = fakeViewport();
    const { requests } = fakeApi(answer('POST', '/api/plans/3/projection', 200, projection));
    renderWithProviders(<ComingWeeks plan={plan} position={{ cycle: 2, weekNumber: 2 }} />);

    const section = screen.getByRole('region', { name: 'Coming weeks' });
    expect(within(section).getByRole('link', { name: 'Your next weeks' }).getAttribute('href')).toBe(
      '/plans/3#next-weeks',
    );
    expect(requests).toHaveLength(0); // below the fold: nothing asked yet
    viewport.scrollTo();

    const table = await within(section).findByRole('table', { name: 'Top set per lift in your coming weeks, in kg' });
    expect(await requests[0]!.json()).toEqual({ weeks: 4, amrapExtraReps: 0 });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Lift', 'This weekWeek 2 of 3', 'Next weekWeek 3 of 3Deload', 'In 2 weeksWeek 1 of 3']);
    const [squatRow, benchRow] = within(table).getAllByRole('row').slice(1);
    expect(within(squatRow!).getByRole('rowheader').textContent).toBe('Squat');
    expect(rowText(squatRow!)).toEqual(['120\u2009×\u20093+', '80\u2009×\u20093+', '115\u2009×\u20093+TM +5 kg']);
    // A TM lift the plan doesn't name is shown by its slug.
    expect(within(benchRow!).getByRole('rowheader').textContent).toBe('bench-press');
  });

  it('says so, without breaking the dashboard, when the projection fails', async () => {
    const viewport = fakeViewport();
    fakeApi(answer('POST', '/api/plans/3/projection', 422, apiErrorBody('PROJECTION_TOO_LARGE', 'Too many sets')));
    renderWithProviders(<ComingWeeks plan={plan} position={{ cycle: 1, weekNumber: 1 }} />);
    viewport.scrollTo();
    expect(await screen.findByText(/We couldn't work out your coming weeks here/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Your next weeks' })).toBeTruthy();
  });
});
