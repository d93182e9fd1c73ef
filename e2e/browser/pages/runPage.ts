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
    cancelButton: page.getByTestId('run-cancel'),
    progress: page.getByTestId('run-progress'),
    eta: page.getByTestId('run-eta'),
    errorCards: page.getByTestId('error-card'),
    actionError: page.getByTestId('action-error'),
    networkBanner: page.getByTestId('network-banner'),
    networkCountdown: page.getByTestId('network-countdown'),
    confirmDialog: page.getByTestId('confirm-dialog'),
    confirmButton: page.getByTestId('confirm-button'),
    logTab: page.getByTestId('tab-logs'),

    step: (stepId: StepId) => page.getByTestId(`step-${stepId}`),
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
