import { MAX_ONE_REP_MAX, MAX_TRAINING_MAX, weightText } from '@liftplan/domain';
import type { Unit } from '@liftplan/domain';
import type { FieldIssue } from '@liftplan/domain';
import { AppError, unprocessable } from '../http/errors';

/** 422 TRAINING_MAX_TOO_HEAVY: a TM would pass MAX_TRAINING_MAX in the lifter's unit; `issues` say which and why. */
export function trainingMaxTooHeavy(unit: Unit, issues: FieldIssue[], message = limitSentence(unit)): AppError {
  return unprocessable('TRAINING_MAX_TOO_HEAVY', message, issues);
}

export const limitSentence = (unit: Unit) =>
  `A training max can be at most ${weightText(MAX_TRAINING_MAX[unit], unit)} (from a one-rep max of at most ${weightText(MAX_ONE_REP_MAX[unit], unit)})`;

export const aboveLimit = (unit: Unit) =>
  `above the ${weightText(MAX_TRAINING_MAX[unit], unit)} limit for a training max`;
