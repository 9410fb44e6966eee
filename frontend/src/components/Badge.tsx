import type { ReactNode } from 'react';

type BadgeTone = 'neutral' | 'primary' | 'success' | 'warning' | 'danger';

/** A short label next to a title: "Current", "Next", "PR", "Completed". */
export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`pill pill--${tone}`}>{children}</span>;
}
