import type { PlanDraft } from './builder-state';

/**
 * Unsaved builder work, kept in this browser (localStorage) while the admin edits: per admin and per plan
 * ("new" for a plan not created yet). Offered back when the builder opens again; removed on save or discard.
 */
export type StoredDraft = {
  savedAt: string;
  /** The plan's updatedAt when editing started (null for a new plan): tells whether the plan changed since. */
  basedOn: string | null;
  draft: PlanDraft;
};

const PREFIX = 'liftplan.admin.plan-draft';

export function draftStorageKey(userId: number, planId: number | null): string {
  return `${PREFIX}.${userId}.${planId ?? 'new'}`;
}

export function readStoredDraft(key: string): StoredDraft | null {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredDraft>;
    if (typeof parsed.savedAt !== 'string' || !isDraft(parsed.draft)) return null;
    return {
      savedAt: parsed.savedAt,
      basedOn: typeof parsed.basedOn === 'string' ? parsed.basedOn : null,
      draft: parsed.draft,
    };
  } catch {
    return null;
  }
}

export function writeStoredDraft(key: string, value: StoredDraft): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the in-page guards still apply.
  }
}

export function clearStoredDraft(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing to do.
  }
}

function isDraft(value: unknown): value is PlanDraft {
  if (typeof value !== 'object' || value === null) return false;
  const draft = value as Partial<PlanDraft>;
  return (
    typeof draft.name === 'string' &&
    typeof draft.slug === 'string' &&
    Array.isArray(draft.days) &&
    Array.isArray(draft.rules)
  );
}

/** The draft without its generated keys: equal for two drafts that would save the same plan text. */
export function comparableDraft(draft: PlanDraft): string {
  return JSON.stringify(draft, (name, value: unknown) =>
    name === 'key' || name === 'slugTouched' ? undefined : value,
  );
}
