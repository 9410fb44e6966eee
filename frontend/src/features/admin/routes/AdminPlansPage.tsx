import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { PlanSummaryDto } from '@liftplan/domain';
import { Button } from '@/components/Button';
import { Dialog } from '@/components/Dialog';
import { EmptyState } from '@/components/EmptyState';
import { ErrorMessage } from '@/components/ErrorMessage';
import { QueryState } from '@/components/QueryState';
import { TextField } from '@/components/TextField';
import { flashState } from '@/lib/flash';
import { formErrorsFromApi } from '@/lib/form-errors';
import { paths } from '@/lib/paths';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useFormErrors } from '@/lib/use-form-errors';
import { downloadPlanFile, useAdminPlans, useDuplicatePlan, useRestorePlan } from '../api/plans-api';
import { slugify } from '../builder/builder-state';
import { adminErrorMessage } from '../components/admin-errors';
import { ImportErrors, ImportPlan, type ImportProblem } from '../components/plan-list/ImportPlan';
import { ArchivePlanDialog, DeletePlanDialog, UpgradeOfferDialog } from '../components/plan-list/PlanListDialogs';
import { PlansTable, type PlanAction } from '../components/plan-list/PlansTable';
import { STATUS_FILTERS, statusFilterOf, type StatusFilter } from '../components/plan-list/plan-status';

export function AdminPlansPage() {
  useDocumentTitle('Plans · Admin');
  const [searchParams] = useSearchParams();
  const filter = statusFilterOf(searchParams.get('status'));
  const plans = useAdminPlans(filter === 'current' ? undefined : filter);
  const navigate = useNavigate();
  const [open, setOpen] = useState<{
    action: 'duplicate' | 'archive' | 'delete' | 'offer';
    plan: PlanSummaryDto;
  } | null>(null);
  const [notice, setNotice] = useState<{ text: string; isError?: boolean } | null>(null);
  const [importProblem, setImportProblem] = useState<ImportProblem | null>(null);
  const restore = useRestorePlan();
  const [exportingId, setExportingId] = useState<number | null>(null);
  const close = () => setOpen(null);
  const done = (text: string) => {
    setNotice({ text });
    setOpen(null);
  };

  async function exportPlan(plan: PlanSummaryDto) {
    setExportingId(plan.id);
    try {
      await downloadPlanFile(plan);
    } catch (error) {
      setNotice({ text: `“${plan.name}” wasn’t exported: ${adminErrorMessage(error)}`, isError: true });
    } finally {
      setExportingId(null);
    }
  }

  function handleAction(action: PlanAction, plan: PlanSummaryDto) {
    setNotice(null);
    if (action === 'export') void exportPlan(plan);
    else if (action === 'restore')
      restore.mutate(plan.id, {
        onSuccess: () => setNotice({ text: `Restored “${plan.name}”: lifters can find it again.` }),
        onError: (error) => setNotice({ text: adminErrorMessage(error), isError: true }),
      });
    else setOpen({ action, plan });
  }

  return (
    <div className="page admin-page">
      <div className="admin-page__header">
        <h1 className="page__title">Plans</h1>
        <div className="button-row">
          <ImportPlan
            onProblem={setImportProblem}
            onImported={(plan) =>
              navigate(paths.adminPlanEdit(plan.id), {
                state: flashState(
                  `Imported “${plan.name}” as a draft: lifters don’t see it until you publish it.`,
                  'success',
                ),
              })
            }
          />
          <Link className="button button--primary" to={paths.adminPlanNew}>
            New plan
          </Link>
        </div>
      </div>
      {importProblem && <ImportErrors problem={importProblem} />}
      {notice &&
        (notice.isError ? (
          <ErrorMessage message={notice.text} />
        ) : (
          <p className="admin-notice" role="status">
            {notice.text}
          </p>
        ))}
      <StatusTabs current={filter} />

      <QueryState
        query={plans}
        loadingLabel="Loading plans…"
        errorTitle="We couldn't load the plans"
        errorMessage={adminErrorMessage}
      >
        {(planList) =>
          planList.length === 0 ? (
            <NoPlans filter={filter} />
          ) : (
            <PlansTable plans={planList} onAction={handleAction} exportingId={exportingId} />
          )
        }
      </QueryState>

      {open?.action === 'duplicate' && (
        <DuplicatePlanDialog plan={open.plan} takenSlugs={(plans.data ?? []).map((p) => p.slug)} onCancel={close} />
      )}
      {open?.action === 'archive' && <ArchivePlanDialog plan={open.plan} onCancel={close} onDone={done} />}
      {open?.action === 'delete' && <DeletePlanDialog plan={open.plan} onCancel={close} onDone={done} />}
      {open?.action === 'offer' && <UpgradeOfferDialog plan={open.plan} onCancel={close} onDone={done} />}
    </div>
  );
}

/** Drafts / Published / Archived, as links (the filter is in the address, so Back and reload keep it). */
function StatusTabs({ current }: { current: StatusFilter }) {
  return (
    <nav className="status-tabs" aria-label="Plans by status">
      {STATUS_FILTERS.map(({ value, label }) => (
        <Link
          key={value}
          className="status-tabs__tab"
          to={value === 'current' ? paths.adminPlans : `${paths.adminPlans}?status=${value}`}
          aria-current={value === current ? 'page' : undefined}
        >
          {label}
        </Link>
      ))}
    </nav>
  );
}

function NoPlans({ filter }: { filter: StatusFilter }) {
  if (filter !== 'current') {
    const what = { draft: 'drafts', published: 'published plans', archived: 'archived plans' }[filter];
    return <EmptyState title={`No ${what}`} description="Plans with this status show up here." />;
  }
  return (
    <EmptyState
      title="No plans yet"
      description="Build the first plan: days, exercises and sets, with quick entry like 65x8, 75x6, 85x4x3, 65x8+."
      action={
        <Link className="button button--primary" to={paths.adminPlanNew}>
          New plan
        </Link>
      }
    />
  );
}

/** "Duplicate": a copy under a new name and slug, as a draft (lifters see it once the admin publishes it). */
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
            state: flashState(`Created “${copy.name}”, a copy of “${plan.name}”, as a draft.`, 'success'),
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
          once published (lifters can find and subscribe)
        </label>
      </form>
    </Dialog>
  );
}

/** `base`, or `base-2`, `base-3`… when taken. */
function freeSlug(base: string, taken: string[]): string {
  const slug = base.slice(0, 76) || 'plan-copy';
  if (!taken.includes(slug)) return slug;
  for (let n = 2; ; n++) if (!taken.includes(`${slug}-${n}`)) return `${slug}-${n}`;
}
