import { screen, waitFor, within } from '@testing-library/react';
import type {
  CurrentPlanResponse,
  PlanDetailDto,
  PrescribedPlanSetDto,
  UpgradeOfferResponse,
  UpgradeSessionDto,
} from '@liftplan/domain';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { anEnrolment, answer, apiErrorBody, fakeApi, jsonResponse, type FakeRoute } from '@/test/fake-api';
import { LocationProbe, renderWithProviders } from '@/test/render';
import { PlanUpgradePage } from './PlanUpgradePage';

const squat = { id: 2, slug: 'squat', name: 'Squat', isUpperBody: false };

const plan: PlanDetailDto = {
  id: 3,
  slug: 'nsuns-4day-lp',
  name: 'nSuns 4-Day LP',
  description: null,
  daysPerWeek: 4,
  cycleWeeks: 1,
  tmPercent: 0.9,
  isPublic: true,
  version: 1,
  library: null,
  versionId: 30,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  weeks: [{ weekNumber: 1, name: null, isDeload: false, days: [] }],
  days: [],
  progressionRules: [],
  requiredExercises: [squat],
};

const current = (overrides: Partial<CurrentPlanResponse> = {}): CurrentPlanResponse => ({
  userPlan: { id: 1, planId: 3, planVersionId: 30, version: 1, startedAt: '2026-03-01T00:00:00.000Z' },
  enrolment: anEnrolment(),
  plan,
  requiredExercises: [squat],
  missingTMs: [],
  next: { cycle: 1, weekNumber: 1, dayNumber: 2, dayName: 'Squat day', weekName: null, isDeload: false },
  nextDayNumber: 2,
  upgradeAvailable: { version: 2, recommended: true, note: 'Heavier first set on day 2' },
  inProgressWorkout: null,
  ...overrides,
});

const set = (weight: number, reps: number, percentage: number, isAmrap = false): PrescribedPlanSetDto => ({
  exerciseId: 2,
  name: 'Squat',
  kind: 'main',
  percentage,
  weight,
  reps,
  repsMax: null,
  isAmrap,
});
const session = (sets: PrescribedPlanSetDto[]): UpgradeSessionDto => ({
  cycle: 1,
  weekNumber: 1,
  dayNumber: 2,
  dayName: 'Squat day',
  weekName: null,
  isDeload: false,
  sets,
});

function offer(version: number, firstWeight: number): UpgradeOfferResponse {
  return {
    currentVersion: 1,
    unit: 'kg',
    upgrade: {
      version,
      recommended: version === 2,
      note: version === 2 ? 'Heavier first set on day 2' : null,
      publishedAt: '2026-03-05T00:00:00.000Z',
      changes: [
        {
          change: 'changed',
          where: 'Week 1 · Day 2 (Squat day) · Squat (T1) · set 1',
          detail: `75 % × 5 → ${version === 2 ? 80 : 85} % × 5`,
        },
      ],
      nextWorkout: {
        current: session([set(95, 5, 0.75), set(107.5, 3, 0.85, true)]),
        upgraded: session([set(firstWeight, 5, 0.8), set(107.5, 3, 0.85, true)]),
      },
    },
  };
}

function renderPage(...routes: FakeRoute[]) {
  const api = fakeApi(...routes, answer('GET', '/api/plans/current', 200, current()));
  const view = renderWithProviders(
    <Routes>
      <Route path="/plans/upgrade" element={<PlanUpgradePage />} />
      <Route path="*" element={<LocationProbe />} />
    </Routes>,
    { route: '/plans/upgrade' },
  );
  return { ...api, ...view };
}

const rows = () =>
  within(screen.getByRole('table'))
    .getAllByRole('row')
    .map((row) => row.textContent);

