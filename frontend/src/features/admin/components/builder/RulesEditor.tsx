import { memo, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { domIdOf, fieldId, findRuleOverlaps, overlapMessage } from '../../builder/builder-errors';
import type { RuleKind, RuleRow, RuleScope, RuleUnit } from '../../builder/builder-state';
import { RULE_KIND_ORDER } from '../../builder/builder-state';
import { useBuilder } from './builder-context';
import { controlProps, FieldMessage } from './field-errors';

type RuleField = 'minReps' | 'maxReps' | 'increase' | 'maxSteps' | 'failures' | 'factor';
type Column = { field: RuleField | 'unit'; header: string; label: string };

/** Per kind: its title, what it does, its own columns, and the label of its add button. */
const KINDS: Record<RuleKind, { title: string; description: string; add: string; columns: Column[] }> = {
  amrap_table: {
    title: 'AMRAP table',
    description:
      'After each workout, the progression set’s reps pick the row and the training max rises by its increase. Ranges are inclusive; no matching row, no change.',
    add: '+ AMRAP table rule',
    columns: [
      { field: 'minReps', header: 'Min reps', label: 'min reps' },
      { field: 'maxReps', header: 'Max reps', label: 'max reps' },
      { field: 'increase', header: 'Increase', label: 'increase' },
      { field: 'unit', header: 'Unit', label: 'unit' },
    ],
  },
  reps_over_target: {
    title: 'Reps over target',
    description:
      'After each workout, the training max rises by the increase for every rep the progression set beat its prescribed reps by (at most “max steps” of them).',
    add: '+ Reps over target',
    columns: [
      { field: 'increase', header: 'Increase per rep', label: 'increase' },
      { field: 'unit', header: 'Unit', label: 'unit' },
      { field: 'maxSteps', header: 'Max steps', label: 'max steps' },
    ],
  },
  cycle_increment: {
    title: 'Cycle increase',
    description:
      'When a lifter finishes a cycle, every training max that cycle trained rises by the increase: kg, lb, or % of the TM.',
    add: '+ Cycle increase',
    columns: [
      { field: 'increase', header: 'Increase', label: 'increase' },
      { field: 'unit', header: 'Unit', label: 'unit' },
    ],
  },
  stall_reset: {
    title: 'Stall reset',
    description:
      'After this many misses in a row (the progression set short of its reps), the training max is multiplied by the factor (0.9 = −10 %). It replaces any other change of that workout.',
    add: '+ Stall reset',
    columns: [
      { field: 'failures', header: 'Misses in a row', label: 'failures' },
      { field: 'factor', header: 'Factor', label: 'factor' },
    ],
  },
};

const PLACEHOLDERS: Partial<Record<RuleField, string>> = { maxSteps: 'no limit', factor: '0.9' };
const INPUT_MODES: Record<RuleField, 'numeric' | 'decimal'> = {
  minReps: 'numeric',
  maxReps: 'numeric',
  increase: 'decimal',
  maxSteps: 'numeric',
  failures: 'numeric',
  factor: 'decimal',
};

/**
 * Progression rules, one table per kind: an AMRAP table by reps, an increase per rep over target, an increase per
 * finished cycle, and a reset after repeated misses. Within a kind, an exercise's own rule wins over the upper/lower
 * rule of its body part. Overlapping AMRAP ranges in one scope are flagged as they are typed (the API refuses them).
 */
export const RulesEditor = memo(function RulesEditor({ rules }: { rules: RuleRow[] }) {
  const { errors, act } = useBuilder();
  const overlaps = useMemo(() => findRuleOverlaps(rules), [rules]);
  const focusNewRule = useRef<RuleKind | null>(null);

  // A new rule: straight to its first empty field (for a table row continuing the previous one, its max reps).
  useEffect(() => {
    const kind = focusNewRule.current;
    if (!kind) return;
    focusNewRule.current = null;
    const last = rules.filter((rule) => rule.kind === kind).at(-1);
    if (!last) return;
    const empty = KINDS[kind].columns.find((column) => column.field !== 'unit' && last[column.field] === '');
    const field =
      last.scope === 'exercise' && last.exerciseId === null
        ? 'exerciseId'
        : (empty?.field ?? KINDS[kind].columns[0]!.field);
    document.getElementById(domIdOf(fieldId('rule', last.key, field)))?.focus();
  }, [rules]);

  const add = (kind: RuleKind) => {
    focusNewRule.current = kind;
    act({ type: 'addRule', kind }, 'progressionRules');
  };

  return (
    <section className="builder-section" aria-labelledby="rules-heading">
      <h2 className="builder-section__title" id="rules-heading">
        Progression rules
      </h2>
      <p className="muted">
        How training maxes move. Only progression sets count (deload weeks never do); within a kind, an exercise’s own
        rule wins over the upper- or lower-body rule.
      </p>
      <FieldMessage errors={errors} id="progressionRules" focusable />
      {RULE_KIND_ORDER.map((kind) => {
        const ofKind = rules.filter((rule) => rule.kind === kind);
        if (ofKind.length === 0) return null;
        return (
          <section key={kind} className="rules-kind" aria-labelledby={`rules-${kind}`}>
            <h3 className="rules-kind__title" id={`rules-${kind}`}>
              {KINDS[kind].title}
            </h3>
            <p className="muted rules-kind__description">{KINDS[kind].description}</p>
            <div className="table-scroll">
              <table className="rules-table">
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">Applies to</th>
                    {KINDS[kind].columns.map((column) => (
                      <th scope="col" key={column.field}>
                        {column.header}
                      </th>
                    ))}
                    <th scope="col">
                      <span className="visually-hidden">Remove</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {ofKind.map((rule) => {
                    const index = rules.indexOf(rule);
                    return (
                      <RuleRowEditor
                        key={rule.key}
                        rule={rule}
                        index={index}
                        overlap={overlaps.get(rule.key)}
                        rules={rules}
                      />
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
      {rules.length === 0 && <p className="muted">No rules: training maxes never rise on their own.</p>}
      <div className="button-row rules-add">
        {RULE_KIND_ORDER.map((kind) => (
          <button key={kind} type="button" className="button button--secondary" onClick={() => add(kind)}>
            {KINDS[kind].add}
          </button>
        ))}
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
  const update = (patch: Partial<Omit<RuleRow, 'key' | 'kind'>>, field: string) =>
    act({ type: 'updateRule', ruleKey: rule.key, patch }, id(field));
  const overlapText = overlap ? overlapMessage(rules, overlap) : null;

  const cells: ReactNode[] = KINDS[rule.kind].columns.map((column) => {
    if (column.field === 'unit') {
      return (
        <td key="unit" data-label="Unit">
          <select
            {...controlProps(errors, id('unit'))}
            className="field__input"
            aria-label={`Rule ${n} unit`}
            value={rule.unit}
            onChange={(event) => update({ unit: event.target.value as RuleUnit }, 'unit')}
          >
            <option value="kg">kg</option>
            <option value="lb">lb</option>
            {rule.kind === 'cycle_increment' && <option value="percent">% of TM</option>}
          </select>
          <FieldMessage errors={errors} id={id('unit')} />
        </td>
      );
    }
    const field = column.field;
    const fieldError = errors[id(field)];
    // The overlap of an AMRAP range is shown once, under "applies to"; both reps fields are marked.
    const overlapsHere = overlapText !== null && (field === 'minReps' || field === 'maxReps');
    return (
      <td key={field} data-label={column.header}>
        <input
          {...controlProps(errors, id(field))}
          aria-describedby={
            [fieldError && `${domIdOf(id(field))}-error`, overlapsHere && `${domIdOf(id(''))}-overlap`]
              .filter(Boolean)
              .join(' ') || undefined
          }
          aria-invalid={fieldError || overlapsHere ? true : undefined}
          className="field__input set-grid__number"
          inputMode={INPUT_MODES[field]}
          autoComplete="off"
          aria-label={`Rule ${n} ${column.label}`}
          placeholder={PLACEHOLDERS[field]}
          value={rule[field]}
          onChange={(event) => update({ [field]: event.target.value }, field)}
        />
        {fieldError !== undefined && fieldError !== overlapText && <FieldMessage errors={errors} id={id(field)} />}
      </td>
    );
  });

  return (
    <tr className={overlap ? 'rules-table__row--overlap' : undefined}>
      <th scope="row">
        {n}
        <FieldMessage errors={errors} id={id('')} focusable />
      </th>
      <td data-label="Applies to">
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
      {cells}
      <td className="rules-table__remove">
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
