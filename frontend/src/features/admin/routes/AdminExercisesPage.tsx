import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { ExerciseDto, ExerciseUsage, ListExercisesQuery } from '@liftplan/domain';
import { Button } from '@/components/Button';
import { EmptyState } from '@/components/EmptyState';
import { ErrorMessage } from '@/components/ErrorMessage';
import { QueryState } from '@/components/QueryState';
import { ApiError } from '@/lib/api-client';
import { capitalize } from '@/lib/format';
import { paths } from '@/lib/paths';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useAllExercises, useDeleteExercise, useExercises } from '../api/exercises-api';
import { adminErrorMessage } from '../components/admin-errors';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { ExerciseFormDialog } from '../components/ExerciseFormDialog';
import { useDebouncedValue } from '../use-debounced-value';

type Editing = { mode: 'create' } | { mode: 'edit'; exercise: ExerciseDto } | null;

export function AdminExercisesPage() {
  useDocumentTitle('Exercise library');
  const [search, setSearch] = useState('');
  const [category, setCategory] = useState<ListExercisesQuery['category'] | ''>('');
  const [muscleGroup, setMuscleGroup] = useState('');
  const [bodyPart, setBodyPart] = useState<ListExercisesQuery['bodyPart'] | ''>('');
  const debouncedSearch = useDebouncedValue(search.trim(), 250);
  const filters: ListExercisesQuery = {
    ...(debouncedSearch && { search: debouncedSearch }),
    ...(category && { category }),
    ...(muscleGroup && { muscleGroup }),
    ...(bodyPart && { bodyPart }),
  };
  const exercises = useExercises(filters);
  const all = useAllExercises();
  const muscleGroups = useMemo(
    () => [...new Set((all.data ?? []).map((e) => e.muscleGroup).filter((g): g is string => Boolean(g)))].sort(),
    [all.data],
  );
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<ExerciseDto | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const isFiltered = Object.keys(filters).length > 0;

  return (
    <div className="page admin-page">
      <div className="admin-page__header">
        <h1 className="page__title">Exercise library</h1>
        <Button onClick={() => setEditing({ mode: 'create' })}>New exercise</Button>
      </div>
      {notice && (
        <p className="admin-notice" role="status">
          {notice}
        </p>
      )}

      <form
        className="filters"
        role="search"
        aria-label="Filter exercises"
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="field filters__search">
          <label className="field__label" htmlFor="exercise-search">
            Search
          </label>
          <input
            id="exercise-search"
            className="field__input"
            type="search"
            placeholder="Name or slug"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="exercise-category">
            Category
          </label>
          <select
            id="exercise-category"
            className="field__input"
            value={category}
            onChange={(event) => setCategory(event.target.value as typeof category)}
          >
            <option value="">All</option>
            <option value="compound">Compound</option>
            <option value="isolation">Isolation</option>
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="exercise-muscle">
            Muscle group
          </label>
          <select
            id="exercise-muscle"
            className="field__input"
            value={muscleGroup}
            onChange={(event) => setMuscleGroup(event.target.value)}
          >
            <option value="">All</option>
            {muscleGroups.map((group) => (
              <option key={group} value={group}>
                {capitalize(group)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="exercise-body">
            Upper / lower
          </label>
          <select
            id="exercise-body"
            className="field__input"
            value={bodyPart}
            onChange={(event) => setBodyPart(event.target.value as typeof bodyPart)}
          >
            <option value="">Both</option>
            <option value="upper">Upper body</option>
            <option value="lower">Lower body</option>
          </select>
        </div>
      </form>

      <QueryState
        query={exercises}
        loadingLabel="Loading exercises…"
        errorTitle="We couldn't load the exercises"
        errorMessage={adminErrorMessage}
      >
        {(exerciseList) =>
          exerciseList.length === 0 ? (
            <EmptyState
              title={isFiltered ? 'No exercise matches' : 'No exercises yet'}
              description={isFiltered ? 'Try another search or filter.' : 'Add the lifts your plans use.'}
            />
          ) : (
            <ExercisesTable
              exercises={exerciseList}
              isRefreshing={exercises.isPlaceholderData}
              onEdit={(exercise) => setEditing({ mode: 'edit', exercise })}
              onDelete={setDeleting}
            />
          )
        }
      </QueryState>

      {editing && (
        <ExerciseFormDialog
          exercise={editing.mode === 'edit' ? editing.exercise : undefined}
          muscleGroups={muscleGroups}
          onCancel={() => setEditing(null)}
          onDone={(saved) => {
            setNotice(editing.mode === 'edit' ? `Saved ${saved.name}.` : `Created ${saved.name}.`);
            setEditing(null);
          }}
        />
      )}
      {deleting && (
        <DeleteExerciseDialog
          exercise={deleting}
          onCancel={() => setDeleting(null)}
          onDeleted={() => {
            setNotice(`Deleted ${deleting.name}.`);
            setDeleting(null);
          }}
        />
      )}
    </div>
  );
}

type ExercisesTableProps = {
  exercises: ExerciseDto[];
  isRefreshing: boolean;
  onEdit: (exercise: ExerciseDto) => void;
  onDelete: (exercise: ExerciseDto) => void;
};

function ExercisesTable({ exercises, isRefreshing, onEdit, onDelete }: ExercisesTableProps) {
  return (
    <div className="table-scroll" aria-busy={isRefreshing || undefined}>
      <table className="data-table">
        <caption className="visually-hidden">
          {exercises.length} exercise{exercises.length === 1 ? '' : 's'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Slug</th>
            <th scope="col">Muscle group</th>
            <th scope="col">Category</th>
            <th scope="col">Upper / lower</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {exercises.map((exercise) => (
            <tr key={exercise.id}>
              <th scope="row">{exercise.name}</th>
              <td>
                <code>{exercise.slug}</code>
              </td>
              <td>{exercise.muscleGroup ? capitalize(exercise.muscleGroup) : '—'}</td>
              <td>{capitalize(exercise.category)}</td>
              <td>{exercise.isUpperBody ? 'Upper' : 'Lower'}</td>
              <td className="data-table__actions">
                <Button variant="secondary" onClick={() => onEdit(exercise)} aria-label={`Edit ${exercise.name}`}>
                  Edit
                </Button>
                <Button
                  variant="ghost"
                  className="button--danger-text"
                  onClick={() => onDelete(exercise)}
                  aria-label={`Delete ${exercise.name}`}
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

function DeleteExerciseDialog({
  exercise,
  onCancel,
  onDeleted,
}: {
  exercise: ExerciseDto;
  onCancel: () => void;
  onDeleted: () => void;
}) {
  const deletion = useDeleteExercise();
  const usage =
    deletion.error instanceof ApiError && deletion.error.code === 'EXERCISE_IN_USE'
      ? asUsage(deletion.error.details)
      : null;

  if (usage) {
    return (
      <ConfirmDialog
        title={`${exercise.name} is still in use`}
        confirmLabel="Try again"
        cancelLabel="Close"
        isLoading={deletion.isPending}
        onConfirm={() => deletion.mutate(exercise.id, { onSuccess: onDeleted })}
        onCancel={onCancel}
      >
        <div role="alert" className="usage">
          <p>It can't be deleted while anything refers to it:</p>
          <ul>
            {usage.plans.length > 0 && (
              <li>
                {usage.plans.length === 1 ? 'the plan ' : `${usage.plans.length} plans: `}
                {usage.plans.map((plan, i) => (
                  <span key={plan.id}>
                    {i > 0 && ', '}
                    <Link to={paths.adminPlanEdit(plan.id)}>{plan.name}</Link>
                  </span>
                ))}
              </li>
            )}
            {usage.trainingMaxes > 0 && <li>{plural(usage.trainingMaxes, 'training max record')} of lifters</li>}
            {usage.workoutSets > 0 && <li>{plural(usage.workoutSets, 'logged workout set')}</li>}
          </ul>
          <p>
            {usage.plans.length > 0 && 'Take it out of those plans first. '}
            {usage.trainingMaxes + usage.workoutSets > 0 &&
              'Lifters’ training maxes and logged sets keep it for their history.'}
          </p>
        </div>
      </ConfirmDialog>
    );
  }

  return (
    <ConfirmDialog
      title={`Delete ${exercise.name}?`}
      confirmLabel="Delete exercise"
      danger
      isLoading={deletion.isPending}
      onConfirm={() => deletion.mutate(exercise.id, { onSuccess: onDeleted })}
      onCancel={onCancel}
    >
      <p>It disappears from the library. Exercises used by a plan, a training max or a logged set can't be deleted.</p>
      {deletion.isError && <ErrorMessage message={adminErrorMessage(deletion.error)} />}
    </ConfirmDialog>
  );
}

function asUsage(details: unknown): ExerciseUsage | null {
  if (typeof details !== 'object' || details === null) return null;
  const { plans, trainingMaxes, workoutSets } = details as Partial<ExerciseUsage>;
  return {
    plans: Array.isArray(plans) ? plans : [],
    trainingMaxes: typeof trainingMaxes === 'number' ? trainingMaxes : 0,
    workoutSets: typeof workoutSets === 'number' ? workoutSets : 0,
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
