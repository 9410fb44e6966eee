import { screen, waitFor, within } from '@testing-library/react';
import type { CurrentPlanResponse, PlanDetailDto, PlanSetDto } from '@liftplan/domain';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { CurrentUserProvider } from '@/lib/current-user';
import { aUser, anEnrolment, answer, apiErrorBody, fakeApi, type FakeRoute } from '@/test/fake-api';
import { LocationProbe, renderWithProviders } from '@/test/render';
import { describeProgressionRules } from '../components/progression-rules';
import { PlanDetailPage } from './PlanDetailPage';

const bench = { id: 1, slug: 'bench-press', name: 'Bench Press', isUpperBody: true };
const squat = { id: 2, slug: 'squat', name: 'Squat', isUpperBody: false };
const rule = (r: Partial<PlanDetailDto['progressionRules'][number]>): PlanDetailDto['progressionRules'][number] => ({
  id: 1,
  kind: 'amrap_table',
  exerciseId: null,
  exercise: null,
  category: null,
  minReps: 0,
  maxReps: 1,
  increase: 0,
  unit: 'kg' as const,
  maxSteps: null,
  failures: null,
  factor: null,
  ...r,
});
const aSet = (o: Partial<PlanSetDto>): PlanSetDto => ({
  id: 1,
  setOrder: 1,
  kind: 'main',
  percentage: 0.65,
  reps: 8,
  repsMax: null,
  incrementOffset: 0,
  isAmrap: false,
  isProgression: false,
  ...o,
});
const benchDay = {
  id: 1,
  weekNumber: 1,
  dayNumber: 1,
  name: 'Bench Volume + OHP',
  exercises: [
    {
      id: 1,
      exerciseId: 1,
      exercise: bench,
      tier: 'T1',
      sortOrder: 1,
      tmExerciseId: 1,
      tmExercise: bench,
      displayName: 'Bench Volume',
      restSeconds: null,
      sets: [aSet({ id: 1 }), aSet({ id: 2, setOrder: 2, isAmrap: true, isProgression: true })],
    },
  ],
};

const plan: PlanDetailDto = {
  id: 7,
  slug: 'nsuns',
  name: 'nSuns 4-Day LP',
  description: 'Linear progression',
  daysPerWeek: 1,
  cycleWeeks: 1,
  tmPercent: 0.9,
  isPublic: true,
  version: 1,
  library: null,
  versionId: 7,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  weeks: [{ weekNumber: 1, name: null, isDeload: false, days: [benchDay] }],
  days: [benchDay],
  progressionRules: [
    rule({ id: 1, category: 'upper', minReps: 2, maxReps: 3, increase: 2.5 }),
    rule({ id: 2, category: 'upper', minReps: 0, maxReps: 1, increase: 0 }),
    rule({ id: 3, category: 'upper', minReps: 6, maxReps: 99, increase: 5 }),
    rule({ id: 4, category: 'lower', minReps: 4, maxReps: 5, increase: 5 }),
  ],
  requiredExercises: [bench, squat],
};

function renderDetail(current: CurrentPlanResponse | null, ...routes: FakeRoute[]) {
  return renderPlan(plan, current, ...routes);
}

function renderPlan(shown: PlanDetailDto, current: CurrentPlanResponse | null, ...routes: FakeRoute[]) {
  const api = fakeApi(
    ...routes,
    answer('GET', `/api/plans/${shown.id}`, 200, { plan: shown }),
    current
      ? answer('GET', '/api/plans/current', 200, current)
      : answer('GET', '/api/plans/current', 200, { plan: null }),
    answer('POST', '/api/plans/7/subscribe', 201, {
      userPlan: {},
      requiredExercises: [],
      missingTMs: [{ exerciseId: 1, slug: 'bench-press', name: 'Bench Press' }],
    }),
  );
  const view = renderWithProviders(
    <CurrentUserProvider user={aUser()}>
      <Routes>
        <Route path="/plans/:planId" element={<PlanDetailPage />} />
        <Route path="*" element={<LocationProbe />} />
      </Routes>
    </CurrentUserProvider>,
    { route: `/plans/${shown.id}` },
  );
  return { ...api, ...view };
}

