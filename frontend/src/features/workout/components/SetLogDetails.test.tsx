import { screen } from '@testing-library/react';
import type { ProgressionResultDto, WorkoutSetDto } from '@liftplan/domain';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/test/render';
import { describeResult } from './ResultPanel';
import { logSummary, RPE_CHOICES, SetLogDetails } from './SetLogDetails';

const squat = { id: 2, slug: 'squat', name: 'Squat' };
const aSet = (o: Partial<WorkoutSetDto> = {}): WorkoutSetDto => ({
  id: 101,
  exerciseId: 2,
  exercise: squat,
  tmExerciseId: 2,
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
  ...o,
});

function renderDetails(set: WorkoutSetDto, increment = 2.5) {
  const onLog = vi.fn();
  const view = renderWithProviders(
    <SetLogDetails set={set} unit="kg" increment={increment} readOnly={false} onLog={onLog} />,
  );
  return { ...view, onLog };
}

describe('SetLogDetails', () => {
  it('folds behind one button, then steps the weight from the prescribed one by the increment', async () => {
    const { user, onLog } = renderDetails(aSet());
    const toggle = screen.getByRole('button', { name: 'Weight, reps, RPE, note, set 1' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByLabelText('Weight, set 1 (kg)')).toBeNull();
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect((screen.getByLabelText('Weight, set 1 (kg)') as HTMLInputElement).value).toBe('95');
    await user.click(screen.getByRole('button', { name: '2.5 kg more, set 1' }));
    expect(onLog).toHaveBeenLastCalledWith({ actualWeight: 97.5 });
    await user.click(screen.getByRole('button', { name: '2.5 kg less, set 1' }));
    expect(onLog).toHaveBeenLastCalledWith({ actualWeight: 92.5 });
  });

  it('adds in exact decimals (2.2 + 1.1 = 3.3, not 3.3000000000000003)', async () => {
    const { user, onLog } = renderDetails(aSet({ prescribedWeight: 2.2 }), 1.1);
    await user.click(screen.getByRole('button', { name: /Weight, reps, RPE, note/ }));
    await user.click(screen.getByRole('button', { name: '1.1 kg more, set 1' }));
    expect(onLog).toHaveBeenLastCalledWith({ actualWeight: 3.3 });
  });

  it('takes a typed weight ("96,25"), and refuses one the API would not take', async () => {
    const { user, onLog } = renderDetails(aSet());
    await user.click(screen.getByRole('button', { name: /Weight, reps, RPE, note/ }));
    const weight = screen.getByLabelText('Weight, set 1 (kg)');
    expect(weight.getAttribute('inputmode')).toBe('decimal');
    await user.clear(weight);
    await user.type(weight, '96,25{Enter}');
    expect(onLog).toHaveBeenLastCalledWith({ actualWeight: 96.25 });
    await user.clear(weight);
    await user.type(weight, '96.255{Enter}');
    expect(screen.getByText('Use at most 2 decimals')).toBeTruthy();
    expect(weight.getAttribute('aria-invalid')).toBe('true');
    expect(onLog).toHaveBeenCalledTimes(1);
  });

  it('logs reps on a regular set (which ticks it), an RPE in halves, a note, and a skip', async () => {
    const { user, onLog } = renderDetails(aSet());
    await user.click(screen.getByRole('button', { name: /Weight, reps, RPE, note/ }));
    await user.click(screen.getByRole('button', { name: 'One rep more, set 1' }));
    expect(onLog).toHaveBeenLastCalledWith({ actualReps: 5, completed: true, skipped: false });

    const rpe = screen.getByLabelText('RPE, set 1') as HTMLSelectElement;
    expect([...rpe.options].map((o) => o.textContent)).toEqual(['—', ...RPE_CHOICES.map(String)]);
    expect(RPE_CHOICES).toEqual([6, 6.5, 7, 7.5, 8, 8.5, 9, 9.5, 10]);
    await user.selectOptions(rpe, '8.5');
    expect(onLog).toHaveBeenLastCalledWith({ rpe: 8.5 });

    await user.type(screen.getByLabelText('Note, set 1'), '  belt on ');
    await user.tab();
    expect(onLog).toHaveBeenLastCalledWith({ note: 'belt on' });

    await user.click(screen.getByRole('button', { name: 'Skip this set, set 1' }));
    expect(onLog).toHaveBeenLastCalledWith({ skipped: true, completed: false });
  });

  it('a skipped set offers to undo the skip; AMRAP sets leave reps to their own stepper', async () => {
    const { user, onLog } = renderDetails(aSet({ skipped: true, isAmrap: true }));
    await user.click(screen.getByRole('button', { name: /Skipped/ }));
    expect(screen.queryByLabelText('Weight, set 1 (kg)')).toBeNull();
    expect(screen.queryByRole('button', { name: 'One rep more, set 1' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Undo skip, set 1' }));
    expect(onLog).toHaveBeenLastCalledWith({ skipped: false, completed: false });
  });

  it('summarises what was logged beyond the plan', () => {
    expect(logSummary(aSet(), 'kg')).toBeNull();
    expect(logSummary(aSet({ actualWeight: 95, actualReps: 5, completed: true }), 'kg')).toBeNull();
    expect(logSummary(aSet({ actualWeight: 97.5, actualReps: 4, rpe: 8.5, note: 'belt' }), 'kg')).toBe(
      '97.5 kg × 4 · RPE 8.5 · “belt”',
    );
    expect(logSummary(aSet({ skipped: true, note: 'knee' }), 'kg')).toBe('Skipped · “knee”');
  });
});

describe('describeResult: a progression set done lighter than prescribed', () => {
  const held: ProgressionResultDto = {
    exerciseId: 2,
    slug: 'squat',
    previousTM: 140,
    newTM: 140,
    increase: 0,
    amrapReps: 6,
    held: 'lighter_than_prescribed',
  };
  it('says why the TM stayed', () => {
    expect(describeResult(held)).toBe(
      'The progression set was done lighter than prescribed, so it moves no training max',
    );
    expect(describeResult({ ...held, newTM: 142.5, increase: 2.5, kind: 'cycle_increment' })).toBe(
      'Cycle increase only: the progression set was done lighter than prescribed, so it moves no training max',
    );
  });
});
