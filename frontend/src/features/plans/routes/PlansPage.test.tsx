import { screen, within } from '@testing-library/react';
import type { PlanLibraryDto, PlanSummaryDto } from '@liftplan/domain';
import { Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { answer, fakeApi } from '@/test/fake-api';
import { renderWithProviders } from '@/test/render';
import { PlansPage } from './PlansPage';

const library = (o: Partial<PlanLibraryDto>): PlanLibraryDto => ({
  author: null,
  sourceUrl: null,
  level: null,
  goal: null,
  recommendedRounding: null,
  sources: [],
  approximations: [],
  ...o,
});

let nextId = 1;
const aPlan = (name: string, o: Partial<PlanSummaryDto>): PlanSummaryDto => ({
  id: nextId++,
  slug: name.toLowerCase().replace(/\W+/g, '-'),
  name,
  description: null,
  daysPerWeek: 4,
  cycleWeeks: 1,
  tmPercent: 0.9,
  isPublic: true,
  version: 1,
  library: null,
  mainLifts: [{ id: 1, slug: 'squat', name: 'Squat', isUpperBody: false }],
  setsPerDay: [10],
  totalSets: 40,
  activeSubscribers: 0,
  isCurrent: false,
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...o,
});

const PLANS = [
  aPlan('nSuns 4-Day LP', {
    library: library({ author: 'u/nSuns', level: 'intermediate', goal: 'strength' }),
  }),
  aPlan('5/3/1 for Beginners', {
    daysPerWeek: 3,
    cycleWeeks: 3,
    library: library({ author: 'Jim Wendler', level: 'beginner', goal: 'strength' }),
  }),
  aPlan('Juggernaut Method', {
    daysPerWeek: 4,
    cycleWeeks: 16,
    tmPercent: 0.9,
    library: library({ author: 'Chad Wesley Smith', level: 'advanced', goal: 'hypertrophy' }),
  }),
  aPlan('Smolov Jr (squat)', {
    daysPerWeek: 4,
    cycleWeeks: 3,
    tmPercent: 1,
    library: library({ author: 'Sergey Smolov', level: 'advanced', goal: 'peaking' }),
  }),
  aPlan('Texas Method', {
    daysPerWeek: 3,
    cycleWeeks: 1,
    tmPercent: 1,
    library: library({ author: 'Mark Rippetoe', level: 'intermediate', goal: 'strength' }),
  }),
  aPlan('House plan', { daysPerWeek: 5, cycleWeeks: 6 }),
];

/** Where the router is, and a browser's back button. */
function Probe() {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <>
      <div data-testid="search">{location.search}</div>
      <div data-testid="state">{JSON.stringify(location.state ?? null)}</div>
      <button type="button" onClick={() => void navigate(-1)}>
        Browser back
      </button>
    </>
  );
}

function renderPlans(route = '/plans', plans = PLANS) {
  fakeApi(answer('GET', '/api/plans', 200, { plans }));
  return renderWithProviders(
    <Routes>
      <Route
        path="/plans"
        element={
          <>
            <PlansPage />
            <Probe />
          </>
        }
      />
      <Route path="/plans/:planId" element={<Probe />} />
    </Routes>,
    { route },
  );
}

const shownPlans = () =>
  within(screen.getByRole('list', { name: 'Available plans' }))
    .getAllByRole('link')
    .map((link) => link.textContent);
const count = () => screen.getByRole('status').textContent;
const search = () => screen.getByTestId('search').textContent;
const filter = (group: string, option: string) =>
  within(screen.getByRole('group', { name: group })).getByRole('checkbox', { name: option });

