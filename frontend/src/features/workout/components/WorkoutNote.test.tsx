import { screen } from '@testing-library/react';
import type { WorkoutDto } from '@liftplan/domain';
import { describe, expect, it } from 'vitest';
import { answer, apiErrorBody, fakeApi } from '@/test/fake-api';
import { renderWithProviders } from '@/test/render';
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

describe('WorkoutNote', () => {
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

  it('is not offered on a skipped day', () => {
    fakeApi();
    renderWithProviders(<WorkoutNote workout={workout({ status: 'skipped' })} />);
    expect(screen.queryByRole('textbox', { name: 'Workout note' })).toBeNull();
  });
});
