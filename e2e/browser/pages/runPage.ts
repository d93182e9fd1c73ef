import type { Page } from 'playwright-core';
import type { StepId } from '../../../shared/steps/catalog';

/** A shop's run screen. */
export function runPage(page: Page) {
  const view = page.getByTestId('run-view');
  return {
    view,
    startButton: page.getByTestId('run-start'),
    continueButton: page.getByTestId('run-continue'),
    retryAllButton: page.getByTestId('run-retryAll'),
    pauseButton: page.getByTestId('run-pause'),
    progress: page.getByTestId('run-progress'),
    eta: page.getByTestId('run-eta'),
    took: page.getByTestId('run-took'),
    now: page.getByTestId('run-now'),
    nextMove: page.getByTestId('next-move'),
    errorCards: page.getByTestId('error-card'),
    actionError: page.getByTestId('action-error'),
    networkBanner: page.getByTestId('network-banner'),
    networkCountdown: page.getByTestId('network-countdown'),
    tryNowButton: page.getByTestId('network-try-now'),
    confirmDialog: page.getByTestId('confirm-dialog'),
    confirmButton: page.getByTestId('confirm-button'),
    logTab: page.getByTestId('tab-logs'),
    noSecret: page.getByTestId('run-no-secret'),
    openInErpnext: page.getByTestId('open-in-erpnext'),

    step: (stepId: StepId) => page.getByTestId(`step-${stepId}`),
    viewLog: (stepId: StepId) => page.getByTestId(`step-${stepId}`).getByTestId('step-view-log'),
    runStepAgain: (stepId: StepId) => page.getByTestId(`step-${stepId}`).getByTestId('unskip-step'),
    errorCardFor: (stepId: StepId) => page.locator(`[data-testid="error-card"][data-step="${stepId}"]`),
    /** Waits for the run view's data-state (completed, failed, partial, in_progress, not_started). */
    async waitForState(state: string, timeout = 60_000): Promise<void> {
      await page.locator(`[data-testid="run-view"][data-state="${state}"]`).waitFor({ timeout });
    },
    async waitForPhase(phase: string, timeout = 60_000): Promise<void> {
      await page.locator(`[data-testid="run-view"][data-phase="${phase}"]`).waitFor({ timeout });
    },
    async waitForStep(stepId: StepId, state: string, timeout = 60_000): Promise<void> {
      await page.locator(`[data-testid="step-${stepId}"][data-state="${state}"]`).waitFor({ timeout });
    },
  };
}
