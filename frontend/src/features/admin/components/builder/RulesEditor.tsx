import { memo, useEffect, useMemo, useRef } from 'react';
import { domIdOf, fieldId, findRuleOverlaps, overlapMessage } from '../../builder/builder-errors';
import type { RuleRow, RuleScope, Unit } from '../../builder/builder-state';
import { useBuilder } from './builder-context';
import { controlProps, FieldMessage } from './field-errors';

/**
 * Progression rules: TM increase by the reps of a progression AMRAP set. An exercise's own rule wins over the
 * upper/lower rule of its body part; no matching rule means no increase. Overlapping ranges in one scope are
 * flagged as they are typed (the API refuses them).
 */
export const RulesEditor = memo(function RulesEditor({ rules }: { rules: RuleRow[] }) {
  const { errors, act } = useBuilder();
  const overlaps = useMemo(() => findRuleOverlaps(rules), [rules]);
  const focusNewRule = useRef(false);

  // A new rule: straight to its first empty number (min reps, or max reps when min continues the previous rule).
  useEffect(() => {
    if (!focusNewRule.current) return;
    focusNewRule.current = false;
    const last = rules.at(-1);
    if (last)
      document.getElementById(domIdOf(fieldId('rule', last.key, last.minReps === '' ? 'minReps' : 'maxReps')))?.focus();
  }, [rules]);

  return (
    <section className="builder-section" aria-labelledby="rules-heading">
      <h2 className="builder-section__title" id="rules-heading">
        Progression rules
      </h2>
      <p className="muted">
        After a progression AMRAP set, the training max rises by the rule matching the reps done: the exercise’s own
        rule if there is one, else the upper- or lower-body rule. Ranges are inclusive; no matching rule means no
        increase.
      </p>
      <FieldMessage errors={errors} id="progressionRules" focusable />
      {rules.length > 0 && (
        <div className="table-scroll">
          <table className="rules-table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Applies to</th>
                <th scope="col">Min reps</th>
                <th scope="col">Max reps</th>
                <th scope="col">Increase</th>
                <th scope="col">Unit</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rules.map((rule, i) => (
                <RuleRowEditor key={rule.key} rule={rule} index={i} overlap={overlaps.get(rule.key)} rules={rules} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            focusNewRule.current = true;
            act({ type: 'addRule' }, 'progressionRules');
          }}
        >
          + Add rule
        </button>
        <button
          type="button"
          className="button button--ghost"
          onClick={() => act({ type: 'addStandardRules' }, 'progressionRules')}
        >
          Add the standard upper/lower table
        </button>
      </div>
      {rules.length > 0 && (
        <span className="visually-hidden" aria-live="polite">
          {overlaps.size > 0 ? `${overlaps.size} rules overlap` : ''}
        </span>
      )}
      {rules.length === 0 && <p className="muted">No rules: training maxes never rise on their own.</p>}
    </section>
  );
});

function RuleRowEditor({
  rule,
  index,
  overlap,
  rules,
}: {
  rule: RuleRow;
  index: number;
  overlap: number[] | undefined;
  rules: RuleRow[];
}) {
  const { errors, exercises, act, remove } = useBuilder();
  const n = index + 1;
  const id = (field: string) => fieldId('rule', rule.key, field);
  const update = (patch: Partial<Omit<RuleRow, 'key'>>, field: string) =>
    act({ type: 'updateRule', ruleKey: rule.key, patch }, id(field));
  const overlapText = overlap ? overlapMessage(rules, overlap) : null;
  const minError = errors[id('minReps')];

  return (
    <tr className={overlap ? 'rules-table__row--overlap' : undefined}>
      <th scope="row">
        {n}
        <FieldMessage errors={errors} id={id('')} focusable />
      </th>
      <td>
        <div className="rules-table__scope">
          <select
            {...controlProps(errors, id('category'))}
            className="field__input"
            aria-label={`Rule ${n} applies to`}
            value={rule.scope}
            onChange={(event) => update({ scope: event.target.value as RuleScope }, 'category')}
          >
            <option value="upper">Upper body</option>
            <option value="lower">Lower body</option>
            <option value="exercise">One exercise…</option>
          </select>
          {rule.scope === 'exercise' && (
            <select
              {...controlProps(errors, id('exerciseId'))}
              className="field__input"
              aria-label={`Rule ${n} exercise`}
              value={rule.exerciseId ?? ''}
              onChange={(event) =>
                update({ exerciseId: event.target.value ? Number(event.target.value) : null }, 'exerciseId')
              }
            >
              <option value="">Choose…</option>
              {exercises.map((exercise) => (
                <option key={exercise.id} value={exercise.id}>
                  {exercise.name}
                </option>
              ))}
            </select>
          )}
        </div>
        <FieldMessage errors={errors} id={id('category')} />
        <FieldMessage errors={errors} id={id('exerciseId')} />
        {overlapText && (
          <p className="rules-table__overlap" id={`${domIdOf(id(''))}-overlap`}>
            ⚠ {overlapText}
          </p>
        )}
      </td>
      <td>
        <input
          {...controlProps(errors, id('minReps'))}
          aria-describedby={
            [minError && `${domIdOf(id('minReps'))}-error`, overlapText && `${domIdOf(id(''))}-overlap`]
              .filter(Boolean)
              .join(' ') || undefined
          }
          aria-invalid={minError || overlapText ? true : undefined}
          className="field__input set-grid__number"
          inputMode="numeric"
          aria-label={`Rule ${n} min reps`}
          value={rule.minReps}
          onChange={(event) => update({ minReps: event.target.value }, 'minReps')}
        />
        {minError !== undefined && minError !== overlapText && <FieldMessage errors={errors} id={id('minReps')} />}
      </td>
      <td>
        <input
          {...controlProps(errors, id('maxReps'))}
          aria-invalid={errors[id('maxReps')] || overlapText ? true : undefined}
          className="field__input set-grid__number"
          inputMode="numeric"
          aria-label={`Rule ${n} max reps`}
          value={rule.maxReps}
          onChange={(event) => update({ maxReps: event.target.value }, 'maxReps')}
        />
        <FieldMessage errors={errors} id={id('maxReps')} />
      </td>
      <td>
        <input
          {...controlProps(errors, id('increase'))}
          className="field__input set-grid__number"
          inputMode="decimal"
          aria-label={`Rule ${n} increase`}
          value={rule.increase}
          onChange={(event) => update({ increase: event.target.value }, 'increase')}
        />
        <FieldMessage errors={errors} id={id('increase')} />
      </td>
      <td>
        <select
          {...controlProps(errors, id('unit'))}
          className="field__input"
          aria-label={`Rule ${n} unit`}
          value={rule.unit}
          onChange={(event) => update({ unit: event.target.value as Unit }, 'unit')}
        >
          <option value="kg">kg</option>
          <option value="lb">lb</option>
        </select>
      </td>
      <td>
        <button
          type="button"
          className="icon-button icon-button--danger"
          aria-label={`Remove rule ${n}`}
          onClick={() => remove({ type: 'removeRule', ruleKey: rule.key }, `Removed rule ${n}`)}
        >
          ✕
        </button>
      </td>
    </tr>
  );
}
