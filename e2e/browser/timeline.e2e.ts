import { afterEach, describe, expect, it } from 'vitest';
import { StepId } from '../../shared/steps/catalog';
import { seriousA11yViolations } from '../support/a11y';
import { cornerCafe, seedSiteAndShop } from '../support/seed';
import { type E2eWorld, startWorld } from '../support/world';
import { openRoute, routes } from './pages/app';
import { logViewerPage } from './pages/logViewerPage';
import { runPage } from './pages/runPage';

let world: E2eWorld;
afterEach(async () => world?.close());

describe('a run’s history and timeline', () => {
  it('lists the shop’s runs with who ran them, draws a run with a retried request and a failed attempt, and a bar opens that step’s log', async () => {
    world = await startWorld({ sandbox: { latencyMs: 10 } });
    const { siteId, shopId } = seedSiteAndShop(world, cornerCafe({ demoItems: false }));
    // The client retries two 503s by itself; the POS Profile is refused once (a failed attempt), then Continue.
    world.sandbox.faults.add({ method: 'POST', path: '/api/resource/Customer', kind: 'status', status: 503, times: 2 });
    world.sandbox.faults.add({ method: 'POST', path: '/api/resource/POS Profile', kind: 'error', status: 417, excType: 'ValidationError', message: 'Please set default Cash or Bank account in Mode of Payments Credit Card', times: 1 });
    await openRoute(world, routes.run(siteId, shopId));
    const run = runPage(world.page);
    await run.startButton.click();
    await run.waitForState('failed');
    await run.continueButton.click();
    await run.waitForState('completed');

    const { page } = world;
    await page.getByTestId('tab-history').click();
    const rows = page.getByTestId('history-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-status')).toBe('completed');
    expect(await page.getByTestId('history-who').first().textContent()).toMatch(/^\S+ on \S+$/);
    expect(await page.getByTestId('plan-slot').textContent()).toMatch(/Plan vs result/);
    expect(await page.getByTestId('history-plan').first().textContent()).toMatch(/^\d+ to create, \d+ already there, 2 to change$/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await world.screenshot('run-history');

    await page.getByTestId('open-timeline').first().click();
    const chart = page.getByTestId('timeline-chart');
    await chart.waitFor();
    // One row per step; the POS Profile has a failed and a succeeded attempt; the customer step shows its retries.
    expect(await page.locator('[data-testid^="timeline-row-"]').count()).toBe(11);
    const profileBars = page.locator(`[data-testid="timeline-bar"][data-step="${StepId.PosProfile}"]`);
    expect(await profileBars.evaluateAll((bars) => bars.map((bar) => bar.getAttribute('data-status')))).toEqual(['failed', 'succeeded']);
    expect(await profileBars.first().getAttribute('aria-label')).toMatch(/^POS Profile, attempt 1, failed after .*A payment method has no account/);
    expect(await page.getByTestId(`timeline-row-${StepId.Customer}`).getByTestId('timeline-retry').count()).toBe(2);
    const customerRow = page.getByTestId(`timeline-table-${StepId.Customer}`);
    expect(await customerRow.textContent()).toMatch(/POST \/api\/resource\/Customer \(service_unavailable\); POST \/api\/resource\/Customer \(service_unavailable\)/);
    expect(await page.getByTestId(`timeline-table-${StepId.Company}`).textContent()).toMatch(/(POST|GET|PUT) \/api\/\S+: \d/);
    // Steps that ran side by side overlap on the axis.
    const boxes = await page.getByTestId('timeline-bar').evaluateAll((bars) => bars.map((bar) => (bar.firstElementChild as SVGGraphicsElement).getBBox()).map((b) => [b.x, b.x + b.width]));
    expect(boxes.some(([a0, a1], i) => boxes.some(([b0, b1], j) => i !== j && a0! < b1! - 1 && b0! < a1! - 1))).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await world.screenshot('run-timeline');

    // A bar is a link: the log viewer opens filtered to that step.
    await page.locator(`[data-testid="timeline-bar"][data-step="${StepId.Company}"]`).first().click();
    const logs = logViewerPage(page);
    await logs.list.waitFor();
    expect(page.url()).toContain(`/logs?step=${StepId.Company}`);
    expect(await logs.step.inputValue()).toBe(StepId.Company);
    await expect.poll(async () => Number(await logs.count.getAttribute('data-count'))).toBeGreaterThan(0);
    const steps = await logs.rows.evaluateAll((rows) => rows.map((row) => row.textContent ?? ''));
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.every((text) => text.includes(StepId.Company) || text.includes('Company'))).toBe(true);
  });
});
