import { screen, waitFor, within } from '@testing-library/react';
import type { ExerciseDto, PlanPreviewBody } from '@liftplan/domain';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { CurrentUserProvider } from '@/lib/current-user';
import { answer, apiErrorBody, aUser, fakeApi, jsonResponse } from '@/test/fake-api';
import { renderWithProviders } from '@/test/render';
import { PlanBuilderPage } from './PlanBuilderPage';

const exercise = (id: number, name: string, isUpperBody: boolean): ExerciseDto => ({
  id,
  slug: name.toLowerCase().replace(/ /g, '-'),
  name,
  muscleGroup: null,
  category: 'compound',
  isUpperBody,
  createdAt: '2025-01-01T00:00:00.000Z',
});
const EXERCISES = [
  exercise(1, 'Bench Press', true),
  exercise(2, 'Squat', false),
  exercise(7, 'Close Grip Bench Press', true),
];

/** The preview endpoint, answering with weights = TM × % (the real one rounds; enough to see them land). */
async function previewRoute(request: Request) {
  if (request.method !== 'POST' || new URL(request.url).pathname !== '/api/admin/plans/preview') return undefined;
  const body = (await request.json()) as PlanPreviewBody;
  const tms = new Map(body.sampleTrainingMaxes.map((t) => [t.exerciseId, t.trainingMax]));
  return jsonResponse(200, {
    preview: {
      unit: body.unit,
      increment: 2.5,
      missingTrainingMaxes: [],
      days: body.plan.days.map((day) => ({
        dayNumber: day.dayNumber,
        name: day.name ?? null,
        exercises: day.exercises.map((slot) => ({
          ...slot,
          tmExerciseId: slot.tmExerciseId ?? slot.exerciseId,
          sets: slot.sets.map((set) => ({
            ...set,
            weight: (tms.get(slot.tmExerciseId ?? slot.exerciseId) ?? 0) * set.percentage,
          })),
        })),
      })),
    },
  });
}

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

    await user.click(screen.getByRole('button', { name: 'Create plan' }));

    const percentage = within(slot).getByLabelText('Set 2 percentage');
    await waitFor(() => expect(percentage.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(percentage.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Too heavy for this test',
    );
    expect(screen.getByLabelText('Slug').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(screen.getByLabelText('Slug'));
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
      days: [{ dayNumber: 1, exercises: [{ exerciseId: 7, tmExerciseId: 7, tier: 'T1', sortOrder: 1 }] }],
    });
    expect(sent.days[0].exercises[0].sets).toEqual([
      { setOrder: 1, percentage: 0.65, reps: 8, isAmrap: false, isProgression: false },
      { setOrder: 2, percentage: 0.75, reps: 6, isAmrap: true, isProgression: true },
      { setOrder: 3, percentage: 0.75, reps: 6, isAmrap: true, isProgression: false },
    ]);

    // Editing the field answers its error.
    await user.clear(percentage);
    await user.type(percentage, '70');
    expect(percentage.getAttribute('aria-invalid')).toBeNull();
  });

  it('checks the plan before sending it and moves focus to the first problem', async () => {
    const { user, requests } = renderBuilder();
    await screen.findByLabelText('Name');
    await user.click(screen.getByRole('button', { name: 'Create plan' }));

    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(screen.getByLabelText('Name'));
    const slot = screen.getByRole('group', { name: 'Day 1 Exercise 1' });
    expect(within(slot).getByText('Choose an exercise')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST' && new URL(r.url).pathname === '/api/admin/plans')).toBe(false);
  });
});
