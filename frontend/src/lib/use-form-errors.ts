import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { focusFirstInvalidField, noFormErrors, type FormErrors } from './form-errors';

/**
 * Error state for a form: `show` displays errors and moves focus to the first invalid field; editing a field
 * clears that field's error (attach `clearFieldErrorOnChange` to the form's onChange).
 */
export function useFormErrors<Field extends string>() {
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FormErrors<Field>>(noFormErrors);
  const [timesShown, setTimesShown] = useState(0);

  useEffect(() => {
    if (timesShown > 0) focusFirstInvalidField(formRef.current);
  }, [timesShown]);

  const show = (next: FormErrors<Field>) => {
    setErrors(next);
    setTimesShown((count) => count + 1);
  };
  const clear = () => setErrors(noFormErrors);
  const clearFieldErrorOnChange = (event: ChangeEvent<HTMLFormElement>) => {
    const { name } = event.target as { name?: unknown };
    if (typeof name !== 'string' || !(name in errors.fields)) return;
    setErrors((current) => {
      const fields: Partial<Record<Field, string>> = { ...current.fields };
      delete fields[name as Field];
      return { ...current, fields };
    });
  };

  return { formRef, errors, show, clear, clearFieldErrorOnChange };
}
