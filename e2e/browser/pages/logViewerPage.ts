import type { Page } from 'playwright-core';

/** A shop's log viewer. */
export function logViewerPage(page: Page) {
  const list = page.getByTestId('log-list');
  return {
    list,
    rows: page.getByTestId('log-row'),
    count: page.getByTestId('log-count'),
    level: page.getByLabel('Level', { exact: true }),
    step: page.getByLabel('Step', { exact: true }),
    run: page.getByLabel('Run', { exact: true }),
    correlation: page.getByLabel('Correlation id', { exact: true }),
    search: page.getByLabel('Search', { exact: true }),
    clearFilters: page.getByTestId('clear-filters'),
    liveTail: page.getByTestId('live-tail'),
    copyStatus: page.getByTestId('copy-status'),
    copyFallback: page.getByTestId('copy-fallback'),
    exportBundle: page.getByTestId('export-bundle'),
    bundlePath: page.getByTestId('bundle-path'),
    detail: page.getByTestId('log-detail'),
    empty: page.getByTestId('log-empty'),

    row: (text: string) => page.getByTestId('log-row').filter({ hasText: text }),
    /** Waits until the count shows `n` matching entries (data-count is set once loaded). */
    async waitForCount(n: number, timeout = 30_000): Promise<void> {
      await page.locator(`[data-testid="log-count"][data-count="${n}"]`).waitFor({ timeout });
    },
    /** The number of matching entries once loaded. */
    async loadedCount(): Promise<number> {
      await page.locator('[data-testid="log-count"][data-count]').waitFor();
      return Number(await page.getByTestId('log-count').getAttribute('data-count'));
    },
    async scrollTo(where: 'top' | 'bottom'): Promise<void> {
      await list.evaluate((element, to) => {
        element.scrollTop = to === 'top' ? 0 : element.scrollHeight;
      }, where);
    },
    async scrollBy(pixels: number): Promise<void> {
      await list.evaluate((element, by) => {
        element.scrollTop += by;
      }, pixels);
    },
  };
}
