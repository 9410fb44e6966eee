import type { FormEvent } from 'react';
import type { LoginBody, UserDto } from '@liftplan/domain';
import { Button } from '@/components/Button';
import { ErrorMessage } from '@/components/ErrorMessage';
import { TextField } from '@/components/TextField';
import { formErrorsFromApi, hasFormErrors, type FormErrors } from '@/lib/form-errors';
import { useFormErrors } from '@/lib/use-form-errors';
import { useLoginMutation } from '../api/use-auth-mutations';

type LoginField = keyof LoginBody;
const LOGIN_FIELDS: readonly LoginField[] = ['email', 'password'];

type LoginFormProps = { onSignedIn: (user: UserDto) => void };

export function LoginForm({ onSignedIn }: LoginFormProps) {
  const login = useLoginMutation();
  const { formRef, errors, show, clear, clearFieldErrorOnChange } = useFormErrors<LoginField>();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = readLoginValues(new FormData(event.currentTarget));
    const problems = validateLogin(values);
    if (hasFormErrors(problems)) return show(problems);

    clear();
    login.mutate(values, {
      onSuccess: ({ user }) => onSignedIn(user),
      onError: (error) => show(formErrorsFromApi(error, LOGIN_FIELDS)),
    });
  }

  return (
    <form ref={formRef} className="form" noValidate onSubmit={handleSubmit} onChange={clearFieldErrorOnChange}>
      {errors.form && <ErrorMessage message={errors.form} />}
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
        autoComplete="current-password"
        required
        maxLength={200}
        error={errors.fields.password}
      />
      <Button type="submit" fullWidth isLoading={login.isPending}>
        Sign in
      </Button>
    </form>
  );
}

function readLoginValues(data: FormData): LoginBody {
  return { email: String(data.get('email') ?? '').trim(), password: String(data.get('password') ?? '') };
}

function validateLogin({ email, password }: LoginBody): FormErrors<LoginField> {
  const fields: FormErrors<LoginField>['fields'] = {};
  if (!email) fields.email = 'Enter your email address';
  if (!password) fields.password = 'Enter your password';
  return { fields };
}
