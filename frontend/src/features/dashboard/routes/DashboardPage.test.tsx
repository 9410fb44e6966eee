import { screen, within } from '@testing-library/react';
import type { CurrentPlanResponse, PlanDayDto, PlanDetailDto, PlanSetDto } from '@liftplan/domain';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { CurrentUserProvider } from '@/lib/current-user';
import { aUser, anEnrolment, answer, apiErrorBody, fakeApi, jsonResponse, type FakeRoute } from '@/test/fake-api';
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

const aSet = (id: number, o: Partial<PlanSetDto> = {}): PlanSetDto => ({
  id,
  setOrder: 1,
  kind: 'main',
  percentage: 0.75,
  reps: 5,
  repsMax: null,
  incrementOffset: 0,
  isAmrap: false,
  isProgression: false,
  ...o,
});

function aDay(dayNumber: number, name: string, lift: typeof bench, weekNumber = 1, percentage = 0.75): PlanDayDto {
  const id = weekNumber * 10 + dayNumber;
  return {
    id,
    weekNumber,
    dayNumber,
    name,
    exercises: [
      {
        id: id * 10,
        exerciseId: lift.id,
        exercise: lift,
        tier: 'T1',
        sortOrder: 1,
        tmExerciseId: lift.id,
        tmExercise: lift,
        displayName: null,
        restSeconds: null,
        sets: [
          aSet(id * 100, { kind: 'warmup', percentage: 0.4 }),
          aSet(id * 100 + 1, { setOrder: 2, percentage, isAmrap: true, isProgression: true }),
        ],
      },
    ],
  };
}

function aPlan(overrides: Partial<PlanDetailDto> = {}): PlanDetailDto {
  const days = [aDay(1, 'Bench day', bench), aDay(2, 'Squat day', squat)];
  return {
    library: null,
    id: 3,
    slug: 'two-day',
    name: 'Two-Day Test Plan',
    description: null,
    daysPerWeek: 2,
    cycleWeeks: 1,
    tmPercent: 0.9,
    isPublic: true,
    version: 1,
    versionId: 3,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    weeks: [{ weekNumber: 1, name: null, isDeload: false, days }],
    days,
    progressionRules: [],
    requiredExercises: [bench, squat],
    ...overrides,
  };
}

/** A 3-week wave with a deload week: weeks 2 and 3 have their own percentages. */
function aWavePlan(): PlanDetailDto {
  const week = (weekNumber: number, percentage: number, isDeload = false) => ({
    weekNumber,
    name: isDeload ? 'Deload' : null,
    isDeload,
    days: [aDay(1, 'Bench day', bench, weekNumber, percentage), aDay(2, 'Squat day', squat, weekNumber, percentage)],
  });
  const weeks = [week(1, 0.85), week(2, 0.9), week(3, 0.6, true)];
  return aPlan({ cycleWeeks: 3, weeks, days: weeks[0]!.days });
}

function aCurrentPlan(overrides: Partial<CurrentPlanResponse> = {}): CurrentPlanResponse {
  return {
    userPlan: { id: 1, planId: 3, planVersionId: 3, version: 1, startedAt: '2026-03-01T00:00:00.000Z' },
    enrolment: anEnrolment(),
    plan: aPlan(),
    requiredExercises: [bench, squat],
    missingTMs: [],
    next: { cycle: 1, weekNumber: 1, dayNumber: 2, dayName: 'Squat day', weekName: null, isDeload: false },
    nextDayNumber: 2,
    inProgressWorkout: null,
    ...overrides,
  };
}

const emptyHistory = answer('GET', '/api/workouts', 200, { items: [], page: 1, pageSize: 5, total: 0 });
const tms = answer('GET', '/api/training-maxes', 200, {
  unit: 'kg',
  planId: 3,
  tmPercent: 0.9,
  trainingMaxes: [
    { exercise: bench, trainingMax: 90, effectiveDate: null, source: 'setup', missing: false },
    { exercise: squat, trainingMax: 126, effectiveDate: null, source: 'setup', missing: false },
  ],
});

