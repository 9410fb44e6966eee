import type { FieldErrors } from '../../builder/builder-errors';
import { domIdOf } from '../../builder/builder-errors';

/** id / aria-invalid / aria-describedby for the control of field `id`. */
export function controlProps(errors: FieldErrors, id: string) {
  const invalid = errors[id] !== undefined;
  return {
    id: domIdOf(id),
    'aria-invalid': invalid || undefined,
    'aria-describedby': invalid ? `${domIdOf(id)}-error` : undefined,
  };
}

/** The error under a field. For an item-level error (no control of its own) it is itself the focus target. */
export function FieldMessage({
  errors,
  id,
  focusable = false,
}: {
  errors: FieldErrors;
  id: string;
  focusable?: boolean;
}) {
  const message = errors[id];
  if (message === undefined) return null;
  return (
    <p
      className="field__error"
      id={focusable ? domIdOf(id) : `${domIdOf(id)}-error`}
      tabIndex={focusable ? -1 : undefined}
    >
      {message}
    </p>
  );
}
