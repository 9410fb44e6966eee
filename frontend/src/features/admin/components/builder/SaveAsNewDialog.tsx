import { useId, useState, type FormEvent } from 'react';
import type { PlanDetailDto } from '@liftplan/domain';
import { Button } from '@/components/Button';
import { Dialog } from '@/components/Dialog';
import { ErrorMessage } from '@/components/ErrorMessage';
import { TextField } from '@/components/TextField';
import { ApiError } from '@/lib/api-client';
import { useSaveDraft } from '../../api/plans-api';
import { validateDraft } from '../../builder/builder-errors';
import { draftToPlanBody, slugify, type PlanDraft } from '../../builder/builder-state';
import { adminErrorMessage } from '../admin-errors';

type Props = {
  draft: PlanDraft;
  onCancel: () => void;
  onCreated: (plan: PlanDetailDto) => void;
  /** The API refused the plan's content (not just the name or slug): the builder shows those problems. */
  onStructureErrors: (error: unknown, sent: PlanDraft) => void;
};

/** Creates a separate plan from what is on screen, under a new name and slug; the edited plan stays as saved. */
export function SaveAsNewDialog({ draft, onCancel, onCreated, onStructureErrors }: Props) {
  const save = useSaveDraft();
  const formId = useId();
  const [name, setName] = useState(`${draft.name.trim()} (copy)`);
  const [slug, setSlug] = useState(slugify(`${draft.slug}-copy`));
  const [errors, setErrors] = useState<{ name?: string; slug?: string; form?: string }>({});
  const invalidDraft = Object.keys(validateDraft({ ...draft, name: name || 'x', slug: slug || 'xx' })).length > 0;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const sent = { ...draft, name, slug };
    save.mutate(
      { id: null, body: draftToPlanBody(sent) },
      {
        onSuccess: ({ plan }) => onCreated(plan),
        onError: (error) => {
          const fields = error instanceof ApiError ? error.fieldErrors() : {};
          const issues = error instanceof ApiError ? error.fieldIssues : [];
          if (issues.length > 0 && issues.every((issue) => issue.path === 'name' || issue.path === 'slug')) {
            setErrors({ name: fields.name, slug: fields.slug });
          } else if (issues.length > 0) {
            onStructureErrors(error, sent);
          } else {
            setErrors({ form: adminErrorMessage(error) });
          }
        },
      },
    );
  }

  return (
    <Dialog
      title="Save as a new plan"
      onClose={onCancel}
      actions={
        <>
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" form={formId} isLoading={save.isPending} disabled={invalidDraft}>
            Create the new plan
          </Button>
        </>
      }
    >
      <form id={formId} className="form" noValidate onSubmit={handleSubmit}>
        {errors.form && <ErrorMessage message={errors.form} />}
        {invalidDraft && <ErrorMessage message="Fix the problems in the plan first (Save shows them)." />}
        <p>
          Creates a separate plan (a draft) from what is on screen, with no lifters. The plan you are editing stays as
          it was last saved.
        </p>
        <TextField
          label="Name"
          name="name"
          data-autofocus
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={errors.name}
        />
        <TextField
          label="Slug"
          name="slug"
          value={slug}
          onChange={(event) => setSlug(event.target.value)}
          error={errors.slug}
        />
      </form>
    </Dialog>
  );
}
