// The plan page's part in issue 14: the upgrade notice on the lifter's own plan, and the program file download.
import { screen, waitFor } from '@testing-library/react';
import type { CurrentPlanResponse, PlanDetailDto } from '@liftplan/domain';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { CurrentUserProvider } from '@/lib/current-user';
import { aUser, anEnrolment, answer, fakeApi } from '@/test/fake-api';
import { renderWithProviders } from '@/test/render';
import { PlanDetailPage } from './PlanDetailPage';

const plan: PlanDetailDto = {
  id: 7,
  slug: 'nsuns-4day-lp',
  name: 'nSuns 4-Day LP',
  description: null,
  daysPerWeek: 1,
  cycleWeeks: 1,
  tmPercent: 0.9,
  isPublic: true,
  version: 1,
  library: null,
  versionId: 70,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  weeks: [{ weekNumber: 1, name: null, isDeload: false, days: [] }],
  days: [],
  progressionRules: [],
  requiredExercises: [],
};

const current: CurrentPlanResponse = {
  userPlan: { id: 1, planId: 7, planVersionId: 70, version: 1, startedAt: '2026-03-01T00:00:00.000Z' },
  enrolment: anEnrolment({ planId: 7 }),
  plan,
  requiredExercises: [],
  missingTMs: [],
  next: { cycle: 1, weekNumber: 1, dayNumber: 1, dayName: null, weekName: null, isDeload: false },
  nextDayNumber: 1,
  upgradeAvailable: { version: 2, recommended: false, note: 'Bench once a week' },
  inProgressWorkout: null,
};

describe('PlanDetailPage: versions and files', () => {
  it('tells the lifter on it about a newer version and downloads the plan as a program file', async () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:plan');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { requests } = fakeApi(
      answer('GET', '/api/plans/7', 200, { plan }),
      answer('GET', '/api/plans/current', 200, current),
      (request) =>
        new URL(request.url).pathname === '/api/plans/7/export'
          ? new Response('{}', { headers: { 'Content-Disposition': 'attachment; filename="nsuns-4day-lp.json"' } })
          : undefined,
    );
    const { user } = renderWithProviders(
      <CurrentUserProvider user={aUser()}>
        <Routes>
          <Route path="/plans/:planId" element={<PlanDetailPage />} />
        </Routes>
      </CurrentUserProvider>,
      { route: '/plans/7' },
    );

    const notice = await screen.findByRole('region', { name: 'Version 2 of nSuns 4-Day LP is available' });
    expect(notice.textContent).toContain('Bench once a week');
    await user.click(screen.getByRole('button', { name: 'Download as a program file' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('nsuns-4day-lp.json');
    expect(requests.some((r) => r.url.endsWith('/api/plans/7/export'))).toBe(true);
  });
});
