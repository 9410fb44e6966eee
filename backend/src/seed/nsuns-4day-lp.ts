import { highestPercentageAmrap, parseQuickEntry, STANDARD_AMRAP_RULES } from '@liftplan/domain';

/**
 * nSuns 5/3/1 LP, 4-day version, as published: T1 9 sets and T2 8 sets per day; the variants (sumo deadlift,
 * close-grip bench, front squat) run off the main lifts' TMs. The progression set of each day is the highest-%
 * AMRAP of the T1 lift (the 95 % 1+ set; on day 1, whose only AMRAP is 65 % 8+, that one), as the legacy upgrade
 * also marks it. Built-in plans are seed data: see docs/ARCHITECTURE.md (Built-in plans).
 */
type SlotSeed = {
  exercise: string;
  tmExercise?: string;
  tier: 'T1' | 'T2';
  displayName: string | null;
  scheme: string;
};
type DaySeed = { dayNumber: number; name: string; slots: SlotSeed[] };

export const NSUNS_SLUG = 'nsuns-4day-lp';

export const NSUNS_HEADER = {
  name: 'nSuns 4-Day LP',
  slug: NSUNS_SLUG,
  description:
    'Linear progression program by /u/nSuns (5/3/1 LP, 4-day version). High-volume T1 and T2 work four days a week; training maxes rise every week from the T1 AMRAP sets.',
  daysPerWeek: 4,
  isPublic: true,
};

export const NSUNS_DAYS: DaySeed[] = [
  {
    dayNumber: 1,
    name: 'Bench Volume + OHP',
    slots: [
      {
        exercise: 'bench-press',
        tier: 'T1',
        displayName: 'Bench Volume',
        scheme: '65x8, 75x6, 85x4x3, 80x5, 75x6, 70x7, 65x8+',
      },
      { exercise: 'ohp', tier: 'T2', displayName: null, scheme: '50x6, 60x5, 70x3, 70x5, 70x7, 70x4, 70x6, 70x8' },
    ],
  },
  {
    dayNumber: 2,
    name: 'Squat + Sumo Deadlift',
    slots: [
      {
        exercise: 'squat',
        tier: 'T1',
        displayName: null,
        scheme: '75x5, 85x3, 95x1+, 90x3, 85x3, 80x3, 75x5, 70x5, 65x5+',
      },
      {
        exercise: 'sumo-deadlift',
        tmExercise: 'deadlift',
        tier: 'T2',
        displayName: null,
        scheme: '50x5, 60x5, 70x3, 70x5, 70x7, 70x4, 70x6, 70x8',
      },
    ],
  },
  {
    dayNumber: 3,
    name: 'Bench + Close Grip Bench',
    slots: [
      {
        exercise: 'bench-press',
        tier: 'T1',
        displayName: null,
        scheme: '75x5, 85x3, 95x1+, 90x3, 85x5, 80x3, 75x5, 70x3, 65x5+',
      },
      {
        exercise: 'close-grip-bench',
        tmExercise: 'bench-press',
        tier: 'T2',
        displayName: null,
        scheme: '40x6, 50x5, 60x3, 60x5, 60x7, 60x4, 60x6, 60x8',
      },
    ],
  },
  {
    dayNumber: 4,
    name: 'Deadlift + Front Squat',
    slots: [
      {
        exercise: 'deadlift',
        tier: 'T1',
        displayName: null,
        scheme: '75x5, 85x3, 95x1+, 90x3, 85x3, 80x3, 75x3, 70x3, 65x3+',
      },
      {
        exercise: 'front-squat',
        tmExercise: 'squat',
        tier: 'T2',
        displayName: null,
        scheme: '35x5, 45x5, 55x3, 55x5, 55x7, 55x4, 55x6, 55x8',
      },
    ],
  },
];

/** The classic LP table (kg by AMRAP reps, upper vs lower body), shared with the plan builder's defaults. */
export const NSUNS_RULES = STANDARD_AMRAP_RULES;

/** The plan as a POST /api/admin/plans body, with exercise ids resolved from slugs. */
export function nsunsPlanBody(exerciseIdBySlug: ReadonlyMap<string, number>) {
  const idOf = (slug: string) => {
    const id = exerciseIdBySlug.get(slug);
    if (id === undefined) throw new Error(`nSuns seed needs exercise "${slug}"`);
    return id;
  };
  return {
    ...NSUNS_HEADER,
    days: NSUNS_DAYS.map((day) => ({
      dayNumber: day.dayNumber,
      name: day.name,
      exercises: day.slots.map((slot, i) => ({
        exerciseId: idOf(slot.exercise),
        tmExerciseId: idOf(slot.tmExercise ?? slot.exercise),
        tier: slot.tier,
        sortOrder: i + 1,
        displayName: slot.displayName,
        sets: schemeSets(slot),
      })),
    })),
    progressionRules: NSUNS_RULES.map((rule) => ({ ...rule, exerciseId: null })),
  };
}

function schemeSets(slot: SlotSeed) {
  const parsed = parseQuickEntry(slot.scheme);
  if (!parsed.ok) throw new Error(`nSuns seed: ${parsed.error}`);
  const progressionIndex = slot.tier === 'T1' ? highestPercentageAmrap(parsed.sets) : -1;
  return parsed.sets.map((set, i) => ({ setOrder: i + 1, ...set, isProgression: i === progressionIndex }));
}
