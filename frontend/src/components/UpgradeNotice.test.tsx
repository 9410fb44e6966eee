import { screen, waitFor } from '@testing-library/react';
import type { CurrentPlanResponse } from '@liftplan/domain';
import { describe, expect, it } from 'vitest';
import { anEnrolment, answer, fakeApi } from '@/test/fake-api';
import { trainingStateKeys } from '@/lib/training-state';
import { renderWithProviders } from '@/test/render';
import { UpgradeNotice } from './UpgradeNotice';

function currentPlan(upgradeAvailable: CurrentPlanResponse['upgradeAvailable']) {
  return {
    userPlan: { id: 1, planId: 3, planVersionId: 30, version: 1, startedAt: '2026-03-01T00:00:00.000Z' },
    enrolment: anEnrolment(),
    plan: { id: 3, name: 'nSuns 4-Day LP' },
    requiredExercises: [],
    missingTMs: [],
    next: { cycle: 1, weekNumber: 1, dayNumber: 2, dayName: null, weekName: null, isDeload: false },
    nextDayNumber: 2,
    upgradeAvailable,
    inProgressWorkout: null,
  };
}

function renderNotice(upgradeAvailable: CurrentPlanResponse['upgradeAvailable'], planId?: number) {
  fakeApi(answer('GET', '/api/plans/current', 200, currentPlan(upgradeAvailable)));
  return renderWithProviders(
    <>
      <UpgradeNotice planId={planId} />
      <p>rendered</p>
    </>,
  );
}

describe('UpgradeNotice', () => {
  it('announces a recommended version with its note and links to the review', async () => {
    renderNotice({ version: 2, recommended: true, note: 'Heavier first set on day 2' });
    const notice = await screen.findByRole('region', { name: 'Version 2 of nSuns 4-Day LP is available' });
    expect(notice.textContent).toContain('Recommended: Heavier first set on day 2');
    expect(screen.getByRole('link', { name: 'Review the changes' }).getAttribute('href')).toBe('/plans/upgrade');
  });

  it('shows nothing when the lifter is up to date, or on another plan’s page', async () => {
    for (const [upgrade, planId] of [
      [null, undefined],
      [{ version: 2, recommended: false, note: null }, 9],
    ] as const) {
      const { queryClient, unmount } = renderNotice(upgrade, planId);
      await waitFor(() => expect(queryClient.getQueryState(trainingStateKeys.currentPlan)?.status).toBe('success'));
      expect(screen.queryByRole('region')).toBeNull();
      unmount();
    }
  });
});
