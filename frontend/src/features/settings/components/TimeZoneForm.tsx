import type { UserDto } from '@liftplan/domain';
import { useMemo, useState, type FormEvent } from 'react';
import { Button } from '@/components/Button';
import { ErrorMessage } from '@/components/ErrorMessage';
import { deviceTimeZone, timeZoneChoices } from '@/lib/time-zone';
import { useUpdateMe } from '../api/settings-api';
import { SavedNote } from './SavedNote';

/** The zone the lifter's dates are computed in: today, missed days, when a program ends. */
export function TimeZoneForm({ user }: { user: UserDto }) {
  const update = useUpdateMe();
  const [zone, setZone] = useState(user.timeZone);
  const [saved, setSaved] = useState(false);
  const device = deviceTimeZone();
  const zones = useMemo(() => timeZoneChoices(user.timeZone, device), [user.timeZone, device]);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    if (zone === user.timeZone) return setSaved(true);
    update.mutate({ timeZone: zone }, { onSuccess: () => setSaved(true) });
  }

  return (
    <form className="form card" onSubmit={handleSubmit} aria-labelledby="time-zone-title">
      <h2 className="section-title" id="time-zone-title">
        Time zone
      </h2>
      {update.isError && <ErrorMessage title="The time zone was not changed" message={update.error.message} />}
      <div className="field">
        <label className="field__label" htmlFor="time-zone">
          Your time zone
        </label>
        <select
          id="time-zone"
          className="field__input"
          value={zone}
          aria-describedby="time-zone-hint"
          onChange={(event) => setZone(event.target.value)}
        >
          {zones.map((name) => (
            <option key={name} value={name}>
              {name.replaceAll('_', ' ')}
            </option>
          ))}
        </select>
        <p className="field__hint" id="time-zone-hint">
          Your schedule's dates are in this zone: which day is today, which days were missed, when a program ends.
        </p>
      </div>
      <div className="form__actions">
        <Button type="submit" variant="secondary" isLoading={update.isPending}>
          Save time zone
        </Button>
        {device && device !== zone && (
          <Button variant="ghost" onClick={() => setZone(device)}>
            Use this device's ({device.replaceAll('_', ' ')})
          </Button>
        )}
        <SavedNote saved={saved} />
      </div>
    </form>
  );
}
