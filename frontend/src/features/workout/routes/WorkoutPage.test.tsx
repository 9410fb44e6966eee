import { act, screen, waitFor, within } from '@testing-library/react';
import type { WorkoutDto, WorkoutSetDto } from '@liftplan/domain';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { answer, apiErrorBody, fakeApi, jsonResponse, type FakeRoute } from '@/test/fake-api';
import { renderWithProviders } from '@/test/render';
import { pendingSetsStorageKey } from '../api/set-save-queue';
import { resetSetSaveQueues } from '../api/workout-api';
import { WorkoutPage } from './WorkoutPage';

const squat = { id: 2, slug: 'squat', name: 'Squat' };

function aSet(overrides: Partial<WorkoutSetDto>): WorkoutSetDto {
  return {
    id: 101,
    exerciseId: squat.id,
    exercise: squat,
    tmExerciseId: squat.id,
    displayName: null,
    tier: 'T1',
    exerciseOrder: 1,
    setOrder: 1,
    percentage: 0.75,
    prescribedWeight: 95,
    prescribedReps: 5,
    isAmrap: false,
    isProgression: false,
    actualReps: null,
    completed: false,
    plates: { perSide: [25, 10, 2.5], remainderPerSide: 0, belowBar: false },
    ...overrides,
  };
}

function aWorkout(overrides: Partial<WorkoutDto> = {}): WorkoutDto {
  return {
    id: 5,
    dayNumber: 2,
    dayName: 'Squat + Sumo Deadlift',
    planId: 1,
    planName: 'nSuns 4-Day LP',
    unit: 'kg',
    status: 'in_progress',
    createdAt: '2026-03-02T10:00:00.000Z',
    completedAt: null,
    progression: null,
    sets: [
      aSet({ id: 101, setOrder: 1 }),
      aSet({
        id: 102,
        setOrder: 2,
        percentage: 0.95,
        prescribedWeight: 120,
        prescribedReps: 1,
        isAmrap: true,
        isProgression: true,
        plates: { perSide: [25, 25], remainderPerSide: 0, belowBar: false },
      }),
    ],
    ...overrides,
  };
}

/** PATCH /api/workouts/5/sets/:id: records bodies; fails with a network error while `state.offline`. */
function patchRoute(state: { offline: boolean; bodies: Array<{ setId: number; body: unknown }> }): FakeRoute {
  return async (request) => {
    const match = /\/api\/workouts\/5\/sets\/(\d+)$/.exec(new URL(request.url).pathname);
    if (request.method !== 'PATCH' || !match) return undefined;
    if (state.offline) throw new TypeError('Failed to fetch');
    const body = (await request.json()) as Record<string, unknown>;
    state.bodies.push({ setId: Number(match[1]), body });
    return jsonResponse(200, {
      set: { id: Number(match[1]), workoutId: 5, actualReps: null, completed: true, ...body },
    });
  };
}

function renderWorkout() {
  return renderWithProviders(
    <Routes>
      <Route path="/workouts/:workoutId" element={<WorkoutPage />} />
    </Routes>,
    { route: '/workouts/5' },
  );
}

const saveStatus = () => document.querySelector('.save-status__message')?.textContent;

function setButton(name: RegExp) {
  return screen.getByRole('button', { name });
}