describe('PlanUpgradePage', () => {
  it('shows the note, the changes and the next workout under both versions with the lifter’s weights; upgrades', async () => {
    const { user, requests } = renderPage(
      answer('GET', '/api/plans/current/upgrade', 200, offer(2, 102.5)),
      answer('POST', '/api/plans/current/upgrade', 200, {
        fromVersion: 1,
        toVersion: 2,
        next: { cycle: 1, weekNumber: 1, dayNumber: 2, dayName: 'Squat day', weekName: null, isDeload: false },
      }),
    );
    expect(await screen.findByRole('heading', { name: 'Version 2 of nSuns 4-Day LP' })).toBeTruthy();
    expect(screen.getByText('You’re on version 1.', { exact: false }).textContent).toContain(
      'keeps your place (Day 2 · Squat day)',
    );
    expect(screen.getByText('Recommended')).toBeTruthy();
    expect(screen.getByText('Heavier first set on day 2')).toBeTruthy();
    const changes = screen.getByRole('region', { name: 'What changes' });
    expect(within(changes).getByRole('listitem').textContent).toBe(
      'ChangedWeek 1 · Day 2 (Squat day) · Squat (T1) · set 175 % × 5 → 80 % × 5',
    );
    expect(rows()).toEqual([
      'SetNow · v1Day 2 · Squat dayUpgraded · v2Day 2 · Squat day',
      'Squat',
      'Squat set 195 kg × 5102.5 kg × 5 (changed)',
      'Squat set 2107.5 kg × 3+107.5 kg × 3+',
    ]);

    await user.click(screen.getByRole('button', { name: 'Upgrade to version 2' }));

    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/'));
    expect(screen.getByTestId('location').dataset.state).toContain(
      'Upgraded to version 2. Your next workout: Day 2 · Squat day.',
    );
    const post = requests.find((r) => r.method === 'POST')!;
    expect(await post.json()).toEqual({ version: 2 });
  });

  it('a version published during the review (409 PLAN_CHANGED): shows that one, then upgrades to it', async () => {
    let published = 2;
    const { user, requests } = renderPage(
      (request) =>
        request.method === 'GET' && new URL(request.url).pathname === '/api/plans/current/upgrade'
          ? jsonResponse(200, offer(published, published === 2 ? 102.5 : 105))
          : undefined,
      async (request) => {
        if (request.method !== 'POST') return undefined;
        const { version } = (await request.json()) as { version: number };
        if (version === published)
          return jsonResponse(200, { fromVersion: 1, toVersion: version, next: current().next });
        return jsonResponse(409, apiErrorBody('PLAN_CHANGED', 'Version 3 was published since', { newestVersion: 3 }));
      },
    );
    await screen.findByRole('heading', { name: 'Version 2 of nSuns 4-Day LP' });
    published = 3;
    await user.click(screen.getByRole('button', { name: 'Upgrade to version 2' }));

    await screen.findByRole('heading', { name: 'Version 3 of nSuns 4-Day LP' });
    expect(screen.getByRole('status').textContent).toContain('Version 3 was published while you were reading');
    expect(rows()[2]).toBe('Squat set 195 kg × 5105 kg × 5 (changed)');
    await user.click(screen.getByRole('button', { name: 'Upgrade to version 3' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/'));
    const posts = await Promise.all(requests.filter((r) => r.method === 'POST').map((r) => r.json()));
    expect(posts).toEqual([{ version: 2 }, { version: 3 }]);
  });

  it('asks to finish the workout in progress first', async () => {
    renderPage(
      answer(
        'GET',
        '/api/plans/current',
        200,
        current({ inProgressWorkout: { id: 41, cycle: 1, weekNumber: 1, dayNumber: 2 } }),
      ),
      answer('GET', '/api/plans/current/upgrade', 200, offer(2, 102.5)),
    );
    const button = await screen.findByRole('button', { name: 'Upgrade to version 2' });
    expect(button.hasAttribute('disabled')).toBe(true);
    expect(screen.getByText('Finish or abandon your workout in progress before upgrading.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Resume workout' }).getAttribute('href')).toBe('/workouts/41');
  });

  it('says so when the lifter is on the newest version', async () => {
    renderPage(answer('GET', '/api/plans/current/upgrade', 200, { currentVersion: 2, unit: 'kg', upgrade: null }));
    expect(await screen.findByRole('heading', { name: 'You’re up to date' })).toBeTruthy();
    expect(screen.getByText('You’re on the newest version of nSuns 4-Day LP (version 2).')).toBeTruthy();
  });
});
