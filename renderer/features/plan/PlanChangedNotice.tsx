import type { RunView } from '../../../shared/runView';
import { useRuns } from '../../state/runs';
import { Notice } from '../ui/Notice';

/** On the run screen: what the Start found different from the Preview it followed (this run only). */
export function PlanChangedNotice({ view }: { view: RunView }) {
  const changes = useRuns((state) => state.planChanges[view.shopId]);
  if (!changes || changes.runId !== view.run.id) return null;
  return (
    <Notice tone="warning" testId="plan-changed">
      <p>The site changed since the preview; the run follows the site as it is now:</p>
      <ul>
        {changes.differences.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
    </Notice>
  );
}
