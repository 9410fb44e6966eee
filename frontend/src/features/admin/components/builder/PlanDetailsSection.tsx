import type { ChangeEvent } from 'react';
import { domIdOf } from '../../builder/builder-errors';
import { PLAN_LIMITS } from '@liftplan/domain';
import { dayCount, MAX_DAYS, slugify, type PlanDraft } from '../../builder/builder-state';
import { useBuilder } from './builder-context';
import { controlProps, FieldMessage } from './field-errors';

type Props = {
  draft: PlanDraft;
  /** A new number of days a week; fewer days than now may ask first. */
  onDayCountChange: (count: number) => void;
};

/**
 * The plan's header fields: name, slug (suggested from the name), days a week, the training max as a % of the 1RM,
 * visibility, description.
 */
export function PlanDetailsSection({ draft, onDayCountChange }: Props) {
  const { errors, act } = useBuilder();
  const invalidClass = (field: 'name' | 'slug' | 'description' | 'tmPercent') =>
    errors[field] ? ' field--invalid' : '';
  const togglePublic = (event: ChangeEvent<HTMLInputElement>) =>
    act({ type: 'setPublic', value: event.target.checked });

  return (
    <section className="builder-section" aria-labelledby="plan-heading">
      <h2 className="builder-section__title" id="plan-heading">
        Plan
      </h2>
      <div className="plan-header">
        <div className={`field plan-header__name${invalidClass('name')}`}>
          <label className="field__label" htmlFor={domIdOf('name')}>
            Name
          </label>
          <input
            {...controlProps(errors, 'name')}
            className="field__input"
            maxLength={100}
            value={draft.name}
            onChange={(event) =>
              act(
                { type: 'setHeader', field: 'name', value: event.target.value },
                draft.slugTouched ? 'name' : ['name', 'slug'],
              )
            }
          />
          <FieldMessage errors={errors} id="name" />
        </div>
        <div className={`field plan-header__slug${invalidClass('slug')}`}>
          <label className="field__label" htmlFor={domIdOf('slug')}>
            Slug
          </label>
          <input
            {...controlProps(errors, 'slug')}
            aria-describedby={[errors.slug && `${domIdOf('slug')}-error`, 'slug-hint'].filter(Boolean).join(' ')}
            className="field__input"
            maxLength={80}
            spellCheck={false}
            value={draft.slug}
            onChange={(event) => act({ type: 'setHeader', field: 'slug', value: event.target.value }, 'slug')}
            onBlur={() => {
              if (draft.slug && slugify(draft.slug) !== draft.slug)
                act({ type: 'setHeader', field: 'slug', value: slugify(draft.slug) }, 'slug');
            }}
          />
          <FieldMessage errors={errors} id="slug" />
          <p className="field__hint" id="slug-hint">
            {draft.slugTouched ? 'Its address and identifier.' : 'Suggested from the name.'}
          </p>
        </div>
        <div className="field plan-header__days">
          <label className="field__label" htmlFor={domIdOf('days')}>
            Days / week
          </label>
          <select
            {...controlProps(errors, 'days')}
            className="field__input"
            value={dayCount(draft)}
            onChange={(event) => onDayCountChange(Number(event.target.value))}
          >
            {Array.from({ length: MAX_DAYS }, (_, i) => (
              <option key={i + 1} value={i + 1}>
                {i + 1}
              </option>
            ))}
          </select>
          <FieldMessage errors={errors} id="days" />
        </div>
        <div className={`field plan-header__tm${invalidClass('tmPercent')}`}>
          <label className="field__label" htmlFor={domIdOf('tmPercent')}>
            Training max, % of 1RM
          </label>
          <div className="input-suffix">
            <input
              {...controlProps(errors, 'tmPercent')}
              aria-describedby={[errors.tmPercent && `${domIdOf('tmPercent')}-error`, 'tm-percent-hint']
                .filter(Boolean)
                .join(' ')}
              className="field__input"
              inputMode="decimal"
              autoComplete="off"
              value={draft.tmPercent}
              onChange={(event) => act({ type: 'setTmPercent', value: event.target.value }, 'tmPercent')}
            />
            <span className="input-suffix__unit" aria-hidden="true">
              %
            </span>
          </div>
          <FieldMessage errors={errors} id="tmPercent" />
          <p className="field__hint" id="tm-percent-hint">
            A 1RM entered at setup becomes this TM (50–100; 100 for 1RM-based plans).
          </p>
        </div>
        <div className="field plan-header__cycles">
          <label className="field__label" htmlFor="plan-cycles">
            Program length
          </label>
          <select
            id="plan-cycles"
            className="field__input"
            aria-describedby="plan-cycles-hint"
            value={draft.cycles ?? ''}
            onChange={(event) =>
              act({ type: 'setCycles', value: event.target.value === '' ? null : Number(event.target.value) })
            }
          >
            <option value="">Repeats</option>
            {Array.from({ length: PLAN_LIMITS.maxCycles }, (_, i) => (
              <option key={i + 1} value={i + 1}>
                {i + 1} {i === 0 ? 'cycle' : 'cycles'}
              </option>
            ))}
          </select>
          <p className="field__hint" id="plan-cycles-hint">
            A finite program (Smolov Jr: 1 cycle) ends after its last session; one that repeats runs until the lifter
            stops.
          </p>
        </div>
        <label className="choice plan-header__public">
          <input type="checkbox" checked={draft.isPublic} onChange={togglePublic} /> Public (lifters can find and
          subscribe)
        </label>
        <div className={`field plan-header__description${invalidClass('description')}`}>
          <label className="field__label" htmlFor={domIdOf('description')}>
            Description <span className="muted">(optional)</span>
          </label>
          <textarea
            {...controlProps(errors, 'description')}
            className="field__input"
            rows={2}
            maxLength={2000}
            value={draft.description}
            onChange={(event) =>
              act({ type: 'setHeader', field: 'description', value: event.target.value }, 'description')
            }
          />
          <FieldMessage errors={errors} id="description" />
        </div>
      </div>
    </section>
  );
}
