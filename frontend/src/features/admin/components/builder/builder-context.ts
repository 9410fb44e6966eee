import { createContext, useContext } from 'react';
import type { ExerciseDto } from '@liftplan/domain';
import type { FieldErrors } from '../../builder/builder-errors';
import type { BuilderAction, Unit } from '../../builder/builder-state';

export type BuilderContextValue = {
  exercises: ExerciseDto[];
  exerciseById: ReadonlyMap<number, ExerciseDto>;
  errors: FieldErrors;
  /** The live preview's weight per set key (null: no sample TM for it; absent: not previewed yet). */
  weights: Record<string, number | null>;
  previewUnit: Unit;
  /** Applies an edit; `clears` names the fields whose (server) errors the edit answers. */
  act: (action: BuilderAction, clears?: string | string[]) => void;
  /** A removal, with an Undo offered afterwards instead of an "are you sure?". */
  remove: (action: BuilderAction, label: string) => void;
};

export const BuilderContext = createContext<BuilderContextValue | null>(null);

export function useBuilder(): BuilderContextValue {
  const value = useContext(BuilderContext);
  if (!value) throw new Error('useBuilder() outside the plan builder');
  return value;
}
