import { Link, useNavigate } from 'react-router-dom';
import { EmptyState } from '@/components/EmptyState';
import { QueryState } from '@/components/QueryState';
import { formatPercent } from '@/lib/format';
import { paths } from '@/lib/paths';
import { useCurrentPlan, useTrainingMaxes } from '@/lib/training-state';
import { useDocumentTitle } from '@/lib/use-document-title';
import { SetupForm } from '../components/SetupForm';
import '@/components/ui.css';
import '../setup.css';

export function SetupPage() {
  useDocumentTitle('Training maxes');
  const navigate = useNavigate();
  const trainingMaxes = useTrainingMaxes();
  const currentPlan = useCurrentPlan();
  const planName = currentPlan.data?.plan?.name;
  const tmPercent = trainingMaxes.data?.tmPercent ?? currentPlan.data?.plan?.tmPercent ?? 0.9;

  return (
    <div className="page page--narrow">
      <header className="page__header">
        <h1 className="page__title">Your training maxes</h1>
        <p className="page__intro">
          {planName ? `${planName} works from these lifts. ` : ''}
          {tmPercent === 1 ? (
            <>
              Enter the max this plan is built on (its description says which: a tested 1RM, or a top set); every
              percentage is of that number itself.
            </>
          ) : (
            <>
              Enter a recent one-rep max (your training max is {formatPercent(tmPercent)} of it
              {planName ? `, as ${planName} prescribes` : ''}) or a training max you already use.
            </>
          )}
        </p>
      </header>
      <QueryState
        query={trainingMaxes}
        loadingLabel="Loading your maxes…"
        errorTitle="We couldn't load your training maxes"
      >
        {(data) =>
          data.planId === null || data.trainingMaxes.length === 0 ? (
            <EmptyState
              title="Choose a plan first"
              description="Your plan decides which training maxes you need."
              action={
                <Link className="button button--primary" to={paths.plans}>
                  Browse plans
                </Link>
              }
            />
          ) : (
            <SetupForm trainingMaxes={data} onSaved={() => void navigate(paths.dashboard, { replace: true })} />
          )
        }
      </QueryState>
    </div>
  );
}
