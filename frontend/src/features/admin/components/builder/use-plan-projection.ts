import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { ProjectionResponse } from '@liftplan/domain';
import { ApiError } from '@/lib/api-client';
import { projectDraftPlan } from '../../api/plans-api';
import { describeField, mapApiIssues, validateStructure } from '../../builder/builder-errors';
import { draftToPlanBody, parseOffset, parseWholeNumber, type PlanDraft } from '../../builder/builder-state';
import type { PreviewSettings } from '../../builder/preview-request';
import { buildProjectionBody, defaultProjectionWeeks, type ProjectionBody } from '../../builder/projection';
import { adminErrorMessage } from '../admin-errors';

const EXTRA_REPS_MIN = -20;
const EXTRA_REPS_MAX = 50;

/**
 * "Project N weeks": the horizon (default two cycles, until the admin types one) and the AMRAP extra reps; Project
 * sends the draft with the preview's sample TMs. The last answer stays with a note once the draft or the settings
 * move on.
 */
export function usePlanProjection(draft: PlanDraft, settings: PreviewSettings, nameOf: (id: number) => string) {
  const [weeksText, setWeeksText] = useState<string | null>(null);
  const [extraText, setExtraText] = useState('0');
  const [problem, setProblem] = useState<{ message: string; inPlan: boolean } | null>(null);
  const [answered, setAnswered] = useState<{ json: string; response: ProjectionResponse } | null>(null);
  const mutation = useMutation({ mutationFn: (body: ProjectionBody) => projectDraftPlan(body) });

  const weeksShown = weeksText ?? String(defaultProjectionWeeks(draft.weeks.length));
  const weeks = parseWholeNumber(weeksShown);
  const weeksError = weeks === null || weeks < 1 || weeks > 52 ? 'Enter 1 to 52 weeks' : null;
  const extra = parseOffset(extraText);
  const extraError =
    extra === null || extra < EXTRA_REPS_MIN || extra > EXTRA_REPS_MAX
      ? `Enter ${EXTRA_REPS_MIN} to ${EXTRA_REPS_MAX} (negative: a miss)`
      : null;

  const body = useMemo(
    () =>
      weeks !== null && extra !== null
        ? buildProjectionBody(draftToPlanBody(draft), draft, settings, weeks, extra)
        : null,
    [draft, settings, weeks, extra],
  );
  const json = useMemo(() => (body ? JSON.stringify(body) : null), [body]);

  function project() {
    if (!body || !json || weeksError || extraError) return;
    const errors = validateStructure(draft);
    const count = Object.keys(errors).length;
    if (count > 0) {
      setProblem({ message: `The plan has ${count} problem${count === 1 ? '' : 's'} to fix first.`, inPlan: true });
      return;
    }
    setProblem(null);
    mutation.mutate(body, {
      onSuccess: (response) => setAnswered({ json, response }),
      onError: (error) => {
        if (error instanceof ApiError && error.fieldIssues.length > 0) {
          const { fields, unmapped } = mapApiIssues(draft, error.fieldIssues);
          const described = Object.entries(fields).map(
            ([id, message]) => `${describeField(draft, id, nameOf)}: ${message}`,
          );
          setProblem({ message: [error.message, ...described, ...unmapped].slice(0, 6).join(' — '), inPlan: false });
        } else setProblem({ message: adminErrorMessage(error), inPlan: false });
      },
    });
  }

  return {
    weeksText: weeksShown,
    setWeeksText,
    weeks,
    weeksError,
    extraText,
    setExtraText,
    extraError,
    project,
    isProjecting: mutation.isPending,
    /** Why nothing (new) is shown: the plan's own problems (`inPlan`: Save can point at them), or the API's refusal. */
    problem,
    response: answered?.response ?? null,
    /** The shown answer is for an earlier draft or other settings. */
    isStale: answered !== null && answered.json !== json,
  };
}

export type PlanProjection = ReturnType<typeof usePlanProjection>;
