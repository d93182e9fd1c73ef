import type { Page } from 'playwright-core';

/** The run screen's Shop check panel (doctor and repair). */
export function shopCheckPage(page: Page) {
  const panel = page.getByTestId('shop-check');
  return {
    panel,
    checkButton: page.getByTestId('check-shop'),
    repairButton: page.getByTestId('repair'),
    repairNow: page.getByTestId('repair-now'),
    plan: page.getByTestId('repair-plan'),
    planActions: page.getByTestId('repair-actions').locator('li'),
    findings: page.getByTestId('finding'),
    finding: (kind: string) => page.locator(`[data-testid="finding"][data-kind="${kind}"]`),
    /** Waits for the checked health (healthy, degraded, cannot_sell). */
    async waitForHealth(health: string, timeout = 30_000): Promise<void> {
      await page.locator(`[data-testid="shop-health"][data-health="${health}"]`).waitFor({ timeout });
    },
  };
}
