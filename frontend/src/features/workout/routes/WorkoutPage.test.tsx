import { act, screen, waitFor, within } from '@testing-library/react';
import type { WorkoutDto, WorkoutSetDto } from '@liftplan/domain';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { answer, apiErrorBody, fakeApi, jsonResponse, type FakeRoute } from '@/test/fake-api';
import { renderWithProviders } from '@/test/render';
import { pendingNoteStorageKey } from '../api/note-outbox';
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
    kind: 'main',
    exerciseOrder: 1,
    setOrder: 1,
    percentage: 0.75,
    prescribedWeight: 95,
    prescribedReps: 5,
    repsMax: null,
    restSeconds: null,
    isAmrap: false,
    isProgression: false,
    actualReps: null,
    actualWeight: null,
    rpe: null,
    note: null,
    completed: false,
    skipped: false,
    isAdded: false,
    swappedFrom: null,
    plates: { perSide: [25, 10, 2.5], remainderPerSide: 0, belowBar: false },
    ...overrides,
  };
}

function aWorkout(overrides: Partial<WorkoutDto> = {}): WorkoutDto {
  return {
    id: 5,
    cycle: 1,
    weekNumber: 1,
    dayNumber: 2,
    dayName: 'Squat + Sumo Deadlift',
    planId: 1,
    planName: 'nSuns 4-Day LP',
    unit: 'kg',
    status: 'in_progress',
    createdAt: '2026-03-02T10:00:00.000Z',
    completedAt: null,
    note: null,
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

  it('marks a set done at once, keeps it on the device while offline, sends it back online, starts the rest timer', async () => {
    const server = { offline: true, bodies: [] as Array<{ setId: number; body: unknown }> };
    fakeApi(answer('GET', '/api/workouts/5', 200, { workout: aWorkout() }), patchRoute(server));
    const { user } = renderWorkout();
    await screen.findByRole('region', { name: 'T1 Squat' });

    await user.click(setButton(/^Set 1:/));

    expect(setButton(/^Set 1:/).getAttribute('aria-pressed')).toBe('true');
    // The server is out of reach: offline, so the set is kept calmly, not shown as a failure.
    expect(await screen.findByText('Kept on this device')).toBeTruthy();
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(
      "Offline — 1 set kept on this device, will sync when you're back online.",
    );
    expect(document.querySelector('.save-status--error')).toBeNull();
    expect(screen.getByRole('button', { name: 'Complete workout' }).hasAttribute('disabled')).toBe(true);
    expect(JSON.parse(localStorage.getItem(pendingSetsStorageKey(5)) ?? 'null')).toEqual({
      v: 1,
      sets: { 101: { completed: true, skipped: false } },
    });
    expect(within(screen.getByRole('region', { name: 'Rest timer' })).getByRole('timer').textContent).toBe('2:00');

    server.offline = false;
    act(() => void window.dispatchEvent(new Event('online')));

    await waitFor(() => expect(saveStatus()).toBe('All sets saved'));
    expect(screen.queryByText('Kept on this device')).toBeNull();
    expect(server.bodies).toEqual([{ setId: 101, body: { completed: true, skipped: false } }]);
    expect(localStorage.getItem(pendingSetsStorageKey(5))).toBeNull();
    expect(screen.getByRole('button', { name: 'Complete workout' }).hasAttribute('disabled')).toBe(false);
  });

  it('online, a save the server fails is shown as an error with a retry, and saved once it answers', async () => {
    let failing = true;
    fakeApi(answer('GET', '/api/workouts/5', 200, { workout: aWorkout() }), (request) =>
      request.method === 'PATCH' && failing
        ? jsonResponse(503, apiErrorBody('UNAVAILABLE', 'Try again later'))
        : patchRoute({ offline: false, bodies: [] })(request),
    );
    const { user } = renderWorkout();
    await screen.findByRole('region', { name: 'T1 Squat' });

    await user.click(setButton(/^Set 1:/));

    expect(await screen.findByText('Not saved — retrying')).toBeTruthy();
    expect(document.querySelector('.save-status--error')?.textContent).toContain(
      '1 set not saved yet — retrying automatically.',
    );
    failing = false;
    await user.click(screen.getByRole('button', { name: 'Retry now' }));
    await waitFor(() => expect(saveStatus()).toBe('All sets saved'));
  });

  it('after a reload, shows the sets that were never saved and saves them', async () => {
    const server = { offline: true, bodies: [] as Array<{ setId: number; body: unknown }> };
    fakeApi(answer('GET', '/api/workouts/5', 200, { workout: aWorkout() }), patchRoute(server));
    const first = renderWorkout();
    await screen.findByRole('region', { name: 'T1 Squat' });
    await first.user.click(setButton(/^Set 1:/));
    await first.user.click(screen.getByRole('button', { name: 'One rep more, set 2' }));
    await first.user.click(screen.getByRole('button', { name: 'One rep more, set 2' }));
    await screen.findAllByText('Kept on this device');

    // "Reload": a new page (new queue, new cache) over the same storage, with the server still unreachable.
    first.unmount();
    resetSetSaveQueues();
    renderWorkout();
    await screen.findByRole('region', { name: 'T1 Squat' });

    expect(setButton(/^Set 1:/).getAttribute('aria-pressed')).toBe('true');
    expect((screen.getByLabelText('Reps done, set 2') as HTMLInputElement).value).toBe('2');
    expect(await screen.findAllByText('Kept on this device')).toHaveLength(2);

    server.offline = false;
    act(() => void window.dispatchEvent(new Event('online')));
    await waitFor(() => expect(saveStatus()).toBe('All sets saved'));
    expect(server.bodies).toEqual(
      expect.arrayContaining([
        { setId: 101, body: { completed: true, skipped: false } },
        // Entering the reps of a set ticks it.
        { setId: 102, body: { actualReps: 2, completed: true, skipped: false } },
      ]),
    );
  });

  it("after a reload, shows the workout note kept on this device over the server's", async () => {
    localStorage.setItem(pendingNoteStorageKey(5, null), JSON.stringify({ note: 'Written in the basement' }));
    fakeApi(answer('GET', '/api/workouts/5', 200, { workout: aWorkout({ note: 'Old note' }) }));
    renderWorkout();

    const note = (await screen.findByRole('textbox', { name: 'Workout note' })) as HTMLTextAreaElement;
    expect(note.value).toBe('Written in the basement');
    expect(screen.getByText("Kept on this device — it syncs when you're back online.")).toBeTruthy();
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
      {
        exerciseId: squat.id,
        slug: 'squat',
        previousTM: 126,
        newTM: 133.5,
        increase: 7.5,
        amrapReps: 6,
        kind: 'amrap_table' as const,
      },
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
    const progression = [
      {
        exerciseId: 4,
        slug: 'deadlift',
        previousTM: 162,
        newTM: 162,
        increase: 0,
        amrapReps: 1,
        kind: 'amrap_table' as const,
      },
    ];
    fakeApi(
      answer('GET', '/api/workouts/5', 200, { workout: aWorkout({ status: 'completed', progression }) }),
      answer('GET', '/api/training-maxes', 200, {
        unit: 'kg',
        planId: 1,
        tmPercent: 0.9,
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

  describe('plan model v2', () => {
    const dips = { id: 5, slug: 'dips', name: 'Dips' };
    const v2Workout = (overrides: Partial<WorkoutDto> = {}) =>
      aWorkout({
        sets: [
          aSet({ id: 201, kind: 'warmup', setOrder: 1, percentage: 0.4, prescribedWeight: 50, restSeconds: 60 }),
          aSet({ id: 202, setOrder: 2, percentage: 0.85, prescribedWeight: 107.5, isAmrap: true, isProgression: true }),
          aSet({
            id: 203,
            kind: 'supplemental',
            tier: 'T2',
            exerciseOrder: 2,
            displayName: 'BBB Squat',
            percentage: 0.5,
            prescribedWeight: 62.5,
            prescribedReps: 10,
          }),
          aSet({
            id: 204,
            kind: 'accessory',
            tier: 'T3',
            exerciseId: dips.id,
            exercise: dips,
            tmExerciseId: dips.id,
            exerciseOrder: 3,
            percentage: null,
            prescribedWeight: null,
            prescribedReps: 10,
            repsMax: 12,
            restSeconds: 75,
            plates: null,
          }),
          aSet({
            id: 205,
            kind: 'accessory',
            tier: 'T3',
            exerciseId: dips.id,
            exercise: dips,
            tmExerciseId: dips.id,
            exerciseOrder: 3,
            setOrder: 2,
            percentage: null,
            prescribedWeight: null,
            prescribedReps: 10,
            repsMax: 12,
            restSeconds: 75,
            plates: null,
          }),
        ],
        ...overrides,
      });

    it('groups the sets as warm-up, main, supplemental and accessory, with rep ranges', async () => {
      fakeApi(answer('GET', '/api/workouts/5', 200, { workout: v2Workout() }));
      renderWorkout();

      await screen.findByRole('region', { name: 'Main' });
      expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
        'Warm-up',
        'Main',
        'Supplemental',
        'Accessory',
      ]);
      const warmup = screen.getByRole('region', { name: 'T1 Squat, warm-up' });
      expect(within(warmup).getByRole('button', { name: 'Set 1: 50 kg × 5, 40%, warm-up' })).toBeTruthy();
      expect(
        within(screen.getByRole('region', { name: 'T1 Squat' })).getAllByRole('button', { name: /^Set/ }),
      ).toHaveLength(1);
      expect(
        within(screen.getByRole('region', { name: 'T2 BBB Squat, supplemental' })).getByRole('button', {
          name: 'Set 1: 62.5 kg × 10, 50%',
        }),
      ).toBeTruthy();
      const accessory = screen.getByRole('region', { name: 'T3 Dips, accessory' });
      expect(within(accessory).getByRole('button', { name: 'Set 1: your weight × 10–12' })).toBeTruthy();
    });

    it('saves the weight of an accessory set through the save queue, and rests as long as the plan says', async () => {
      const server = { offline: true, bodies: [] as Array<{ setId: number; body: unknown }> };
      fakeApi(answer('GET', '/api/workouts/5', 200, { workout: v2Workout() }), patchRoute(server));
      const { user } = renderWorkout();
      const accessory = await screen.findByRole('region', { name: 'T3 Dips, accessory' });

      const weight = within(accessory).getByLabelText('Weight used, set 1 (kg)');
      expect(weight.getAttribute('inputmode')).toBe('decimal');
      await user.type(weight, '22,5');
      await user.keyboard('{Enter}');

      expect(within(accessory).getByRole('button', { name: 'Set 1: 22.5 kg × 10–12' })).toBeTruthy();
      expect(JSON.parse(localStorage.getItem(pendingSetsStorageKey(5)) ?? 'null')).toEqual({
        v: 1,
        sets: { 204: { actualWeight: 22.5 } },
      });

      await user.click(within(accessory).getByRole('button', { name: /^Set 1:/ }));
      // The slot's 75 s, not the tier's default.
      expect(within(screen.getByRole('region', { name: 'Rest timer' })).getByRole('timer').textContent).toBe('1:15');

      server.offline = false;
      act(() => void window.dispatchEvent(new Event('online')));
      await waitFor(() => expect(saveStatus()).toBe('All sets saved'));
      expect(server.bodies).toEqual([{ setId: 204, body: { actualWeight: 22.5, completed: true, skipped: false } }]);
    });

    it('offers the weight of the set before, and uses it when the set is marked done', async () => {
      const server = { offline: false, bodies: [] as Array<{ setId: number; body: unknown }> };
      fakeApi(answer('GET', '/api/workouts/5', 200, { workout: v2Workout() }), patchRoute(server));
      const { user } = renderWorkout();
      const accessory = await screen.findByRole('region', { name: 'T3 Dips, accessory' });
      expect(within(accessory).getByLabelText('Weight used, set 2 (kg)').getAttribute('placeholder')).toBe('—');

      await user.type(within(accessory).getByLabelText('Weight used, set 1 (kg)'), '20');
      await user.tab();
      expect(within(accessory).getByLabelText('Weight used, set 2 (kg)').getAttribute('placeholder')).toBe('20');
      await user.click(within(accessory).getByRole('button', { name: /^Set 2:/ }));

      expect(within(accessory).getByRole('button', { name: 'Set 2: 20 kg × 10–12' }).getAttribute('aria-pressed')).toBe(
        'true',
      );
      await waitFor(() => expect(saveStatus()).toBe('All sets saved'));
      expect(server.bodies).toEqual([
        { setId: 204, body: { actualWeight: 20 } },
        { setId: 205, body: { completed: true, skipped: false, actualWeight: 20 } },
      ]);
    });

    it('refuses a weight the API would not take, on the field', async () => {
      const { requests } = fakeApi(answer('GET', '/api/workouts/5', 200, { workout: v2Workout() }));
      const { user } = renderWorkout();
      const accessory = await screen.findByRole('region', { name: 'T3 Dips, accessory' });
      const weight = within(accessory).getByLabelText('Weight used, set 1 (kg)');

      await user.type(weight, '22.555');
      await user.tab();

      expect(weight.getAttribute('aria-invalid')).toBe('true');
      expect(within(accessory).getByText('Use at most 2 decimals')).toBeTruthy();
      expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(0);
    });

    it('says what kind of rule moved each TM, and when an increase was capped', async () => {
      const progression = [
        {
          exerciseId: 2,
          slug: 'squat',
          previousTM: 126,
          newTM: 131,
          increase: 5,
          amrapReps: null,
          kind: 'cycle_increment' as const,
        },
        {
          exerciseId: 4,
          slug: 'deadlift',
          previousTM: 180,
          newTM: 162,
          increase: -18,
          amrapReps: 3,
          kind: 'stall_reset' as const,
        },
        {
          exerciseId: 1,
          slug: 'bench-press',
          previousTM: 498,
          newTM: 500,
          increase: 2,
          amrapReps: 9,
          kind: 'amrap_table' as const,
          capped: true as const,
        },
      ];
      fakeApi(
        answer('GET', '/api/workouts/5', 200, { workout: v2Workout({ status: 'completed', progression }) }),
        answer('GET', '/api/plans/current', 200, { plan: null }),
        answer('GET', '/api/training-maxes', 404, apiErrorBody('NOPE', 'none')),
      );
      renderWorkout();

      const items = (await screen.findByRole('region', { name: 'Workout complete' })).querySelectorAll('li');
      expect(items[0]?.textContent).toMatch(/126 kg\s*→\s*to 131 kg \+5 kg.*Cycle increase/);
      expect(items[1]?.textContent).toMatch(/180 kg\s*→\s*to 162 kg −18 kg.*Reset after repeated misses in a row/);
      expect(items[2]?.textContent).toContain('9 reps on the progression set');
      expect(items[2]?.textContent).toContain('Capped');
      expect(items[0]?.textContent).not.toContain('Capped');
    });

    it('shows a skipped day as skipped', async () => {
      fakeApi(answer('GET', '/api/workouts/5', 200, { workout: v2Workout({ status: 'skipped', sets: [] }) }));
      renderWorkout();

      expect(await screen.findByText('Skipped', { selector: '.pill' })).toBeTruthy();
      expect(screen.getByText(/You skipped this day/)).toBeTruthy();
      expect(screen.queryByRole('button', { name: 'Complete workout' })).toBeNull();
    });
  });
});
