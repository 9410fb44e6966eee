import { act, screen, waitFor, within } from '@testing-library/react';
import type { WorkoutDto, WorkoutSetDto } from '@liftplan/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { answer, apiErrorBody, fakeApi, jsonResponse, type FakeRoute } from '@/test/fake-api';
import { renderWithProviders } from '@/test/render';
import { groupSets } from './set-groups';
import { AddExerciseButton, SlotActions, SlotNotes } from './SlotActions';

const squat = { id: 2, slug: 'squat', name: 'Squat' };
const frontSquat = { id: 9, slug: 'front-squat', name: 'Front Squat' };
const curl = { id: 40, slug: 'dumbbell-curl', name: 'Dumbbell Curl' };
const exerciseDto = (e: { id: number; slug: string; name: string }) => ({
  ...e,
  muscleGroup: 'biceps',
  category: 'isolation',
  isUpperBody: true,
  secondaryMuscles: [],
  equipment: 'dumbbell',
  aliases: [],
});

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
    plates: null,
    ...overrides,
  };
}

function aWorkout(sets: WorkoutSetDto[], overrides: Partial<WorkoutDto> = {}): WorkoutDto {
  return {
    id: 5,
    cycle: 1,
    weekNumber: 1,
    dayNumber: 2,
    dayName: 'Squat day',
    planId: 1,
    planName: 'nSuns',
    unit: 'kg',
    status: 'in_progress',
    createdAt: '2026-03-02T10:00:00.000Z',
    completedAt: null,
    note: null,
    progression: null,
    sets,
    ...overrides,
  };
}

/** Records each request's method, path and JSON body. */
function recorder() {
  const calls: Array<{ method: string; path: string; body: unknown }> = [];
  const route: FakeRoute = async (request) => {
    const url = new URL(request.url);
    calls.push({
      method: request.method,
      path: url.pathname + url.search,
      body: request.method === 'GET' || request.method === 'DELETE' ? null : await request.clone().json(),
    });
    return undefined;
  };
  return { calls, route };
}

function renderSlot(workout: WorkoutDto, readOnly = false) {
  const [group] = groupSets(workout.sets);
  return renderWithProviders(
    <>
      <SlotNotes group={group!} readOnly={readOnly} />
      <SlotActions workout={workout} group={group!} readOnly={readOnly} />
    </>,
  );
}

