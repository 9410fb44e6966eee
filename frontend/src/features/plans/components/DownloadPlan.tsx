import { useState } from 'react';
import type { PlanDetailDto } from '@liftplan/domain';
import { Button } from '@/components/Button';
import { downloadFromApi } from '@/lib/download';

/** "Download": the plan as a program file (`<slug>.json`), the format admins import. */
export function DownloadPlan({ plan }: { plan: Pick<PlanDetailDto, 'id' | 'slug'> }) {
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');

  async function download() {
    setState('busy');
    try {
      await downloadFromApi(`/plans/${plan.id}/export`, `${plan.slug}.json`);
      setState('idle');
    } catch {
      setState('failed');
    }
  }

  return (
    <p className="download-plan">
      <Button variant="ghost" isLoading={state === 'busy'} onClick={() => void download()}>
        Download as a program file
      </Button>
      {state === 'failed' && (
        <span className="download-plan__error" role="alert">
          The download failed. Check your connection and try again.
        </span>
      )}
    </p>
  );
}
