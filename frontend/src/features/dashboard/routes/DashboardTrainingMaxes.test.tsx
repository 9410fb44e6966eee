// Issue 12 (helper DASH): TMs edited in place with a one-tap deload and a reason, the stale-workout banner with
// regenerate, `{ plan: null }` without a plan, and one unit on the whole dashboard.
import { screen, within } from '@testing-library/react';
import type { CurrentPlanResponse, PlanDetailDto } from '@liftplan/domain';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { CurrentUserProvider } from '@/lib/current-user';
import { aUser, anEnrolment, answer, fakeApi, jsonResponse, type FakeRoute } from '@/test/fake-api';
import { LocationProbe, renderWithProviders } from '@/test/render';
import { DashboardPage } from './DashboardPage';

const squat = { id: 2, slug: 'squat', name: 'Squat', isUpperBody: false };
const day = {
  id: 11,
  weekNumber: 1,
  dayNumber: 1,
  name: 'Squat day',
  exercises: [
    {
      id: 110,
      exerciseId: squat.id,
      exercise: squat,
      tier: 'T1',
      sortOrder: 1,
      tmExerciseId: squat.id,
      tmExercise: squat,
      displayName: null,
      restSeconds: null,
      sets: [
        {
          id: 1100,
          setOrder: 1,
          kind: 'main' as const,
          percentage: 0.85,
          reps: 5,
          repsMax: null,
          incrementOffset: 0,
          isAmrap: true,
          isProgression: true,
        },
      ],
    },
  ],
};
const plan = {
  library: null,
  id: 3,
  slug: 'one-day',
  name: 'One-Day Plan',
  description: null,
  daysPerWeek: 1,
  cycleWeeks: 1,
  tmPercent: 0.9,
  isPublic: true,
  version: 1,
  versionId: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  weeks: [{ weekNumber: 1, name: null, isDeload: false, days: [day] }],
  days: [day],
  progressionRules: [],
  requiredExercises: [squat],
} as unknown as PlanDetailDto;

const current = (overrides: Partial<CurrentPlanResponse> = {}): CurrentPlanResponse => ({
  userPlan: { id: 1, planId: 3, planVersionId: 3, version: 1, startedAt: '2026-03-01T00:00:00.000Z' },
  enrolment: anEnrolment(),
  plan,
  requiredExercises: [squat],
  missingTMs: [],
  next: { cycle: 1, weekNumber: 1, dayNumber: 1, dayName: 'Squat day', weekName: null, isDeload: false },
  nextDayNumber: 1,
  inProgressWorkout: null,
  ...overrides,
});

/** GET /api/training-maxes answering `weights()` at the time of each call (a deload changes it). */
const tmsRoute =
  (weight: () => number, unit: 'kg' | 'lb' = 'kg'): FakeRoute =>
  (request) =>
    request.method === 'GET' && new URL(request.url).pathname === '/api/training-maxes'
      ? jsonResponse(200, {
          unit,
          planId: 3,
          tmPercent: 0.9,
          trainingMaxes: [
            { exercise: squat, trainingMax: weight(), effectiveDate: null, source: 'setup', missing: false },
          ],
        })
      : undefined;
const noWorkouts = answer('GET', '/api/workouts', 200, { items: [], page: 1, pageSize: 10, total: 0 });

function render(lifter: ReturnType<typeof aUser>, ...routes: FakeRoute[]) {
  const api = fakeApi(...routes);
  const view = renderWithProviders(
    <CurrentUserProvider user={lifter}>
      <Routes>
        <Route path="/" element={<DashboardPage />} />
        <Route path="*" element={<LocationProbe />} />
      </Routes>
    </CurrentUserProvider>,
  );
  return { ...api, ...view };
}

