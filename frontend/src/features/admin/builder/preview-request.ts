/**
 * The live preview asks the API (POST /admin/plans/preview, which writes nothing) to prescribe every set exactly
 * as the engine will: the client never rounds or computes a weight. To preview while the plan is still being
 * built, the request carries only what is complete — exercise slots with a chosen exercise and valid sets, days
 * with at least one such slot, weeks with at least one such day — renumbered the way the API wants, and remembers
 * where each part came from.
 */
import type { PlanPreview, PlanPreviewBody, PlanSetInput, RoundingMode } from '@liftplan/domain';
import { setProblems } from './builder-errors';
import {
  parseDecimal,
  parseOffset,
  parsePercent,
  parseWholeNumber,
  percentToFraction,
  requiredTmExerciseIds,
  type PlanDraft,
  type PlanRequestBody,
  type SetRow,
  type Unit,
} from './builder-state';

export type PreviewSettings = {
  /** Sample TM per TM exercise id, as typed. */
  trainingMaxes: Record<number, string>;
  unit: Unit;
  /** Empty: the unit's default increment (2.5 kg / 5 lb). */
  increment: string;
  rounding: RoundingMode;
};

/** The preview body, with the plan in the shape the builder sends. */
export type PreviewBody = Omit<PlanPreviewBody, 'plan'> & { plan: PlanRequestBody };

type WeekBody = PlanRequestBody['weeks'][number];
type DayBody = WeekBody['days'][number];

export type PreviewOrigin = Array<{
  weekKey: string;
  days: Array<{ dayKey: string; slots: Array<{ slotKey: string; setKeys: string[] }> }>;
}>;

export type PreviewRequest = {
  body: PreviewBody;
  /** For each previewed week: the draft week's key, per previewed day its key, per slot the slot and set keys. */
  origin: PreviewOrigin;
};

/** A set as the preview sends it: only what changes a weight (progression flags depend on rules it doesn't send). */
function previewSet(set: SetRow, index: number): PlanSetInput {
  const percent = parsePercent(set.percent);
  const reps = parseWholeNumber(set.reps) ?? 1;
  const repsMax = parseWholeNumber(set.repsMax);
  const offset = parseOffset(set.offset);
  return {
    setOrder: index + 1,
    kind: set.kind,
    percentage: percent === null ? null : percentToFraction(percent),
    reps,
    repsMax: repsMax !== null && repsMax >= reps && repsMax <= 100 ? repsMax : null,
    incrementOffset: offset !== null && Math.abs(offset) <= 20 ? offset : 0,
    isAmrap: set.isAmrap,
    isProgression: false,
  };
}

const completeSet = (set: SetRow) => {
  const problems = setProblems(set, true);
  return !problems.percentage && !problems.reps;
};

export function buildPreviewRequest(draft: PlanDraft, settings: PreviewSettings): PreviewRequest | null {
  const origin: PreviewOrigin = [];
  const weeks: WeekBody[] = [];
  for (const week of draft.weeks) {
    const days: DayBody[] = [];
    const dayOrigins: PreviewOrigin[number]['days'] = [];
    for (const day of week.days) {
      const exercises: DayBody['exercises'] = [];
      const slots: PreviewOrigin[number]['days'][number]['slots'] = [];
      day.slots.forEach((slot) => {
        if (slot.exerciseId === null || slot.sets.length === 0 || slot.sets.length > 50) return;
        if (!slot.sets.every(completeSet)) return;
        exercises.push({
          exerciseId: slot.exerciseId,
          tmExerciseId: slot.tmExerciseId ?? slot.exerciseId,
          tier: slot.tier.trim().slice(0, 10) || '–',
          sortOrder: exercises.length + 1,
          displayName: null,
          restSeconds: null,
          sets: slot.sets.map(previewSet),
        });
        slots.push({ slotKey: slot.key, setKeys: slot.sets.map((set) => set.key) });
      });
      if (exercises.length === 0) continue;
      days.push({ dayNumber: days.length + 1, name: null, exercises });
      dayOrigins.push({ dayKey: day.key, slots });
    }
    if (days.length === 0) continue;
    weeks.push({ weekNumber: weeks.length + 1, name: null, isDeload: week.isDeload, days });
    origin.push({ weekKey: week.key, days: dayOrigins });
  }
  if (weeks.length === 0) return null;

  return {
    body: {
      plan: {
        // Header and rules don't change a weight; placeholders keep a half-filled header from blocking the preview.
        name: 'Preview',
        slug: 'preview',
        description: null,
        daysPerWeek: Math.max(...weeks.map((week) => week.days.length)),
        isPublic: false,
        cycleWeeks: weeks.length,
        cycles: null,
        tmPercent: 0.9,
        weeks,
        progressionRules: [],
      },
      ...weightSettings(draft, settings),
    },
    origin,
  };
}

/** Sample TMs (the ones typed that are usable), unit, increment and rounding: what preview and projection share. */
export function weightSettings(draft: PlanDraft, settings: PreviewSettings) {
  const sampleTrainingMaxes = requiredTmExerciseIds(draft).flatMap((exerciseId) => {
    const tm = parseDecimal(settings.trainingMaxes[exerciseId] ?? '');
    return tm !== null && tm > 0 && tm <= 9999.99 ? [{ exerciseId, trainingMax: Math.round(tm * 100) / 100 }] : [];
  });
  const increment = parseDecimal(settings.increment);
  return {
    sampleTrainingMaxes,
    unit: settings.unit,
    rounding: settings.rounding,
    ...(increment !== null &&
      increment > 0 &&
      increment <= 9999.99 && { increment: Math.round(increment * 100) / 100 }),
  };
}

/** The preview's weeks (a server that only answers `days` is read as one week). */
function previewWeeks(preview: PlanPreview): PlanPreview['weeks'] {
  return preview.weeks ?? [{ weekNumber: 1, name: null, isDeload: false, days: preview.days }];
}

/** The API's weight for each previewed set, by the draft's set key (null: no sample TM, or no percentage). */
export function weightsBySetKey(request: PreviewRequest, preview: PlanPreview): Record<string, number | null> {
  const weights: Record<string, number | null> = {};
  previewWeeks(preview).forEach((week, w) => {
    const weekOrigin = request.origin[w];
    week.days.forEach((day, d) => {
      const dayOrigin = weekOrigin?.days[d];
      day.exercises.forEach((exercise) => {
        const slotOrigin = dayOrigin?.slots[exercise.sortOrder - 1];
        exercise.sets.forEach((set) => {
          const setKey = slotOrigin?.setKeys[set.setOrder - 1];
          if (setKey) weights[setKey] = set.weight;
        });
      });
    });
  });
  return weights;
}

/** The previewed week for a draft week (by key), with where its days came from; undefined when nothing is complete. */
export function previewOfWeek(
  request: PreviewRequest,
  preview: PlanPreview,
  weekKey: string,
): { week: PlanPreview['weeks'][number]; origin: PreviewOrigin[number] } | undefined {
  const index = request.origin.findIndex((origin) => origin.weekKey === weekKey);
  const week = index === -1 ? undefined : previewWeeks(preview)[index];
  return week ? { week, origin: request.origin[index]! } : undefined;
}
