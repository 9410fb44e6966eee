import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import type { PlanPreview, UserDto } from '@liftplan/domain';
import { adminKeys } from '../../api/admin-keys';
import { previewPlan } from '../../api/plans-api';
import { requiredTmExerciseIds, type PlanDraft } from '../../builder/builder-state';
import {
  buildPreviewRequest,
  weightsBySetKey,
  type PreviewRequest,
  type PreviewSettings,
} from '../../builder/preview-request';
import { useDebouncedValue } from '../../use-debounced-value';
import { adminErrorMessage } from '../admin-errors';

const DEFAULT_SAMPLE_TM = '100';

type AnsweredPreview = { json: string; request: PreviewRequest; preview: PlanPreview };
const PREVIEW_DEBOUNCE_MS = 350;

/**
 * The live preview: the draft (every week) and sample settings (TMs, unit, increment, rounding) go to the API once
 * typing pauses; its weights come back per set. The previous answer stays on screen (marked stale) while the next
 * one loads.
 */
export function usePlanPreview(draft: PlanDraft, user: UserDto) {
  const tmExerciseIds = useMemo(() => requiredTmExerciseIds(draft), [draft]);
  const [settings, setSettings] = useState<PreviewSettings>({
    trainingMaxes: {},
    unit: user.unitPreference,
    increment: String(user.weightIncrement),
    rounding: user.rounding ?? 'nearest',
  });
  const effectiveSettings = useMemo<PreviewSettings>(
    () => ({
      ...settings,
      trainingMaxes: Object.fromEntries(
        tmExerciseIds.map((id) => [id, settings.trainingMaxes[id] ?? DEFAULT_SAMPLE_TM]),
      ),
    }),
    [settings, tmExerciseIds],
  );
  const previewRequest = useMemo(() => buildPreviewRequest(draft, effectiveSettings), [draft, effectiveSettings]);
  const requestJson = previewRequest ? JSON.stringify(previewRequest.body) : null;
  // Recent requests by their JSON: the query runs the debounced one, with the origin map it was built with.
  // A cache filled while rendering (and read by `enabled` below), hence the ref access during render.
  /* eslint-disable react-hooks/refs */
  const requests = useRef(new Map<string, PreviewRequest>());
  if (previewRequest && requestJson) {
    requests.current.set(requestJson, previewRequest);
    if (requests.current.size > 30) requests.current.delete(requests.current.keys().next().value!);
  }
  const debouncedJson = useDebouncedValue(requestJson, PREVIEW_DEBOUNCE_MS);
  const preview = useQuery({
    queryKey: adminKeys.preview(debouncedJson ?? ''),
    queryFn: async ({ signal }): Promise<AnsweredPreview> => {
      const request = requests.current.get(debouncedJson!)!;
      return { json: debouncedJson!, request, preview: (await previewPlan(request.body, signal)).preview };
    },
    enabled: debouncedJson !== null && requests.current.has(debouncedJson),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 60_000,
  });
  // An answer is read through the newest request of its JSON: the same plan with new row keys (after a save, which
  // reloads the draft from the server, or a restore) must map onto today's keys, not the ones it was asked with.
  const answered = preview.data;
  const request = answered && (requests.current.get(answered.json) ?? answered.request);
  /* eslint-enable react-hooks/refs */
  const result = useMemo(
    () => (requestJson === null || !answered || !request ? undefined : { request, preview: answered.preview }),
    [requestJson, answered, request],
  );
  const weights = useMemo(() => (result ? weightsBySetKey(result.request, result.preview) : {}), [result]);

  return {
    tmExerciseIds,
    /** The settings with a sample TM (default 100) for every TM the draft needs. */
    settings: effectiveSettings,
    setSettings,
    /** The request the shown preview answers, and the answer; undefined when there is nothing to preview. */
    result,
    /** Weight per set key, for the set grids. */
    weights,
    isUpdating: requestJson !== null && (requestJson !== debouncedJson || preview.isFetching),
    error: preview.isError && requestJson === debouncedJson ? adminErrorMessage(preview.error) : null,
  };
}
