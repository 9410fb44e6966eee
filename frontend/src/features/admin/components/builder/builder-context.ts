import { createContext, useContext } from 'react';
import type { ExerciseDto } from '@liftplan/domain';
import type { FieldErrors } from '../../builder/builder-errors';
import type { BuilderAction, Unit } from '../../builder/builder-state';

export type BuilderContextValue = {
  exercises: ExerciseDto[];
  exerciseById: ReadonlyMap<number, ExerciseDto>;
  errors: FieldErrors;
  /** The live preview's weight per set key (null: no sample TM for it, or no %; absent: not previewed yet). */
  weights: Record<string, number | null>;
  previewUnit: Unit;
  /** The plan has a reps-over-target or stall-reset rule: a progression set needs no AMRAP. */
  targetProgression: boolean;
  /** Weeks in the cycle (the day toolbar offers "Copy to weeks…" when there are several). */
  weekCount: number;
  /** Applies an edit; `clears` names the fields whose (server) errors the edit answers. */
  act: (action: BuilderAction, clears?: string | string[]) => void;
  /** A removal (or an overwrite), with an Undo offered afterwards instead of an "are you sure?". */
  remove: (action: BuilderAction, label: string) => void;
  /** Opens "Copy this day to weeks…" for a day of the selected week. */
  openCopyDay: (dayKey: string) => void;
};

export const BuilderContext = createContext<BuilderContextValue | null>(null);

export function useBuilder(): BuilderContextValue {
  const value = useContext(BuilderContext);
  if (!value) throw new Error('useBuilder() outside the plan builder');
  return value;
}
