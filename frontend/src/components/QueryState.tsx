import type { ReactNode } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { Loading } from './Spinner';

type QueryLike<T> = {
  data: T | undefined;
  isPending: boolean;
  isError: boolean;
  error: Error | null;
  refetch: () => unknown;
};

type QueryStateProps<T> = {
  query: QueryLike<T>;
  /** What is loading, e.g. "Loading plans…". */
  loadingLabel?: string;
  /** Heading of the error box, e.g. "We couldn't load the plans". */
  errorTitle: string;
  /** The error as a sentence; by default its own message. */
  errorMessage?: (error: Error | null) => string;
  children: (data: T) => ReactNode;
};

/** The loading → error (with retry) → data states of one query, the same way on every page. */
export function QueryState<T>({
  query,
  loadingLabel,
  errorTitle,
  errorMessage = defaultErrorMessage,
  children,
}: QueryStateProps<T>) {
  if (query.isPending) return <Loading label={loadingLabel} />;
  // A failed refresh (offline, the server out of reach) keeps showing what was loaded before.
  if (query.data !== undefined) return <>{children(query.data)}</>;
  return <ErrorMessage title={errorTitle} message={errorMessage(query.error)} onRetry={() => void query.refetch()} />;
}

const defaultErrorMessage = (error: Error | null) => error?.message ?? 'Something went wrong.';
