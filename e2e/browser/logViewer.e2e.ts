import { afterEach, describe, expect, it } from 'vitest';
import { StepId } from '../../shared/steps/catalog';
import { seriousA11yViolations } from '../support/a11y';
import { seedLogEntries, seedSiteAndShop } from '../support/seed';
import { type E2eWorld, startWorld } from '../support/world';
import { openRoute, routes } from './pages/app';
import { logViewerPage } from './pages/logViewerPage';

let world: E2eWorld;
afterEach(async () => world?.close());

const BULK = 100_000;
/** At most this many rows in the DOM: the viewport's 15 plus overscan, whatever the log's size. */
const WINDOW = 60;

describe('the log viewer', () => {
  it('pages, windows, filters and tails a log of 100,000 entries', async () => {
    world = await startWorld();
    const { siteId, shopId } = seedSiteAndShop(world);
    seedLogEntries(world, shopId, BULK);
    await openRoute(world, routes.logs(siteId, shopId));
    const { page } = world;
    const logs = logViewerPage(page);

    await logs.waitForCount(BULK);
    expect(await logs.count.textContent()).toBe('100,000 entries');
    // Live tail starts at the newest entry, with only a window of rows in the DOM.
    await logs.row('Entry 099999').waitFor();
    expect(await logs.liveTail.getAttribute('data-state')).toBe('live');
    expect(await logs.rows.count()).toBeLessThanOrEqual(WINDOW);

    // Scrolling up pauses the tail; older pages load as they come into view.
    await logs.scrollTo('top');
    await expect.poll(() => logs.liveTail.getAttribute('data-state')).toBe('paused');
    expect(await logs.liveTail.textContent()).toMatch(/Paused — jump to latest/);
    await logs.row('Entry 000000').waitFor({ timeout: 30_000 });
    expect(await logs.rows.count()).toBeLessThanOrEqual(WINDOW);
    await logs.scrollBy(50_000 * 32);
    await logs.row('Entry 050000').waitFor();
    expect(await logs.rows.count()).toBeLessThanOrEqual(WINDOW);
    await logs.liveTail.click();
    await logs.row('Entry 099999').waitFor();
    expect(await logs.liveTail.getAttribute('data-state')).toBe('live');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await world.screenshot('log-viewer');

    // Filters run in main: minimum level, step, correlation id (by clicking one), text.
    await logs.level.selectOption('error');
    await logs.waitForCount(100);
    expect(await logs.rows.first().textContent()).toMatch(/ERROR/);
    await logs.level.selectOption('warn');
    await logs.waitForCount(25_000);
    await logs.level.selectOption('debug');
    await logs.step.selectOption(StepId.ChartOfAccounts);
    await logs.waitForCount(Array.from({ length: BULK }, (_, i) => i % 11 === 3).filter(Boolean).length);
    await logs.clearFilters.click();
    await logs.waitForCount(BULK);
    await logs.row('Entry 099999').getByTestId('log-correlation').click();
    await logs.waitForCount(10);
    expect(await logs.correlation.inputValue()).toBe('corr-9999');
    await logs.clearFilters.click();
    await logs.waitForCount(BULK);
    await logs.search.fill('Entry 004242');
    await logs.waitForCount(1);
    await logs.row('Entry 004242').waitFor();

    // Copy: the clipboard when allowed, else the text shown to copy by hand.
    await world.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: world.host.url });
    await logs.row('Entry 004242').getByTestId('log-copy').click();
    await expect.poll(() => logs.copyStatus.textContent()).toMatch(/copied to the clipboard/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/Entry 004242 of the bulk log/);
    await page.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
      document.execCommand = () => false;
    });
    await logs.row('Entry 004242').getByTestId('log-copy').click();
    await logs.copyFallback.waitFor();
    expect(await logs.copyFallback.locator('textarea').inputValue()).toMatch(/Entry 004242 of the bulk log/);
    await page.keyboard.press('Escape');
    await logs.copyFallback.waitFor({ state: 'hidden' });

    // Entries a run logs now are merged in as main pushes them, and the tail follows them.
    await logs.clearFilters.click();
    await logs.waitForCount(BULK);
    await world.service.startRun(shopId);
    await logs.row('Post-setup updates: done').waitFor({ timeout: 15_000 });
    expect(Number(await logs.count.getAttribute('data-count'))).toBeGreaterThan(BULK);
    expect(await logs.rows.count()).toBeLessThanOrEqual(WINDOW);
  });
});
