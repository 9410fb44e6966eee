import { describeField, domIdOf, type FieldErrors } from '../../builder/builder-errors';
import type { PlanDraft } from '../../builder/builder-state';

const MAX_LISTED = 8;

type Props = {
  draft: PlanDraft;
  errors: FieldErrors;
  /** The fields with an error, in the order they appear on the page. */
  errorIds: string[];
  /** Messages that belong to no field. */
  formError: string[] | null;
  nameOf: (exerciseId: number) => string | undefined;
  /** Moves to a field (showing its week first). */
  onReveal: (id: string) => void;
};

/** Above the save button: how many problems there are, each a link that moves to its field. */
export function ErrorSummary({ draft, errors, errorIds, formError, nameOf, onReveal }: Props) {
  if (errorIds.length === 0 && !formError) return null;
  return (
    <div className="error-summary" role="alert">
      <p className="error-summary__title">
        {errorIds.length > 0
          ? `${errorIds.length} problem${errorIds.length === 1 ? '' : 's'} to fix before saving:`
          : 'The plan could not be saved:'}
      </p>
      <ul>
        {formError?.map((message) => (
          <li key={message}>{message}</li>
        ))}
        {errorIds.slice(0, MAX_LISTED).map((id) => (
          <li key={id}>
            <a
              href={`#${domIdOf(id)}`}
              onClick={(event) => {
                event.preventDefault();
                onReveal(id);
              }}
            >
              {describeField(draft, id, nameOf)}
            </a>
            : {errors[id]}
          </li>
        ))}
        {errorIds.length > MAX_LISTED && <li>…and {errorIds.length - MAX_LISTED} more</li>}
      </ul>
    </div>
  );
}