describe('PlansPage, browsing the library', () => {
  it('shows every program with its author, level, goal and basis, and the count', async () => {
    renderPlans();

    const card = (await screen.findByRole('link', { name: 'Smolov Jr (squat)' })).closest('li')!;
    expect(card.textContent).toContain('by Sergey Smolov');
    expect(card.textContent).toContain('Level: Advanced');
    expect(card.textContent).toContain('Goal: Peaking');
    expect(card.textContent).toContain('Basis1RM-based');
    const nsuns = screen.getByRole('link', { name: 'nSuns 4-Day LP' }).closest('li')!;
    expect(nsuns.textContent).toContain('BasisTM-based at 90%');
    // A plan nobody described: no credit, no tags.
    const house = screen.getByRole('link', { name: 'House plan' }).closest('li')!;
    expect(house.textContent).not.toContain('by ');
    expect(house.textContent).not.toContain('Level:');

    expect(count()).toBe('6 of 6 programs');
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();
  });

  it('offers the values the library has: days, cycle length buckets, level, goal, 1RM- or TM-based', async () => {
    renderPlans();
    await screen.findByRole('link', { name: 'House plan' });

    const options = (group: string) =>
      within(screen.getByRole('group', { name: group }))
        .getAllByRole('checkbox')
        .map((box) => box.closest('label')!.textContent);
    // Days as bare numbers on the chips, read out with their unit.
    expect(options('Days per week')).toEqual(['3', '4', '5']);
    expect(
      within(screen.getByRole('group', { name: 'Days per week' }))
        .getAllByRole('checkbox')
        .map((box) => box.getAttribute('aria-label')),
    ).toEqual(['3 days', '4 days', '5 days']);
    expect(options('Cycle length')).toEqual(['1 week', '2–4 weeks', '5–8 weeks', '9+ weeks']);
    expect(options('Level')).toEqual(['Beginner', 'Intermediate', 'Advanced']);
    expect(options('Goal')).toEqual(['Strength', 'Hypertrophy', 'Peaking']);
    expect(options('Basis')).toEqual(['1RM-based', 'TM-based']);
  });

  it('filters as the lifter picks, keeps the filters in the address, and back undoes the last one', async () => {
    const { user } = renderPlans();
    await screen.findByRole('link', { name: 'House plan' });

    await user.click(filter('Days per week', '3 days'));
    expect(shownPlans()).toEqual(['5/3/1 for Beginners', 'Texas Method']);
    expect(count()).toBe('2 of 6 programs');
    expect(search()).toBe('?days=3');
    expect(filter('Days per week', '3 days')).toHaveProperty('checked', true);

    // Another value of the same filter is an alternative…
    await user.click(filter('Days per week', '5 days'));
    expect(shownPlans()).toEqual(['5/3/1 for Beginners', 'Texas Method', 'House plan']);
    expect(search()).toBe('?days=3&days=5');

    // …another filter must match too.
    await user.click(filter('Basis', '1RM-based'));
    expect(shownPlans()).toEqual(['Texas Method']);
    expect(search()).toBe('?days=3&days=5&basis=1rm');
    expect(count()).toBe('1 of 6 programs');
    expect(screen.getByText('3 filters on')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Browser back' }));
    expect(search()).toBe('?days=3&days=5');
    expect(shownPlans()).toEqual(['5/3/1 for Beginners', 'Texas Method', 'House plan']);
    expect(filter('Basis', '1RM-based')).toHaveProperty('checked', false);

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(search()).toBe('');
    expect(count()).toBe('6 of 6 programs');
  });

  it('filters by cycle length, level and goal; a plan without a level or goal is left out by those filters', async () => {
    const { user } = renderPlans();
    await screen.findByRole('link', { name: 'House plan' });

    await user.click(filter('Cycle length', '2–4 weeks'));
    expect(shownPlans()).toEqual(['5/3/1 for Beginners', 'Smolov Jr (squat)']);
    await user.click(filter('Cycle length', '9+ weeks'));
    expect(shownPlans()).toEqual(['5/3/1 for Beginners', 'Juggernaut Method', 'Smolov Jr (squat)']);
    await user.click(filter('Level', 'Advanced'));
    expect(shownPlans()).toEqual(['Juggernaut Method', 'Smolov Jr (squat)']);
    await user.click(filter('Goal', 'Peaking'));
    expect(shownPlans()).toEqual(['Smolov Jr (squat)']);
    expect(search()).toBe('?length=2-4&length=9-plus&level=advanced&goal=peaking');

    await user.click(filter('Cycle length', '2–4 weeks'));
    await user.click(filter('Cycle length', '9+ weeks'));
    await user.click(filter('Level', 'Advanced'));
    await user.click(filter('Goal', 'Peaking'));
    await user.click(filter('Cycle length', '5–8 weeks'));
    expect(shownPlans()).toEqual(['House plan']);
    await user.click(filter('Goal', 'Strength'));
    expect(screen.queryByRole('list', { name: 'Available plans' })).toBeNull();
  });

  it('opens filtered from a shared address, ignoring values it does not know', async () => {
    renderPlans('/plans?days=4&basis=tm&level=elite&days=nine&sort=name');

    await screen.findByRole('list', { name: 'Available plans' });
    expect(shownPlans()).toEqual(['nSuns 4-Day LP', 'Juggernaut Method']);
    expect(count()).toBe('2 of 6 programs');
    expect(filter('Days per week', '4 days')).toHaveProperty('checked', true);
    expect(filter('Basis', 'TM-based')).toHaveProperty('checked', true);
    expect(within(screen.getByRole('group', { name: 'Level' })).getAllByRole('checkbox')).toHaveLength(3);
  });

  it('says when nothing matches and clears the filters from there', async () => {
    const { user } = renderPlans('/plans?days=3&goal=peaking');

    const empty = await screen.findByRole('heading', { name: 'No programs match these filters' });
    expect(count()).toBe('0 of 6 programs');
    expect(screen.queryByRole('list', { name: 'Available plans' })).toBeNull();
    await user.click(within(empty.closest('section')!).getByRole('button', { name: 'Clear filters' }));

    expect(search()).toBe('');
    expect(shownPlans()).toHaveLength(6);
  });

  it('keeps a chosen value no plan has any more, so it can be taken off', async () => {
    const { user } = renderPlans('/plans?days=6');

    await screen.findByRole('heading', { name: 'No programs match these filters' });
    expect(filter('Days per week', '6 days')).toHaveProperty('checked', true);
    await user.click(filter('Days per week', '6 days'));

    expect(shownPlans()).toHaveLength(6);
    expect(
      within(screen.getByRole('group', { name: 'Days per week' })).queryByRole('checkbox', { name: '6 days' }),
    ).toBeNull();
  });

  it('leaves out a filter with one value to choose from', async () => {
    renderPlans('/plans', [PLANS[0]!, PLANS[2]!]);

    await screen.findByRole('link', { name: 'Juggernaut Method' });
    expect(screen.queryByRole('group', { name: 'Days per week' })).toBeNull();
    expect(screen.queryByRole('group', { name: 'Basis' })).toBeNull();
    expect(screen.getByRole('group', { name: 'Cycle length' })).toBeTruthy();
  });

  it('opens a plan with the filtered list to come back to', async () => {
    const { user } = renderPlans('/plans?days=3');

    await user.click(await screen.findByRole('link', { name: 'Texas Method' }));

    expect(JSON.parse(screen.getByTestId('state').textContent!)).toEqual({ planListSearch: '?days=3' });
  });
});
