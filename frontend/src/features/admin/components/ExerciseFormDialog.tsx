import { useId, useState, type FormEvent } from 'react';
import type { CreateExerciseBody, ExerciseDto } from '@liftplan/domain';
import { Button } from '@/components/Button';
import { ErrorMessage } from '@/components/ErrorMessage';
import { TextField } from '@/components/TextField';
import { formErrorsFromApi, hasFormErrors, type FormErrors } from '@/lib/form-errors';
import { useFormErrors } from '@/lib/use-form-errors';
import { useCreateExercise, useUpdateExercise } from '../api/exercises-api';
import { slugify } from '../builder/builder-state';
import { adminErrorMessage } from './admin-errors';
import { Dialog } from '@/components/Dialog';

type Field = 'name' | 'slug' | 'muscleGroup' | 'category' | 'isUpperBody';
const FIELDS: readonly Field[] = ['name', 'slug', 'muscleGroup', 'category', 'isUpperBody'];
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

type Props = {
  /** Absent: create a new exercise. */
  exercise?: ExerciseDto;
  muscleGroups: string[];
  onDone: (exercise: ExerciseDto) => void;
  onCancel: () => void;
};

export function ExerciseFormDialog({ exercise, muscleGroups, onDone, onCancel }: Props) {
  const create = useCreateExercise();
  const update = useUpdateExercise();
  const { formRef, errors, show, clear, clearFieldErrorOnChange } = useFormErrors<Field>();
  const [name, setName] = useState(exercise?.name ?? '');
  const [slug, setSlug] = useState(exercise?.slug ?? '');
  const [slugTouched, setSlugTouched] = useState(exercise !== undefined);
  const formId = useId();
  const listId = useId();
  const isPending = create.isPending || update.isPending;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const body: CreateExerciseBody = {
      name: name.trim(),
      slug: slug.trim(),
      muscleGroup:
        String(data.get('muscleGroup') ?? '')
          .trim()
          .toLowerCase() || null,
      category: data.get('category') === 'isolation' ? 'isolation' : 'compound',
      isUpperBody: data.get('bodyPart') === 'upper',
    };
    const problems = validate(body);
    if (hasFormErrors(problems)) return show(problems);
    clear();
    const onError = (error: unknown) => {
      const mapped = formErrorsFromApi(error, FIELDS, { SLUG_TAKEN: 'slug' });
      show(mapped.form ? { ...mapped, form: adminErrorMessage(error) } : mapped);
    };
    if (exercise) update.mutate({ id: exercise.id, body }, { onSuccess: (result) => onDone(result.exercise), onError });
    else create.mutate(body, { onSuccess: (result) => onDone(result.exercise), onError });
  }

  return (
    <Dialog
      title={exercise ? `Edit ${exercise.name}` : 'New exercise'}
      onClose={onCancel}
      actions={
        <>
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" form={formId} isLoading={isPending}>
            {exercise ? 'Save exercise' : 'Create exercise'}
          </Button>
        </>
      }
    >
      <form
        ref={formRef}
        id={formId}
        className="form"
        noValidate
        onSubmit={handleSubmit}
        onChange={clearFieldErrorOnChange}
      >
        {errors.form && <ErrorMessage message={errors.form} />}
        <TextField
          label="Name"
          name="name"
          required
          maxLength={100}
          data-autofocus
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            if (!slugTouched) setSlug(slugify(event.target.value));
          }}
          error={errors.fields.name}
        />
        <TextField
          label="Slug"
          name="slug"
          required
          maxLength={80}
          value={slug}
          onChange={(event) => {
            setSlug(event.target.value);
            setSlugTouched(event.target.value !== '');
          }}
          hint="Its identifier: lowercase letters, digits and dashes."
          error={errors.fields.slug}
        />
        <TextField
          label="Muscle group"
          name="muscleGroup"
          maxLength={40}
          list={listId}
          defaultValue={exercise?.muscleGroup ?? ''}
          hint="Optional, e.g. chest, legs, back."
          error={errors.fields.muscleGroup}
        />
        <datalist id={listId}>
          {muscleGroups.map((group) => (
            <option key={group} value={group} />
          ))}
        </datalist>
        <div className="field">
          <label className="field__label" htmlFor={`${formId}-category`}>
            Category
          </label>
          <select
            id={`${formId}-category`}
            name="category"
            className="field__input"
            defaultValue={exercise?.category ?? 'compound'}
          >
            <option value="compound">Compound</option>
            <option value="isolation">Isolation</option>
          </select>
        </div>
        <fieldset className="field choice-group">
          <legend className="field__label">Body part (picks the upper or lower progression rules)</legend>
          <label className="choice">
            <input type="radio" name="bodyPart" value="upper" defaultChecked={exercise?.isUpperBody ?? false} /> Upper
            body
          </label>
          <label className="choice">
            <input type="radio" name="bodyPart" value="lower" defaultChecked={!(exercise?.isUpperBody ?? false)} />{' '}
            Lower body
          </label>
        </fieldset>
      </form>
    </Dialog>
  );
}

function validate(body: CreateExerciseBody): FormErrors<Field> {
  const fields: FormErrors<Field>['fields'] = {};
  if (!body.name) fields.name = 'Enter a name';
  if (body.slug.length < 2) fields.slug = 'Use at least 2 characters';
  else if (!SLUG.test(body.slug)) fields.slug = 'Use lowercase letters, digits and single dashes';
  return { fields };
}
