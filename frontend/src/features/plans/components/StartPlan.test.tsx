import { screen, within } from '@testing-library/react';
import type { PlanDetailDto } from '@liftplan/domain';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { CurrentUserProvider } from '@/lib/current-user';
import { todayIn } from '@/lib/plain-date';
import { aUser, anEnrolment, answer, apiErrorBody, fakeApi, type FakeRoute } from '@/test/fake-api';
import { LocationProbe, renderWithProviders } from '@/test/render';
import { StartPlan } from './StartPlan';

const plan = {
  id: 9,
  name: 'Madcow 5x5',
  daysPerWeek: 3,
  cycleWeeks: 1,
} as PlanDetailDto;

const subscribed = answer('POST', '/api/plans/9/subscribe', 201, {
  userPlan: { id: 1, planId: 9, planVersionId: 9, version: 1, startedAt: '2026-12-09T10:00:00.000Z' },
  enrolment: anEnrolment({ planId: 9, planName: 'Madcow 5x5', preferredDays: ['mon', 'wed', 'fri'] }),
  requiredExercises: [],
  missingTMs: [],
});

function renderStartPlan(...routes: FakeRoute[]) {
  const api = fakeApi(...routes, answer('GET', '/api/plans/current', 200, { plan: null }));
  const view = renderWithProviders(
    <CurrentUserProvider user={aUser({ timeZone: 'America/New_York' })}>
      <Routes>
        <Route path="/plans/9" element={<StartPlan plan={plan} />} />
        <Route path="*" element={<LocationProbe />} />
      </Routes>
    </CurrentUserProvider>,
    { route: '/plans/9' },
  );
  return { ...api, ...view };
}

async function openDialog(user: ReturnType<typeof renderStartPlan>['user']) {
  await user.click(await screen.findByRole('button', { name: 'Start this plan' }));
  return screen.getByRole('dialog', { name: 'Start Madcow 5x5' });
}

const pressed = (dialog: HTMLElement) =>
  within(dialog)
    .getAllByRole('button', { pressed: true })
    .map((b) => b.textContent);

describe('StartPlan: training days and the first day', () => {
  it("preselects the plan's default days, allows at most its sessions a week, and sends days and date", async () => {
    const { user, requests } = renderStartPlan(subscribed);
    const dialog = await openDialog(user);

    expect(pressed(dialog)).toEqual(['Mon', 'Wed', 'Fri']);
    const group = within(dialog).getByRole('group', { name: 'Your training days' });
    expect(group.textContent).toContain('Madcow 5x5 has 3 sessions a week, so up to 3 days');
    expect(group.textContent).toContain('3 of 3 picked: unpick one to choose another.');
    // A fourth day can't be added; the chip says so rather than disappearing.
    const tuesday = within(dialog).getByRole('button', { name: 'Tuesday' });
    expect(tuesday.getAttribute('aria-disabled')).toBe('true');
    await user.click(tuesday);
    expect(pressed(dialog)).toEqual(['Mon', 'Wed', 'Fri']);

    await user.click(within(dialog).getByRole('button', { name: 'Wednesday' }));
    await user.click(within(dialog).getByRole('button', { name: 'Tuesday' }));
    expect(pressed(dialog)).toEqual(['Mon', 'Tue', 'Fri']);
    const date = within(dialog).getByLabelText('First training day') as HTMLInputElement;
    expect(date.value).toBe(todayIn('America/New_York'));
    await user.clear(date);
    await user.type(date, '2026-12-09');

    await user.click(within(dialog).getByRole('button', { name: 'Start plan' }));

    expect((await screen.findByTestId('location')).textContent).toBe('/');
    const post = requests.find((r) => r.method === 'POST')!;
    expect(await post.json()).toEqual({ preferredDays: ['mon', 'tue', 'fri'], startDate: '2026-12-09' });
  });

  it("leaves today's date to the server (its today, in the lifter's zone)", async () => {
    const { user, requests } = renderStartPlan(subscribed);
    const dialog = await openDialog(user);

    await user.click(within(dialog).getByRole('button', { name: 'Start plan' }));

    await screen.findByTestId('location');
    expect(await requests.find((r) => r.method === 'POST')!.json()).toEqual({ preferredDays: ['mon', 'wed', 'fri'] });
  });

  it('asks for at least one day before calling the server', async () => {
    const { user, requests } = renderStartPlan(subscribed);
    const dialog = await openDialog(user);
    for (const day of ['Monday', 'Wednesday', 'Friday']) {
      await user.click(within(dialog).getByRole('button', { name: day }));
    }

    await user.click(within(dialog).getByRole('button', { name: 'Start plan' }));

    expect(within(dialog).getByText('Pick at least one training day')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it("shows the server's 422 under the field it is about and keeps the dialog open", async () => {
    const { user } = renderStartPlan(
      answer(
        'POST',
        '/api/plans/9/subscribe',
        422,
        apiErrorBody('INVALID_START_DATE', 'The start date must be between 2026-11-13 and 2027-12-11', {
          startDate: '2026-01-01',
        }),
      ),
    );
    const dialog = await openDialog(user);
    const date = within(dialog).getByLabelText('First training day');
    await user.clear(date);
    await user.type(date, '2026-01-01');

    await user.click(within(dialog).getByRole('button', { name: 'Start plan' }));

    const error = await within(dialog).findByText('The start date must be between 2026-11-13 and 2027-12-11');
    expect(date.getAttribute('aria-describedby')).toContain(error.id);
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByTestId('location')).toBeNull();
  });

  it('shows a refused number of days (INVALID_TRAINING_DAYS) with the days', async () => {
    const { user } = renderStartPlan(
      answer(
        'POST',
        '/api/plans/9/subscribe',
        422,
        apiErrorBody('INVALID_TRAINING_DAYS', 'This plan has 3 training days a week: choose at most 3', {
          daysPerWeek: 3,
        }),
      ),
    );
    const dialog = await openDialog(user);

    await user.click(within(dialog).getByRole('button', { name: 'Start plan' }));

    const group = within(dialog).getByRole('group', { name: 'Your training days' });
    expect(await within(group).findByText('This plan has 3 training days a week: choose at most 3')).toBeTruthy();
  });
});
