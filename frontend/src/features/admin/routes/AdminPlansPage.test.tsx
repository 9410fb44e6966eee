import { screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { answer, apiErrorBody, fakeApi, jsonResponse, type FakeRoute } from '@/test/fake-api';
import { LocationProbe, renderWithProviders } from '@/test/render';
import { aPlanSummary, aSavedPlan, aVersion } from '../testing/plan-fixtures';
import { AdminPlansPage } from './AdminPlansPage';

const nsuns = aPlanSummary({
  id: 3,
  name: 'nSuns 4-Day LP',
  slug: 'nsuns-4day-lp',
  versions: [aVersion(4, 0, null), aVersion(3, 12), aVersion(2, 1), aVersion(1, 0)],
  builtInUpdateWaiting: true,
});
const texas = aPlanSummary({ id: 4, name: 'Texas Method', slug: 'texas-method', versions: [aVersion(1, 0)] });
const draft = aPlanSummary({
  id: 5,
  name: 'Bench Basics',
  slug: 'bench-basics',
  status: 'draft',
  isPublic: false,
  versions: [aVersion(1, 0, null)],
});
const archived = aPlanSummary({
  id: 6,
  name: 'Old Plan',
  slug: 'old-plan',
  status: 'archived',
  versions: [aVersion(2, 1), aVersion(1, 0)],
});

/** GET /api/admin/plans answering by its ?status (none: drafts and published plans). */
const plansByStatus: FakeRoute = (request) => {
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.pathname !== '/api/admin/plans') return undefined;
  const all = [draft, nsuns, texas, archived];
  const status = url.searchParams.get('status');
  const plans = status ? all.filter((p) => p.status === status) : all.filter((p) => p.status !== 'archived');
  return jsonResponse(200, { plans });
};

function renderPage(route = '/admin/plans', ...routes: FakeRoute[]) {
  const api = fakeApi(...routes, plansByStatus);
  const view = renderWithProviders(
    <Routes>
      <Route path="/admin/plans" element={<AdminPlansPage />} />
      <Route path="*" element={<LocationProbe />} />
    </Routes>,
    { route },
  );
  return { ...api, ...view };
}

const row = (name: string) => screen.getByRole('row', { name: new RegExp(`^${name}`) });
const cells = (name: string) =>
  within(row(name))
    .getAllByRole('cell')
    .map((cell) => cell.textContent);

