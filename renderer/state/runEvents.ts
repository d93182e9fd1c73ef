import type { RunEvent, RunView } from '../../shared/runView';
import { RunPhase, RunStatus } from '../../shared/status';
import { stepDefinition } from '../../shared/steps/catalog';

const RUN_RESULT: Record<string, string> = {
  [RunStatus.Completed]: 'completed: POS ready',
  [RunStatus.Partial]: 'finished with problems',
  [RunStatus.Failed]: 'stopped: a step failed',
};

/**
 * One sentence per event worth announcing to a screen reader (step starts and actions are too chatty;
 * each network probe is not news once the wait has been announced).
 */
export function describeRunEvent(event: RunEvent, previous: RunView | undefined): string | null {
  const step = 'stepId' in event ? stepDefinition(event.stepId).title : '';
  switch (event.type) {
    case 'step.succeeded':
      return `${step}: done.`;
    case 'step.failed':
      return `${step}: failed. ${event.error.message}`;
    case 'step.skipped':
      return `${step}: skipped.`;
    case 'run.waiting_for_network':
      return previous?.run.phase === RunPhase.WaitingForNetwork ? null : 'Waiting for the network: the site does not answer. The run goes on by itself when it does.';
    case 'run.network_back':
      return 'The site answers again: the run goes on.';
    case 'run.paused':
      return 'Run paused. Choose Continue to resume.';
    case 'run.finished':
      return `Run ${RUN_RESULT[event.status] ?? event.status.toLowerCase()}.`;
    case 'run.started':
      return `Run started for ${event.shopName}.`;
    case 'run.plan_changed':
      return `The site changed since the preview: ${event.differences.join('; ')}.`;
    default:
      return null;
  }
}

/** Views can arrive out of order (a command's answer and pushed updates race): keep the newest. */
export function isNewerView(incoming: RunView, current: RunView | undefined): boolean {
  if (!current) return true;
  if (incoming.run.id !== current.run.id) return incoming.run.createdAt >= current.run.createdAt;
  return incoming.run.updatedAt >= current.run.updatedAt;
}
