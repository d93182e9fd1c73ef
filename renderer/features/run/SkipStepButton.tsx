import { useState } from 'react';
import type { StepRecord } from '../../../shared/model';
import { stepDefinition } from '../../../shared/steps/catalog';
import { useRuns } from '../../state/runs';
import { ConfirmDialog } from '../ui/ConfirmDialog';

/** Skip an optional step, after saying what the shop will lack. */
export function SkipStepButton({ step, shopId }: { step: StepRecord; shopId: string }) {
  const [asking, setAsking] = useState(false);
  const send = useRuns((state) => state.send);
  const pending = useRuns((state) => Boolean(state.pending[shopId]));
  const { title, summary } = stepDefinition(step.stepId);
  return (
    <>
      <button type="button" onClick={() => setAsking(true)} disabled={pending} aria-label={`Skip ${title}`} data-testid="skip-step">
        Skip
      </button>
      <ConfirmDialog
        open={asking}
        title={`Skip “${title}”?`}
        confirmLabel={`Skip ${title}`}
        onConfirm={() => {
          setAsking(false);
          void send(shopId, { type: 'skip', stepId: step.stepId });
        }}
        onCancel={() => setAsking(false)}
      >
        <p>This step would: {summary.charAt(0).toLowerCase() + summary.slice(1)}</p>
        <p>The till works without it. The shop&apos;s next runs skip it too; you can add the items in ERPNext later.</p>
      </ConfirmDialog>
    </>
  );
}
