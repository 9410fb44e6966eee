import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { CurrentPlanResponse, UpgradeOfferResponse } from '@liftplan/domain';
import { Badge } from '@/components/Badge';
import { Button } from '@/components/Button';
import { ErrorMessage } from '@/components/ErrorMessage';
import { QueryState } from '@/components/QueryState';
import { ApiError } from '@/lib/api-client';
import { flashState } from '@/lib/flash';
import { workoutTitle } from '@/lib/format';
import { paths } from '@/lib/paths';
import { useCurrentPlan } from '@/lib/training-state';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useUpgradeCurrentPlan, useUpgradeOffer } from '../api/upgrade-api';
import { UpgradeChanges } from '@/components/UpgradeChanges';
import { UpgradeCompare } from '../components/UpgradeCompare';
import '@/components/ui.css';
import '../plans.css';

type Offer = NonNullable<UpgradeOfferResponse['upgrade']>;

/** /plans/upgrade: a newer version of the lifter's plan, reviewed with their own numbers before upgrading. */
export function PlanUpgradePage() {
  useDocumentTitle('Upgrade your plan');
  const offer = useUpgradeOffer();
  const current = useCurrentPlan();
  const both = {
    ...offer,
    isPending: offer.isPending || current.isPending,
    data: offer.data && current.data !== undefined ? { offer: offer.data, current: current.data } : undefined,
  };
  return (
    <div className="page upgrade-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={paths.dashboard}>Dashboard</Link>
      </nav>
      <QueryState query={both} loadingLabel="Loading the new version…" errorTitle="We couldn't load the upgrade">
        {({ offer: answer, current: plan }) =>
          answer.upgrade && plan ? (
            <UpgradeReview offer={answer.upgrade} answer={answer} current={plan} onRefetch={() => offer.refetch()} />
          ) : (
            <UpToDate planName={plan?.plan.name ?? null} version={answer.currentVersion} />
          )
        }
      </QueryState>
    </div>
  );
}

function UpToDate({ planName, version }: { planName: string | null; version: number }) {
  return (
    <>
      <h1 className="page__title">You’re up to date</h1>
      <p>{planName ? `You’re on the newest version of ${planName} (version ${version}).` : 'You’re not on a plan.'}</p>
      <Link className="button button--primary" to={paths.dashboard}>
        Back to the dashboard
      </Link>
    </>
  );
}

type ReviewProps = {
  offer: Offer;
  answer: UpgradeOfferResponse;
  current: CurrentPlanResponse;
  onRefetch: () => unknown;
};

function UpgradeReview({ offer, answer, current, onRefetch }: ReviewProps) {
  const navigate = useNavigate();
  const upgrade = useUpgradeCurrentPlan();
  const [newerMeanwhile, setNewerMeanwhile] = useState(false);
  const { plan, inProgressWorkout } = current;
  const place = workoutTitle(offer.nextWorkout.upgraded ?? current.next, plan.cycleWeeks);

  function confirm() {
    setNewerMeanwhile(false);
    upgrade.mutate(offer.version, {
      onSuccess: ({ toVersion, next }) =>
        navigate(paths.dashboard, {
          state: flashState(
            `Upgraded to version ${toVersion}. Your next workout: ${workoutTitle(next, plan.cycleWeeks)}.`,
            'success',
          ),
        }),
      onError: (error) => {
        // Another version was published while the lifter read this one: show that one instead.
        if (error instanceof ApiError && error.code === 'PLAN_CHANGED') {
          setNewerMeanwhile(true);
          upgrade.reset();
          void onRefetch();
        }
      },
    });
  }

  return (
    <>
      <header className="page__header">
        <h1 className="page__title">
          Version {offer.version} of {plan.name}
        </h1>
        <p className="page__intro">
          You’re on version {answer.currentVersion}. Upgrading keeps your place ({place}), your training maxes and your
          history.
        </p>
      </header>
      {newerMeanwhile && (
        <p className="notice" role="status">
          Version {offer.version} was published while you were reading: this is what it changes. Review it and upgrade
          again.
        </p>
      )}
      {(offer.recommended || offer.note) && <UpgradeNote recommended={offer.recommended} note={offer.note} />}

      <section className="stack" aria-labelledby="upgrade-changes-heading">
        <h2 className="section-title" id="upgrade-changes-heading">
          What changes
        </h2>
        <UpgradeChanges changes={offer.changes} />
      </section>

      <section className="stack" aria-labelledby="upgrade-next-heading">
        <h2 className="section-title" id="upgrade-next-heading">
          Your next workout
        </h2>
        <UpgradeCompare
          current={offer.nextWorkout.current}
          upgraded={offer.nextWorkout.upgraded}
          currentVersion={answer.currentVersion}
          newVersion={offer.version}
          unit={answer.unit}
          cycleWeeks={plan.cycleWeeks}
        />
      </section>

      {inProgressWorkout && (
        <div className="notice" role="status">
          <p>Finish or abandon your workout in progress before upgrading.</p>
          <Link to={paths.workout(inProgressWorkout.id)}>Resume workout</Link>
        </div>
      )}
      {upgrade.isError && <ErrorMessage title="Not upgraded" message={upgrade.error.message} />}
      <div className="upgrade-page__actions">
        <Button onClick={confirm} isLoading={upgrade.isPending} disabled={Boolean(inProgressWorkout)}>
          Upgrade to version {offer.version}
        </Button>
        <Link className="button button--ghost" to={paths.dashboard}>
          Not now
        </Link>
      </div>
    </>
  );
}

function UpgradeNote({ recommended, note }: { recommended: boolean; note: string | null }) {
  return (
    <div className="card upgrade-note">
      {recommended && <Badge tone="primary">Recommended</Badge>}
      {note && <p className="upgrade-note__text">{note}</p>}
    </div>
  );
}
