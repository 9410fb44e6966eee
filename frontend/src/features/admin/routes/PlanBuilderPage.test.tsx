import { screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { CurrentUserProvider } from '@/lib/current-user';
import { answer, apiErrorBody, aUser, fakeApi } from '@/test/fake-api';
import { renderWithProviders } from '@/test/render';
import type { PreviewBody } from '../builder/preview-request';
import { EXERCISES, previewRoute } from '../testing/builder-fakes';
import { PlanBuilderPage } from './PlanBuilderPage';

function renderBuilder(...routes: Parameters<typeof fakeApi>) {
  const api = fakeApi(answer('GET', '/api/admin/exercises', 200, { exercises: EXERCISES }), previewRoute, ...routes);
  const view = renderWithProviders(
    <CurrentUserProvider user={aUser({ id: 5, isAdmin: true })}>
      <Routes>
        <Route path="/admin/plans/new" element={<PlanBuilderPage />} />
        <Route path="/admin/plans/:planId/edit" element={<h1>Edit page</h1>} />
      </Routes>
    </CurrentUserProvider>,
    { route: '/admin/plans/new' },
  );
  return { ...api, ...view };
}

describe('PlanBuilderPage', () => {
  it('fills the grid from quick entry, previews it through the API, and puts the API’s errors on their fields', async () => {
    const { user, requests } = renderBuilder(
      answer(
        'POST',
        '/api/admin/plans',
        400,
        apiErrorBody('VALIDATION_ERROR', 'Invalid body: days.0.exercises.0.sets.1.percentage: too heavy', [
          { path: 'days.0.exercises.0.sets.1.percentage', message: 'too heavy for this test' },
          { path: 'slug', message: 'already taken' },
        ]),
      ),
    );
    const name = await screen.findByLabelText('Name');
    await user.type(name, 'Test Plan');
    expect((screen.getByLabelText('Slug') as HTMLInputElement).value).toBe('test-plan');

    const slot = screen.getByRole('group', { name: 'Day 1 Exercise 1' });
    await user.type(within(slot).getByRole('combobox', { name: 'Exercise' }), 'grip{Enter}');
    expect((within(slot).getByRole('combobox', { name: 'Exercise' }) as HTMLInputElement).value).toBe(
      'Close Grip Bench Press',
    );
    await user.type(within(slot).getByLabelText('Quick entry'), '65x8, 75x6x2+{Enter}');

    expect(
      within(slot)
        .getAllByLabelText(/^Set \d reps$/)
        .map((input) => (input as HTMLInputElement).value),
    ).toEqual(['8', '6', '6']);
    expect((within(slot).getByLabelText('Set 3 percentage') as HTMLInputElement).value).toBe('75');
    expect((within(slot).getByLabelText('Set 2 progression') as HTMLInputElement).checked).toBe(true);
    expect((within(slot).getByLabelText('Set 1 progression') as HTMLInputElement).disabled).toBe(true);
    // Weights come from the (fake) API: TM 100 by default.
    await waitFor(() => expect(within(slot).getAllByText('75 kg')).toHaveLength(2));

    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    const percentage = within(slot).getByLabelText('Set 2 percentage');
    await waitFor(() => expect(percentage.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(percentage.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Too heavy for this test',
    );
    expect(screen.getByLabelText('Slug').getAttribute('aria-invalid')).toBe('true');
    // Focus moves in an effect after the errors render: wait for it rather than read it in the same tick.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Slug')));
    const summary = screen.getByRole('alert');
    expect(summary.textContent).toContain(
      'Day 1 · Close Grip Bench Press · set 2 · percentage: Too heavy for this test',
    );

    const sent = await requests
      .find((r) => r.method === 'POST' && new URL(r.url).pathname === '/api/admin/plans')!
      .json();
    expect(sent).toMatchObject({
      name: 'Test Plan',
      slug: 'test-plan',
      daysPerWeek: 1,
      cycleWeeks: 1,
      tmPercent: 0.9,
      weeks: [
        {
          weekNumber: 1,
          isDeload: false,
          days: [{ dayNumber: 1, exercises: [{ exerciseId: 7, tmExerciseId: 7, tier: 'T1', sortOrder: 1 }] }],
        },
      ],
    });
    expect(sent).not.toHaveProperty('days');
    const set = (setOrder: number, percentage: number, reps: number, isAmrap: boolean, isProgression: boolean) => ({
      setOrder,
      kind: 'main',
      percentage,
      reps,
      repsMax: null,
      incrementOffset: 0,
      isAmrap,
      isProgression,
    });
    expect(sent.weeks[0].days[0].exercises[0].sets).toEqual([
      set(1, 0.65, 8, false, false),
      set(2, 0.75, 6, true, true),
      set(3, 0.75, 6, true, false),
    ]);

    // Editing the field answers its error.
    await user.clear(percentage);
    await user.type(percentage, '70');
    expect(percentage.getAttribute('aria-invalid')).toBeNull();
  });

  it('checks the plan before sending it and moves focus to the first problem', async () => {
    const { user, requests } = renderBuilder();
    await screen.findByLabelText('Name');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Name')));
    const slot = screen.getByRole('group', { name: 'Day 1 Exercise 1' });
    expect(within(slot).getByText('Choose an exercise')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST' && new URL(r.url).pathname === '/api/admin/plans')).toBe(false);
  });
});

describe('PlanBuilderPage: weeks (plan model v2)', () => {
  const tab = (name: RegExp) => screen.getByRole('tab', { name });

  it('builds a 3-week cycle (a wave typed once, a copied day, a duplicated deload week), saves weeks, and shows a week-2 error in week 2', async () => {
    const { user, requests } = renderBuilder(
      answer(
        'POST',
        '/api/admin/plans',
        400,
        apiErrorBody('VALIDATION_ERROR', 'Invalid body', [
          { path: 'weeks.1.days.0.exercises.0.sets.2.percentage', message: 'too heavy for week 2' },
        ]),
      ),
    );
    await user.type(await screen.findByLabelText('Name'), 'Wave');
    await user.selectOptions(screen.getByLabelText('Days / week'), '2');
    const tm = screen.getByLabelText('Training max, % of 1RM') as HTMLInputElement;
    expect(tm.value).toBe('90');
    await user.clear(tm);
    await user.type(tm, '85');

    // Day 1: squat, the wave typed once: week 2 appears.
    let squat = screen.getByRole('group', { name: 'Day 1 Exercise 1' });
    await user.type(within(squat).getByRole('combobox', { name: 'Exercise' }), 'squat{Enter}');
    await user.type(within(squat).getByLabelText('Quick entry'), '65x5, 75x5, 85x5+ | 70x3, 80x3, 90x3+{Enter}');
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Week 1', 'Week 2']);
    expect(tab(/^Week 1/).getAttribute('aria-selected')).toBe('true');
    // Day 2: bench, in week 1 only so far.
    const bench = screen.getByRole('group', { name: 'Day 2 Exercise 1' });
    await user.type(within(bench).getByRole('combobox', { name: 'Exercise' }), 'bench press{Enter}');
    await user.type(within(bench).getByLabelText('Quick entry'), '60x10{Enter}');

    // Copy day 2 to week 2.
    await user.click(screen.getByRole('button', { name: 'Copy Day 2 to other weeks…' }));
    const copy = screen.getByRole('dialog', { name: 'Copy Day 2 of week 1 to…' });
    await user.click(within(copy).getByRole('button', { name: 'Copy to 1 week' }));
    expect(screen.getByText(/^Copied Day 2 of week 1 to week 2/)).toBeTruthy();

    // Week 2 has the wave's second week and the copied day.
    await user.click(tab(/^Week 2/));
    squat = screen.getByRole('group', { name: 'Day 1 Exercise 1' });
    expect((within(squat).getByLabelText('Quick entry') as HTMLInputElement).value).toBe('70x3, 80x3, 90x3+');
    expect(
      (
        within(screen.getByRole('group', { name: 'Day 2 Exercise 1' })).getByLabelText(
          'Quick entry',
        ) as HTMLInputElement
      ).value,
    ).toBe('60x10');

    // Week 3: a duplicate of week 2, made a deload week.
    await user.click(screen.getByRole('button', { name: 'Duplicate week 2' }));
    expect(tab(/^Week 3/).getAttribute('aria-selected')).toBe('true');
    await user.click(screen.getByLabelText('Deload week'));
    expect(tab(/^Week 3/).textContent).toBe('Week 3Deload');

    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    // The error is in week 2: its tab is selected and marked, the field focused.
    const percentage = await waitFor(() => {
      expect(tab(/^Week 2/).getAttribute('aria-selected')).toBe('true');
      const field = within(screen.getByRole('group', { name: 'Day 1 Exercise 1' })).getByLabelText('Set 3 percentage');
      expect(field.getAttribute('aria-invalid')).toBe('true');
      return field;
    });
    await waitFor(() => expect(document.activeElement).toBe(percentage));
    expect(tab(/^Week 2/).textContent).toContain('(has problems)');
    expect(screen.getByRole('alert').textContent).toContain(
      'Week 2 · Day 1 · Squat · set 3 · percentage: Too heavy for week 2',
    );

    const sent = await requests
      .find((r) => r.method === 'POST' && new URL(r.url).pathname === '/api/admin/plans')!
      .json();
    expect(sent).toMatchObject({ daysPerWeek: 2, cycleWeeks: 3, tmPercent: 0.85 });
    expect(
      sent.weeks.map((w: PreviewBody['plan']['weeks'][number]) => [
        w.weekNumber,
        w.isDeload,
        w.days.map((d) => d.exercises.map((e) => [e.exerciseId, e.sets.map((s) => s.percentage).join()])),
      ]),
    ).toEqual([
      [1, false, [[[2, '0.65,0.75,0.85']], [[1, '0.6']]]],
      [2, false, [[[2, '0.7,0.8,0.9']], [[1, '0.6']]]],
      [3, true, [[[2, '0.7,0.8,0.9']], [[1, '0.6']]]],
    ]);
  });

  it('projects the plan with the preview’s sample TMs and shows each session’s top sets and TMs', async () => {
    const session = (weekNumber: number, cycle: number, weight: number, trainingMax: number) => ({
      cycle,
      weekNumber,
      dayNumber: 1,
      dayName: null,
      isDeload: false,
      sets: [
        {
          exerciseId: 2,
          exercise: { id: 2, slug: 'squat', name: 'Squat' },
          tmExerciseId: 2,
          displayName: null,
          tier: 'T1',
          kind: 'main',
          exerciseOrder: 1,
          setOrder: 1,
          percentage: 0.85,
          prescribedWeight: weight,
          prescribedReps: 5,
          repsMax: null,
          restSeconds: null,
          isAmrap: true,
          isProgression: true,
          actualReps: null,
          actualWeight: null,
          completed: false,
          plates: null,
        },
      ],
      trainingMaxes: [{ exerciseId: 2, slug: 'squat', trainingMax }],
    });
    const { user, requests } = renderBuilder(
      answer('POST', '/api/admin/plans/preview/projection', 200, {
        unit: 'kg',
        increment: 2.5,
        rounding: 'nearest',
        sessions: [session(1, 1, 85, 100), session(1, 2, 90, 105)],
      }),
    );
    const squat = await screen.findByRole('group', { name: 'Day 1 Exercise 1' });
    await user.type(within(squat).getByRole('combobox', { name: 'Exercise' }), 'squat{Enter}');
    await user.type(within(squat).getByLabelText('Quick entry'), '85x5+{Enter}');
    await user.click(screen.getByRole('button', { name: '+ Cycle increase' }));
    await user.type(screen.getByLabelText('Rule 1 increase'), '5');
    await user.type(screen.getByLabelText('Squat TM'), '{Backspace}{Backspace}{Backspace}100');
    expect((screen.getByLabelText('Weeks (1–52)') as HTMLInputElement).value).toBe('2');

    await user.click(screen.getByRole('button', { name: 'Project 2 weeks' }));

    const table = await screen.findByRole('table', { name: /Projected sessions/ });
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual([
      'C1 · W1 · D1 (cycle 1, week 1, day 1)85 kg × 5+TM 100',
      'C2 · W1 · D1 (cycle 2, week 1, day 1)90 kg × 5+TM 105 (+5 kg)',
    ]);
    const sent = await requests.find((r) => new URL(r.url).pathname === '/api/admin/plans/preview/projection')!.json();
    expect(sent).toMatchObject({
      trainingMaxes: [{ exerciseId: 2, trainingMax: 100 }],
      weeks: 2,
      amrapExtraReps: 0,
      unit: 'kg',
      rounding: 'nearest',
      plan: {
        cycleWeeks: 1,
        progressionRules: [{ kind: 'cycle_increment', category: 'upper', increase: 5, unit: 'kg' }],
      },
    });
  });
});
