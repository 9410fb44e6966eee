import { screen, within } from '@testing-library/react';
import type { ProgressResponse, WorkoutDto, WorkoutSummaryDto } from '@liftplan/domain';
import { describe, expect, it, vi } from 'vitest';
import { answer, fakeApi } from '@/test/fake-api';
import { renderWithProviders } from '@/test/render';
import { HistoryPage } from './HistoryPage';

// The charts (uPlot) have their own lazy chunk; here it is enough to know they are asked for.
vi.mock('../components/ProgressCharts', () => ({
  ProgressCharts: ({ progress }: { progress: ProgressResponse }) => (
    <p>Charts of {progress.trainingMaxes.length} lifts</p>
  ),
}));

const squat = { id: 2, slug: 'squat', name: 'Squat' };
const progression = [
  {
    exerciseId: 2,
    slug: 'squat',
    previousTM: 126,
    newTM: 133.5,
    increase: 7.5,
    amrapReps: 6,
    kind: 'amrap_table' as const,
  },
];

const summary: WorkoutSummaryDto = {
  id: 5,
  cycle: 1,
  weekNumber: 1,
  dayNumber: 2,
  dayName: 'Squat + Sumo Deadlift',
  planId: 1,
  planName: 'nSuns 4-Day LP',
  unit: 'kg',
  status: 'completed',
  createdAt: '2026-03-02T10:00:00.000Z',
  completedAt: '2026-03-02T11:00:00.000Z',
  note: null,
  progression,
  setCount: 3,
  completedSetCount: 2,
};

const set = (o: Partial<WorkoutDto['sets'][number]>): WorkoutDto['sets'][number] => ({
  id: 1,
  exerciseId: 2,
  exercise: squat,
  tmExerciseId: 2,
  displayName: null,
  tier: 'T1',
  kind: 'main',
  exerciseOrder: 1,
  setOrder: 1,
  percentage: 0.75,
  prescribedWeight: 95,
  prescribedReps: 5,
  repsMax: null,
  restSeconds: null,
  isAmrap: false,
  isProgression: false,
  actualReps: 5,
  actualWeight: null,
  rpe: null,
  note: null,
  completed: true,
  skipped: false,
  isAdded: false,
  swappedFrom: null,
  plates: null,
  ...o,
});

const workout: WorkoutDto = {
  ...summary,
  sets: [
    set({ id: 1, setOrder: 1 }),
    set({
      id: 2,
      setOrder: 2,
      percentage: 0.95,
      prescribedWeight: 120,
      prescribedReps: 1,
      isAmrap: true,
      isProgression: true,
      actualReps: 6,
    }),
    set({ id: 3, setOrder: 3, prescribedReps: 3, actualReps: 3, completed: false }),
  ],
};

const progress: ProgressResponse = {
  unit: 'kg',
  trainingMaxes: [
    {
      exercise: squat,
      points: [
        { date: '2026-03-01T00:00:00.000Z', weight: 126, source: 'setup' },
        { date: '2026-03-02T11:00:00.000Z', weight: 133.5, source: 'progression' },
      ],
    },
  ],
  estimatedOneRepMax: [
    {
      exercise: squat,
      points: [
        {
          date: '2026-03-02T11:00:00.000Z',
          workoutId: 5,
          setId: 2,
          weight: 120,
          reps: 6,
          estimate: 144,
          isPersonalRecord: true,
        },
      ],
    },
  ],
  personalRecords: [
    {
      exercise: squat,
      estimate: 144,
      weight: 120,
      reps: 6,
      date: '2026-03-02T11:00:00.000Z',
      workoutId: 5,
      setId: 2,
    },
  ],
};

