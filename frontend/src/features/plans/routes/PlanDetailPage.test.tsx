import { screen, within } from '@testing-library/react';
import type { CurrentPlanResponse, PlanDetailDto } from '@liftplan/domain';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { answer, apiErrorBody, fakeApi } from '@/test/fake-api';
import { LocationProbe, renderWithProviders } from '@/test/render';
import { describeProgressionRules } from '../components/progression-rules';
import { PlanDetailPage } from './PlanDetailPage';

const bench = { id: 1, slug: 'bench-press', name: 'Bench Press', isUpperBody: true };
const squat = { id: 2, slug: 'squat', name: 'Squat', isUpperBody: false };
const rule = (r: Partial<PlanDetailDto['progressionRules'][number]>) => ({
  id: 1,
  exerciseId: null,
  exercise: null,
  category: null,
  minReps: 0,
  maxReps: 1,
  increase: 0,
  unit: 'kg' as const,
  ...r,
});

const plan: PlanDetailDto = {
  id: 7,
  slug: 'nsuns',
  name: 'nSuns 4-Day LP',
  description: 'Linear progression',
  daysPerWeek: 1,
  isPublic: true,
  version: 1,
  versionId: 7,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  days: [
    {
      id: 1,
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
          sets: [
            { id: 1, setOrder: 1, percentage: 0.65, reps: 8, isAmrap: false, isProgression: false },
            { id: 2, setOrder: 2, percentage: 0.65, reps: 8, isAmrap: true, isProgression: true },
          ],
        },
      ],
    },
  ],
  progressionRules: [
    rule({ id: 1, category: 'upper', minReps: 2, maxReps: 3, increase: 2.5 }),
    rule({ id: 2, category: 'upper', minReps: 0, maxReps: 1, increase: 0 }),
    rule({ id: 3, category: 'upper', minReps: 6, maxReps: 99, increase: 5 }),
    rule({ id: 4, category: 'lower', minReps: 4, maxReps: 5, increase: 5 }),
  ],
  requiredExercises: [bench, squat],
};

function renderDetail(current: CurrentPlanResponse | null) {
  const api = fakeApi(
    answer('GET', '/api/plans/7', 200, { plan }),
    current
      ? answer('GET', '/api/plans/current', 200, current)
      : answer('GET', '/api/plans/current', 404, apiErrorBody('NO_ACTIVE_PLAN', 'none')),
    answer('POST', '/api/plans/7/subscribe', 201, {
      userPlan: {},
      requiredExercises: [],
      missingTMs: [{ exerciseId: 1, slug: 'bench-press', name: 'Bench Press' }],
    }),
  );
  const view = renderWithProviders(
    <Routes>
      <Route path="/plans/:planId" element={<PlanDetailPage />} />
      <Route path="*" element={<LocationProbe />} />
    </Routes>,
    { route: '/plans/7' },
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

  it('subscribes straight away without a current plan, then asks for the missing maxes', async () => {
    const { user } = renderDetail(null);

    await user.click(await screen.findByRole('button', { name: 'Start this plan' }));

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