describe('AdminPlansPage', () => {
  it('shows each plan’s status and who is on which version, filtered by status tabs', async () => {
    const { user, requests } = renderPage();
    await screen.findByRole('row', { name: /^nSuns 4-Day LP/ });

    expect(cells('nSuns 4-Day LP').slice(0, 4)).toEqual([
      'PublishedUnpublished draftBuilt-in update waiting',
      'Public',
      'v4 draftv3 · 12 liftersv2 · 1 lifterv3 offered Change…',
      '1',
    ]);
    expect(cells('Texas Method').slice(0, 3)).toEqual(['Published', 'Public', 'v1 · 0 lifters']);
    expect(
      within(row('nSuns 4-Day LP'))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['v4 draft', 'v3 · 12 lifters', 'v2 · 1 lifter']);
    expect(cells('Bench Basics').slice(0, 3)).toEqual(['Draft', 'Private', 'v1 draft']);
    expect(screen.queryByRole('row', { name: /^Old Plan/ })).toBeNull();

    const tabs = screen.getByRole('navigation', { name: 'Plans by status' });
    expect(within(tabs).getByRole('link', { name: 'All' }).getAttribute('aria-current')).toBe('page');
    await user.click(within(tabs).getByRole('link', { name: 'Archived' }));
    await screen.findByRole('row', { name: /^Old Plan/ });
    expect(within(tabs).getByRole('link', { name: 'Archived' }).getAttribute('aria-current')).toBe('page');
    expect(screen.queryByRole('row', { name: /^nSuns/ })).toBeNull();
    expect(requests.map((r) => new URL(r.url).search)).toContain('?status=archived');
    expect(within(row('Old Plan')).getByRole('button', { name: 'Restore Old Plan' })).toBeTruthy();

    await user.click(within(tabs).getByRole('link', { name: 'Drafts' }));
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(2));
    expect(row('Bench Basics')).toBeTruthy();
  });

  it('offers Delete only when nobody is on the plan, with the reason when it can’t (it stayed enabled)', async () => {
    const { user } = renderPage('/admin/plans', answer('DELETE', '/api/admin/plans/4', 204, null));
    const inUse = await screen.findByRole('button', { name: 'Delete nSuns 4-Day LP' });
    expect(inUse.hasAttribute('disabled')).toBe(true);
    expect(document.getElementById(inUse.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Can’t delete: 13 lifters on it (archive it instead).',
    );

    const free = screen.getByRole('button', { name: 'Delete Texas Method' });
    expect(free.hasAttribute('disabled')).toBe(false);
    await user.click(free);
    await user.click(
      within(screen.getByRole('dialog', { name: 'Delete Texas Method?' })).getByRole('button', {
        name: 'Delete plan',
      }),
    );
    await screen.findByText('Deleted “Texas Method”.');
  });

  it('changes the upgrade offer of the newest version after publishing: recommended, with a note', async () => {
    const { user, requests } = renderPage(
      '/admin/plans',
      answer('PATCH', '/api/admin/plans/3/versions/3', 200, { plan: aSavedPlan({ id: 3 }) }),
    );
    await screen.findByRole('row', { name: /^nSuns 4-Day LP/ });
    expect(within(row('Texas Method')).queryByRole('button', { name: /Upgrade offer/ })).toBeNull(); // only v1
    await user.click(screen.getByRole('button', { name: 'Upgrade offer for nSuns 4-Day LP' }));
    const dialog = screen.getByRole('dialog', { name: 'Upgrade offer: nSuns 4-Day LP v3' });
    expect(dialog.textContent).toContain('1 lifter on older versions sees this offer');
    await user.click(within(dialog).getByRole('checkbox', { name: /Recommend this upgrade/ }));
    await user.type(within(dialog).getByRole('textbox', { name: /Note for lifters/ }), '  Heavier T2 squats ');
    await user.click(within(dialog).getByRole('button', { name: 'Save offer' }));
    await screen.findByText('Version 3 of “nSuns 4-Day LP” is recommended to lifters on older versions.');
    const patch = requests.find((r) => r.method === 'PATCH')!;
    expect(new URL(patch.url).pathname).toBe('/api/admin/plans/3/versions/3');
    expect(await patch.json()).toEqual({ recommendedUpgrade: true, upgradeNote: 'Heavier T2 squats' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('archives after asking (its lifters keep training) and restores', async () => {
    const { user, requests } = renderPage(
      '/admin/plans',
      answer('POST', '/api/admin/plans/3/archive', 200, { plan: aSavedPlan({ status: 'archived' }) }),
      answer('POST', '/api/admin/plans/6/restore', 200, { plan: aSavedPlan({ id: 6 }) }),
    );
    await user.click(await screen.findByRole('button', { name: 'Archive nSuns 4-Day LP' }));
    const dialog = screen.getByRole('dialog', { name: 'Archive nSuns 4-Day LP?' });
    expect(dialog.textContent).toContain('The 13 lifters on it keep training on their version.');
    await user.click(within(dialog).getByRole('button', { name: 'Archive plan' }));
    await screen.findByText('Archived “nSuns 4-Day LP”. Restore it from the Archived tab.');
    expect(requests.some((r) => r.method === 'POST' && r.url.endsWith('/api/admin/plans/3/archive'))).toBe(true);

    await user.click(screen.getByRole('link', { name: 'Archived' }));
    await user.click(await screen.findByRole('button', { name: 'Restore Old Plan' }));
    await screen.findByText('Restored “Old Plan”: lifters can find it again.');
  });

  it('exports a plan as its program file', async () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:plan');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { user, requests } = renderPage('/admin/plans', (request) =>
      new URL(request.url).pathname === '/api/admin/plans/3/export'
        ? new Response('{"format":"liftplan-program/1"}', {
            headers: { 'Content-Disposition': 'attachment; filename="nsuns-4day-lp.json"' },
          })
        : undefined,
    );
    await user.click(await screen.findByRole('button', { name: 'Export nSuns 4-Day LP' }));

    await waitFor(() => expect(click).toHaveBeenCalled());
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('nsuns-4day-lp.json');
    expect(requests.some((r) => r.url.endsWith('/api/admin/plans/3/export'))).toBe(true);
  });

  it('imports a program file as a draft, and shows each problem with its path', async () => {
    let attempt = 0;
    const { user, requests } = renderPage('/admin/plans', (request) => {
      if (request.method !== 'POST' || new URL(request.url).pathname !== '/api/admin/plans/import') return;
      attempt += 1;
      return attempt === 1
        ? jsonResponse(
            400,
            apiErrorBody('VALIDATION_ERROR', 'The file names exercises this installation does not have', [
              { path: 'plan.weeks.0.days.1.exercises.1.exercise', message: 'unknown exercise "zercher-squat"' },
            ]),
          )
        : jsonResponse(201, { plan: aSavedPlan({ id: 12, name: 'Imported Plan', status: 'draft' }) });
    });
    await screen.findByRole('row', { name: /^nSuns/ });
    const file = new File(['{"format":"liftplan-program/1","meta":{},"plan":{"slug":"x"}}'], 'plan.json', {
      type: 'application/json',
    });
    const input = screen.getByLabelText('Program file to import');

    await user.upload(input, file);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The file wasn’t imported');
    expect(alert.textContent).toContain('plan.weeks.0.days.1.exercises.1.exercise: unknown exercise "zercher-squat"');
    const sent = requests.find((r) => r.url.endsWith('/api/admin/plans/import'))!;
    expect(await sent.json()).toEqual({ format: 'liftplan-program/1', meta: {}, plan: { slug: 'x' } });

    await user.upload(input, file);
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/admin/plans/12/edit'));
    expect(screen.getByTestId('location').dataset.state).toContain('Imported “Imported Plan” as a draft');
  });

  it('says so when the chosen file is not valid JSON', async () => {
    const { user, requests } = renderPage();
    await screen.findByRole('row', { name: /^nSuns/ });
    await user.upload(
      screen.getByLabelText('Program file to import'),
      new File(['not json'], 'notes.json', { type: 'application/json' }),
    );
    expect((await screen.findByRole('alert')).textContent).toContain('notes.json is not a JSON file.');
    expect(requests.some((r) => r.url.endsWith('/import'))).toBe(false);
  });
});
