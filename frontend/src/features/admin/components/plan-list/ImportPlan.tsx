import { useRef, type ChangeEvent } from 'react';
import type { PlanDetailDto } from '@liftplan/domain';
import { Button } from '@/components/Button';
import { ApiError } from '@/lib/api-client';
import { useImportPlan } from '../../api/plans-api';
import { adminErrorMessage } from '../admin-errors';

export type ImportProblem = { message: string; issues: Array<{ path: string; message: string }> };

type Props = {
  onImported: (plan: PlanDetailDto) => void;
  /** What went wrong with the chosen file (null: a new file was chosen). */
  onProblem: (problem: ImportProblem | null) => void;
};

/** "Import…": a program file (`liftplan-program/1`, as Export saves it) becomes a new draft plan. */
export function ImportPlan({ onImported, onProblem: setProblem }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const importPlan = useImportPlan();

  async function handleFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = ''; // choosing the same file again (after fixing it) fires again
    if (!file) return;
    setProblem(null);
    const content = parseJson(await file.text());
    if (content === undefined) {
      setProblem({ message: `${file.name} is not a JSON file.`, issues: [] });
      return;
    }
    importPlan.mutate(content, {
      onSuccess: ({ plan }) => onImported(plan),
      onError: (error) => setProblem(importProblem(error)),
    });
  }

  return (
    <>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Program file to import"
        onChange={(event) => void handleFile(event)}
      />
      <Button variant="secondary" isLoading={importPlan.isPending} onClick={() => input.current?.click()}>
        Import…
      </Button>
    </>
  );
}

/** The server's reasons, each with its path in the file (`plan.weeks.0.days.1.exercises.1.exercise`). */
export function ImportErrors({ problem }: { problem: ImportProblem }) {
  return (
    <div className="error-message import-plan__errors" role="alert">
      <p className="error-message__title">The file wasn’t imported</p>
      <p>{problem.message}</p>
      {problem.issues.length > 0 && (
        <ul className="import-plan__issues">
          {problem.issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              <code>{issue.path}</code>: {issue.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function importProblem(error: unknown): ImportProblem {
  const issues = error instanceof ApiError ? error.fieldIssues : [];
  return { message: adminErrorMessage(error), issues };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
