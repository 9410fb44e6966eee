import type { FormEvent } from 'react';
import { MAX_DISPLAY_NAME_LENGTH, type RegisterBody, type UserDto } from '@liftplan/domain';
import { Button } from '@/components/Button';
import { ErrorMessage } from '@/components/ErrorMessage';
import { TextField } from '@/components/TextField';
import { formErrorsFromApi, hasFormErrors, type FormErrors } from '@/lib/form-errors';
import { deviceTimeZone } from '@/lib/time-zone';
import { useFormErrors } from '@/lib/use-form-errors';
import { useRegisterMutation } from '../api/use-auth-mutations';

type RegisterField = keyof RegisterBody;
const REGISTER_FIELDS: readonly RegisterField[] = ['displayName', 'email', 'password'];

/** Mirrors the API's registerBody schema, so the common mistakes are caught before a round trip. */
const MIN_PASSWORD_LENGTH = 8;
const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+$/;

type RegisterFormProps = { onRegistered: (user: UserDto) => void };

export function RegisterForm({ onRegistered }: RegisterFormProps) {
  const registration = useRegisterMutation();
  const { formRef, errors, show, clear, clearFieldErrorOnChange } = useFormErrors<RegisterField>();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = readRegisterValues(new FormData(event.currentTarget));
    const problems = validateRegistration(values);
    if (hasFormErrors(problems)) return show(problems);

    clear();
    registration.mutate(values, {
      onSuccess: ({ user }) => onRegistered(user),
      onError: (error) => show(formErrorsFromApi(error, REGISTER_FIELDS, { EMAIL_TAKEN: 'email' })),
    });
  }

  return (
    <form ref={formRef} className="form" noValidate onSubmit={handleSubmit} onChange={clearFieldErrorOnChange}>
      {errors.form && <ErrorMessage message={errors.form} />}
      <TextField
        label="Your name"
        name="displayName"
        autoComplete="name"
        required
        hint={`At most ${MAX_DISPLAY_NAME_LENGTH} characters`}
        error={errors.fields.displayName}
      />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        maxLength={254}
        error={errors.fields.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        maxLength={200}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        error={errors.fields.password}
      />
      <Button type="submit" fullWidth isLoading={registration.isPending}>
        Create account
      </Button>
    </form>
  );
}

function readRegisterValues(data: FormData): RegisterBody {
  // The schedule's dates are the lifter's: this device's zone is the best first guess (changeable in Settings).
  const timeZone = deviceTimeZone();
  return {
    displayName: String(data.get('displayName') ?? '').trim(),
    email: String(data.get('email') ?? '').trim(),
    password: String(data.get('password') ?? ''),
    ...(timeZone ? { timeZone } : {}),
  };
}

function validateRegistration({ displayName, email, password }: RegisterBody): FormErrors<RegisterField> {
  const fields: FormErrors<RegisterField>['fields'] = {};
  if (!displayName) fields.displayName = 'Enter your name';
  // No maxLength on the field: a pasted long name would be cut silently; say so instead.
  else if (displayName.length > MAX_DISPLAY_NAME_LENGTH) {
    fields.displayName = `Use at most ${MAX_DISPLAY_NAME_LENGTH} characters (this one has ${displayName.length})`;
  }
  if (!LOOKS_LIKE_EMAIL.test(email)) fields.email = 'Enter a valid email address';
  if (password.length < MIN_PASSWORD_LENGTH) {
    fields.password = `Password must be at least ${MIN_PASSWORD_LENGTH} characters`;
  }
  return { fields };
}