function renderDashboard(...routes: FakeRoute[]) {
  return renderDashboardAs(aUser({ displayName: 'Ada' }), ...routes);
}

function renderDashboardAs(lifter: ReturnType<typeof aUser>, ...routes: FakeRoute[]) {
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

function threeDays(): PlanDayDto[] {
  return [aDay(1, 'Bench day', bench), aDay(2, 'Squat day', squat), aDay(3, 'Bench again', bench)];
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
    // A one-week plan counts its weeks (every week a new cycle).
    expect(document.querySelector('.plan-position')?.textContent).toBe('Week 1');

    await user.click(screen.getByRole('button', { name: 'Start day 2' }));

    expect((await screen.findByTestId('location')).textContent).toBe('/workouts/42');
    expect(await requests.find((r) => r.method === 'POST')?.json()).toEqual({ weekNumber: 1, dayNumber: 2 });
  });

  it('shows cycle and week, and the next workout’s top sets at the lifter’s weights, and starts it', async () => {
    const { user, requests } = renderDashboard(
      answer(
        'GET',
        '/api/plans/current',
        200,
        aCurrentPlan({
          plan: aWavePlan(),
          next: { cycle: 2, weekNumber: 2, dayNumber: 2, dayName: 'Squat day', weekName: null, isDeload: false },
        }),
      ),
      tms,
      emptyHistory,
      answer('POST', '/api/workouts', 201, { workout: { id: 44 } }),
    );

    expect(await screen.findByText('Cycle 2 · Week 2 of 3')).toBeTruthy();
    const next = screen.getByRole('region', { name: 'Week 2 · Day 2 · Squat day' });
    // Squat TM 126 × 90 % = 113.4 → 112.5 kg (nearest 2.5); the warm-up is not a top set.
    const tops = await within(next).findByRole('list', { name: 'Top sets' });
    expect(tops.textContent).toBe('T1 Squat112.5 kg × 5+');
    // This week's days are week 2's.
    const days = screen.getAllByRole('listitem', { name: /^Day \d/ });
    expect(days).toHaveLength(2);

    await user.click(within(next).getByRole('button', { name: 'Start workout' }));
    expect((await screen.findByTestId('location')).textContent).toBe('/workouts/44');
    expect(await requests.find((r) => r.method === 'POST')?.json()).toEqual({});
  });

  it('rounds the top sets the way the lifter chose (down) and says when a week is a deload', async () => {
    renderDashboardAs(
      aUser({ rounding: 'down', weightIncrement: 2.5 }),
      answer(
        'GET',
        '/api/plans/current',
        200,
        aCurrentPlan({
          plan: aWavePlan(),
          next: { cycle: 1, weekNumber: 1, dayNumber: 1, dayName: 'Bench day', weekName: null, isDeload: false },
        }),
      ),
      tms,
      emptyHistory,
    );
    const next = await screen.findByRole('region', { name: 'Week 1 · Day 1 · Bench day' });
    // Bench TM 90 × 85 % = 76.5 → 75 kg rounding down (nearest would be 77.5).
    expect((await within(next).findByRole('list', { name: 'Top sets' })).textContent).toBe('T1 Bench Press75 kg × 5+');
  });

  it('starts another day of this week out of order', async () => {
    const { user, requests } = renderDashboard(
      answer(
        'GET',
        '/api/plans/current',
        200,
        aCurrentPlan({
          plan: aWavePlan(),
          next: { cycle: 1, weekNumber: 3, dayNumber: 1, dayName: 'Bench day', weekName: 'Deload', isDeload: true },
        }),
      ),
      tms,
      emptyHistory,
      answer('POST', '/api/workouts', 201, { workout: { id: 45 } }),
    );
    expect(await screen.findByText('Cycle 1 · Week 3 of 3 (deload)')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Start day 2' }));

    expect((await screen.findByTestId('location')).textContent).toBe('/workouts/45');
    expect(await requests.find((r) => r.method === 'POST')?.json()).toEqual({ weekNumber: 3, dayNumber: 2 });
  });

  it('skips the next day after a confirmation, then shows where the plan moved on to', async () => {
    let skipped = false;
    const before = aCurrentPlan({ plan: aWavePlan() });
    const after = aCurrentPlan({
      plan: aWavePlan(),
      next: { cycle: 1, weekNumber: 2, dayNumber: 1, dayName: 'Bench day', weekName: null, isDeload: false },
      nextDayNumber: 1,
    });
    const { user, requests } = renderDashboard(
      (request) =>
        request.method === 'GET' && new URL(request.url).pathname === '/api/plans/current'
          ? jsonResponse(200, skipped ? after : before)
          : undefined,
      tms,
      emptyHistory,
      (request) => {
        if (request.method !== 'POST' || new URL(request.url).pathname !== '/api/plans/current/skip') return undefined;
        skipped = true;
        return jsonResponse(200, {
          skipped: { cycle: 1, weekNumber: 1, dayNumber: 2 },
          next: after.next,
          progression: [],
        });
      },
    );

    await user.click(await screen.findByRole('button', { name: 'Skip this day' }));
    const dialog = screen.getByRole('dialog', { name: 'Skip Week 1 · Day 2 · Squat day?' });
    await user.click(within(dialog).getByRole('button', { name: 'Skip this day' }));

    expect(await screen.findByText(/Skipped Week 1 · Day 2\. Next up: Week 2 · Day 1 · Bench day/)).toBeTruthy();
    expect(await screen.findByRole('region', { name: 'Week 2 · Day 1 · Bench day' })).toBeTruthy();
    expect(requests.filter((r) => r.method === 'POST').map((r) => new URL(r.url).pathname)).toEqual([
      '/api/plans/current/skip',
    ]);
  });

  it('marks the days of this week already done or skipped', async () => {
    const summary = (id: number, dayNumber: number, status: 'completed' | 'skipped') => ({
      id,
      cycle: 1,
      weekNumber: 1,
      dayNumber,
      dayName: null,
      planId: 3,
      planName: 'Two-Day Test Plan',
      unit: 'kg',
      status,
      createdAt: '2026-03-02T10:00:00.000Z',
      completedAt: '2026-03-02T11:00:00.000Z',
      progression: null,
      setCount: 2,
      completedSetCount: status === 'completed' ? 2 : 0,
    });
    renderDashboard(
      answer(
        'GET',
        '/api/plans/current',
        200,
        aCurrentPlan({
          plan: aPlan({ daysPerWeek: 3, weeks: [{ weekNumber: 1, name: null, isDeload: false, days: threeDays() }] }),
          next: { cycle: 1, weekNumber: 1, dayNumber: 1, dayName: 'Bench day', weekName: null, isDeload: false },
        }),
      ),
      tms,
      answer('GET', '/api/workouts', 200, {
        items: [summary(8, 3, 'completed'), summary(7, 2, 'skipped')],
        page: 1,
        pageSize: 10,
        total: 2,
      }),
    );

    const days = await screen.findAllByRole('listitem', { name: /^Day \d/ });
    await within(days[2]!).findByText('Done');
    expect(within(days[1]!).getByText('Skipped')).toBeTruthy();
    expect(within(days[0]!).getByText('Next')).toBeTruthy();
    const recent = screen.getByRole('region', { name: 'Recent workouts' });
    expect(within(recent).getAllByText('Skipped')).toHaveLength(1);
  });

  it('offers to resume or abandon the workout in progress when starting another day', async () => {
    let abandoned = false;
    const { user } = renderDashboard(
      answer(
        'GET',
        '/api/plans/current',
        200,
        aCurrentPlan({ inProgressWorkout: { id: 9, cycle: 1, weekNumber: 1, dayNumber: 1 } }),
      ),
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
