// Builders shared by the engine's tests (not exported from the package).
import { dec, type DecimalLike } from './decimal';
import type { PrescribedSetTemplate } from './workout-generation';

export const str = (value: DecimalLike): string => dec(value).toFixed();

export const BENCH = 1;
export const SQUAT = 2;
export const ROWS = 9;

export const template = (overrides: Partial<PrescribedSetTemplate>): PrescribedSetTemplate => ({
  exerciseId: overrides.tmExerciseId ?? BENCH,
  tmExerciseId: BENCH,
  exerciseOrder: 1,
  displayName: null,
  tier: 'T1',
  setOrder: 1,
  kind: 'main',
  percentage: '0.5',
  reps: 5,
  repsMax: null,
  incrementOffset: 0,
  restSeconds: null,
  isAmrap: false,
  isProgression: false,
  ...overrides,
});
