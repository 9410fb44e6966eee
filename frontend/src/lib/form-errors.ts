import { ApiError } from './api-client';
import { capitalize } from './format';

/** What a form shows: a message per field, and one for the form as a whole (rendered with role="alert"). */
export type FormErrors<Field extends string> = {
  fields: Partial<Record<Field, string>>;
  form?: string;
};

export const noFormErrors = { fields: {} } as const satisfies FormErrors<never>;

export function hasFormErrors<Field extends string>(errors: FormErrors<Field>): boolean {
  return errors.form !== undefined || Object.values(errors.fields).some((message) => message !== undefined);
}

/**
 * Turns a failed request into form errors: field issues whose path names one of the form's fields go under that
 * field, so do errors whose code `fieldForCode` assigns to a field (e.g. EMAIL_TAKEN → email); anything else
 * becomes the form's message.
 */
export function formErrorsFromApi<Field extends string>(
  error: unknown,
  fields: readonly Field[],
  fieldForCode: Partial<Record<string, Field>> = {},
): FormErrors<Field> {
  if (!(error instanceof ApiError)) return { fields: {}, form: 'Something went wrong. Please try again.' };
  const codeField = fieldForCode[error.code];
  if (codeField) return { fields: { [codeField]: capitalize(error.message) } as Partial<Record<Field, string>> };

  const fieldErrors: Partial<Record<Field, string>> = {};
  for (const [path, message] of Object.entries(error.fieldErrors())) {
    if (isField(path, fields)) fieldErrors[path] = capitalize(message);
  }
  const explainedByFields = Object.keys(fieldErrors).length > 0;
  return { fields: fieldErrors, form: explainedByFields ? undefined : capitalize(error.message) };
}

/** Moves keyboard focus to the first field marked invalid, so its error is read out and fixable at once. */
export function focusFirstInvalidField(form: HTMLFormElement | null): void {
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

function isField<Field extends string>(path: string, fields: readonly Field[]): path is Field {
  return (fields as readonly string[]).includes(path);
}
