import type { UserDto } from '@liftplan/domain';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/Button';
import { ErrorMessage } from '@/components/ErrorMessage';
import type { Unit } from '@/lib/format';
import { useUpdateMe } from '../api/settings-api';
import { SavedNote } from './SavedNote';

const UNITS: Array<{ value: Unit; label: string }> = [
  { value: 'kg', label: 'Kilograms (kg)' },
  { value: 'lb', label: 'Pounds (lb)' },
];

export function UnitForm({ user }: { user: UserDto }) {
  const update = useUpdateMe();
  const [unit, setUnit] = useState<Unit>(user.unitPreference);
  const [saved, setSaved] = useState(false);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    if (unit === user.unitPreference) return setSaved(true);
    update.mutate({ unitPreference: unit }, { onSuccess: () => setSaved(true) });
  }

  return (
    <form className="form card" onSubmit={handleSubmit} aria-labelledby="unit-title">
      <h2 className="section-title" id="unit-title">
        Unit
      </h2>
      {update.isError && <ErrorMessage title="The unit was not changed" message={update.error.message} />}
      <fieldset className="fieldset" aria-describedby="unit-explainer">
        <legend className="field__label">Weights are shown and entered in</legend>
        <div className="segmented">
          {UNITS.map((option) => (
            <label key={option.value} className="segmented__option">
              <input
                type="radio"
                name="unitPreference"
                value={option.value}
                checked={unit === option.value}
                onChange={() => setUnit(option.value)}
              />
              <span>{option.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <p className="field__hint" id="unit-explainer">
        Switching converts your training maxes once (100 kg becomes 220.46 lb) and switching back restores them exactly.
        Bar, increment and plates that are still at their defaults change to the new unit's defaults. Workouts you
        already logged keep the unit they were done in.
      </p>
      <div className="form__actions">
        <Button type="submit" variant="secondary" isLoading={update.isPending}>
          {unit === user.unitPreference ? 'Save unit' : `Switch to ${unit}`}
        </Button>
        <SavedNote saved={saved} />
      </div>
    </form>
  );
}
