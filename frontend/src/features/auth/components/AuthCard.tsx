import type { ReactNode } from 'react';

type AuthCardProps = { title: string; intro?: string; children: ReactNode; footer: ReactNode };

export function AuthCard({ title, intro, children, footer }: AuthCardProps) {
  return (
    <section className="auth-card" aria-labelledby="auth-card-title">
      <h1 id="auth-card-title" className="auth-card__title">
        {title}
      </h1>
      {intro && <p className="auth-card__intro">{intro}</p>}
      {children}
      <p className="auth-card__footer">{footer}</p>
    </section>
  );
}
