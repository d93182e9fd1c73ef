import { AsyncLocalStorage } from 'node:async_hooks';
import type { StepId } from '../../shared/steps/catalog';

export interface StepScope {
  stepId: StepId;
  /** Correlation id of this attempt of the step; each ERPNext call gets `<id>.<n>`. */
  correlationId: string;
  nextCallId(): string;
  onRetry(info: { delayMs: number; code: string; attempt: number }): void;
}

/**
 * The step an ERPNext call is made for. One client serves the whole run; this scope (carried through
 * awaits by AsyncLocalStorage) tags its log lines with the step and turns its retries into step events.
 */
export const stepScope = new AsyncLocalStorage<StepScope>();

export function createStepScope(stepId: StepId, correlationId: string, onRetry: StepScope['onRetry']): StepScope {
  let calls = 0;
  return { stepId, correlationId, nextCallId: () => `${correlationId}.${++calls}`, onRetry };
}
