// The builder's drafts (issue 14): Save draft / Publish… / Discard draft, a new plan created as a private draft,
// the preview surviving a save, and "Days / week" as the only way to more days.
import { screen, waitFor, within } from '@testing-library/react';
import type { PlanDetailDto } from '@liftplan/domain';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { CurrentUserProvider } from '@/lib/current-user';
import { answer, aUser, fakeApi, jsonResponse, type FakeRoute } from '@/test/fake-api';
import { LocationProbe, renderWithProviders } from '@/test/render';
import { EXERCISES, previewRoute } from '../testing/builder-fakes';
import { aPlanSummary, aSavedPlan, aVersion } from '../testing/plan-fixtures';
import { PlanBuilderPage } from './PlanBuilderPage';

/** `editPage`: what /admin/plans/:planId/edit shows (a new plan's test only needs to see it arrive there). */
function renderBuilder(route: string, routes: FakeRoute[] = [], editPage = <PlanBuilderPage />) {
  const api = fakeApi(answer('GET', '/api/admin/exercises', 200, { exercises: EXERCISES }), previewRoute, ...routes);
  const view = renderWithProviders(
    <CurrentUserProvider user={aUser({ id: 5, isAdmin: true })}>
      <Routes>
        <Route path="/admin/plans/new" element={<PlanBuilderPage />} />
        <Route path="/admin/plans/:planId/edit" element={editPage} />
        <Route path="*" element={<LocationProbe />} />
      </Routes>
    </CurrentUserProvider>,
    { route },
  );
  return { ...api, ...view };
}

/** The saved plan with set 2 of day 1 at `percentage`. */
function withSecondSetAt(plan: PlanDetailDto, percentage: number): PlanDetailDto {
  const [day] = plan.weeks[0]!.days;
  const slot = day!.exercises[0]!;
  const changed = { ...day!, exercises: [{ ...slot, sets: [slot.sets[0]!, { ...slot.sets[1]!, percentage }] }] };
  return { ...plan, weeks: [{ ...plan.weeks[0]!, days: [changed] }], days: [changed] };
}

const publishedV1 = aSavedPlan();
const draftV2 = withSecondSetAt(
  aSavedPlan({ version: 2, versionId: 31, publishedAt: null, updatedAt: '2026-02-01T00:00:00.000Z' }),
  0.8,
);
const onThePlan = (lifters: number) =>
  answer('GET', '/api/admin/plans', 200, { plans: [aPlanSummary({ versions: [aVersion(1, lifters)] })] });
const sentTo = (requests: Request[], method: string, path: string) =>
  requests.find((r) => r.method === method && new URL(r.url).pathname === path);
const preview = () => screen.getByRole('region', { name: 'Preview of day 1' });

async function changeSecondSet(user: ReturnType<typeof renderBuilder>['user'], percent: string) {
  const slot = await screen.findByRole('group', { name: 'Day 1 Exercise 1' });
  const field = within(slot).getByLabelText('Set 2 percentage');
  await user.clear(field);
  await user.type(field, percent);
}

