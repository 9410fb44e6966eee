import { MAX_DISPLAY_NAME_LENGTH, type UserDto } from '@liftplan/domain';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/Button';
import { ErrorMessage } from '@/components/ErrorMessage';
import { TextField } from '@/components/TextField';
import { useFormErrors } from '@/lib/use-form-errors';
import { useUpdateMe } from '../api/settings-api';
import { settingsErrorsFromApi } from './settings-model';
import { SavedNote } from './SavedNote';

export function ProfileForm({ user }: { user: UserDto }) {
  const update = useUpdateMe();
  const [saved, setSaved] = useState(false);
  const { formRef, errors, show, clear, clearFieldErrorOnChange } = useFormErrors<'displayName'>();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const displayName = String(new FormData(event.currentTarget).get('displayName') ?? '').trim();
    if (!displayName) return show({ fields: { displayName: 'Enter your name' } });
    if (displayName.length > MAX_DISPLAY_NAME_LENGTH) {
      return show({
        fields: {
          displayName: `Use at most ${MAX_DISPLAY_NAME_LENGTH} characters (this one has ${displayName.length})`,
        },
      });
    }
    clear();
    if (displayName === user.displayName) return setSaved(true);
    update.mutate(
      { displayName },
      { onSuccess: () => setSaved(true), onError: (error) => show(settingsErrorsFromApi(error, ['displayName'])) },
    );
  }

  return (
    <form
      ref={formRef}
      className="form card"
      noValidate
      onSubmit={handleSubmit}
      onChange={clearFieldErrorOnChange}
      aria-labelledby="profile-title"
    >
      <h2 className="section-title" id="profile-title">
        Profile
      </h2>
      {errors.form && <ErrorMessage message={errors.form} />}
      <TextField
        label="Display name"
        name="displayName"
        autoComplete="name"
        defaultValue={user.displayName}
        error={errors.fields.displayName}
      />
      <div className="form__actions">
        <Button type="submit" variant="secondary" isLoading={update.isPending}>
          Save name
        </Button>
        <SavedNote saved={saved} />
      </div>
    </form>
  );
}
