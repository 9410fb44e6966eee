import type { ReactNode } from 'react';

type EmptyStateProps = {
  title: string;
  description?: string;
  /** A call to action, e.g. a link or button that fills the emptiness. */
  action?: ReactNode;
};

export function EmptyState({ title, description, action }: EmptyStateProps) {
  return (
    <section className="empty-state">
      <h2 className="empty-state__title">{title}</h2>
      {description && <p className="empty-state__description">{description}</p>}
      {action && <div className="empty-state__action">{action}</div>}
    </section>
  );
}
