import type { PlanStatus, PlanSummaryDto } from '@liftplan/domain';
import { pluralize } from '@/lib/format';

/** The list's filter: `current` is the API's default (drafts and published plans). */
export type StatusFilter = PlanStatus | 'current';

export const STATUS_FILTERS: ReadonlyArray<{ value: StatusFilter; label: string }> = [
  { value: 'current', label: 'All' },
  { value: 'draft', label: 'Drafts' },
  { value: 'published', label: 'Published' },
  { value: 'archived', label: 'Archived' },
];

export function statusFilterOf(value: string | null): StatusFilter {
  return STATUS_FILTERS.some((filter) => filter.value === value) ? (value as StatusFilter) : 'current';
}

type Version = NonNullable<PlanSummaryDto['versions']>[number];

/** A published plan whose newest version is an unpublished draft. */
export const hasPendingDraft = (plan: PlanSummaryDto) =>
  plan.status === 'published' && plan.versions?.[0]?.publishedAt === null;

/**
 * Who is on which version, newest first: ["v3 · 12 lifters", "v2 · 1 lifter"]. The newest published version always
 * shows; older ones only while somebody is on them; a draft as "v4 draft".
 */
export function versionLines(plan: PlanSummaryDto): string[] {
  const versions: Version[] = plan.versions ?? [
    {
      version: plan.version,
      publishedAt: null,
      activeSubscribers: plan.activeSubscribers,
      recommendedUpgrade: false,
      upgradeNote: null,
    },
  ];
  const newestPublished = versions.find((v) => v.publishedAt !== null);
  return versions
    .filter((v) => v.publishedAt === null || v === newestPublished || v.activeSubscribers > 0)
    .map((v) =>
      v.publishedAt === null ? `v${v.version} draft` : `v${v.version} · ${pluralize(v.activeSubscribers, 'lifter')}`,
    );
}

/**
 * The version lifters on older ones are offered as an upgrade: the newest published one, when an older version
 * exists to upgrade from (archived plans offer nothing new).
 */
export function upgradeOfferVersion(plan: PlanSummaryDto): Version | null {
  if (plan.status === 'archived') return null;
  const newest = plan.versions?.find((v) => v.publishedAt !== null);
  return newest && newest.version > 1 ? newest : null;
}
