import type { Page } from 'playwright-core';

/** The Preview (plan) screen of a shop. */
export function planPage(page: Page) {
  const view = page.getByTestId('plan-view');
  return {
    view,
    summary: page.getByTestId('plan-summary'),
    outcome: page.getByTestId('plan-outcome'),
    startButton: page.getByTestId('plan-start'),
    refreshButton: page.getByTestId('plan-refresh'),
    items: page.getByTestId('plan-item'),
    step: (stepId: string) => page.getByTestId(`plan-step-${stepId}`),
    /** Waits until the plan read from the site is shown: `changes`, `nothing` or `conflicts`. */
    async waitForOutcome(outcome: string, timeout = 30_000): Promise<void> {
      await page.locator(`[data-testid="plan-view"][data-outcome="${outcome}"]`).waitFor({ timeout });
    },
  };
}
