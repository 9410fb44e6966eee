import { MAX_DEFAULT_REST_SECONDS, type UserDto, type WarmupSetting } from '@liftplan/domain';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/Button';
import { ErrorMessage } from '@/components/ErrorMessage';
import { TextField } from '@/components/TextField';
import { useUpdateMe } from '../api/settings-api';
import { SavedNote } from './SavedNote';

const WARMUP_OPTIONS: Array<{ value: WarmupSetting; label: string; hint: string }> = [
  { value: 'off', label: 'Only the plan’s', hint: 'Warm-up sets appear only when the plan has them.' },
  {
    value: 'standard',
    label: 'Add warm-ups',
    hint: 'When a plan has none: 40 % × 5, 50 % × 5 and 60 % × 3 of the first work set of each main lift.',
  },
];

/** Warm-ups and the rest between sets when the plan gives none. */
export function TrainingPreferencesForm({ user }: { user: UserDto }) {
  const update = useUpdateMe();
  const [warmups, setWarmups] = useState<WarmupSetting>(user.warmups);
  const [rest, setRest] = useState(String(user.defaultRestSeconds));
  const [restError, setRestError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const seconds = Number(rest);
    if (!/^\d+$/.test(rest.trim()) || seconds > MAX_DEFAULT_REST_SECONDS) {
      setRestError(`Enter whole seconds from 0 to ${MAX_DEFAULT_REST_SECONDS}`);
      return;
    }
    setRestError(null);
    const body = {
      ...(warmups !== user.warmups ? { warmups } : {}),
      ...(seconds !== user.defaultRestSeconds ? { defaultRestSeconds: seconds } : {}),
    };
    if (Object.keys(body).length === 0) return setSaved(true);
    update.mutate(body, { onSuccess: () => setSaved(true) });
  }

  return (
    <form className="form card" onSubmit={handleSubmit} noValidate aria-labelledby="training-prefs-title">
      <h2 className="section-title" id="training-prefs-title">
        Workouts
      </h2>
      {update.isError && <ErrorMessage title="Not saved" message={update.error.message} />}
      <fieldset className="fieldset" aria-describedby="warmups-hint">
        <legend className="field__label">Warm-up sets</legend>
        <div className="segmented">
          {WARMUP_OPTIONS.map((option) => (
            <label key={option.value} className="segmented__option">
              <input
                type="radio"
                name="warmups"
                value={option.value}
                checked={warmups === option.value}
                onChange={() => setWarmups(option.value)}
              />
              <span>{option.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <p className="field__hint" id="warmups-hint">
        {WARMUP_OPTIONS.find((o) => o.value === warmups)!.hint} Warm-ups never move a training max; workouts already
        started keep their sets.
      </p>
      <TextField
        label="Rest between sets (seconds)"
        name="defaultRestSeconds"
        inputMode="numeric"
        value={rest}
        onChange={(e) => setRest(e.target.value)}
        hint="Used when the plan gives no rest for an exercise. 120 s is 2 minutes."
        error={restError ?? undefined}
      />
      <div className="form__actions">
        <Button type="submit" variant="secondary" isLoading={update.isPending}>
          Save workout settings
        </Button>
        <SavedNote saved={saved} />
      </div>
    </form>
  );
}
