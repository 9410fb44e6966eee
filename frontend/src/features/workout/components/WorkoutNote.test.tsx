import { act, screen } from '@testing-library/react';
import type { WorkoutDto } from '@liftplan/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { currentUserQueryKey } from '@/lib/current-user';
import { queryClient } from '@/lib/query-client';
import { answer, apiErrorBody, aUser, fakeApi, jsonResponse, type FakeRoute } from '@/test/fake-api';
import { renderWithProviders } from '@/test/render';
import { pendingNote, pendingNoteStorageKey } from '../api/note-outbox';
import { WorkoutNote } from './WorkoutNote';

const workout = (o: Partial<WorkoutDto> = {}): WorkoutDto => ({
  id: 5,
  cycle: 1,
  weekNumber: 1,
  dayNumber: 2,
  dayName: 'Squat day',
  planId: 1,
  planName: 'nSuns',
  unit: 'kg',
  status: 'completed',
  createdAt: '2026-03-02T10:00:00.000Z',
  completedAt: '2026-03-02T11:00:00.000Z',
  note: null,
  progression: [],
  sets: [],
  ...o,
});

/** PATCH /api/workouts/5: fails with a network error while `server.offline`, else saves and records the note. */
function noteRoute(server: { offline: boolean; notes: unknown[] }): FakeRoute {
  return async (request) => {
    if (request.method !== 'PATCH' || new URL(request.url).pathname !== '/api/workouts/5') return undefined;
    if (server.offline) throw new TypeError('Failed to fetch');
    const { note } = (await request.json()) as { note: unknown };
    server.notes.push(note);
    return jsonResponse(200, { workout: workout({ note: note as string | null }) });
  };
}

describe('WorkoutNote', () => {
  afterEach(() => queryClient.removeQueries({ queryKey: currentUserQueryKey }));
  it('saves the note when the field is left, also on a completed workout', async () => {
    const { requests } = fakeApi(
      answer('PATCH', '/api/workouts/5', 200, { workout: workout({ note: 'Slept badly' }) }),
    );
    const { user } = renderWithProviders(<WorkoutNote workout={workout()} />);
    await user.type(screen.getByRole('textbox', { name: 'Workout note' }), '  Slept badly ');
    await user.tab();
    expect(await screen.findByText('Note saved')).toBeTruthy();
    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe('PATCH');
    expect(await requests[0]!.json()).toEqual({ note: 'Slept badly' });
  });

  it('keeps the text and says so when the save fails', async () => {
    fakeApi(answer('PATCH', '/api/workouts/5', 400, apiErrorBody('VALIDATION_ERROR', 'Too long')));
    const { user } = renderWithProviders(<WorkoutNote workout={workout()} />);
    const field = screen.getByRole('textbox', { name: 'Workout note' }) as HTMLTextAreaElement;
    await user.type(field, 'x');
    await user.tab();
    expect((await screen.findByRole('alert')).textContent).toContain('The note was not saved');
    expect(field.value).toBe('x');
  });

  it('offline: keeps the note on this device for this lifter, calmly, and syncs it once back online', async () => {
    queryClient.setQueryData(currentUserQueryKey, { user: aUser({ id: 1 }) });
    const server = { offline: true, notes: [] as unknown[] };
    fakeApi(noteRoute(server));
    const { user } = renderWithProviders(<WorkoutNote workout={workout({ status: 'in_progress' })} />);

    await user.type(screen.getByRole('textbox', { name: 'Workout note' }), 'Gym basement, no signal');
    await user.tab();

    expect(await screen.findByText("Kept on this device — it syncs when you're back online.")).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(JSON.parse(localStorage.getItem(pendingNoteStorageKey(5, 1))!)).toEqual({ note: 'Gym basement, no signal' });

    server.offline = false;
    act(() => void window.dispatchEvent(new Event('online')));

    expect(await screen.findByText('Note saved')).toBeTruthy();
    expect(server.notes).toEqual(['Gym basement, no signal']);
    expect(localStorage.getItem(pendingNoteStorageKey(5, 1))).toBeNull();
  });

  it('a kept note survives a reload: it is read back for its lifter only', () => {
    localStorage.setItem(pendingNoteStorageKey(5, 1), JSON.stringify({ note: 'Belt forgotten' }));
    localStorage.setItem(pendingNoteStorageKey(6, 1), JSON.stringify({ note: null }));
    expect(pendingNote(5, 1)).toBe('Belt forgotten');
    expect(pendingNote(6, 1)).toBeNull(); // clearing the note waits too
    expect(pendingNote(5, 2)).toBeUndefined();
    expect(pendingNote(7, 1)).toBeUndefined();
  });

  it('is not offered on a skipped day', () => {
    fakeApi();
    renderWithProviders(<WorkoutNote workout={workout({ status: 'skipped' })} />);
    expect(screen.queryByRole('textbox', { name: 'Workout note' })).toBeNull();
  });
});