describe('Dashboard: training maxes in place', () => {
  it('GET /plans/current answering 200 { plan: null } shows "No plan yet"', async () => {
    render(aUser(), answer('GET', '/api/plans/current', 200, { plan: null }));
    expect(await screen.findByRole('heading', { name: 'No plan yet' })).toBeTruthy();
  });

  it('one tap on "Deload −10 %" posts −10 % with a reason, shows the change and the new top set', async () => {
    let tm = 140;
    const { user, requests } = render(
      aUser(),
      answer('GET', '/api/plans/current', 200, current()),
      tmsRoute(() => tm),
      noWorkouts,
      (request) => {
        if (request.method !== 'POST' || new URL(request.url).pathname !== '/api/training-maxes/2/adjust') return;
        tm = 126;
        return jsonResponse(201, { trainingMax: { exerciseId: 2, weight: 126, note: 'Deload −10 %' } });
      },
    );
    const tops = await screen.findByRole('list', { name: 'Top sets' });
    await within(tops).findByText(/120 kg/); // 140 × 85 % = 119 → 120
    await user.click(await screen.findByRole('button', { name: 'Deload Squat −10 %' }));

    const post = requests.find((r) => r.method === 'POST');
    expect(await post?.json()).toEqual({ percentChange: -10, note: 'Deload −10 %' });
    expect((await screen.findByRole('status')).textContent).toBe('Squat: 140 kg → 126 kg (Deload −10 %)');
    // 126 × 85 % = 107.1 → 107.5
    await within(screen.getByRole('list', { name: 'Top sets' })).findByText(/107\.5 kg/);
  });

  it('edits a TM in place with a reason; a bad value is refused before any request', async () => {
    let tm = 140;
    const { user, requests } = render(
      aUser(),
      answer('GET', '/api/plans/current', 200, current()),
      tmsRoute(() => tm),
      noWorkouts,
      (request) => {
        if (request.method !== 'POST') return;
        tm = 130;
        return jsonResponse(201, { trainingMax: { exerciseId: 2, weight: 130, note: 'back from a break' } });
      },
    );
    await user.click(await screen.findByRole('button', { name: 'Edit Squat training max' }));
    const field = screen.getByLabelText('New Squat TM (kg)');
    await user.clear(field);
    await user.type(field, 'abc');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('Enter a training max in kg')).toBeTruthy();
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);

    await user.clear(field);
    await user.type(field, '130');
    await user.type(screen.getByLabelText('Reason (kept in the history)'), 'back from a break');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await requests.find((r) => r.method === 'POST')?.json()).toEqual({
      trainingMax: 130,
      note: 'back from a break',
    });
    expect((await screen.findByRole('status')).textContent).toBe('Squat: 140 kg → 130 kg (back from a break)');
  });

  it('shows the TM history with its reasons', async () => {
    const { user } = render(
      aUser(),
      answer('GET', '/api/plans/current', 200, current()),
      tmsRoute(() => 126),
      noWorkouts,
      answer('GET', '/api/training-maxes/2/history', 200, {
        exercise: squat,
        unit: 'kg',
        history: [
          {
            id: 1,
            weight: 140,
            recordedWeight: 140,
            recordedUnit: 'kg',
            source: 'setup',
            note: null,
            workoutId: null,
            effectiveDate: '2026-03-01T00:00:00.000Z',
          },
          {
            id: 2,
            weight: 126,
            recordedWeight: 126,
            recordedUnit: 'kg',
            source: 'manual',
            note: 'Deload −10 %',
            workoutId: null,
            effectiveDate: '2026-03-08T00:00:00.000Z',
          },
        ],
      }),
    );
    await user.click(await screen.findByRole('button', { name: 'Show Squat history' }));
    const history = await screen.findByRole('list', { name: 'Squat history' });
    const entries = within(history).getAllByRole('listitem');
    expect(entries[0]!.textContent).toContain('126 kg');
    expect(entries[0]!.textContent).toContain('Changed by you');
    expect(entries[0]!.textContent).toContain('Deload −10 %');
    expect(entries[1]!.textContent).toContain('140 kg');
  });
});

describe('Dashboard: a workout in progress whose TM changed', () => {
  it('says which TM changed and regenerates the open sets', async () => {
    let stale = [{ exerciseId: 2, name: 'Squat' }];
    const { user, requests } = render(
      aUser(),
      (request) =>
        request.method === 'GET' && new URL(request.url).pathname === '/api/plans/current'
          ? jsonResponse(
              200,
              current({
                inProgressWorkout: { id: 9, cycle: 1, weekNumber: 1, dayNumber: 1, staleTrainingMaxes: stale },
              }),
            )
          : undefined,
      tmsRoute(() => 126),
      noWorkouts,
      (request) => {
        if (request.method !== 'POST' || new URL(request.url).pathname !== '/api/workouts/9/regenerate') return;
        stale = [];
        return jsonResponse(200, { workout: { id: 9, sets: [] }, changedSetIds: [5, 6, 7] });
      },
    );
    const resume = await screen.findByRole('region', { name: /Day 1/ });
    expect(
      (await within(resume).findByText(/Your Squat training max changed since this workout started/)).textContent,
    ).toBeTruthy();
    await user.click(within(resume).getByRole('button', { name: 'Update the open sets' }));
    expect(requests.some((r) => r.method === 'POST' && r.url.endsWith('/api/workouts/9/regenerate'))).toBe(true);
    expect(await within(resume).findByText('Updated: 3 open sets now use your current training maxes.')).toBeTruthy();
  });

  it('no banner when nothing changed', async () => {
    render(
      aUser(),
      answer(
        'GET',
        '/api/plans/current',
        200,
        current({ inProgressWorkout: { id: 9, cycle: 1, weekNumber: 1, dayNumber: 1, staleTrainingMaxes: [] } }),
      ),
      tmsRoute(() => 126),
      noWorkouts,
    );
    await screen.findByRole('link', { name: 'Resume workout' });
    expect(screen.queryByRole('button', { name: 'Update the open sets' })).toBeNull();
  });
});

describe('Dashboard: one unit', () => {
  it('in lb, a kg workout’s TM increase is shown converted, never "kg" next to lb', async () => {
    render(
      aUser({ unitPreference: 'lb', weightIncrement: 5, plates: [45, 25, 10, 5, 2.5] }),
      answer('GET', '/api/plans/current', 200, current()),
      tmsRoute(() => 300, 'lb'),
      answer('GET', '/api/workouts', 200, {
        items: [
          {
            id: 7,
            cycle: 1,
            weekNumber: 1,
            dayNumber: 1,
            dayName: 'Squat day',
            planId: 3,
            planName: 'One-Day Plan',
            unit: 'kg',
            status: 'completed',
            note: null,
            createdAt: '2026-03-01T10:00:00.000Z',
            completedAt: '2026-03-01T11:00:00.000Z',
            progression: [{ exerciseId: 2, slug: 'squat', previousTM: 140, newTM: 145, increase: 5, amrapReps: 8 }],
            setCount: 5,
            completedSetCount: 5,
          },
        ],
        page: 1,
        pageSize: 10,
        total: 1,
      }),
    );
    await screen.findByRole('list', { name: 'Top sets' });
    const main = document.querySelector('.page')!;
    await within(main as HTMLElement).findByText('Squat +11.02 lb'); // 5 kg = 11.0231 lb
    expect(main.textContent).not.toMatch(/\d kg/);
  });
});