describe('PlanBuilderPage: drafts and publishing', () => {
  it('keeps the preview after Save draft (it went blank until a reload)', async () => {
    const { user, requests } = renderBuilder('/admin/plans/3/edit', [
      answer('GET', '/api/admin/plans/3', 200, { plan: publishedV1 }),
      onThePlan(0),
      answer('PUT', '/api/admin/plans/3/draft', 200, { plan: draftV2 }),
    ]);
    await changeSecondSet(user, '80');
    await waitFor(() => expect(within(preview()).getByText('80 kg')).toBeTruthy());

    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    await screen.findByText(/^Draft saved\./);
    expect(sentTo(requests, 'PUT', '/api/admin/plans/3/draft')).toBeTruthy();
    expect(
      new URL(sentTo(requests, 'PUT', '/api/admin/plans/3/draft')!.url).searchParams.get('expectedUpdatedAt'),
    ).toBe(publishedV1.updatedAt);
    // The saved draft has new row keys but the same content: the preview must still show it.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(within(preview()).getByText('80 kg')).toBeTruthy();
    expect(screen.getByText('Unpublished draft')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Discard draft' })).toBeTruthy();
  });

  it('creates a new plan as a private draft (it defaulted to Public), with its program length', async () => {
    const created = aSavedPlan({ id: 9, status: 'draft', publishedAt: null, isPublic: false });
    const { user, requests } = renderBuilder(
      '/admin/plans/new',
      [answer('POST', '/api/admin/plans', 201, { plan: created })],
      <LocationProbe />,
    );
    await user.type(await screen.findByLabelText('Name'), 'Bench Basics');
    expect((screen.getByLabelText(/^Public/) as HTMLInputElement).checked).toBe(false);
    await user.selectOptions(screen.getByLabelText('Program length'), '3');
    const slot = screen.getByRole('group', { name: 'Day 1 Exercise 1' });
    await user.type(within(slot).getByRole('combobox', { name: 'Exercise' }), 'bench press{Enter}');
    await user.type(within(slot).getByLabelText('Quick entry'), '65x5, 75x5{Enter}');

    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/admin/plans/9/edit'));
    const post = sentTo(requests, 'POST', '/api/admin/plans')!;
    expect(new URL(post.url).searchParams.get('draft')).toBe('true');
    expect(await post.json()).toMatchObject({ name: 'Bench Basics', isPublic: false, cycles: 3 });
    expect(screen.getByTestId('location').dataset.state).toContain('as a draft');
  });

  it('Publish… saves the edits as the draft, then publishes it with a recommendation and a note', async () => {
    const publishedV2 = { ...draftV2, publishedAt: '2026-02-02T00:00:00.000Z' };
    const { user, requests } = renderBuilder('/admin/plans/3/edit', [
      answer('GET', '/api/admin/plans/3', 200, { plan: publishedV1 }),
      onThePlan(2),
      answer('PUT', '/api/admin/plans/3/draft', 200, { plan: draftV2 }),
      answer('POST', '/api/admin/plans/3/publish/preview', 200, {
        preview: {
          publishedVersion: 1,
          version: 2,
          newVersion: true,
          changes: [
            { change: 'changed', where: 'Week 1 · Day 1 · Bench Press (T1) · set 2', detail: '75 % × 5 → 80 % × 5' },
          ],
        },
      }),
      answer('POST', '/api/admin/plans/3/publish', 200, { plan: publishedV2 }),
    ]);
    expect((await screen.findByRole('button', { name: 'Publish…' })).hasAttribute('disabled')).toBe(true);
    await changeSecondSet(user, '80');
    await user.click(screen.getByRole('button', { name: 'Publish…' }));

    const dialog = screen.getByRole('dialog', { name: 'Publish Bench Basics?' });
    expect(dialog.textContent).toContain('The 2 lifters already on the plan keep their version');
    const changes = await within(dialog).findByRole('region', { name: 'What changes from version 1' });
    expect(changes.textContent).toContain('75 % × 5 → 80 % × 5');
    // The preview was asked about the edits on screen, before they were saved.
    const asked = await sentTo(requests, 'POST', '/api/admin/plans/3/publish/preview')!.json();
    expect(asked.weeks[0].days[0].exercises[0].sets[1].percentage).toBe(0.8);
    await user.click(within(dialog).getByLabelText('Recommend this upgrade to lifters on older versions'));
    await user.type(within(dialog).getByLabelText(/Note for lifters/), 'Heavier second set');
    await user.click(within(dialog).getByRole('button', { name: 'Publish version 2' }));

    await screen.findByText(/^Published version 2\./);
    expect(screen.queryByRole('dialog')).toBeNull();
    const writes = requests.filter((r) => r.method !== 'GET' && !new URL(r.url).pathname.endsWith('/preview'));
    expect(writes.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'PUT /api/admin/plans/3/draft',
      'POST /api/admin/plans/3/publish',
    ]);
    expect(await writes[1]!.json()).toEqual({ recommendedUpgrade: true, upgradeNote: 'Heavier second set' });
    expect(screen.queryByText('Unpublished draft')).toBeNull();
    expect(screen.getByText(/^Version 2 ·/)).toBeTruthy();
  });

  it('Publish… for a new name only says lifters stay on their version, with nothing to recommend', async () => {
    const renamed = { ...publishedV1, name: 'Bench Basics II' };
    const { user, requests } = renderBuilder('/admin/plans/3/edit', [
      answer('GET', '/api/admin/plans/3', 200, { plan: publishedV1 }),
      onThePlan(2),
      answer('PUT', '/api/admin/plans/3/draft', 200, {
        plan: { ...renamed, publishedAt: null, versionId: 32, version: 2 },
      }),
      answer('POST', '/api/admin/plans/3/publish/preview', 200, {
        preview: { publishedVersion: 1, version: 1, newVersion: false, changes: [] },
      }),
      answer('POST', '/api/admin/plans/3/publish', 200, { plan: renamed }),
    ]);
    const name = await screen.findByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'Bench Basics II');
    await user.click(screen.getByRole('button', { name: 'Publish…' }));

    const dialog = screen.getByRole('dialog', { name: 'Publish Bench Basics II?' });
    await within(dialog).findByRole('button', { name: 'Publish the new details' });
    expect(dialog.textContent).toContain('lifters stay on it');
    expect(within(dialog).queryByLabelText('Recommend this upgrade to lifters on older versions')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Publish the new details' }));
    await screen.findByText(/^Published the new details\. Lifters stay on version 1/);
    expect(sentTo(requests, 'POST', '/api/admin/plans/3/publish')).toBeTruthy();
  });

  it('a saved draft that only renames the plan says lifters stay on their version, and a built-in update waits', async () => {
    const renamedDraft = aSavedPlan({
      version: 2,
      versionId: 32,
      publishedAt: null,
      draftChangesStructure: false,
      builtInUpdateWaiting: true,
    });
    renderBuilder('/admin/plans/3/edit', [
      answer('GET', '/api/admin/plans/3', 200, { plan: renamedDraft }),
      onThePlan(2),
    ]);
    await screen.findByText(
      'The saved draft changes only the plan’s details: publishing it keeps lifters on version 1.',
    );
    expect(screen.getByRole('note').textContent).toContain('its update waits for this draft');
  });

  it('Discard draft goes back to the published version', async () => {
    let hasDraft = true;
    const { user, requests } = renderBuilder('/admin/plans/3/edit', [
      (request) =>
        request.method === 'GET' && new URL(request.url).pathname === '/api/admin/plans/3'
          ? jsonResponse(200, { plan: hasDraft ? draftV2 : publishedV1 })
          : undefined,
      onThePlan(1),
      (request) => {
        if (request.method !== 'DELETE' || new URL(request.url).pathname !== '/api/admin/plans/3/draft') return;
        hasDraft = false;
        return jsonResponse(200, { planDeleted: false });
      },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Discard draft' }));
    const dialog = screen.getByRole('dialog', { name: 'Discard the draft?' });
    expect(dialog.textContent).toContain('goes back to version 1');
    await user.click(within(dialog).getByRole('button', { name: 'Discard draft' }));

    await screen.findByText('Draft discarded: this is version 1 as lifters see it.');
    expect(sentTo(requests, 'DELETE', '/api/admin/plans/3/draft')).toBeTruthy();
    const slot = screen.getByRole('group', { name: 'Day 1 Exercise 1' });
    expect((within(slot).getByLabelText('Set 2 percentage') as HTMLInputElement).value).toBe('75');
    expect(screen.queryByRole('button', { name: 'Discard draft' })).toBeNull();
  });
});

describe('PlanBuilderPage: days a week', () => {
  it('"Days / week = 3" then "+ Add day" twice keeps 3 days (it gave 5): Add day is off with a hint', async () => {
    const { user } = renderBuilder('/admin/plans/new');
    await user.selectOptions(await screen.findByLabelText('Days / week'), '3');
    const addDay = screen.getByRole('button', { name: '+ Add day' });
    await user.click(addDay);
    await user.click(addDay);

    expect(screen.getAllByRole('region', { name: /^Day \d$/ })).toHaveLength(3);
    expect((screen.getByLabelText('Days / week') as HTMLSelectElement).value).toBe('3');
    expect(addDay.hasAttribute('disabled')).toBe(true);
    expect(document.getElementById(addDay.getAttribute('aria-describedby')!)?.textContent).toBe(
      'This week has all 3 of its days. To add one, raise Days / week.',
    );
  });
});
