import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { PlanSummaryDto } from '@liftplan/domain';
import { Badge } from '@/components/Badge';
import { Button } from '@/components/Button';
import { EmptyState } from '@/components/EmptyState';
import { ErrorMessage } from '@/components/ErrorMessage';
import { QueryState } from '@/components/QueryState';
import { TextField } from '@/components/TextField';
import { ApiError } from '@/lib/api-client';
import { flashState } from '@/lib/flash';
import { formErrorsFromApi } from '@/lib/form-errors';
import { paths } from '@/lib/paths';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useFormErrors } from '@/lib/use-form-errors';
import { useAdminPlans, useDeletePlan, useDuplicatePlan, useSetPlanVisibility } from '../api/plans-api';
import { slugify } from '../builder/builder-state';
import { adminErrorMessage } from '../components/admin-errors';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { Dialog } from '@/components/Dialog';

export function AdminPlansPage() {
  useDocumentTitle('Plans · Admin');
  const plans = useAdminPlans();
  const [duplicating, setDuplicating] = useState<PlanSummaryDto | null>(null);
  const [deleting, setDeleting] = useState<PlanSummaryDto | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <div className="page admin-page">
      <div className="admin-page__header">
        <h1 className="page__title">Plans</h1>
        <Link className="button button--primary" to={paths.adminPlanNew}>
          New plan
        </Link>
      </div>
      {notice && (
        <p className="admin-notice" role="status">
          {notice}
        </p>
      )}

      <QueryState
        query={plans}
        loadingLabel="Loading plans…"
        errorTitle="We couldn't load the plans"
        errorMessage={adminErrorMessage}
      >
        {(planList) =>
          planList.length === 0 ? (
            <EmptyState
              title="No plans yet"
              description="Build the first plan: days, exercises and sets, with quick entry like 65x8, 75x6, 85x4x3, 65x8+."
              action={
                <Link className="button button--primary" to={paths.adminPlanNew}>
                  New plan
                </Link>
              }
            />
          ) : (
            <PlansTable plans={planList} onDuplicate={setDuplicating} onDelete={setDeleting} />
          )
        }
      </QueryState>

      {duplicating && (
        <DuplicatePlanDialog
          plan={duplicating}
          takenSlugs={(plans.data ?? []).map((p) => p.slug)}
          onCancel={() => setDuplicating(null)}
        />
      )}
      {deleting && (
        <DeletePlanDialog
          plan={deleting}
          onCancel={() => setDeleting(null)}
          onDone={(archived) => {
            setNotice(
              archived
                ? `“${deleting.name}” was archived rather than deleted: lifters used it before, so their history keeps it. It is hidden from lifters and from this list, and its slug is free again.`
                : `Deleted “${deleting.name}”.`,
            );
            setDeleting(null);
          }}
          onMadePrivate={() => {
            setNotice(`“${deleting.name}” is now private: the lifters on it keep it, nobody new can subscribe.`);
            setDeleting(null);
          }}
        />
      )}
    </div>
  );
}

