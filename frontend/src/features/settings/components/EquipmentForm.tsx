import type { UpdateMeBody, UserDto } from '@liftplan/domain';
import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/Button';
import { ErrorMessage } from '@/components/ErrorMessage';
import { TextField } from '@/components/TextField';
import { formatNumber } from '@/lib/format';
import { useFormErrors } from '@/lib/use-form-errors';
import { useUpdateMe } from '../api/settings-api';
import { parsePositiveWeight, settingsErrorsFromApi, sortPlates, STANDARD_PLATES } from './settings-model';
import { SavedNote } from './SavedNote';

type EquipmentField = 'weightIncrement' | 'rounding' | 'barWeight' | 'plates' | 'newPlate';
const API_FIELDS = ['weightIncrement', 'rounding', 'barWeight', 'plates'] as const;

const ROUNDING_OPTIONS: Array<{ value: UserDto['rounding']; label: string }> = [
  { value: 'nearest', label: 'Nearest' },
  { value: 'down', label: 'Down' },
];

/**
 * Rounding increment and direction, bar and plate inventory: what prescribed weights and the per-side plate
 * breakdown are worked out from.
 */
export function EquipmentForm({ user }: { user: UserDto }) {
  const unit = user.unitPreference;
  const update = useUpdateMe();
  const [saved, setSaved] = useState(false);
  const [increment, setIncrement] = useState(String(user.weightIncrement));
  const [rounding, setRounding] = useState<UserDto['rounding']>(user.rounding ?? 'nearest');
  const [bar, setBar] = useState(String(user.barWeight));
  const [available, setAvailable] = useState(() => sortPlates([...STANDARD_PLATES[unit], ...user.plates]));
  const [selected, setSelected] = useState(() => new Set(user.plates));
  const [newPlate, setNewPlate] = useState('');
  const { formRef, errors, show, clear, clearFieldErrorOnChange } = useFormErrors<EquipmentField>();
  const platesHintId = useId();
  const platesErrorId = useId();

  function togglePlate(plate: number) {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(plate)) next.delete(plate);
      else next.add(plate);
      return next;
    });
  }

  function addPlate() {
    const parsed = parsePositiveWeight(newPlate, { max: 100 });
    if ('error' in parsed) return show({ fields: { newPlate: parsed.error } });
    setAvailable((current) => sortPlates([...current, parsed.value]));
    setSelected((current) => new Set(current).add(parsed.value));
    setNewPlate('');
    clear();
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const fields: Partial<Record<EquipmentField, string>> = {};
    const inc = parsePositiveWeight(increment, { max: 50 });
    const barWeight = parsePositiveWeight(bar, { max: 100, allowZero: true });
    if ('error' in inc) fields.weightIncrement = inc.error;
    if ('error' in barWeight) fields.barWeight = barWeight.error;
    if (selected.size === 0) fields.plates = 'Choose at least one plate size';
    if (Object.keys(fields).length > 0 || !('value' in inc) || !('value' in barWeight)) return show({ fields });
    clear();

    const plates = sortPlates(selected);
    const body: UpdateMeBody = {};
    if (inc.value !== user.weightIncrement) body.weightIncrement = inc.value;
    if (rounding !== (user.rounding ?? 'nearest')) body.rounding = rounding;
    if (barWeight.value !== user.barWeight) body.barWeight = barWeight.value;
    if (plates.join() !== sortPlates(user.plates).join()) body.plates = plates;
    if (Object.keys(body).length === 0) return setSaved(true);
    update.mutate(body, {
      onSuccess: () => setSaved(true),
      onError: (error) => show(settingsErrorsFromApi(error, API_FIELDS)),
    });
  }

  return (
    <form
      ref={formRef}
      className="form card"
      noValidate
      onSubmit={handleSubmit}
      onChange={clearFieldErrorOnChange}
      aria-labelledby="equipment-title"
    >
      <h2 className="section-title" id="equipment-title">
        Equipment
      </h2>
      {errors.form && <ErrorMessage message={errors.form} />}
      <TextField
        label={`Weight increment (${unit})`}
        name="weightIncrement"
        inputMode="decimal"
        value={increment}
        onChange={(event) => setIncrement(event.target.value)}
        hint={`Prescribed weights are rounded to a multiple of this, e.g. ${unit === 'kg' ? '2.5, or 1 with microplates' : '5'}.`}
        error={errors.fields.weightIncrement}
      />
      <fieldset className="fieldset" aria-describedby="rounding-hint">
        <legend className="field__label">Rounding</legend>
        <div className="segmented">
          {ROUNDING_OPTIONS.map((option) => (
            <label key={option.value} className="segmented__option">
              <input
                type="radio"
                name="rounding"
                value={option.value}
                checked={rounding === option.value}
                onChange={() => setRounding(option.value)}
              />
              <span>{option.label}</span>
            </label>
          ))}
        </div>
        <p className="field__hint" id="rounding-hint">
          {rounding === 'down'
            ? 'Each weight goes down to a multiple of the increment: never above what the percentage says.'
            : 'Each weight goes to the nearest multiple of the increment (halves round up).'}
        </p>
      </fieldset>
      <TextField
        label={`Bar weight (${unit})`}
        name="barWeight"
        inputMode="decimal"
        value={bar}
        onChange={(event) => setBar(event.target.value)}
        error={errors.fields.barWeight}
      />
      <fieldset
        className="fieldset"
        aria-describedby={[platesHintId, errors.fields.plates && platesErrorId].filter(Boolean).join(' ')}
        aria-invalid={errors.fields.plates ? true : undefined}
        tabIndex={-1}
      >
        <legend className="field__label">Plates you have ({unit})</legend>
        <p className="field__hint" id={platesHintId}>
          Tap to switch a size on or off. The plate breakdown of each set only uses these.
        </p>
        <div className="chip-group">
          {available.map((plate) => (
            <label key={plate} className="chip chip--check">
              <input type="checkbox" name="plates" checked={selected.has(plate)} onChange={() => togglePlate(plate)} />
              <span>{formatNumber(plate)}</span>
            </label>
          ))}
        </div>
        {errors.fields.plates && (
          <p className="field__error" id={platesErrorId}>
            {errors.fields.plates}
          </p>
        )}
      </fieldset>
      <div className="add-plate">
        <TextField
          label={`Add a plate size (${unit})`}
          name="newPlate"
          inputMode="decimal"
          value={newPlate}
          onChange={(event) => setNewPlate(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              addPlate();
            }
          }}
          error={errors.fields.newPlate}
        />
        <Button variant="secondary" onClick={addPlate}>
          Add
        </Button>
      </div>
      <div className="form__actions">
        <Button type="submit" isLoading={update.isPending}>
          Save equipment
        </Button>
        <SavedNote saved={saved} />
      </div>
    </form>
  );
}
