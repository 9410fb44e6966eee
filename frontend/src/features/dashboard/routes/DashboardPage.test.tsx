import { screen, within } from '@testing-library/react';
import type { CurrentPlanResponse, PlanDayDto } from '@liftplan/domain';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { CurrentUserProvider } from '@/lib/current-user';
import { aUser, answer, apiErrorBody, fakeApi, type FakeRoute } from '@/test/fake-api';
import { LocationProbe, renderWithProviders } from '@/test/render';
import { DashboardPage } from './DashboardPage';

const ex = (id: number, name: string, isUpperBody: boolean) => ({
  id,
  slug: name.toLowerCase().replace(/ /g, '-'),
  name,
  isUpperBody,
});
const bench = ex(1, 'Bench Press', true);
const squat = ex(2, 'Squat', false);

function aDay(dayNumber: number, name: string, lift: typeof bench): PlanDayDto {
  return {
    id: dayNumber,
    dayNumber,
    name,
    exercises: [
      {
        id: dayNumber * 10,
        exerciseId: lift.id,
        exercise: lift,
        tier: 'T1',
        sortOrder: 1,
        tmExerciseId: lift.id,
        tmExercise: lift,
        displayName: null,
        sets: [{ id: dayNumber * 100, setOrder: 1, percentage: 0.75, reps: 5, isAmrap: true, isProgression: true }],
      },
    ],
  };
}

function aCurrentPlan(overrides: Partial<CurrentPlanResponse> = {}): CurrentPlanResponse {
  return {
    userPlan: { id: 1, planId: 3, planVersionId: 3, version: 1, startedAt: '2026-03-01T00:00:00.000Z' },
    plan: {
      id: 3,
      slug: 'two-day',
      name: 'Two-Day Test Plan',
      description: null,
      daysPerWeek: 2,
      isPublic: true,
      version: 1,
      versionId: 3,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      days: [aDay(1, 'Bench day', bench), aDay(2, 'Squat day', squat)],
      progressionRules: [],
      requiredExercises: [bench, squat],
    },
    requiredExercises: [bench, squat],
    missingTMs: [],
    nextDayNumber: 2,
    inProgressWorkout: null,
    ...overrides,
  };
}

const emptyHistory = answer('GET', '/api/workouts', 200, { items: [], page: 1, pageSize: 5, total: 0 });
const tms = answer('GET', '/api/training-maxes', 200, {
  unit: 'kg',
  planId: 3,
  trainingMaxes: [
    { exercise: bench, trainingMax: 90, effectiveDate: null, source: 'setup', missing: false },
    { exercise: squat, trainingMax: 126, effectiveDate: null, source: 'setup', missing: false },
  ],
});

function renderDashboard(...routes: FakeRoute[]) {
  const api = fakeApi(...routes);
  const view = renderWithProviders(
    <CurrentUserProvider user={aUser({ displayName: 'Ada' })}>
      <Routes>
        <Route path="/" element={<DashboardPage />} />
        <Route path="*" element={<LocationProbe />} />
      </Routes>
    </CurrentUserProvider>,
  );
  return { ...api, ...view };
}

describe('DashboardPage', () => {
  it('without a plan, points to the plans', async () => {
    renderDashboard(answer('GET', '/api/plans/current', 404, apiErrorBody('NO_ACTIVE_PLAN', 'You are not on a plan')));

    expect(await screen.findByRole('heading', { name: 'No plan yet' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Browse plans' }).getAttribute('href')).toBe('/plans');
  });

  it('shows one card per day with the next one highlighted, the TMs, and starts a day', async () => {
    const { user, requests } = renderDashboard(
      answer('GET', '/api/plans/current', 200, aCurrentPlan()),
      tms,
      emptyHistory,
      answer('POST', '/api/workouts', 201, { workout: { id: 42 } }),
    );

    const days = await screen.findAllByRole('listitem', { name: /^Day \d/ });
    expect(days.map((d) => within(d).getByRole('heading').textContent)).toEqual([
      'Day 1 · Bench day',
      'Day 2 · Squat day',
    ]);
    expect(within(days[1]!).getByText('Next')).toBeTruthy();
    expect(days[1]!.className).toContain('day-tile--next');
    expect(await screen.findByText('126 kg')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Start day 2' }));

    expect((await screen.findByTestId('location')).textContent).toBe('/workouts/42');
    expect(await requests.find((r) => r.method === 'POST')?.json()).toEqual({ dayNumber: 2 });
  });

  it('offers to resume or abandon the workout in progress when starting another day', async () => {
    let abandoned = false;
    const { user } = renderDashboard(
      answer('GET', '/api/plans/current', 200, aCurrentPlan({ inProgressWorkout: { id: 9, dayNumber: 1 } })),
      tms,
      emptyHistory,
      (request) => {
        if (request.method !== 'POST' || new URL(request.url).pathname !== '/api/workouts') return undefined;
        return abandoned
          ? new Response(JSON.stringify({ workout: { id: 43 } }), { status: 201 })
          : new Response(
              JSON.stringify(apiErrorBody('WORKOUT_IN_PROGRESS', 'Finish or abandon it first', { workoutId: 9 })),
              { status: 409 },
            );
      },
      (request) => {
        if (request.method !== 'POST' || new URL(request.url).pathname !== '/api/workouts/9/abandon') return undefined;
        abandoned = true;
        return new Response(JSON.stringify({ workout: { id: 9, status: 'abandoned' } }), { status: 200 });
      },
    );

    const resume = await screen.findByRole('link', { name: 'Resume workout' });
    expect(resume.getAttribute('href')).toBe('/workouts/9');

    await user.click(screen.getByRole('button', { name: 'Start day 2' }));
    const dialog = await screen.findByRole('dialog', { name: 'You have a workout in progress' });
    expect(within(dialog).getByRole('link', { name: 'Resume it' }).getAttribute('href')).toBe('/workouts/9');
    expect(document.activeElement).toBe(within(dialog).getByRole('link', { name: 'Resume it' }));

    await user.click(within(dialog).getByRole('button', { name: 'Abandon it and start day 2' }));

    expect((await screen.findByTestId('location')).textContent).toBe('/workouts/43');
  });

  it('sends the lifter to the setup when a training max is missing', async () => {
    const { user } = renderDashboard(
      answer(
        'GET',
        '/api/plans/current',
        200,
        aCurrentPlan({ missingTMs: [{ exerciseId: 2, slug: 'squat', name: 'Squat' }] }),
      ),
      tms,
      emptyHistory,
      answer(
        'POST',
        '/api/workouts',
        422,
        apiErrorBody('MISSING_TRAINING_MAX', 'Set a training max first for: Squat', { missingTMs: [] }),
      ),
    );

    expect(await screen.findByRole('heading', { name: 'Set your training maxes' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Start day 2' }));

    expect((await screen.findByTestId('location')).textContent).toBe('/setup');
  });
});