function PlansTable({
  plans,
  onDuplicate,
  onDelete,
}: {
  plans: PlanSummaryDto[];
  onDuplicate: (plan: PlanSummaryDto) => void;
  onDelete: (plan: PlanSummaryDto) => void;
}) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Plan</th>
            <th scope="col">Visibility</th>
            <th scope="col" className="num">
              Version
            </th>
            <th scope="col" className="num">
              Days / week
            </th>
            <th scope="col" className="num">
              Active lifters
            </th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {plans.map((plan) => (
            <tr key={plan.id}>
              <th scope="row">
                <Link to={paths.adminPlanEdit(plan.id)}>{plan.name}</Link>
                <div className="muted">
                  <code>{plan.slug}</code>
                  {plan.cycleWeeks > 1 && ` · ${plan.cycleWeeks}-week cycle`}
                </div>
              </th>
              <td>
                <Badge tone={plan.isPublic ? 'success' : 'neutral'}>{plan.isPublic ? 'Public' : 'Private'}</Badge>
              </td>
              <td className="num">v{plan.version}</td>
              <td className="num">{plan.daysPerWeek}</td>
              <td className="num">{plan.activeSubscribers}</td>
              <td className="data-table__actions">
                <Link
                  className="button button--secondary"
                  to={paths.adminPlanEdit(plan.id)}
                  aria-label={`Edit ${plan.name}`}
                >
                  Edit
                </Link>
                <Button variant="secondary" onClick={() => onDuplicate(plan)} aria-label={`Duplicate ${plan.name}`}>
                  Duplicate
                </Button>
                <Button
                  variant="ghost"
                  className="button--danger-text"
                  onClick={() => onDelete(plan)}
                  aria-label={`Delete ${plan.name}`}
                >
                  Delete
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "Save as new plan": a copy under a new name and slug, private until the admin publishes it. */
export function DuplicatePlanDialog({
  plan,
  takenSlugs,
  onCancel,
}: {
  plan: Pick<PlanSummaryDto, 'id' | 'name' | 'slug'>;
  takenSlugs: string[];
  onCancel: () => void;
}) {
  const duplicate = useDuplicatePlan();
  const navigate = useNavigate();
  const formId = useId();
  const { formRef, errors, show } = useFormErrors<'name' | 'slug'>();
  const [name, setName] = useState(`${plan.name} (copy)`);
  const [slug, setSlug] = useState(() => freeSlug(`${plan.slug}-copy`, takenSlugs));
  const [slugTouched, setSlugTouched] = useState(false);
  const [isPublic, setIsPublic] = useState(false);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return show({ fields: { name: 'Enter a name' } });
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug.trim()))
      return show({ fields: { slug: 'Use lowercase letters, digits and single dashes' } });
    duplicate.mutate(
      { id: plan.id, name: name.trim(), slug: slug.trim(), isPublic },
      {
        onSuccess: ({ plan: copy }) =>
          navigate(paths.adminPlanEdit(copy.id), {
            state: flashState(`Created “${copy.name}”, a copy of “${plan.name}”.`, 'success'),
          }),
        onError: (error) => {
          const mapped = formErrorsFromApi(error, ['name', 'slug'] as const, { SLUG_TAKEN: 'slug' });
          show(mapped.form ? { ...mapped, form: adminErrorMessage(error) } : mapped);
        },
      },
    );
  }

  return (
    <Dialog
      title={`Duplicate ${plan.name}`}
      onClose={onCancel}
      actions={
        <>
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" form={formId} isLoading={duplicate.isPending}>
            Create copy
          </Button>
        </>
      }
    >
      <form ref={formRef} id={formId} className="form" noValidate onSubmit={handleSubmit}>
        {errors.form && <ErrorMessage message={errors.form} />}
        <p>The copy gets the same days, exercises, sets and progression rules, and no lifters.</p>
        <TextField
          label="Name of the copy"
          name="name"
          data-autofocus
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            if (!slugTouched) setSlug(freeSlug(slugify(event.target.value), takenSlugs));
          }}
          error={errors.fields.name}
        />
        <TextField
          label="Slug"
          name="slug"
          value={slug}
          onChange={(event) => {
            setSlug(event.target.value);
            setSlugTouched(true);
          }}
          error={errors.fields.slug}
        />
        <label className="choice">
          <input type="checkbox" checked={isPublic} onChange={(event) => setIsPublic(event.target.checked)} /> Public
          right away (lifters can subscribe)
        </label>
      </form>
    </Dialog>
  );
}

function DeletePlanDialog({
  plan,
  onCancel,
  onDone,
  onMadePrivate,
}: {
  plan: PlanSummaryDto;
  onCancel: () => void;
  onDone: (archived: boolean) => void;
  onMadePrivate: () => void;
}) {
  const deletion = useDeletePlan();
  const visibility = useSetPlanVisibility();
  const inUse = deletion.error instanceof ApiError && deletion.error.code === 'PLAN_IN_USE' ? deletion.error : null;
  const lifters = plan.activeSubscribers;
  return (
    <ConfirmDialog
      title={`Delete ${plan.name}?`}
      confirmLabel="Delete plan"
      danger
      isLoading={deletion.isPending}
      onConfirm={() => deletion.mutate(plan.id, { onSuccess: ({ archived }) => onDone(archived) })}
      onCancel={onCancel}
    >
      {lifters > 0 || inUse ? (
        <>
          <p>
            {lifters > 0 ? `${lifters} lifter${lifters === 1 ? ' is' : 's are'} on this plan right now, so it` : 'It'}{' '}
            can't be deleted until nobody is on it (lifters switch plans themselves).
            {plan.isPublic && ' Meanwhile you can make it private, so nobody new subscribes.'}
          </p>
          {plan.isPublic && (
            <Button
              variant="secondary"
              isLoading={visibility.isPending}
              onClick={() => visibility.mutate({ id: plan.id, isPublic: false }, { onSuccess: onMadePrivate })}
            >
              Make it private
            </Button>
          )}
        </>
      ) : (
        <p>
          A plan nobody ever used is deleted. One that lifters used before is archived instead: hidden everywhere, their
          history kept.
        </p>
      )}
      {inUse ? (
        <ErrorMessage message={inUse.message} />
      ) : deletion.isError ? (
        <ErrorMessage message={adminErrorMessage(deletion.error)} />
      ) : visibility.isError ? (
        <ErrorMessage message={adminErrorMessage(visibility.error)} />
      ) : null}
    </ConfirmDialog>
  );
}

/** `base`, or `base-2`, `base-3`… when taken. */
function freeSlug(base: string, taken: string[]): string {
  const slug = base.slice(0, 76) || 'plan-copy';
  if (!taken.includes(slug)) return slug;
  for (let n = 2; ; n++) if (!taken.includes(`${slug}-${n}`)) return `${slug}-${n}`;
}