describe('PlanDetailPage', () => {
  it('shows each day as tables of % and reps, AMRAP as "8+", the progression set marked', async () => {
    renderDetail(null);

    const table = await screen.findByRole('table', { name: /Bench Volume/ });
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows).toEqual(['Set% TMReps', '165%8', '265%8+ (as many as possible) ★, progression set']);
  });

  it('subscribes without a current plan after the training days, then asks for the missing maxes', async () => {
    const { user } = renderDetail(null);

    await user.click(await screen.findByRole('button', { name: 'Start this plan' }));
    const dialog = screen.getByRole('dialog', { name: 'Start nSuns 4-Day LP' });
    await user.click(within(dialog).getByRole('button', { name: 'Start plan' }));

    expect((await screen.findByTestId('location')).textContent).toBe('/setup');
  });

  it('confirms in a dialog before replacing the current plan', async () => {
    const current = { plan: { ...plan, id: 3, name: '5/3/1 BBB' } } as CurrentPlanResponse;
    const { user, requests } = renderDetail(current);

    await user.click(await screen.findByRole('button', { name: 'Start this plan' }));
    const dialog = screen.getByRole('dialog', { name: 'Switch to nSuns 4-Day LP?' });
    expect(within(dialog).getByText(/This replaces your current plan, 5\/3\/1 BBB/)).toBeTruthy();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Start this plan' }));

    await user.click(screen.getByRole('button', { name: 'Start this plan' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Switch plan' }));
    expect((await screen.findByTestId('location')).textContent).toBe('/setup');
  });
});

const dips = { id: 5, slug: 'dips', name: 'Dips', isUpperBody: true };

/** 5/3/1-like: a 3-week cycle, the last a deload; warm-ups, supplemental and accessory sets; TM 85 % of the 1RM. */
function aWavePlan(): PlanDetailDto {
  const week = (weekNumber: number, top: number, isDeload = false) => {
    const id = weekNumber * 100;
    return {
      weekNumber,
      name: isDeload ? 'Deload' : `${weekNumber === 1 ? '5s' : '3s'} week`,
      isDeload,
      days: [
        {
          id,
          weekNumber,
          dayNumber: 1,
          name: 'Squat day',
          exercises: [
            {
              id: id + 1,
              exerciseId: 2,
              exercise: squat,
              tier: 'T1',
              sortOrder: 1,
              tmExerciseId: 2,
              tmExercise: squat,
              displayName: null,
              restSeconds: 180,
              sets: [
                aSet({ id: id + 11, setOrder: 1, kind: 'warmup', percentage: 0.4, reps: 5 }),
                aSet({ id: id + 12, setOrder: 2, percentage: top, reps: 5, isAmrap: true, isProgression: true }),
              ],
            },
            {
              id: id + 2,
              exerciseId: 2,
              exercise: squat,
              tier: 'T2',
              sortOrder: 2,
              tmExerciseId: 2,
              tmExercise: squat,
              displayName: 'BBB Squat',
              restSeconds: 90,
              sets: [aSet({ id: id + 21, kind: 'supplemental', percentage: 0.5, reps: 10, incrementOffset: 2 })],
            },
            {
              id: id + 3,
              exerciseId: 5,
              exercise: dips,
              tier: 'T3',
              sortOrder: 3,
              tmExerciseId: 5,
              tmExercise: dips,
              displayName: null,
              restSeconds: 60,
              sets: [aSet({ id: id + 31, kind: 'accessory', percentage: null, reps: 10, repsMax: 12 })],
            },
          ],
        },
      ],
    };
  };
  const weeks = [week(1, 0.85), week(2, 0.9), week(3, 0.6, true)];
  return {
    ...plan,
    id: 8,
    slug: 'wave',
    name: 'Wave 3-Week',
    description: null,
    cycleWeeks: 3,
    tmPercent: 0.85,
    weeks,
    days: weeks[0]!.days,
    progressionRules: [
      rule({ id: 1, kind: 'cycle_increment', category: 'lower', minReps: null, maxReps: null, increase: 5 }),
      rule({
        id: 2,
        kind: 'stall_reset',
        category: 'lower',
        minReps: null,
        maxReps: null,
        increase: null,
        unit: null,
        failures: 2,
        factor: 0.9,
      }),
    ],
    requiredExercises: [squat],
  };
}

function aCurrent(onPlan: PlanDetailDto, weekNumber: number): CurrentPlanResponse {
  return {
    userPlan: {
      id: 1,
      planId: onPlan.id,
      planVersionId: onPlan.versionId,
      version: 1,
      startedAt: '2026-03-01T00:00:00.000Z',
    },
    enrolment: anEnrolment({ planId: onPlan.id, planName: onPlan.name }),
    plan: onPlan,
    requiredExercises: [],
    missingTMs: [],
    next: { cycle: 1, weekNumber, dayNumber: 1, dayName: 'Squat day', weekName: null, isDeload: false },
    nextDayNumber: 1,
    inProgressWorkout: null,
  };
}

const projectedSet = (o: Record<string, unknown>) => ({
  exerciseId: 2,
  exercise: { id: 2, slug: 'squat', name: 'Squat' },
  tmExerciseId: 2,
  displayName: null,
  tier: 'T1',
  kind: 'main',
  exerciseOrder: 1,
  setOrder: 1,
  percentage: 0.85,
  prescribedWeight: 107.5,
  prescribedReps: 5,
  repsMax: null,
  restSeconds: 180,
  isAmrap: true,
  isProgression: true,
  actualReps: null,
  actualWeight: null,
  completed: false,
  plates: null,
  ...o,
});

const session = (cycle: number, weekNumber: number, top: number, tm: number, isDeload = false) => ({
  cycle,
  weekNumber,
  dayNumber: 1,
  dayName: 'Squat day',
  isDeload,
  sets: [
    projectedSet({
      kind: 'warmup',
      setOrder: 1,
      percentage: 0.4,
      prescribedWeight: 50,
      isAmrap: false,
      isProgression: false,
    }),
    projectedSet({ setOrder: 2, prescribedWeight: top }),
    projectedSet({
      exerciseId: 5,
      exercise: { id: 5, slug: 'dips', name: 'Dips' },
      tmExerciseId: 5,
      tier: 'T3',
      kind: 'accessory',
      exerciseOrder: 3,
      percentage: null,
      prescribedWeight: null,
      prescribedReps: 10,
      repsMax: 12,
      isAmrap: false,
      isProgression: false,
    }),
  ],
  trainingMaxes: [{ exerciseId: 2, slug: 'squat', trainingMax: tm }],
});

const benchSession = {
  ...session(2, 1, 0, 0),
  dayNumber: 2,
  dayName: 'Bench day',
  sets: [
    projectedSet({
      exerciseId: 1,
      exercise: { id: 1, slug: 'bench-press', name: 'Bench Press' },
      tmExerciseId: 1,
      prescribedWeight: 77.5,
    }),
  ],
  trainingMaxes: [{ exerciseId: 1, slug: 'bench-press', trainingMax: 90 }],
};

/** Sessions list only the TMs they use: the last one here has no squat in it. */
const projection = {
  unit: 'kg',
  increment: 2.5,
  rounding: 'nearest',
  sessions: [
    session(1, 1, 107.5, 126),
    session(1, 2, 112.5, 126),
    session(1, 3, 75, 126, true),
    session(2, 1, 112.5, 131),
    benchSession,
  ],
};

describe('PlanDetailPage, plan model v2', () => {
  it('shows the TM percentage, the weeks as tabs with the deload marked, and set kinds, ranges and rests', async () => {
    const { user } = renderPlan(aWavePlan(), null);

    expect(await screen.findByText('Training max: 85% of your 1RM')).toBeTruthy();
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.getAttribute('aria-label'))).toEqual(['Week 1', 'Week 2', 'Week 3 (deload)']);
    expect(tabs[2]!.textContent).toBe('Week 3Deload');
    expect(tabs[0]!.getAttribute('aria-selected')).toBe('true');

    const panel = screen.getByRole('tabpanel');
    const main = within(panel).getByRole('table', { name: /^T1 Squat/ });
    expect(main.querySelector('caption')?.textContent).toContain('Rest 3 min');
    const rows = within(main)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows.slice(1)).toEqual(['1warm-up40%5', '285%5+ (as many as possible) ★, progression set']);
    expect(within(main).getAllByRole('row')[1]!.className).toContain('set-table__warmup');
    // Two increments of the lifter's 2.5 kg on top of 50 %.
    const bbb = within(panel).getByRole('table', { name: /BBB Squat/ });
    expect(within(bbb).getAllByRole('row')[1]!.textContent).toBe('1supplemental50% + 5 kg10');
    const accessory = within(panel).getByRole('table', { name: /T3 Dips/ });
    expect(within(accessory).getAllByRole('row')[1]!.textContent).toBe('1accessoryyour weight10–12');
    expect(accessory.querySelector('caption')?.textContent).toContain('Rest 1 min');

    await user.click(tabs[2]!);
    expect(screen.getByRole('tab', { name: 'Week 3 (deload)' }).getAttribute('aria-selected')).toBe('true');
    expect(within(screen.getByRole('tabpanel')).getByText('Deload', { selector: '.pill' })).toBeTruthy();
    expect(within(screen.getByRole('tabpanel')).getByRole('table', { name: /^T1 Squat/ }).textContent).toContain('60%');

    // Arrow keys move between weeks.
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Week 2' }));
    expect(screen.getByRole('tab', { name: 'Week 2' }).getAttribute('aria-selected')).toBe('true');

    expect(screen.getByText(/each finished cycle → \+5 kg/)).toBeTruthy();
    expect(screen.getByText(/2 misses in a row → training max × 90%/)).toBeTruthy();
  });

  it('opens on the lifter’s own week and projects their next weeks at once, TM changes highlighted', async () => {
    const wave = aWavePlan();
    const { user, requests } = renderPlan(
      wave,
      aCurrent(wave, 2),
      answer('POST', '/api/plans/8/projection', 200, projection),
    );

    expect((await screen.findByRole('tab', { name: 'Week 2, your week' })).getAttribute('aria-selected')).toBe('true');
    const section = screen.getByRole('region', { name: 'Your next weeks' });
    const summary = await within(section).findByRole('table', { name: 'Training maxes' });
    expect(
      within(summary)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['LiftNowBy week 4', 'Squat126 kg131 kg +5 kg', 'Bench Press90 kg90 kg ']);

    const week = within(section).getByRole('region', { name: 'Cycle 2 · Week 1 of 3' });
    const card = within(week).getAllByRole('listitem')[0]!;
    expect(within(card).getByRole('list', { name: 'Top sets' }).textContent).toBe('Squat112.5 kg × 5+');
    expect(card.querySelector('mark')?.textContent).toBe('Squat 131 kg (+5 kg)');
    expect(within(section).getByRole('region', { name: 'Cycle 1 · Week 3 of 3 (deload)' })).toBeTruthy();
    expect(section.querySelectorAll('mark')).toHaveLength(1);

    await user.click(within(section).getByRole('radio', { name: '2 reps over' }));
    await user.selectOptions(within(section).getByLabelText('Weeks ahead'), '12 weeks (4 cycles)');
    await waitFor(() => expect(requests.filter((r) => r.method === 'POST')).toHaveLength(3));
    const bodies = await Promise.all(requests.filter((r) => r.method === 'POST').map((r) => r.json()));
    expect(bodies).toEqual([
      { weeks: 6, amrapExtraReps: 0 },
      { weeks: 6, amrapExtraReps: 2 },
      { weeks: 12, amrapExtraReps: 2 },
    ]);
  });

  it('projects another plan on request, and says which training maxes are missing', async () => {
    const { user } = renderPlan(
      aWavePlan(),
      null,
      answer(
        'POST',
        '/api/plans/8/projection',
        422,
        apiErrorBody('MISSING_TRAINING_MAX', 'Set a training max first for: Squat', {
          missingTMs: [{ exerciseId: 2, slug: 'squat', name: 'Squat' }],
        }),
      ),
    );

    await user.click(await screen.findByRole('button', { name: 'Show where this plan takes my numbers' }));

    expect(
      await screen.findByText(/You have no training max yet for Squat\. Start this plan and enter them/),
    ).toBeTruthy();
  });
});

