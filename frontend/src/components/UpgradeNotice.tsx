import { Link } from 'react-router-dom';
import { paths } from '@/lib/paths';
import { useCurrentPlan } from '@/lib/training-state';
import './upgrade-notice.css';

/**
 * "Version 2 of nSuns is available — recommended: …" with a way to review it, while the lifter's plan has a newer
 * version. On a plan's page (`planId`), only when that plan is theirs.
 */
export function UpgradeNotice({ planId }: { planId?: number }) {
  const current = useCurrentPlan();
  const plan = current.data?.plan;
  const upgrade = current.data?.upgradeAvailable;
  if (!plan || !upgrade || (planId !== undefined && plan.id !== planId)) return null;
  return (
    <section className="upgrade-notice" aria-labelledby="upgrade-notice-title">
      <p className="upgrade-notice__title" id="upgrade-notice-title">
        Version {upgrade.version} of {plan.name} is available
      </p>
      {(upgrade.recommended || upgrade.note) && (
        <p className="upgrade-notice__note">
          {upgrade.recommended && <strong>Recommended{upgrade.note ? ': ' : ''}</strong>}
          {upgrade.note}
        </p>
      )}
      <Link className="button button--secondary upgrade-notice__review" to={paths.planUpgrade}>
        Review the changes
      </Link>
    </section>
  );
}
