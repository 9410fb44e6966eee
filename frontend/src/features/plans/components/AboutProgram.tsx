import type { PlanDetailDto, UserDto } from '@liftplan/domain';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { pluralize } from '@/lib/format';
import { paths } from '@/lib/paths';
import { GOAL_LABELS, LEVEL_LABELS, basisDescription } from './plan-library';

type AboutProgramProps = {
  plan: Pick<PlanDetailDto, 'library' | 'tmPercent'>;
  /** The lifter's rounding, compared with the one the program recommends. */
  rounding: UserDto['rounding'];
};

const ROUNDING_WORDS = { nearest: 'to the nearest plate increment', down: 'down to a plate increment' } as const;

/**
 * "About this program": whose program it is and where it comes from, always in view; the evidence for each number
 * and what the model approximates fold away under one disclosure, so on a phone the program itself stays near the
 * top. Nothing is shown for a plan nobody described.
 */
export function AboutProgram({ plan, rounding }: AboutProgramProps) {
  const library = plan.library ?? null;
  if (!library) return null;
  const { author, sourceUrl, level, goal, recommendedRounding, sources, approximations } = library;
  const hasMore = sources.length > 0 || approximations.length > 0 || recommendedRounding !== null;
  const counts = [
    sources.length > 0 && pluralize(sources.length, 'source'),
    approximations.length > 0 && `${approximations.length} approximated`,
  ].filter(Boolean);

  return (
    <section className="card plan-about" aria-labelledby="about-program-heading">
      <h2 className="section-title" id="about-program-heading">
        About this program
      </h2>
      <p className="plan-about__credit">
        {author ? (
          <>
            By <strong>{author}</strong>
          </>
        ) : (
          'Author not credited'
        )}
        {sourceUrl && (
          <>
            {' · '}
            <ExternalLink href={sourceUrl}>Original source</ExternalLink>{' '}
            <span className="plan-about__host">({hostOf(sourceUrl)})</span>
          </>
        )}
      </p>
      <dl className="plan-about__facts">
        {level && (
          <div className="plan-about__fact">
            <dt>Level</dt>
            <dd>{LEVEL_LABELS[level]}</dd>
          </div>
        )}
        {goal && (
          <div className="plan-about__fact">
            <dt>Goal</dt>
            <dd>{GOAL_LABELS[goal]}</dd>
          </div>
        )}
        <div className="plan-about__fact">
          <dt>Basis</dt>
          <dd>{basisDescription(plan)}</dd>
        </div>
      </dl>
      {hasMore && (
        <details className="plan-about__more">
          <summary>
            Sources and what is approximated
            {counts.length > 0 && <span className="muted"> ({counts.join(' · ')})</span>}
          </summary>
          <div className="plan-about__body stack">
            {recommendedRounding && (
              <p>
                The program's numbers are rounded {ROUNDING_WORDS[recommendedRounding]}.{' '}
                {recommendedRounding === rounding ? (
                  'So are yours.'
                ) : (
                  <>
                    Yours are rounded {ROUNDING_WORDS[rounding]}: <Link to={paths.settings}>change it in Settings</Link>
                    .
                  </>
                )}
              </p>
            )}
            {sources.length > 0 && (
              <div>
                <h3 className="subsection-title">Where the numbers come from</h3>
                <ul className="plan-about__sources">
                  {sources.map((source) => (
                    <li key={`${source.what}|${source.url}`}>
                      {source.what}{' '}
                      <span className="plan-about__host">
                        (<ExternalLink href={source.url}>{hostOf(source.url)}</ExternalLink>)
                      </span>
                      <span className="plan-about__verified">Verified: {source.verified}</span>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {approximations.length > 0 && (
              <div>
                <h3 className="subsection-title">What is approximated</h3>
                <ul className="plan-about__approximations">
                  {approximations.map((text) => (
                    <li key={text}>{text}</li>
                  ))}
                </ul>
              </div>
            )}
          </div>
        </details>
      )}
    </section>
  );
}

function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
      <span className="visually-hidden"> (opens in a new tab)</span>
    </a>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