describe('Add exercise', () => {
  afterEach(() => localStorage.clear());

  it('searches the library, pre-fills the last weight and reps, and adds that many sets', async () => {
    const rec = recorder();
    fakeApi(
      rec.route,
      (request) =>
        request.method === 'GET' && new URL(request.url).pathname === '/api/exercises'
          ? jsonResponse(200, { exercises: [exerciseDto(curl)] })
          : undefined,
      answer('GET', '/api/workouts/last-performance', 200, {
        lastPerformance: { actualWeight: 14, actualReps: 12, date: '2026-02-27T10:00:00.000Z' },
      }),
      answer('POST', '/api/workouts/5/sets', 201, { set: aSet({ id: 500, exerciseId: curl.id, exercise: curl }) }),
    );
    const { user } = renderWithProviders(<AddExerciseButton workout={aWorkout([aSet({})])} />);

    await user.click(screen.getByRole('button', { name: 'Add exercise' }));
    const dialog = screen.getByRole('dialog', { name: 'Add an exercise' });
    const search = within(dialog).getByRole('searchbox', { name: 'Search the exercise library' });
    expect(document.activeElement).toBe(search);
    await user.type(search, 'curl');
    const option = await within(dialog).findByRole('button', { name: /Dumbbell Curl/ });
    expect(within(dialog).getByRole('status').textContent).toBe('1 exercise found.');
    await user.click(option);
    expect(option.getAttribute('aria-pressed')).toBe('true');

    const weight = await within(dialog).findByRole('textbox', { name: 'Weight (kg)' });
    expect((weight as HTMLInputElement).value).toBe('14');
    expect((within(dialog).getByRole('textbox', { name: 'Reps' }) as HTMLInputElement).value).toBe('12');
    expect((within(dialog).getByRole('textbox', { name: 'Sets' }) as HTMLInputElement).value).toBe('3');
    expect(within(dialog).getByText(/Last time .*14 kg × 12 reps/)).toBeTruthy();

    await user.clear(weight);
    await user.type(weight, '16');
    await user.click(within(dialog).getByRole('button', { name: 'Add Dumbbell Curl' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const posts = rec.calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(3);
    expect(posts[0]).toEqual({
      method: 'POST',
      path: '/api/workouts/5/sets',
      body: { exerciseId: curl.id, actualReps: 12, actualWeight: 16 },
    });
    expect(rec.calls.some((c) => c.path === '/api/exercises?search=curl')).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('Dumbbell Curl: 3 sets added.');
  });

  it('says when nothing matches, and checks the fields before sending', async () => {
    const rec = recorder();
    fakeApi(
      rec.route,
      (request) => {
        if (request.method !== 'GET' || new URL(request.url).pathname !== '/api/exercises') return undefined;
        const term = new URL(request.url).searchParams.get('search');
        return jsonResponse(200, { exercises: term === 'curl' ? [exerciseDto(curl)] : [] });
      },
      answer('GET', '/api/workouts/last-performance', 200, { lastPerformance: null }),
    );
    const { user } = renderWithProviders(<AddExerciseButton workout={aWorkout([aSet({})])} />);
    await user.click(screen.getByRole('button', { name: 'Add exercise' }));
    const dialog = screen.getByRole('dialog');
    const search = within(dialog).getByRole('searchbox');
    await user.type(search, 'zzz');
    expect(await within(dialog).findByText('No exercise matches “zzz”.')).toBeTruthy();
    await user.clear(search);
    await user.type(search, 'curl');
    await user.click(await within(dialog).findByRole('button', { name: /Dumbbell Curl/ }));
    expect(await within(dialog).findByText("You haven't logged Dumbbell Curl before.")).toBeTruthy();
    const reps = within(dialog).getByRole('textbox', { name: 'Reps' });
    await user.clear(reps);
    await user.type(reps, '0');
    await user.click(within(dialog).getByRole('button', { name: 'Add Dumbbell Curl' }));
    expect(within(dialog).getByText('Enter 1 to 200 reps')).toBeTruthy();
    expect(rec.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });
});

describe('SlotActions', () => {
  it('adds a set to this slot', async () => {
    const rec = recorder();
    fakeApi(
      rec.route,
      answer('POST', '/api/workouts/5/sets', 201, { set: aSet({ id: 300, setOrder: 3, isAdded: true }) }),
    );
    const { user } = renderSlot(aWorkout([aSet({ id: 101 }), aSet({ id: 102, setOrder: 2 })]));
    await user.click(screen.getByRole('button', { name: 'Add a set of Squat' }));
    await waitFor(() =>
      expect(rec.calls.find((c) => c.method === 'POST')?.body).toEqual({ exerciseId: squat.id, exerciseOrder: 1 }),
    );
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Set 3 of Squat added.'));
  });

  it("swaps: the substitute's own TM by default; a missing TM is explained; keeping the original's TM works", async () => {
    const rec = recorder();
    const swapBodies: unknown[] = [];
    fakeApi(
      rec.route,
      (request) =>
        request.method === 'GET' && new URL(request.url).pathname === '/api/exercises'
          ? jsonResponse(200, { exercises: [exerciseDto(squat), exerciseDto(frontSquat)] })
          : undefined,
      async (request) => {
        if (request.method !== 'POST' || new URL(request.url).pathname !== '/api/workouts/5/swap') return undefined;
        const body = (await request.clone().json()) as { keepTrainingMax: boolean };
        swapBodies.push(body);
        return body.keepTrainingMax
          ? jsonResponse(200, {
              workout: aWorkout([aSet({ exerciseId: frontSquat.id, exercise: frontSquat, swappedFrom: squat })]),
              swappedSetIds: [101],
              tmExerciseId: squat.id,
              movesTrainingMax: false,
              message:
                "Swapped to Front Squat at the weights of Squat's training max. Swapped sets never move a training max.",
            })
          : jsonResponse(
              422,
              apiErrorBody('MISSING_TRAINING_MAX', 'Set a training max first for: Front Squat', {
                missingTMs: [{ exerciseId: frontSquat.id, slug: 'front-squat', name: 'Front Squat' }],
              }),
            );
      },
    );
    const { user } = renderSlot(aWorkout([aSet({ id: 101 })]));
    await user.click(screen.getByRole('button', { name: 'Swap Squat for today' }));
    const dialog = screen.getByRole('dialog', { name: 'Swap Squat for today' });
    await user.type(within(dialog).getByRole('searchbox', { name: 'Search the substitute' }), 'front');
    // The slot's own exercise is not offered.
    await user.click(await within(dialog).findByRole('button', { name: /Front Squat/ }));
    expect(within(dialog).queryByRole('button', { name: /^Squat/ })).toBeNull();

    const group = within(dialog).getByRole('group', { name: 'Which training max sets the weights?' });
    const own = within(group).getByRole('radio', { name: /Use Front Squat's training max/ });
    const keep = within(group).getByRole('radio', { name: /Keep Squat's training max/ });
    expect((own as HTMLInputElement).checked).toBe(true);
    expect(within(dialog).getByText('Swapped sets never move a training max.')).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Swap to Front Squat' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain(
      'Set a training max first for: Front Squat',
    );

    await user.click(keep);
    expect(within(dialog).queryByRole('alert')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Swap to Front Squat' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(swapBodies).toEqual([
      { exerciseOrder: 1, exerciseId: frontSquat.id, keepTrainingMax: false },
      { exerciseOrder: 1, exerciseId: frontSquat.id, keepTrainingMax: true },
    ]);
    expect(screen.getByRole('status').textContent).toMatch(/Swapped sets never move a training max/);
  });

  it("swapping back to the plan's exercise asks nothing about training maxes: the plan's come back", async () => {
    const swapBodies: unknown[] = [];
    fakeApi(
      (request) =>
        request.method === 'GET' && new URL(request.url).pathname === '/api/exercises'
          ? jsonResponse(200, { exercises: [exerciseDto(squat)] })
          : undefined,
      async (request) => {
        if (request.method !== 'POST' || new URL(request.url).pathname !== '/api/workouts/5/swap') return undefined;
        swapBodies.push(await request.json());
        return jsonResponse(200, {
          workout: aWorkout([aSet({ isProgression: true })]),
          swappedSetIds: [101],
          tmExerciseId: squat.id,
          movesTrainingMax: true,
          message: 'Back to Squat as planned: its progression set moves the training max again.',
        });
      },
    );
    const { user } = renderSlot(
      aWorkout([aSet({ exerciseId: frontSquat.id, exercise: frontSquat, swappedFrom: squat })]),
    );
    await user.click(screen.getByRole('button', { name: 'Swap Front Squat for today' }));
    const dialog = screen.getByRole('dialog', { name: 'Swap Front Squat for today' });
    await user.type(within(dialog).getByRole('searchbox', { name: 'Search the substitute' }), 'squat');
    await user.click(await within(dialog).findByRole('button', { name: /^Squat/ }));

    expect(within(dialog).queryByRole('group', { name: 'Which training max sets the weights?' })).toBeNull();
    expect(
      within(dialog).getByText("Back to Squat as planned: the plan's weights and progression set come back."),
    ).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Swap to Squat' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(swapBodies).toEqual([{ exerciseOrder: 1, exerciseId: squat.id, keepTrainingMax: false }]);
    expect(screen.getByRole('status').textContent).toBe(
      'Back to Squat as planned: its progression set moves the training max again.',
    );
  });

  it('shows a swap and deletes an added set; read-only shows what changed, without buttons', async () => {
    const rec = recorder();
    fakeApi(rec.route, answer('DELETE', '/api/workouts/5/sets/103', 200, { deleted: true, setId: 103 }));
    const sets = [
      aSet({ id: 101, exerciseId: frontSquat.id, exercise: frontSquat, swappedFrom: squat, completed: true }),
      aSet({
        id: 103,
        setOrder: 2,
        exerciseId: frontSquat.id,
        exercise: frontSquat,
        swappedFrom: squat,
        isAdded: true,
      }),
    ];
    const { user, unmount } = renderSlot(aWorkout(sets));
    expect(screen.getByText(/Swapped from Squat for today · these sets never move a training max/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Delete added set 2 of Front Squat' }));
    await waitFor(() => expect(rec.calls.find((c) => c.method === 'DELETE')?.path).toBe('/api/workouts/5/sets/103'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Added set 2 of Front Squat deleted.'));
    unmount();

    renderSlot(aWorkout(sets, { status: 'completed' }), true);
    expect(screen.getByText(/Swapped from Squat/)).toBeTruthy();
    expect(screen.getByText('Added during the workout: set 2')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('offline', () => {
  function setOnline(online: boolean) {
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
    window.dispatchEvent(new Event(online ? 'online' : 'offline'));
  }
  afterEach(() => setOnline(true));

  it('adding, swapping and deleting wait for a connection, and say so; back online they work', () => {
    fakeApi();
    setOnline(false);
    const sets = [aSet({ id: 101 }), aSet({ id: 103, setOrder: 2, isAdded: true })];
    renderSlot(aWorkout(sets));
    renderWithProviders(<AddExerciseButton workout={aWorkout(sets)} />);

    const waiting = [
      screen.getByRole('button', { name: 'Add a set of Squat' }),
      screen.getByRole('button', { name: 'Swap Squat for today' }),
      screen.getByRole('button', { name: 'Delete added set 2 of Squat' }),
      screen.getByRole('button', { name: 'Add exercise' }),
    ];
    for (const button of waiting) {
      expect(button.hasAttribute('disabled')).toBe(true);
      expect(document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(
        /needs? a connection\.$/,
      );
    }

    act(() => setOnline(true));
    expect(waiting.every((button) => !button.hasAttribute('disabled'))).toBe(true);
    expect(screen.queryByText(/needs? a connection/)).toBeNull();
  });
});