describe('WorkoutPage', () => {
  afterEach(() => resetSetSaveQueues());

  it('shows each set with weight, %, reps (AMRAP with a plus) and the plates per side', async () => {
    fakeApi(answer('GET', '/api/workouts/5', 200, { workout: aWorkout() }));
    renderWorkout();

    const group = await screen.findByRole('region', { name: 'T1 Squat' });
    const first = within(group).getByRole('button', { name: 'Set 1: 95 kg × 5, 75%' });
    expect(first.getAttribute('aria-pressed')).toBe('false');
    expect(document.getElementById(first.getAttribute('aria-describedby') ?? '')?.textContent).toContain(
      'Per side: 25 + 10 + 2.5',
    );
    expect(within(group).getByRole('button', { name: 'Set 2: 120 kg × 1+, 95%, progression set' })).toBeTruthy();
    expect(screen.getByLabelText('Reps done, set 2').getAttribute('inputmode')).toBe('numeric');
  });

  it('marks a set done at once, keeps it when the save fails, retries, and starts the rest timer', async () => {
    const server = { offline: true, bodies: [] as Array<{ setId: number; body: unknown }> };
    fakeApi(answer('GET', '/api/workouts/5', 200, { workout: aWorkout() }), patchRoute(server));
    const { user } = renderWorkout();
    await screen.findByRole('region', { name: 'T1 Squat' });

    await user.click(setButton(/^Set 1:/));

    expect(setButton(/^Set 1:/).getAttribute('aria-pressed')).toBe('true');
    expect(await screen.findByText('Not saved — retrying')).toBeTruthy();
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(
      '1 set not saved yet — retrying automatically.',
    );
    expect(screen.getByRole('button', { name: 'Complete workout' }).hasAttribute('disabled')).toBe(true);
    expect(JSON.parse(localStorage.getItem(pendingSetsStorageKey(5)) ?? 'null')).toEqual({
      v: 1,
      sets: { 101: { completed: true } },
    });
    expect(within(screen.getByRole('region', { name: 'Rest timer' })).getByRole('timer').textContent).toBe('2:00');

    server.offline = false;
    act(() => void window.dispatchEvent(new Event('online')));

    await waitFor(() => expect(saveStatus()).toBe('All sets saved'));
    expect(screen.queryByText('Not saved — retrying')).toBeNull();
    expect(server.bodies).toEqual([{ setId: 101, body: { completed: true } }]);
    expect(localStorage.getItem(pendingSetsStorageKey(5))).toBeNull();
    expect(screen.getByRole('button', { name: 'Complete workout' }).hasAttribute('disabled')).toBe(false);
  });

  it('after a reload, shows the sets that were never saved and saves them', async () => {
    const server = { offline: true, bodies: [] as Array<{ setId: number; body: unknown }> };
    fakeApi(answer('GET', '/api/workouts/5', 200, { workout: aWorkout() }), patchRoute(server));
    const first = renderWorkout();
    await screen.findByRole('region', { name: 'T1 Squat' });
    await first.user.click(setButton(/^Set 1:/));
    await first.user.click(screen.getByRole('button', { name: 'One rep more, set 2' }));
    await first.user.click(screen.getByRole('button', { name: 'One rep more, set 2' }));
    await screen.findAllByText('Not saved — retrying');

    // "Reload": a new page (new queue, new cache) over the same storage, with the server still unreachable.
    first.unmount();
    resetSetSaveQueues();
    renderWorkout();
    await screen.findByRole('region', { name: 'T1 Squat' });

    expect(setButton(/^Set 1:/).getAttribute('aria-pressed')).toBe('true');
    expect((screen.getByLabelText('Reps done, set 2') as HTMLInputElement).value).toBe('2');
    expect(await screen.findAllByText('Not saved — retrying')).toHaveLength(2);

    server.offline = false;
    act(() => void window.dispatchEvent(new Event('online')));
    await waitFor(() => expect(saveStatus()).toBe('All sets saved'));
    expect(server.bodies).toEqual(
      expect.arrayContaining([
        { setId: 101, body: { completed: true } },
        { setId: 102, body: { actualReps: 2 } },
      ]),
    );
  });

  it('undoes a change the server refuses for good and says so', async () => {
    fakeApi(
      answer('GET', '/api/workouts/5', 200, { workout: aWorkout() }),
      answer(
        'PATCH',
        '/api/workouts/5/sets/101',
        409,
        apiErrorBody('WORKOUT_NOT_IN_PROGRESS', 'This workout is abandoned; nothing was changed'),
      ),
    );
    const { user } = renderWorkout();
    await screen.findByRole('region', { name: 'T1 Squat' });

    await user.click(setButton(/^Set 1:/));

    expect(await screen.findByText('This workout is abandoned; nothing was changed')).toBeTruthy();
    expect(setButton(/^Set 1:/).getAttribute('aria-pressed')).toBe('false');
    expect(localStorage.getItem(pendingSetsStorageKey(5))).toBeNull();
  });

  it('completes after a confirmation and shows each training max change', async () => {
    const done = aWorkout({
      status: 'completed',
      completedAt: '2026-03-02T11:00:00.000Z',
      sets: aWorkout().sets.map((s) => ({ ...s, completed: true, actualReps: s.isAmrap ? 6 : 5 })),
    });
    const progression = [
      { exerciseId: squat.id, slug: 'squat', previousTM: 126, newTM: 133.5, increase: 7.5, amrapReps: 6 },
    ];
    const { requests } = fakeApi(
      answer('GET', '/api/workouts/5', 200, { workout: aWorkout() }),
      answer('POST', '/api/workouts/5/complete', 200, { workout: { ...done, progression }, progression }),
    );
    const { user } = renderWorkout();
    await screen.findByRole('region', { name: 'T1 Squat' });

    await user.click(screen.getByRole('button', { name: 'Complete workout' }));
    const dialog = screen.getByRole('dialog', { name: 'Complete this workout?' });
    expect(within(dialog).getByText('2 sets not marked done.')).toBeTruthy();
    expect(within(dialog).getByText(/No reps logged on the progression set/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Complete workout' }));

    const result = await screen.findByRole('region', { name: 'Workout complete' });
    expect(result.textContent).toContain('Squat');
    expect(result.textContent).toMatch(/126 kg\s*→\s*to 133\.5 kg \+7\.5 kg/);
    expect(result.textContent).toContain('6 reps on the progression set');
    expect(document.activeElement).toBe(result);
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(setButton(/^Set 1:/).hasAttribute('disabled')).toBe(true);
  });

  it('shows the stored result when a completed workout is reopened', async () => {
    const progression = [{ exerciseId: 4, slug: 'deadlift', previousTM: 162, newTM: 162, increase: 0, amrapReps: 1 }];
    fakeApi(
      answer('GET', '/api/workouts/5', 200, { workout: aWorkout({ status: 'completed', progression }) }),
      answer('GET', '/api/training-maxes', 200, {
        unit: 'kg',
        planId: 1,
        trainingMaxes: [
          {
            exercise: { id: 4, slug: 'deadlift', name: 'Deadlift' },
            trainingMax: 162,
            effectiveDate: null,
            source: 'setup',
            missing: false,
          },
        ],
      }),
    );
    renderWorkout();

    const result = await screen.findByRole('region', { name: 'Workout complete' });
    await waitFor(() => expect(result.textContent).toContain('Deadlift'));
    expect(result.textContent).toContain('Stays at 162 kg');
    expect(screen.queryByRole('button', { name: 'Complete workout' })).toBeNull();
  });
});
