import type { RunView } from '../../../shared/runView';
import { RunPhase } from '../../../shared/status';
import { type RunCommand, useRuns } from '../../state/runs';
import { ErrorNotice } from '../ui/ErrorNotice';
import { nextMove, runActions } from './runActions';

const LABELS: Record<'start' | 'continue' | 'retryAll' | 'cancel', { idle: string; busy: string }> = {
  start: { idle: 'Start', busy: 'Starting…' },
  continue: { idle: 'Continue', busy: 'Continuing…' },
  retryAll: { idle: 'Retry all', busy: 'Retrying…' },
  cancel: { idle: 'Cancel run', busy: 'Cancelling…' },
};

/** Start, Continue, Retry all and Cancel, each enabled only when the run's state allows it. */
export function RunControls({ view }: { view: RunView }) {
  const send = useRuns((state) => state.send);
  const pending = useRuns((state) => state.pending[view.shopId]);
  const actionError = useRuns((state) => state.actionErrors[view.shopId]);
  const dismiss = useRuns((state) => state.dismissError);
  const actions = runActions(view);
  const button = (type: keyof typeof LABELS) => (
    <button
      type="button"
      className={actions.primary === type ? 'button-primary button-big' : type === 'cancel' ? 'button-danger-quiet' : ''}
      disabled={!actions[type] || Boolean(pending)}
      onClick={() => void send(view.shopId, { type } as RunCommand)}
      data-testid={`run-${type}`}
    >
      {pending === type ? LABELS[type].busy : type === 'start' && view.run.phase === RunPhase.Finished ? 'Start a new run' : LABELS[type].idle}
    </button>
  );
  return (
    <section className="run-controls" aria-label="Run controls">
      <p className="next-move" data-testid="next-move">
        {nextMove(view)}
      </p>
      <div className="button-row">
        {button('start')}
        {button('continue')}
        {button('retryAll')}
        {button('cancel')}
      </div>
      {actionError && <ErrorNotice problem={actionError} title="That did not happen" onDismiss={() => dismiss(view.shopId)} testId="action-error" />}
    </section>
  );
}
