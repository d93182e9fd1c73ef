import type { Page } from 'playwright-core';

/** A site's fleet view: import, controls, filters and the table of shops. */
export function fleetPage(page: Page) {
  return {
    view: page.getByTestId('fleet-view'),
    fileInput: page.getByTestId('fleet-file'),
    issues: page.getByTestId('fleet-issues'),
    preview: page.getByTestId('fleet-preview'),
    importButton: page.getByTestId('fleet-import'),
    imported: page.getByTestId('fleet-imported'),
    startAll: page.getByTestId('fleet-start-all'),
    continueFailed: page.getByTestId('fleet-continue-failed'),
    pauseAll: page.getByTestId('fleet-pause'),
    summary: page.getByTestId('fleet-summary'),
    rows: page.getByTestId('fleet-row'),
    row: (shop: string) => page.locator(`[data-testid="fleet-row"][data-shop="${shop}"]`),
    filter: (name: 'all' | 'failed' | 'running' | 'done') => page.getByTestId(`fleet-filter-${name}`),

    async choose(name: string, text: string): Promise<void> {
      await this.fileInput.setInputFiles({ name, mimeType: name.endsWith('.json') ? 'application/json' : 'text/csv', buffer: Buffer.from(text) });
    },
    /** Waits until the shop's row shows this run status (completed, failed, partial…) at rest. */
    async waitForShop(shop: string, status: string, timeout = 90_000): Promise<void> {
      await page.locator(`[data-testid="fleet-row"][data-shop="${shop}"][data-status="${status}"]:not([data-state="running"]):not([data-state="queued"])`).waitFor({ timeout });
    },
    async waitUntilIdle(timeout = 90_000): Promise<void> {
      await page.locator('[data-testid="fleet-view"][data-active="false"]').waitFor({ timeout });
    },
  };
}
