import { screen, within } from '@testing-library/react';
import type { TrainingMaxesResponse } from '@liftplan/domain';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { answer, apiErrorBody, fakeApi } from '@/test/fake-api';
import { LocationProbe, renderWithProviders } from '@/test/render';
import { SetupPage } from '../routes/SetupPage';
import { buildSubmission, parseWeight, serverErrorsByField, type SetupRow } from './setup-form-model';

const trainingMaxes: TrainingMaxesResponse = {
  unit: 'kg',
  planId: 1,
  tmPercent: 0.9,
  trainingMaxes: [
    {
      exercise: { id: 1, slug: 'bench-press', name: 'Bench Press' },
      trainingMax: 90,
      effectiveDate: '2026-03-01T00:00:00.000Z',
      source: 'setup',
      missing: false,
    },
    {
      exercise: { id: 2, slug: 'squat', name: 'Squat' },
      trainingMax: null,
      effectiveDate: null,
      source: null,
      missing: true,
    },
  ],
};

function renderSetup(...routes: Parameters<typeof fakeApi>) {
  return renderSetupWith(trainingMaxes, ...routes);
}

function renderSetupWith(response: TrainingMaxesResponse, ...routes: Parameters<typeof fakeApi>) {
  const api = fakeApi(
    answer('GET', '/api/training-maxes', 200, response),
    answer('GET', '/api/plans/current', 200, { plan: null }),
    ...routes,
  );
  const view = renderWithProviders(
    <Routes>
      <Route path="/setup" element={<SetupPage />} />
      <Route path="*" element={<LocationProbe />} />
    </Routes>,
    { route: '/setup' },
  );
  return { ...api, ...view };
}

const describedBy = (input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent)
    .join(' | ');