describe('describeProgressionRules', () => {
  it('puts the rules in plain words, by body part, in rep order', () => {
    expect(describeProgressionRules(plan)).toEqual([
      {
        scope: 'Upper body',
        lifts: ['Bench Press'],
        lines: ['0–1 reps → no change', '2–3 reps → +2.5 kg', '6+ reps → +5 kg'],
      },
      { scope: 'Lower body', lifts: ['Squat'], lines: ['4–5 reps → +5 kg'] },
    ]);
  });

  it('describes every kind of rule', () => {
    const rules = [
      rule({ id: 1, kind: 'reps_over_target', category: 'upper', increase: 1.25, maxSteps: 5 }),
      rule({ id: 2, kind: 'cycle_increment', category: 'upper', increase: 2, unit: 'percent' }),
      rule({ id: 3, kind: 'stall_reset', category: 'upper', failures: 3, factor: 0.85 }),
      rule({ id: 4, category: 'upper', minReps: 2, maxReps: 3, increase: 2.5 }),
    ];
    expect(describeProgressionRules({ ...plan, progressionRules: rules })[0]?.lines).toEqual([
      '2–3 reps → +2.5 kg',
      'each rep over the target → +1.25 kg (counting at most 5)',
      'each finished cycle → +2% of the training max',
      '3 misses in a row → training max × 85%',
    ]);
  });

  it('lists a lift’s own rules first and leaves it out of its body part', () => {
    const own = rule({ id: 9, exerciseId: 1, exercise: bench, minReps: 1, maxReps: 1, increase: 1.25 });
    expect(describeProgressionRules({ ...plan, progressionRules: [...plan.progressionRules, own] })[0]).toEqual({
      scope: 'Bench Press',
      lifts: [],
      lines: ['1 rep → +1.25 kg'],
    });
    expect(describeProgressionRules({ ...plan, progressionRules: [...plan.progressionRules, own] })[1]?.lifts).toEqual(
      [],
    );
  });
});

