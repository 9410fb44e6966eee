/**
 * The live preview asks the API (POST /admin/plans/preview, which writes nothing) to prescribe every set exactly
 * as the engine will: the client never rounds or computes a weight. To preview while the plan is still being
 * built, the request carries only what is complete — exercise slots with a chosen exercise and valid sets, days
 * with at least one such slot — renumbered the way the API wants, and remembers where each part came from.
 */
import type { PlanPreview, PlanPreviewBody } from '@liftplan/domain';
import { setProblems } from './builder-errors';
import { parseDecimal, requiredTmExerciseIds, setToBody, type PlanDraft, type Unit } from './builder-state';

export type PreviewSettings = {
  /** Sample TM per TM exercise id, as typed. */
  trainingMaxes: Record<number, string>;
  unit: Unit;
  /** Empty: the unit's default increment (2.5 kg / 5 lb). */
  increment: string;
};

export type PreviewRequest = {
  body: PlanPreviewBody;
  /** For each previewed day: the draft day's key, and per previewed slot the slot key and its set keys. */
  origin: Array<{ dayKey: string; slots: Array<{ slotKey: string; setKeys: string[] }> }>;
};

export function buildPreviewRequest(draft: PlanDraft, settings: PreviewSettings): PreviewRequest | null {
  const origin: PreviewRequest['origin'] = [];
  const days: PlanPreviewBody['plan']['days'] = [];
  for (const day of draft.days) {
    const exercises: PlanPreviewBody['plan']['days'][number]['exercises'] = [];
    const slots: PreviewRequest['origin'][number]['slots'] = [];
    day.slots.forEach((slot) => {
      if (slot.exerciseId === null || slot.sets.length === 0 || slot.sets.length > 50) return;
      if (slot.sets.some((set) => setProblems(set).percentage || setProblems(set).reps)) return;
      exercises.push({
        exerciseId: slot.exerciseId,
        tmExerciseId: slot.tmExerciseId ?? slot.exerciseId,
        tier: slot.tier.trim().slice(0, 10) || '–',
        sortOrder: exercises.length + 1,
        displayName: null,
        sets: slot.sets.map((set, i) => setToBody(set, i)),
      });
      slots.push({ slotKey: slot.key, setKeys: slot.sets.map((set) => set.key) });
    });
    if (exercises.length === 0) continue;
    days.push({ dayNumber: days.length + 1, name: null, exercises });
    origin.push({ dayKey: day.key, slots });
  }
  if (days.length === 0) return null;

  const sampleTrainingMaxes = requiredTmExerciseIds(draft).flatMap((exerciseId) => {
    const tm = parseDecimal(settings.trainingMaxes[exerciseId] ?? '');
    return tm !== null && tm > 0 && tm <= 9999.99 ? [{ exerciseId, trainingMax: Math.round(tm * 100) / 100 }] : [];
  });
  const increment = parseDecimal(settings.increment);
  return {
    body: {
      plan: {
        // Header and rules don't change a weight; placeholders keep a half-filled header from blocking the preview.
        name: 'Preview',
        slug: 'preview',
        description: null,
        daysPerWeek: days.length,
        isPublic: false,
        days,
        progressionRules: [],
      },
      sampleTrainingMaxes,
      unit: settings.unit,
      ...(increment !== null &&
        increment > 0 &&
        increment <= 9999.99 && { increment: Math.round(increment * 100) / 100 }),
    },
    origin,
  };
}

/** The API's weight for each previewed set, by the draft's set key (null: no sample TM for its TM exercise). */
export function weightsBySetKey(request: PreviewRequest, preview: PlanPreview): Record<string, number | null> {
  const weights: Record<string, number | null> = {};
  preview.days.forEach((day, d) => {
    const dayOrigin = request.origin[d];
    day.exercises.forEach((exercise) => {
      const slotOrigin = dayOrigin?.slots[exercise.sortOrder - 1];
      exercise.sets.forEach((set) => {
        const setKey = slotOrigin?.setKeys[set.setOrder - 1];
        if (setKey) weights[setKey] = set.weight;
      });
    });
  });
  return weights;
}