describe('HistoryPage', () => {
  it('lists workouts with their TM changes and PRs, expands to planned vs done, and shows the progress', async () => {
    fakeApi(
      answer('GET', '/api/workouts', 200, { items: [summary], page: 1, pageSize: 10, total: 1 }),
      answer('GET', '/api/workouts/5', 200, { workout }),
      answer('GET', '/api/progress', 200, progress),
    );
    const { user } = renderWithProviders(<HistoryPage />, { route: '/history' });

    const item = (await screen.findByRole('link', { name: 'Day 2 · Squat + Sumo Deadlift' })).closest('li')!;
    expect(item.textContent).toContain('Completed');
    expect(item.textContent).toContain('2/3 sets');
    expect(await within(item).findByText('PR')).toBeTruthy();
    expect(item.textContent).toContain('Squat TM +7.5 kg');

    const toggle = within(item).getByRole('button', { name: /Show sets/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');

    const table = await within(item).findByRole('table', { name: 'T1 Squat' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      '195 kg × 595 kg × 5 reps',
      '2120 kg × 1+ (as many as possible)120 kg × 6 reps (more than planned) PR',
      '395 kg × 3Not done',
    ]);
    expect(rows[1]!.className).toContain('set-table__amrap');

    expect(screen.getByText('144 kg')).toBeTruthy();
    expect(await screen.findByText('Charts of 1 lifts')).toBeTruthy();
  });

  it('shows a skipped day as skipped, and the weight used on an accessory set the lifter weighed', async () => {
    const skipped: WorkoutSummaryDto = {
      ...summary,
      id: 6,
      dayNumber: 3,
      dayName: 'Bench day',
      status: 'skipped',
      completedAt: null,
      progression: [],
      completedSetCount: 0,
    };
    const withAccessory: WorkoutDto = {
      ...workout,
      sets: [
        set({
          id: 9,
          kind: 'accessory',
          tier: 'T3',
          exerciseOrder: 3,
          percentage: null,
          prescribedWeight: null,
          prescribedReps: 10,
          repsMax: 12,
          actualReps: 11,
          actualWeight: 22.5,
        }),
        // Added during the workout from the library: its tier is "Accessory" already.
        set({
          id: 10,
          kind: 'accessory',
          tier: 'Accessory',
          exerciseOrder: 4,
          percentage: null,
          prescribedWeight: null,
        }),
      ],
    };
    fakeApi(
      answer('GET', '/api/workouts', 200, { items: [skipped, summary], page: 1, pageSize: 10, total: 2 }),
      answer('GET', '/api/workouts/5', 200, { workout: withAccessory }),
      answer('GET', '/api/progress', 200, progress),
    );
    const { user } = renderWithProviders(<HistoryPage />, { route: '/history' });

    const skippedItem = (await screen.findByRole('link', { name: 'Day 3 · Bench day' })).closest('li')!;
    expect(within(skippedItem).getByText('Skipped')).toBeTruthy();
    expect(skippedItem.textContent).toContain('skipped, no sets done');
    expect(within(skippedItem).queryByRole('button', { name: /Show sets/ })).toBeNull();

    const item = screen.getByRole('link', { name: 'Day 2 · Squat + Sumo Deadlift' }).closest('li')!;
    await user.click(within(item).getByRole('button', { name: /Show sets/ }));
    const table = await within(item).findByRole('table', { name: 'T3 Squat (accessory)' });
    expect(within(table).getAllByRole('row')[1]!.textContent).toBe('1your weight × 10–1222.5 kg × 11 reps');
    expect(within(item).getByRole('table', { name: 'Accessory Squat' })).toBeTruthy();
  });

  it('shows planned vs actual: the weight lifted, RPE, notes, a skipped set and the workout note', async () => {
    const logged: WorkoutDto = {
      ...workout,
      note: 'Slept badly',
      sets: [
        set({ id: 1, setOrder: 1, actualWeight: 97.5, actualReps: 5, rpe: 8.5, note: 'belt on' }),
        set({
          id: 2,
          setOrder: 2,
          percentage: 0.95,
          prescribedWeight: 120,
          prescribedReps: 1,
          isAmrap: true,
          isProgression: true,
          actualWeight: 115,
          actualReps: 4,
        }),
        set({ id: 3, setOrder: 3, actualReps: null, completed: false, skipped: true, note: 'knee' }),
      ],
    };
    fakeApi(
      answer('GET', '/api/workouts', 200, {
        items: [{ ...summary, note: 'Slept badly' }],
        page: 1,
        pageSize: 10,
        total: 1,
      }),
      answer('GET', '/api/workouts/5', 200, { workout: logged }),
      answer('GET', '/api/progress', 200, { ...progress, estimatedOneRepMax: [], personalRecords: [] }),
    );
    const { user } = renderWithProviders(<HistoryPage />, { route: '/history' });
    const item = (await screen.findByRole('link', { name: 'Day 2 · Squat + Sumo Deadlift' })).closest('li')!;
    expect(item.textContent).toContain('Note: Slept badly');
    await user.click(within(item).getByRole('button', { name: /Show sets/ }));
    const table = await within(item).findByRole('table', { name: 'T1 Squat' });
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.textContent),
    ).toEqual([
      '195 kg × 597.5 kg × 5 reps (heavier than planned) · RPE 8.5“belt on”',
      '2120 kg × 1+ (as many as possible)115 kg × 4 reps (lighter than planned) (more than planned)',
      '395 kg × 5Skipped“knee”',
    ]);
    expect(within(table).queryByText('PR')).toBeNull();
  });

  it('says so when there is nothing yet', async () => {
    fakeApi(
      answer('GET', '/api/workouts', 200, { items: [], page: 1, pageSize: 10, total: 0 }),
      answer('GET', '/api/progress', 200, {
        unit: 'kg',
        trainingMaxes: [],
        estimatedOneRepMax: [],
        personalRecords: [],
      }),
    );
    renderWithProviders(<HistoryPage />, { route: '/history' });

    expect(await screen.findByRole('heading', { name: 'No workouts yet' })).toBeTruthy();
    expect(await screen.findByText(/Set your training maxes and complete a workout to see charts/)).toBeTruthy();
  });
});
