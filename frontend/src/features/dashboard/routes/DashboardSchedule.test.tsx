// Issue 13: the two-week schedule with statuses and catch-up, the program's progress, pause / resume / end, and
// what a lifter who finished or ended a program sees.
import { screen, within } from '@testing-library/react';
import type {
  CurrentPlanResponse,
  EnrolmentDto,
  PlanDetailDto,
  ScheduleDayDto,
  ScheduleResponse,
  ScheduleSessionDto,
} from '@liftplan/domain';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { CurrentUserProvider } from '@/lib/current-user';
import { addDays } from '@/lib/plain-date';
import { aUser, anEnrolment, answer, fakeApi, jsonResponse, type FakeRoute } from '@/test/fake-api';
import { LocationProbe, renderWithProviders } from '@/test/render';
import { DashboardPage } from './DashboardPage';

const squat = { id: 2, slug: 'squat', name: 'Squat', isUpperBody: false };
const day = (weekNumber: number) => ({
  id: weekNumber,
  weekNumber,
  dayNumber: 1,
  name: 'Squat day',
  exercises: [
    {
      id: 10 + weekNumber,
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
          id: 100 + weekNumber,
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
});
const weeks = [1, 2, 3].map((n) => ({ weekNumber: n, name: null, isDeload: false, days: [day(n)] }));
const plan = {
  library: null,
  id: 3,
  slug: 'wave',
  name: 'Wave Plan',
  description: null,
  daysPerWeek: 3,
  cycleWeeks: 3,
  cycles: 2,
  tmPercent: 0.9,
  isPublic: true,
  version: 1,
  versionId: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  weeks,
  days: weeks[0]!.days,
  progressionRules: [],
  requiredExercises: [squat],
} as unknown as PlanDetailDto;

const activeEnrolment = anEnrolment({
  planName: 'Wave Plan',
  preferredDays: ['mon', 'wed', 'fri'],
  timeZone: 'America/New_York',
  cycles: 2,
  startDate: '2026-11-02',
  expectedEndDate: '2026-12-20',
  progress: {
    cycle: 2,
    weekNumber: 1,
    dayNumber: 1,
    programWeek: 4,
    programWeeks: 6,
    sessionsDone: 9,
    sessionsTotal: 18,
  },
});

const current = (enrolment: EnrolmentDto = activeEnrolment): CurrentPlanResponse => ({
  userPlan: { id: 1, planId: 3, planVersionId: 3, version: 1, startedAt: '2026-11-02T10:00:00.000Z' },
  enrolment,
  plan,
  requiredExercises: [squat],
  missingTMs: [],
  next: { cycle: 2, weekNumber: 1, dayNumber: 1, dayName: 'Squat day', weekName: null, isDeload: false },
  nextDayNumber: 1,
  inProgressWorkout: null,
});

const session = (overrides: Partial<ScheduleSessionDto>): ScheduleSessionDto => ({
  status: 'scheduled',
  cycle: 2,
  weekNumber: 1,
  dayNumber: 1,
  dayName: 'Squat day',
  weekName: null,
  isDeload: false,
  workoutId: null,
  inProgress: false,
  missedDate: null,
  topSets: [{ exerciseId: 2, name: 'Squat', weight: 112.5, reps: 5, repsMax: null, isAmrap: true }],
  ...overrides,
});

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const weekdayOf = (date: string) => WEEKDAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7]!;

/** Friday 11 Dec 2026: Monday done, Wednesday missed, its session offered today, next week planned. */
const DECEMBER: Record<string, ScheduleSessionDto[]> = {
  '2026-12-07': [
    session({ status: 'completed', weekNumber: 3, dayNumber: 3, dayName: null, workoutId: 70, topSets: [] }),
  ],
  '2026-12-09': [session({ status: 'missed', topSets: [] })],
  '2026-12-11': [session({ status: 'catch_up', missedDate: '2026-12-09' })],
  '2026-12-14': [session({ dayNumber: 2, dayName: 'Bench day' })],
};

function scheduleRoute(today: string, sessions: Record<string, ScheduleSessionDto[]>, paused = false): FakeRoute {
  return (request) => {
    const url = new URL(request.url);
    if (request.method !== 'GET' || url.pathname !== '/api/schedule') return undefined;
    const days: ScheduleDayDto[] = [];
    for (let date = url.searchParams.get('from')!; date <= url.searchParams.get('to')!; date = addDays(date, 1)) {
      days.push({
        date,
        weekday: weekdayOf(date),
        isToday: date === today,
        isTrainingDay: ['mon', 'wed', 'fri'].includes(weekdayOf(date)),
        isPaused: paused && date >= today,
        sessions: paused && date >= today ? [] : (sessions[date] ?? []),
      });
    }
    const body: ScheduleResponse = {
      timeZone: 'America/New_York',
      today,
      unit: 'kg',
      enrolment: activeEnrolment,
      days,
    };
    return jsonResponse(200, body);
  };
}

const tms = answer('GET', '/api/training-maxes', 200, {
  unit: 'kg',
  planId: 3,
  tmPercent: 0.9,
  trainingMaxes: [{ exercise: squat, trainingMax: 132.5, effectiveDate: null, source: 'setup', missing: false }],
});
const noWorkouts = answer('GET', '/api/workouts', 200, { items: [], page: 1, pageSize: 10, total: 0 });

function render(...routes: FakeRoute[]) {
  const api = fakeApi(...routes, tms, noWorkouts);
  const view = renderWithProviders(
    <CurrentUserProvider user={aUser({ timeZone: 'America/New_York' })}>
      <Routes>
        <Route path="/" element={<DashboardPage />} />
        <Route path="*" element={<LocationProbe />} />
      </Routes>
    </CurrentUserProvider>,
  );
  return { ...api, ...view };
}

const dayItem = (week: HTMLElement, weekday: string) =>
  within(week)
    .getAllByRole('listitem')
    .find((item) => item.querySelector('.schedule-day__weekday')?.textContent === weekday)!;

describe('Dashboard: the schedule', () => {
  it('shows this week with statuses in words, today highlighted, and the missed session as a catch-up', async () => {
    render(answer('GET', '/api/plans/current', 200, current()), scheduleRoute('2026-12-11', DECEMBER));

    const thisWeek = await screen.findByRole('region', { name: 'This week Dec 7 – Dec 13' });
    expect(screen.getByRole('region', { name: 'Next week Dec 14 – Dec 20' })).toBeTruthy();
    expect(within(thisWeek).getAllByRole('list')[0]!.querySelectorAll(':scope > li')).toHaveLength(7);

    const monday = dayItem(thisWeek, 'Mon');
    expect(monday.textContent).toContain('W3 D3');
    expect(within(monday).getByText('Done ✓')).toBeTruthy();
    expect(within(monday).getByRole('link', { name: 'View workout' }).getAttribute('href')).toBe('/workouts/70');

    const wednesday = dayItem(thisWeek, 'Wed');
    expect(within(wednesday).getByText('Missed')).toBeTruthy();
    expect(within(wednesday).queryByRole('list', { name: 'Top sets' })).toBeNull();
    expect(within(wednesday).queryByRole('button')).toBeNull();

    expect(dayItem(thisWeek, 'Tue').textContent).toContain('Rest day');

    const friday = dayItem(thisWeek, 'Fri');
    expect(friday.getAttribute('aria-current')).toBe('date');
    expect(within(friday).getByText('Today')).toBeTruthy();
    expect(within(friday).getByText('Catch up', { selector: '.pill' })).toBeTruthy();
    expect(friday.textContent).toContain('W1 D1 · Squat day');
    expect(friday.textContent).toContain('Missed on Wed, Dec 9');
    expect(within(friday).getByRole('list', { name: 'Top sets' }).textContent).toBe('Squat 112.5 kg × 5+');
    expect(within(friday).getByRole('button', { name: 'Catch up' })).toBeTruthy();
    expect(within(friday).getByRole('button', { name: 'Skip' })).toBeTruthy();
  });

  it('turns to next week with the arrows', async () => {
    const { user } = render(answer('GET', '/api/plans/current', 200, current()), scheduleRoute('2026-12-11', DECEMBER));
    await screen.findByRole('region', { name: /^This week/ });
    const previous = screen.getByRole('button', { name: 'Previous week' });
    const next = screen.getByRole('button', { name: 'Next week' });
    expect((previous as HTMLButtonElement).disabled).toBe(true);

    await user.click(next);

    expect((previous as HTMLButtonElement).disabled).toBe(false);
    expect((next as HTMLButtonElement).disabled).toBe(true);
    const nextWeek = screen.getByRole('region', { name: /^Next week/ });
    expect(dayItem(nextWeek, 'Mon').textContent).toContain('W1 D2 · Bench day');
    expect(within(dayItem(nextWeek, 'Mon')).getByText('Planned')).toBeTruthy();
  });

  it("catches up by starting the plan's next workout, and skips it after a confirmation", async () => {
    let skipped = false;
    const { user, requests } = render(
      answer('GET', '/api/plans/current', 200, current()),
      scheduleRoute('2026-12-11', DECEMBER),
      (request) => {
        if (request.method !== 'POST' || new URL(request.url).pathname !== '/api/plans/current/skip') return undefined;
        skipped = true;
        return jsonResponse(200, {
          skipped: { cycle: 2, weekNumber: 1, dayNumber: 1 },
          next: { cycle: 2, weekNumber: 1, dayNumber: 2, dayName: 'Bench day', weekName: null, isDeload: false },
          progression: [],
        });
      },
    );
    const friday = dayItem(await screen.findByRole('region', { name: /^This week/ }), 'Fri');

    await user.click(within(friday).getByRole('button', { name: 'Skip' }));
    const dialog = screen.getByRole('dialog', { name: 'Skip Week 1 · Day 1 · Squat day?' });
    await user.click(within(dialog).getByRole('button', { name: 'Skip this day' }));
    expect(await screen.findByText(/Skipped Week 1 · Day 1\./)).toBeTruthy();
    expect(skipped).toBe(true);
    // The schedule is asked again after the skip.
    expect(requests.filter((r) => new URL(r.url).pathname === '/api/schedule').length).toBeGreaterThan(1);
  });

  it('catch up starts the workout the plan is at', async () => {
    const { user, requests } = render(
      answer('GET', '/api/plans/current', 200, current()),
      scheduleRoute('2026-12-11', DECEMBER),
      answer('POST', '/api/workouts', 201, { workout: { id: 51 } }),
    );
    const friday = dayItem(await screen.findByRole('region', { name: /^This week/ }), 'Fri');

    await user.click(within(friday).getByRole('button', { name: 'Catch up' }));

    expect((await screen.findByTestId('location')).textContent).toBe('/workouts/51');
    expect(await requests.find((r) => r.method === 'POST')!.json()).toEqual({});
  });

  it("asks again around the server's today when this device's date is far from it", async () => {
    const { requests } = render(answer('GET', '/api/plans/current', 200, current()), scheduleRoute('2027-03-10', {}));

    expect(await screen.findByRole('region', { name: 'This week Mar 8 – Mar 14' })).toBeTruthy();
    const asked = requests.filter((r) => new URL(r.url).pathname === '/api/schedule').map((r) => new URL(r.url).search);
    expect(asked.at(-1)).toBe('?from=2027-03-01&to=2027-04-01');
  });
});

describe('Dashboard: the program', () => {
  it('says the week of a finite program and when it ends, and the training days', async () => {
    render(answer('GET', '/api/plans/current', 200, current()), scheduleRoute('2026-12-11', DECEMBER));
    expect(await screen.findByText('Week 4 of 6 · ends Dec 20')).toBeTruthy();
    const days = screen.getByText(/^Mon, Wed, Fri from Nov 2/);
    expect(within(days).getByRole('link', { name: 'Change days' }).getAttribute('href')).toBe('/settings');
  });

  it('says nothing more of a repeating program than its position in the cycle', async () => {
    const repeating = anEnrolment({ progress: { ...activeEnrolment.progress, programWeeks: null } });
    render(answer('GET', '/api/plans/current', 200, current(repeating)), scheduleRoute('2026-12-11', DECEMBER));
    expect(await screen.findByText('Cycle 2 · Week 1 of 3')).toBeTruthy();
    expect(document.querySelector('.program-status__line')).toBeNull();
  });

  it('pauses after a confirmation, then offers "Resume to train" instead of starting, and resumes', async () => {
    let status: 'active' | 'paused' = 'active';
    const pausedEnrolment = { ...activeEnrolment, status: 'paused' as const, pausedAt: '2026-12-11T15:00:00.000Z' };
    const { user, requests } = render(
      (request) =>
        request.method === 'GET' && new URL(request.url).pathname === '/api/plans/current'
          ? jsonResponse(200, current(status === 'paused' ? pausedEnrolment : activeEnrolment))
          : undefined,
      (request) => scheduleRoute('2026-12-11', DECEMBER, status === 'paused')(request),
      (request) => {
        const path = new URL(request.url).pathname;
        if (request.method !== 'POST' || !path.startsWith('/api/plans/current/')) return undefined;
        status = path.endsWith('/pause') ? 'paused' : 'active';
        return jsonResponse(200, { enrolment: status === 'paused' ? pausedEnrolment : activeEnrolment });
      },
    );
    const next = await screen.findByRole('region', { name: 'Week 1 · Day 1 · Squat day' });
    expect(within(next).getByRole('button', { name: 'Start workout' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Pause program' }));
    const dialog = screen.getByRole('dialog', { name: 'Pause Wave Plan?' });
    expect(dialog.textContent).toContain('no day counts as missed');
    await user.click(within(dialog).getByRole('button', { name: 'Pause program' }));

    expect(await screen.findByText('Paused since Dec 11 · week 4 of 6')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Start workout' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Pause program' })).toBeNull();
    const friday = dayItem(await screen.findByRole('region', { name: /^This week/ }), 'Fri');
    expect(await within(friday).findByText('Paused')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Start day 1' })).toHaveProperty('disabled', true);

    await user.click(screen.getByRole('button', { name: 'Resume to train' }));

    expect(await screen.findByRole('button', { name: 'Start workout' })).toBeTruthy();
    expect(requests.filter((r) => r.method === 'POST').map((r) => new URL(r.url).pathname)).toEqual([
      '/api/plans/current/pause',
      '/api/plans/current/resume',
    ]);
  });

  it('ends after a confirmation and shows the plan just ended', async () => {
    let ended = false;
    const endedEnrolment = { ...activeEnrolment, status: 'ended' as const, endedAt: '2026-12-11T15:00:00.000Z' };
    const { user } = render(
      (request) =>
        request.method === 'GET' && new URL(request.url).pathname === '/api/plans/current'
          ? jsonResponse(200, ended ? { plan: null, lastEnrolment: endedEnrolment } : current())
          : undefined,
      scheduleRoute('2026-12-11', DECEMBER),
      (request) => {
        if (request.method !== 'POST' || new URL(request.url).pathname !== '/api/plans/current/end') return undefined;
        ended = true;
        return jsonResponse(200, { enrolment: endedEnrolment });
      },
    );

    await user.click(await screen.findByRole('button', { name: 'End program' }));
    const dialog = screen.getByRole('dialog', { name: 'End Wave Plan?' });
    await user.click(within(dialog).getByRole('button', { name: 'End program' }));

    expect(await screen.findByRole('heading', { name: 'No plan right now' })).toBeTruthy();
    expect(screen.getByText(/You ended Wave Plan on Dec 11, 2026\./)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Browse plans' }).getAttribute('href')).toBe('/plans');
  });

  it('congratulates on a completed program', async () => {
    render(
      answer('GET', '/api/plans/current', 200, {
        plan: null,
        lastEnrolment: anEnrolment({
          planName: 'Smolov Jr',
          status: 'completed',
          timeZone: 'Asia/Jerusalem',
          endedAt: '2026-12-20T20:30:00.000Z',
        }),
      }),
    );
    expect(await screen.findByRole('heading', { name: 'Program complete' })).toBeTruthy();
    // 22:30 in Jerusalem: still the 20th there.
    expect(screen.getByText(/You completed Smolov Jr on Dec 20, 2026\./)).toBeTruthy();
  });
});
