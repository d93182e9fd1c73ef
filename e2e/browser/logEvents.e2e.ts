import { afterEach, describe, expect, it } from 'vitest';
import { StepId } from '../../shared/steps/catalog';
import { seriousA11yViolations } from '../support/a11y';
import { cornerCafe, seedSiteAndShop } from '../support/seed';
import { type E2eWorld, startWorld } from '../support/world';
import { holdAtFirstLook } from '../support/holdRun';
import { openRoute, routes } from './pages/app';
import { logViewerPage } from './pages/logViewerPage';
import { runPage } from './pages/runPage';

let world: E2eWorld;
afterEach(async () => world?.close());

const FROZEN = 'Company Corner Cafe is frozen for POS';

describe('the log tells the run’s story (issue 11, item 8)', () => {
  it('records every operator action and run event, filters by run, dates every entry and shows paths as typed', async () => {
    world = await startWorld();
    const { siteId, shopId } = seedSiteAndShop(world);
    await openRoute(world, routes.run(siteId, shopId));
    const { page } = world;
    const run = runPage(page);
    await run.step(StepId.DemoItems).getByTestId('skip-step').click();
    await run.confirmButton.click();
    await run.waitForStep(StepId.DemoItems, 'skipped');
    await run.startButton.click();
    await run.waitForState('completed');
    // The second run is held at its first look at the site until the page has seen it start (a whole run
    // takes less than a second, and the screen already says "completed" from the first one).
    const release = holdAtFirstLook(world.sandbox);
    await run.startButton.click();
    await run.waitForPhase('running');
    release();
    await run.waitForState('completed');
    const runs = world.service.store.runs.listForShop(shopId);
    expect(runs).toHaveLength(2);

    await run.logTab.click();
    const logs = logViewerPage(page);
    await logs.loadedCount();
    // Operator actions and the run's own events are entries search finds.
    for (const [words, atLeast] of [['run started', 2], ['Operator: skip', 1], ['Operator: Start', 2], ['finished COMPLETED', 2]] as const) {
      const expected = world.service.countLogs({ shopId, search: words });
      expect(expected, words).toBeGreaterThanOrEqual(atLeast);
      await logs.search.fill(words);
      await logs.waitForCount(expected);
    }
    // Entries without a step are the run's own: the step column says so.
    expect(await logs.row('Run finished COMPLETED').first().locator('.log-step').textContent()).toBe('Run');

    // Every entry shows its date, not only the time of day.
    const stamp = await logs.rows.first().locator('.log-time').textContent();
    expect(stamp).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);

    // Request paths read as typed: "POS Profile", not "POS%20Profile" (and search finds them so).
    const requests = world.service.countLogs({ shopId, search: '/api/resource/POS Profile' });
    expect(requests).toBeGreaterThan(0);
    await logs.search.fill('/api/resource/POS Profile');
    await logs.waitForCount(requests);
    expect(await logs.rows.first().textContent()).toContain('/api/resource/POS Profile');
    expect(await logs.rows.first().textContent()).not.toContain('%20');

    // One run at a time: the first run's entries only.
    await logs.clearFilters.click();
    const all = await logs.loadedCount();
    expect(await logs.run.locator('option').count()).toBe(3);
    const firstRunId = [...runs].sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0]!.id;
    await logs.run.selectOption(firstRunId);
    await logs.waitForCount(world.service.countLogs({ shopId, runId: firstRunId }));
    expect(await logs.loadedCount()).toBeLessThan(all);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('links a step and its error to the log: "View log", "Show in log", the reference as a link; the detail opens in view with focus', async () => {
    world = await startWorld();
    const { siteId, shopId } = seedSiteAndShop(world, cornerCafe({ demoItems: false }));
    world.sandbox.faults.add({ method: 'POST', path: '/api/resource/POS Profile', kind: 'error', status: 417, excType: 'ValidationError', message: FROZEN });
    await openRoute(world, routes.run(siteId, shopId));
    const { page } = world;
    const run = runPage(page);
    await run.startButton.click();
    await run.waitForState('failed');
    const runId = world.service.runView(shopId).run.id;

    // "View log" on the step: that step's entries of this run.
    await run.viewLog(StepId.PosProfile).click();
    const logs = logViewerPage(page);
    expect(await logs.step.inputValue()).toBe(StepId.PosProfile);
    expect(await logs.run.inputValue()).toBe(runId);
    await logs.waitForCount(world.service.countLogs({ shopId, runId, stepId: StepId.PosProfile }));
    expect(await logs.loadedCount()).toBeGreaterThan(2);

    // "Show in log" on the error card: the step attempt's correlation id, which its requests share.
    await page.getByTestId('tab-run').click();
    const card = run.errorCardFor(StepId.PosProfile);
    await card.getByTestId('error-show-in-log').click();
    const attempt = await logs.correlation.inputValue();
    expect(attempt).toMatch(/^s8-[0-9a-f]{8}$/);
    await logs.row('POST /api/resource/POS Profile → 417').first().waitFor();
    await logs.row('POS Profile: started').first().waitFor();

    // The reference on the card is a link to that one request.
    await page.getByTestId('tab-run').click();
    const reference = card.getByRole('link', { name: /^s8-[0-9a-f]{8}\.\d+$/ });
    const requestId = (await reference.textContent())!;
    await reference.click();
    expect(await logs.correlation.inputValue()).toBe(requestId);
    await logs.row('POST /api/resource/POS Profile → 417').first().waitFor();

    // The detail comes into view with focus, and long data wraps instead of scrolling sideways.
    await logs.row('→ 417').first().locator('.log-message').click();
    await logs.detail.waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="log-detail"]') !== null)).toBe(true);
    const box = (await logs.detail.boundingBox())!;
    expect(box.y).toBeLessThan(page.viewportSize()!.height);
    expect(box.y + 40).toBeGreaterThan(0);
    const sideways = await logs.detail.locator('pre').evaluate((pre) => pre.scrollWidth - pre.clientWidth);
    expect(sideways).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await world.screenshot('log-viewer-request');

    // Filters that hide everything say so, rather than "no entries yet".
    await logs.search.fill('no entry says this');
    await logs.waitForCount(0);
    expect(await logs.empty.textContent()).toMatch(/No entries match these filters/);
    expect(await logs.empty.textContent()).not.toMatch(/as soon as a run starts/);
  });
});
