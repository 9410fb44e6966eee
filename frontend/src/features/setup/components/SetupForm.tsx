import type { TrainingMaxesResponse } from '@liftplan/domain';
import { useId, useState, type FormEvent } from 'react';
import { Badge } from '@/components/Badge';
import { Button } from '@/components/Button';
import { ErrorMessage } from '@/components/ErrorMessage';
import { ApiError } from '@/lib/api-client';
import { formatPercent, formatWeight, type Unit } from '@/lib/format';
import { useFormErrors } from '@/lib/use-form-errors';
import { useSaveTrainingMaxes } from '../api/setup-api';
import {
  buildSubmission,
  convertForMode,
  fieldName,
  initialRows,
  parseWeight,
  resultingTm,
  serverErrorsByField,
  type EntryMode,
  type SetupRow,
} from './setup-form-model';

type SetupFormProps = { trainingMaxes: TrainingMaxesResponse; onSaved: () => void };

/** One input per TM the plan needs, each as a 1RM or a TM, in the lifter's unit. */
export function SetupForm({ trainingMaxes, onSaved }: SetupFormProps) {
  const unit = trainingMaxes.unit;
  const tmPercent = trainingMaxes.tmPercent;
  const [rows, setRows] = useState(() => initialRows(trainingMaxes));
  const save = useSaveTrainingMaxes();
  const { formRef, errors, show, clear, clearFieldErrorOnChange } = useFormErrors<string>();

  const update = (exerciseId: number, change: (row: SetupRow) => SetupRow) =>
    setRows((current) => current.map((row) => (row.exerciseId === exerciseId ? change(row) : row)));

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submission = buildSubmission(rows, unit, tmPercent);
    if (!submission.ok) return show({ fields: submission.errors });
    clear();
    if (submission.body === null) return onSaved();
    save.mutate(submission.body, {
      onSuccess: onSaved,
      onError: (error) => {
        const fields = error instanceof ApiError ? serverErrorsByField(error.fieldIssues, submission.fieldOfEntry) : {};
        const explained = Object.keys(fields).length > 0;
        show({ fields, form: explained ? undefined : error.message || 'Something went wrong. Please try again.' });
      },
    });
  }

  return (
    <form ref={formRef} className="form" noValidate onSubmit={handleSubmit} onChange={clearFieldErrorOnChange}>
      {errors.form && <ErrorMessage title="Your maxes were not saved" message={errors.form} />}
      {rows.map((row) => (
        <TmField
          key={row.exerciseId}
          row={row}
          unit={unit}
          tmPercent={tmPercent}
          error={errors.fields[fieldName(row.exerciseId)]}
          onModeChange={(mode) =>
            update(row.exerciseId, (r) => ({ ...r, mode, value: convertForMode(r.value, r.mode, mode, tmPercent) }))
          }
          onValueChange={(value) => update(row.exerciseId, (r) => ({ ...r, value }))}
        />
      ))}
      <Button type="submit" fullWidth isLoading={save.isPending}>
        Save training maxes
      </Button>
    </form>
  );
}

type TmFieldProps = {
  row: SetupRow;
  unit: Unit;
  /** The share of a 1RM the plan takes as the TM (0.85 → 85 %). */
  tmPercent: number;
  error?: string;
  onModeChange: (mode: EntryMode) => void;
  onValueChange: (value: string) => void;
};

function TmField({ row, unit, tmPercent, error, onModeChange, onValueChange }: TmFieldProps) {
  const id = useId();
  const inputId = `${id}-input`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const parsed = parseWeight(row.value);
  const label = row.mode === 'oneRepMax' ? 'One-rep max' : 'Training max';
  const hint =
    row.mode === 'oneRepMax'
      ? 'value' in parsed
        ? `Training max = ${formatWeight(resultingTm('oneRepMax', parsed.value, tmPercent), unit)}: ${formatPercent(tmPercent)} of your 1RM, as this plan prescribes`
        : `Your training max will be ${formatPercent(tmPercent)} of it, as this plan prescribes.`
      : row.currentTm !== null
        ? `Current: ${formatWeight(row.currentTm, unit)}`
        : 'Used as is for every percentage.';

  return (
    <fieldset className={`card tm-field${error ? ' field--invalid' : ''}`}>
      <legend className="tm-field__legend">
        <span className="tm-field__name">{row.name}</span>
        {row.missing && <Badge tone="warning">Needed</Badge>}
      </legend>
      <div className="segmented" role="radiogroup" aria-label={`Enter ${row.name} as`}>
        {(['oneRepMax', 'trainingMax'] as const).map((mode) => (
          <label key={mode} className="segmented__option">
            <input
              type="radio"
              name={`mode-${row.exerciseId}`}
              value={mode}
              checked={row.mode === mode}
              onChange={() => onModeChange(mode)}
            />
            <span>{mode === 'oneRepMax' ? '1RM' : 'Training max'}</span>
          </label>
        ))}
      </div>
      <div className="field">
        <label className="field__label" htmlFor={inputId}>
          {label} <span className="visually-hidden">for {row.name} </span>({unit})
        </label>
        <div className="input-with-unit">
          <input
            id={inputId}
            name={fieldName(row.exerciseId)}
            className="field__input"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            enterKeyHint="next"
            value={row.value}
            onChange={(event) => onValueChange(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={[hintId, error && errorId].filter(Boolean).join(' ')}
          />
          <span className="input-with-unit__unit" aria-hidden="true">
            {unit}
          </span>
        </div>
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
        {error && (
          <p className="field__error" id={errorId}>
            {error}
          </p>
        )}
      </div>
    </fieldset>
  );
}
