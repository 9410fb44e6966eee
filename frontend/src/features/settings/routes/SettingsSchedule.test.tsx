// Issue 13: the lifter's time zone, the current plan's training days, and the history of programs.
import { screen, within } from '@testing-library/react';
import type { CurrentPlanResponse, PlanDetailDto, UserDto } from '@liftplan/domain';
import { describe, expect, it } from 'vitest';
import { CurrentUserProvider } from '@/lib/current-user';
import { aUser, anEnrolment, answer, fakeApi, type FakeRoute } from '@/test/fake-api';
import { renderWithProviders } from '@/test/render';
import { SettingsPage } from './SettingsPage';

function renderSettings(user: UserDto, ...routes: FakeRoute[]) {
  const api = fakeApi(...routes);
  const view = renderWithProviders(
    <CurrentUserProvider user={user}>
      <SettingsPage />
    </CurrentUserProvider>,
  );
  return { ...api, ...view };
}

const onPlan = (preferredDays: CurrentPlanResponse['enrolment']['preferredDays']) =>
  answer('GET', '/api/plans/current', 200, {
    plan: { id: 3, name: 'Two-Day Test Plan', daysPerWeek: 2, cycleWeeks: 1 } as PlanDetailDto,
    enrolment: anEnrolment({ preferredDays }),
  });
const noPlan = answer('GET', '/api/plans/current', 200, { plan: null });
const noEnrolments = answer('GET', '/api/plans/enrolments', 200, { enrolments: [] });

describe('Settings: time zone, training days, program history', () => {
  it('changes the time zone from the list of zones the browser knows', async () => {
    const user = aUser({ timeZone: 'Europe/London' });
    const { user: clicker, requests } = renderSettings(
      user,
      noPlan,
      noEnrolments,
      answer('PATCH', '/api/users/me', 200, { user: { ...user, timeZone: 'America/New_York' } }),
    );
    const form = screen.getByRole('form', { name: 'Time zone' });
    const select = within(form).getByLabelText('Your time zone') as HTMLSelectElement;
    expect(select.value).toBe('Europe/London');
    expect(within(select).getByRole('option', { name: 'Asia/Jerusalem' })).toBeTruthy();
    expect(within(select).getByRole('option', { name: 'America/New York' })).toBeTruthy();

    await clicker.selectOptions(select, 'America/New_York');
    await clicker.click(within(form).getByRole('button', { name: 'Save time zone' }));

    expect(await within(form).findByText('✓ Saved')).toBeTruthy();
    expect(await requests.find((r) => r.method === 'PATCH')!.json()).toEqual({ timeZone: 'America/New_York' });
  });

  it("changes the current plan's training days, at most its sessions a week", async () => {
    const { user: clicker, requests } = renderSettings(
      aUser(),
      onPlan(['mon', 'thu']),
      noEnrolments,
      answer('PATCH', '/api/plans/current', 200, { enrolment: anEnrolment({ preferredDays: ['mon', 'fri'] }) }),
    );
    const form = await screen.findByRole('form', { name: 'Training days' });
    const pressed = () =>
      within(form)
        .getAllByRole('button', { pressed: true })
        .map((b) => b.textContent);
    expect(pressed()).toEqual(['Mon', 'Thu']);
    expect(within(form).getByRole('button', { name: 'Friday' }).getAttribute('aria-disabled')).toBe('true');

    await clicker.click(within(form).getByRole('button', { name: 'Thursday' }));
    await clicker.click(within(form).getByRole('button', { name: 'Friday' }));
    await clicker.click(within(form).getByRole('button', { name: 'Save training days' }));

    expect(await within(form).findByText('✓ Saved')).toBeTruthy();
    const patch = requests.find((r) => r.method === 'PATCH' && new URL(r.url).pathname === '/api/plans/current')!;
    expect(await patch.json()).toEqual({ preferredDays: ['mon', 'fri'] });
  });

  it('has no training days to change without a plan', async () => {
    renderSettings(aUser(), noPlan, noEnrolments);
    expect(await screen.findByText('No programs yet.')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Training days' })).toBeNull();
  });

  it('lists every program with its dates and how it finished, newest first', async () => {
    renderSettings(
      aUser(),
      noPlan,
      answer('GET', '/api/plans/enrolments', 200, {
        enrolments: [
          anEnrolment({
            id: 2,
            planName: 'Smolov Jr',
            startDate: '2026-11-02',
            expectedEndDate: '2026-12-20',
            preferredDays: ['mon', 'wed', 'fri', 'sat'],
            progress: { ...anEnrolment().progress, sessionsDone: 9 },
          }),
          anEnrolment({
            id: 1,
            planName: 'nSuns 4-Day LP',
            status: 'ended',
            startDate: '2026-09-01',
            endedAt: '2026-10-12T09:00:00.000Z',
            progress: { ...anEnrolment().progress, sessionsDone: 1 },
          }),
        ],
      }),
    );
    const history = await screen.findByRole('region', { name: 'Program history' });
    const items = await within(history).findAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Smolov Jr ActiveSince Nov 2, 2026 · ends Dec 20, 20269 sessions done · Mon, Wed, Fri, Sat',
      'nSuns 4-Day LP EndedSep 1, 2026 – Oct 12, 20261 session done · Mon, Thu',
    ]);
  });
});