describe('PlanDetailPage, about this program', () => {
  const described: PlanDetailDto = {
    ...plan,
    library: {
      author: 'Jim Wendler',
      sourceUrl: 'https://www.jimwendler.com/blogs/jimwendler-com/boring-but-big',
      level: 'beginner',
      goal: 'strength',
      recommendedRounding: 'down',
      sources: [
        {
          what: 'Percentages of weeks 1–4',
          url: 'http://crossfitreno.blogspot.com/2015/01/wendler.html',
          verified: 'T-Nation article quoted verbatim',
        },
        { what: 'Warm-up sets', url: 'https://github.com/jesse99/liftwell', verified: 'one implementation' },
      ],
      approximations: ['Assistance work is left to the lifter.'],
    },
  };

  it('credits the author, links the source in a new tab, and says level, goal and basis', async () => {
    renderPlan(described, null);

    const about = await screen.findByRole('region', { name: 'About this program' });
    expect(within(about).getByText('Jim Wendler').closest('p')?.textContent).toBe(
      'By Jim Wendler · Original source (opens in a new tab) (jimwendler.com)',
    );
    const source = within(about).getByRole('link', { name: 'Original source (opens in a new tab)' });
    expect(source.getAttribute('href')).toBe(described.library!.sourceUrl);
    expect(source.getAttribute('target')).toBe('_blank');
    expect(source.getAttribute('rel')).toBe('noopener noreferrer');
    const facts = [...about.querySelectorAll('dl > div')].map((item) => item.textContent);
    expect(facts).toEqual(['LevelBeginner', 'GoalStrength', 'BasisTM-based at 90%']);
    // Before the button that subscribes.
    const start = screen.getByRole('button', { name: 'Start this plan' });
    expect(about.compareDocumentPosition(start) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('folds the sources with their verification and what is approximated away until asked', async () => {
    const { user } = renderPlan(described, null);

    const about = await screen.findByRole('region', { name: 'About this program' });
    const more = about.querySelector('details')!;
    expect(more.open).toBe(false);
    const summary = more.querySelector('summary')!;
    expect(summary.textContent).toBe('Sources and what is approximated (2 sources · 1 approximated)');

    await user.click(summary);
    expect(more.open).toBe(true);
    const sources = within(about).getByRole('heading', { name: 'Where the numbers come from' }).nextElementSibling!;
    expect([...sources.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Percentages of weeks 1–4 (crossfitreno.blogspot.com (opens in a new tab))Verified: T-Nation article quoted verbatim',
      'Warm-up sets (github.com (opens in a new tab))Verified: one implementation',
    ]);
    for (const link of within(sources as HTMLElement).getAllByRole('link')) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    }
    const approximated = within(about).getByRole('heading', { name: 'What is approximated' }).nextElementSibling!;
    expect(approximated.textContent).toBe('Assistance work is left to the lifter.');
    // The lifter rounds to the nearest increment; the program, down.
    expect(within(about).getByText(/rounded down to a plate increment/).textContent).toContain(
      'Yours are rounded to the nearest plate increment: change it in Settings.',
    );
  });

  it('shows no about section for a plan nobody described', async () => {
    renderDetail(null);

    await screen.findByRole('heading', { name: 'nSuns 4-Day LP' });
    expect(screen.queryByRole('region', { name: 'About this program' })).toBeNull();
  });

  it('goes back to the filtered list the plan was opened from', async () => {
    fakeApi(answer('GET', '/api/plans/7', 200, { plan }), answer('GET', '/api/plans/current', 200, { plan: null }));
    renderWithProviders(
      <CurrentUserProvider user={aUser()}>
        <Routes>
          <Route path="/plans/:planId" element={<PlanDetailPage />} />
        </Routes>
      </CurrentUserProvider>,
      { route: { pathname: '/plans/7', state: { planListSearch: '?days=3&level=beginner' } } as never },
    );

    const back = await screen.findByRole('link', { name: 'All plans' });
    expect(back.getAttribute('href')).toBe('/plans?days=3&level=beginner');
  });
});

describe('PlanDetailPage, a 1RM-based plan and a long cycle', () => {
  /** Smolov Jr-like: percentages of the 1RM itself. */
  const oneRepMaxPlan: PlanDetailDto = { ...aWavePlan(), id: 9, name: 'Smolov Jr', tmPercent: 1 };

  it('says the percentages are of the 1RM, not of a training max', async () => {
    renderPlan(oneRepMaxPlan, null);

    expect(await screen.findByText('1RM-based')).toBeTruthy();
    expect(screen.queryByText(/Training max: 100%/)).toBeNull();
    expect(screen.getByText(/Percentages are of the lift's one-rep max \(1RM\)/)).toBeTruthy();
    const main = within(screen.getByRole('tabpanel')).getByRole('table', { name: /^T1 Squat/ });
    expect(
      within(main)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Set', '% 1RM', 'Reps']);
  });

  it('projects a 1RM-based plan with its maxes called 1RMs', async () => {
    const { user } = renderPlan(oneRepMaxPlan, null, answer('POST', '/api/plans/9/projection', 200, projection));

    await user.click(await screen.findByRole('button', { name: 'Show where this plan takes my numbers' }));

    const section = screen.getByRole('region', { name: 'Your next weeks' });
    expect(await within(section).findByRole('table', { name: 'Maxes (1RM)' })).toBeTruthy();
    expect(section.querySelector('.next-weeks__tms')?.textContent).toBe('1RM Squat 126 kg');
  });

  /** Juggernaut-like: 16 weeks, 4 days, many sets a week. */
  function aLongPlan(setsPerDay: number): PlanDetailDto {
    const wave = aWavePlan();
    const day = wave.weeks[0]!.days[0]!;
    const exercise = day.exercises[0]!;
    const sets = Array.from({ length: setsPerDay }, (_, i) => aSet({ id: i + 1, setOrder: i + 1 }));
    const weeks = Array.from({ length: 16 }, (_, w) => ({
      weekNumber: w + 1,
      name: null,
      isDeload: (w + 1) % 4 === 0,
      days: [1, 2, 3, 4].map((d) => ({
        ...day,
        id: (w + 1) * 10 + d,
        weekNumber: w + 1,
        dayNumber: d,
        exercises: [{ ...exercise, id: (w + 1) * 10 + d, sets }],
      })),
    }));
    return { ...wave, id: 10, name: 'Juggernaut', cycleWeeks: 16, weeks, days: weeks[0]!.days };
  }

  it('projects one cycle of a long plan by default, and offers no more weeks than the server projects', async () => {
    const { requests, user } = renderPlan(
      aLongPlan(20),
      null,
      answer('POST', '/api/plans/10/projection', 200, projection),
    );

    const select = await screen.findByLabelText('Weeks ahead');
    expect((select as HTMLSelectElement).value).toBe('16');
    // 80 sets a week: 45 weeks fit the server's 3,600 sets.
    const options = within(select).getAllByRole('option');
    expect(options).toHaveLength(45);
    expect(options[15]!.textContent).toBe('16 weeks (1 cycle)');

    await user.click(screen.getByRole('button', { name: 'Show where this plan takes my numbers' }));
    await waitFor(() => expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1));
    expect(await requests.find((r) => r.method === 'POST')!.json()).toEqual({ weeks: 16, amrapExtraReps: 0 });
  });

  it('opens a long cycle on the lifter’s week, and steps to the next week from the bottom of one', async () => {
    const long = aLongPlan(2);
    const { user } = renderPlan(long, aCurrent(long, 12), answer('POST', '/api/plans/10/projection', 200, projection));

    expect(
      (await screen.findByRole('tab', { name: 'Week 12 (deload), your week' })).getAttribute('aria-selected'),
    ).toBe('true');
    const panel = screen.getByRole('tabpanel');
    await user.click(within(panel).getByRole('button', { name: 'Week 13' }));
    expect(screen.getByRole('tab', { name: 'Week 13' }).getAttribute('aria-selected')).toBe('true');
    await user.click(within(screen.getByRole('tabpanel')).getByRole('button', { name: 'Week 12 (deload)' }));
    expect(screen.getByRole('tab', { name: 'Week 12 (deload), your week' }).getAttribute('aria-selected')).toBe('true');

    await user.click(screen.getByRole('tab', { name: 'Week 16 (deload)' }));
    const last = screen.getByRole('tabpanel');
    expect(within(last).getByRole('button', { name: 'Week 15' })).toBeTruthy();
    expect(within(last).queryByRole('button', { name: /Week 17/ })).toBeNull();
  });

  it('offers no AMRAP reps for a plan without AMRAP sets, and projects one cycle of a plan that never progresses', async () => {
    const wave = aWavePlan();
    const noAmrap = wave.weeks.map((week) => ({
      ...week,
      days: week.days.map((day) => ({
        ...day,
        exercises: day.exercises.map((x) => ({
          ...x,
          sets: x.sets.map((set) => ({ ...set, isAmrap: false, isProgression: false })),
        })),
      })),
    }));
    const smolov: PlanDetailDto = {
      ...oneRepMaxPlan,
      weeks: noAmrap,
      days: noAmrap[0]!.days,
      progressionRules: [],
    };
    renderPlan(smolov, null);

    const section = await screen.findByRole('region', { name: 'Your next weeks' });
    expect((within(section).getByLabelText('Weeks ahead') as HTMLSelectElement).value).toBe('3');
    expect(within(section).queryByRole('group', { name: 'AMRAP reps over target' })).toBeNull();
    expect(within(section).getByText(/rounded the way your workouts are\.$/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'How your maxes progress' })).toBeTruthy();
    expect(
      screen.getByText(/This plan has no progression rules: your maxes stay as they are until you retest them/),
    ).toBeTruthy();
  });

  it('says why no training max moves when the plan rewards reps over the target and none are beaten', async () => {
    const juggernautLike: PlanDetailDto = {
      ...aWavePlan(),
      progressionRules: [rule({ id: 1, kind: 'reps_over_target', category: 'lower', increase: 2.5, maxSteps: 10 })],
    };
    const flat = { ...projection, sessions: [session(1, 1, 107.5, 126), session(1, 2, 112.5, 126)] };
    const { user } = renderPlan(
      juggernautLike,
      aCurrent(juggernautLike, 1),
      answer('POST', '/api/plans/8/projection', 200, flat),
    );

    const section = await screen.findByRole('region', { name: 'Your next weeks' });
    expect((await within(section).findByText(/none of your training maxes moves/)).textContent).toBe(
      'With every AMRAP set at exactly its target, none of your training maxes moves: in this plan they rise with the reps you beat the target by. Choose +1 or more above to see that.',
    );
    await user.click(within(section).getByRole('radio', { name: '1 rep over' }));
    await waitFor(() => expect(within(section).queryByText(/none of your training maxes moves/)).toBeNull());
  });
});
