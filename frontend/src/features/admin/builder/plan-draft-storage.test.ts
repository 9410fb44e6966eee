import { afterEach, describe, expect, it } from 'vitest';
import { validateDraft } from './builder-errors';
import { draftToPlanBody, rekeyDraft } from './builder-state';
import { comparableDraft, readStoredDraft, upgradeDraft, writeStoredDraft } from './plan-draft-storage';

/** What the builder stored before plans had weeks: days at the top, sets and rules without a kind. */
const ONE_WEEK_DRAFT = {
  name: 'Old plan',
  slug: 'old-plan',
  slugTouched: true,
  description: '',
  isPublic: false,
  days: [
    {
      key: 'd1',
      name: 'Bench',
      slots: [
        {
          key: 'x1',
          exerciseId: 1,
          tmExerciseId: null,
          tier: 'T1',
          displayName: '',
          sets: [
            { key: 's1', percent: '65', reps: '8', isAmrap: false, isProgression: false },
            { key: 's2', percent: '75', reps: '6', isAmrap: true, isProgression: true },
          ],
        },
      ],
    },
  ],
  rules: [{ key: 'r1', scope: 'upper', exerciseId: null, minReps: '0', maxReps: '5', increase: '2.5', unit: 'kg' }],
};

afterEach(() => localStorage.clear());

describe('stored drafts', () => {
  it('reads a draft saved in the old one-week shape as week 1, with today’s defaults', () => {
    localStorage.setItem(
      'k',
      JSON.stringify({ savedAt: '2025-01-01T00:00:00.000Z', basedOn: null, draft: ONE_WEEK_DRAFT }),
    );

    const stored = readStoredDraft('k')!;

    expect(stored.savedAt).toBe('2025-01-01T00:00:00.000Z');
    const draft = stored.draft;
    expect(draft).toMatchObject({ name: 'Old plan', isPublic: false, tmPercent: '90' });
    expect(draft.weeks).toHaveLength(1);
    expect(draft.weeks[0]).toMatchObject({ name: '', isDeload: false });
    expect(draft.weeks[0]!.days[0]!.slots[0]).toMatchObject({ exerciseId: 1, restSeconds: '' });
    expect(draft.weeks[0]!.days[0]!.slots[0]!.sets.map((s) => [s.kind, s.percent, s.repsMax, s.offset])).toEqual([
      ['main', '65', '', ''],
      ['main', '75', '', ''],
    ]);
    expect(draft.rules[0]).toMatchObject({ kind: 'amrap_table', scope: 'upper', maxSteps: '', failures: '' });
    expect(validateDraft(draft)).toEqual({});
    const body = draftToPlanBody(rekeyDraft(draft));
    expect(body).toMatchObject({ cycleWeeks: 1, daysPerWeek: 1, tmPercent: 0.9 });
    expect(body.weeks[0]!.days[0]!.exercises[0]!.sets[1]).toEqual({
      setOrder: 2,
      kind: 'main',
      percentage: 0.75,
      reps: 6,
      repsMax: null,
      incrementOffset: 0,
      isAmrap: true,
      isProgression: true,
    });
  });

  it('round-trips a draft in today’s shape unchanged', () => {
    const draft = upgradeDraft(ONE_WEEK_DRAFT)!;
    writeStoredDraft('k', { savedAt: 'now', basedOn: '2025-01-02T00:00:00.000Z', draft });
    const read = readStoredDraft('k')!;
    expect(comparableDraft(read.draft)).toBe(comparableDraft(draft));
    expect(read.draft.weeks[0]!.key).toBe(draft.weeks[0]!.key);
    expect(read.basedOn).toBe('2025-01-02T00:00:00.000Z');
  });

  it('ignores what isn’t a draft', () => {
    for (const value of ['nope', '{}', JSON.stringify({ savedAt: 'x', draft: { name: 'a', slug: 'b', rules: [] } })]) {
      localStorage.setItem('k', value);
      expect(readStoredDraft('k')).toBeNull();
    }
    expect(upgradeDraft({ name: 'a', slug: 'b', rules: [], weeks: [] })).toBeNull();
  });
});
