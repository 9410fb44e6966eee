import { Button } from './Button';

type ErrorMessageProps = {
  title?: string;
  message: string;
  /** Offers a "Try again" button when given. */
  onRetry?: () => void;
};

/** An error announced to screen readers as soon as it appears. */
export function ErrorMessage({ title, message, onRetry }: ErrorMessageProps) {
  return (
    <div className="error-message" role="alert">
      {title && <p className="error-message__title">{title}</p>}
      <p>{message}</p>
      {onRetry && (
        <Button variant="secondary" onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}
