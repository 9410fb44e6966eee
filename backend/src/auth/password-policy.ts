import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { z } from 'zod';
import { validationError } from '../http/errors';
import type { RegisterBody } from '@liftplan/domain';

/** zxcvbn's 0–4 scale: 3 = "safely unguessable", ≥ 10^8 guesses. */
const MIN_SCORE = 3;

/** Loaded at the first registration, not at start-up: the dictionaries take ≈0.6 s to load and index. */
let estimator: Promise<ZxcvbnFactory> | undefined;
const strengthEstimator = () => (estimator ??= loadEstimator());

/**
 * zxcvbn's time grows steeply with length and l33t-able characters, and it blocks the event loop: 200 random
 * symbols take seconds with its defaults. Looking at the first 48 characters with at most 10 l33t substitutions
 * keeps the worst case under ≈0.1 s; a password whose first 48 characters are strong is strong anyway.
 * (Its Levenshtein option would cost ≈0.5 s on every call.)
 */
async function loadEstimator(): Promise<ZxcvbnFactory> {
  const [{ ZxcvbnFactory }, common, english] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]);
  return new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
    maxLength: 48,
    l33tMaxSubstitutions: 10,
  });
}

/** Why this password is refused for this account, or undefined when it is acceptable. */
export async function passwordProblem(
  password: string,
  account: { email: string; displayName: string },
): Promise<string | undefined> {
  if (password.trim() === '') return 'password cannot be only spaces';
  const personal = personalInfo(account);
  if (resemblesAny(password, personal)) return 'password must not contain your email address or name';
  const { score, feedback } = (await strengthEstimator()).check(password, [...personal, ...wordsOf(personal)]);
  if (score >= MIN_SCORE) return undefined;
  return ['password is too easy to guess.', feedback.warning, feedback.suggestions[0] ?? 'Add another word or two.']
    .filter(Boolean)
    .join(' ');
}

/** The registration's password must pass passwordProblem; refused as the same 400 VALIDATION_ERROR zod gives. */
export async function assertAcceptablePassword(body: RegisterBody): Promise<void> {
  const problem = await passwordProblem(body.password, body);
  if (!problem) return;
  throw validationError(
    new z.ZodError([{ code: 'custom', path: ['password'], message: problem, input: body.password }]),
    'body',
  );
}

const personalInfo = ({ email, displayName }: { email: string; displayName: string }) => [
  email,
  email.split('@')[0] ?? '',
  displayName,
];

/** "ann.smith", "Ann Smith" → ann, smith: zxcvbn then spots them inside a password too. */
const wordsOf = (texts: string[]) =>
  texts.flatMap((text) => text.split(/[\s._+@-]+/)).filter((word) => word.length >= 3);

const simplified = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** The password contains one of the texts whole, or is a part of one (case and punctuation aside). */
function resemblesAny(password: string, texts: string[]): boolean {
  const candidate = simplified(password);
  if (candidate.length < 4) return false;
  return texts.some((text) => {
    const other = simplified(text);
    return other.length >= 4 && (candidate.includes(other) || other.includes(candidate));
  });
}
