type SpinnerProps = { size?: 'small' | 'large' };

/** Decorative: pair it with visible or screen-reader text (see Loading). */
export function Spinner({ size = 'large' }: SpinnerProps) {
  return <span className={`spinner spinner--${size}`} aria-hidden="true" />;
}

type LoadingProps = { label?: string };

/** A polite, announced loading indicator for a page or a section. */
export function Loading({ label = 'Loading…' }: LoadingProps) {
  return (
    <div className="loading" role="status">
      <Spinner />
      <span>{label}</span>
    </div>
  );
}