describe('SetupPage', () => {
  it('asks for the missing TM first, validates on the field, and saves only what is new', async () => {
    const saved = {
      ...trainingMaxes,
      trainingMaxes: trainingMaxes.trainingMaxes.map((t) => ({
        ...t,
        trainingMax: t.trainingMax ?? 126,
        missing: false,
      })),
    };
    const { user, requests } = renderSetup(answer('POST', '/api/training-maxes/setup', 201, saved));

    const fieldsets = await screen.findAllByRole('group', { name: /Squat|Bench Press/ });
    expect(fieldsets.map((f) => f.querySelector('legend')?.textContent)).toEqual(['SquatNeeded', 'Bench Press']);
    const squat = screen.getByLabelText('One-rep max for Squat (kg)');
    const bench = screen.getByLabelText('Training max for Bench Press (kg)') as HTMLInputElement;
    expect(bench.value).toBe('90');
    expect(squat.getAttribute('inputmode')).toBe('decimal');

    await user.click(screen.getByRole('button', { name: 'Save training maxes' }));
    expect(squat.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(squat)).toContain('Enter your one-rep max for Squat in kg');
    expect(document.activeElement).toBe(squat);

    await user.type(squat, '14o');
    await user.click(screen.getByRole('button', { name: 'Save training maxes' }));
    expect(describedBy(squat)).toContain('Enter a number, like 100 or 102.5');

    await user.clear(squat);
    await user.type(squat, '140.255');
    await user.click(screen.getByRole('button', { name: 'Save training maxes' }));
    expect(describedBy(squat)).toContain('Use at most 2 decimals');
    expect(requests).toHaveLength(2); // the two GETs: nothing was sent

    await user.clear(squat);
    await user.type(squat, '140');
    expect(squat.getAttribute('aria-invalid')).toBeNull();
    expect(describedBy(squat)).toContain('Training max = 126 kg: 90% of your 1RM, as this plan prescribes');
    await user.click(screen.getByRole('button', { name: 'Save training maxes' }));

    expect((await screen.findByTestId('location')).textContent).toBe('/');
    const post = requests.find((r) => r.method === 'POST');
    expect(await post?.json()).toEqual({ exerciseTMs: [{ exerciseId: 2, oneRepMax: 140 }] });
  });

  it('takes the plan’s own share of the 1RM as the TM, and says so', async () => {
    const { user, requests } = renderSetupWith(
      { ...trainingMaxes, tmPercent: 0.85 },
      answer('POST', '/api/training-maxes/setup', 201, trainingMaxes),
    );
    expect(await screen.findByText(/your training max is 85% of it/)).toBeTruthy();
    const squat = screen.getByLabelText('One-rep max for Squat (kg)');
    expect(describedBy(squat)).toContain('Your training max will be 85% of it, as this plan prescribes.');

    await user.type(squat, '140.5');
    // 140.5 × 0.85 = 119.425 → 119.43, as the API stores it.
    expect(describedBy(squat)).toContain('Training max = 119.43 kg: 85% of your 1RM, as this plan prescribes');

    // Switching to a TM keeps the meaning with the plan's percentage: 1RM 100 ↔ TM 85.
    const bench = screen.getByRole('radiogroup', { name: 'Enter Bench Press as' });
    await user.click(within(bench).getByLabelText('1RM'));
    expect((screen.getByLabelText('One-rep max for Bench Press (kg)') as HTMLInputElement).value).toBe('105.88');

    await user.click(screen.getByRole('button', { name: 'Save training maxes' }));
    expect(await requests.find((r) => r.method === 'POST')?.json()).toEqual({
      exerciseTMs: [{ exerciseId: 2, oneRepMax: 140.5 }],
    });
  });

  it('switches an entry between 1RM and TM without changing what it means', async () => {
    const { user } = renderSetup();
    const bench = (await screen.findByLabelText('Training max for Bench Press (kg)')) as HTMLInputElement;
    const benchGroup = screen.getByRole('radiogroup', { name: 'Enter Bench Press as' });

    await user.click(within(benchGroup).getByLabelText('1RM'));

    expect((screen.getByLabelText('One-rep max for Bench Press (kg)') as HTMLInputElement).value).toBe('100');
    expect(bench.isConnected).toBe(true);
  });

  it('shows the server’s validation message under the field it concerns', async () => {
    const { user } = renderSetup(
      answer(
        'POST',
        '/api/training-maxes/setup',
        400,
        apiErrorBody('VALIDATION_ERROR', 'Invalid body', [
          { path: 'exerciseTMs.0.oneRepMax', message: 'number must be less than or equal to 9999.99' },
        ]),
      ),
    );
    const squat = await screen.findByLabelText('One-rep max for Squat (kg)');
    await user.type(squat, '140');

    await user.click(screen.getByRole('button', { name: 'Save training maxes' }));

    await screen.findByText('Number must be less than or equal to 9999.99');
    expect(squat.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(squat)).toContain('Number must be less than or equal to 9999.99');
    expect(document.activeElement).toBe(squat);
  });

  it('sends users without a plan to the plans first', async () => {
    fakeApi(
      answer('GET', '/api/training-maxes', 200, { unit: 'kg', planId: null, tmPercent: 0.9, trainingMaxes: [] }),
      answer('GET', '/api/plans/current', 200, { plan: null }),
    );
    renderWithProviders(<SetupPage />, { route: '/setup' });

    expect(await screen.findByRole('heading', { name: 'Choose a plan first' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Browse plans' }).getAttribute('href')).toBe('/plans');
  });
});

describe('setup form model', () => {
  const row = (overrides: Partial<SetupRow>): SetupRow => ({
    exerciseId: 1,
    name: 'Bench Press',
    missing: true,
    currentTm: null,
    mode: 'oneRepMax',
    value: '',
    ...overrides,
  });

  it('parses weights as the API accepts them', () => {
    expect(parseWeight('102,5')).toEqual({ value: 102.5 });
    expect(parseWeight(' 100 ')).toEqual({ value: 100 });
    expect(parseWeight('0')).toEqual({ error: 'The weight must be more than 0' });
    expect(parseWeight('10000')).toEqual({ error: 'The weight must be at most 9999.99' });
    expect(parseWeight('-5')).toEqual({ error: 'Enter a number, like 100 or 102.5' });
  });

  it('skips unchanged TMs, also when re-entered as the equivalent 1RM', () => {
    const rows = [
      row({ exerciseId: 1, missing: false, currentTm: 90, mode: 'trainingMax', value: '90' }),
      row({ exerciseId: 3, missing: false, currentTm: 90, mode: 'oneRepMax', value: '100' }),
      row({ exerciseId: 4, missing: false, currentTm: 90, mode: 'trainingMax', value: '92.5' }),
    ];
    expect(buildSubmission(rows, 'kg')).toEqual({
      ok: true,
      body: { exerciseTMs: [{ exerciseId: 4, trainingMax: 92.5 }] },
      fieldOfEntry: ['tm-4'],
    });
    expect(buildSubmission(rows.slice(0, 2), 'kg')).toEqual({ ok: true, body: null, fieldOfEntry: [] });
  });

  it('maps the server’s entry index back to the field that produced it', () => {
    expect(
      serverErrorsByField(
        [
          { path: 'exerciseTMs.1.trainingMax', message: 'too big' },
          { path: 'other', message: 'x' },
        ],
        ['tm-2', 'tm-4'],
      ),
    ).toEqual({ 'tm-4': 'Too big' });
  });
});
