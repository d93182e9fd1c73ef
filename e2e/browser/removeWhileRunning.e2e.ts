import { afterEach, describe, expect, it } from 'vitest';
import { StepId } from '../../shared/steps/catalog';
import { seriousA11yViolations } from '../support/a11y';
import { seedSiteAndShop } from '../support/seed';
import { type E2eWorld, startWorld } from '../support/world';
import { openRoute, routes } from './pages/app';
import { runPage } from './pages/runPage';
import { sitesPage } from './pages/sitesPage';

let world: E2eWorld;
afterEach(async () => world?.close());

describe('a run going on (issue 11, item 1, and the indicator on every screen)', () => {
  it('removing the site or the shop says a run is going and what to do; the run goes on to the end; the indicator follows it', async () => {
    world = await startWorld();
    const { siteId, shopId } = seedSiteAndShop(world);
    await openRoute(world, routes.run(siteId, shopId));
    const { page } = world;
    const run = runPage(page);
    world.sandbox.setLatency(100);
    await run.startButton.click();
    await run.waitForStep(StepId.Company, 'succeeded');
    // Slow enough that the run is still going through everything below.
    world.sandbox.setLatency(1_000);

    // Visible from every screen: which runs are going, each a link to its run.
    const indicator = page.getByTestId('runs-indicator');
    await expect.poll(() => indicator.textContent()).toMatch(/1 run going: Corner Cafe/);
    await openRoute(world, '/');
    await expect.poll(() => indicator.textContent()).toMatch(/Corner Cafe/);
    expect(await indicator.getByRole('link', { name: /Corner Cafe/ }).getAttribute('href')).toBe(`#/sites/${siteId}/shops/${shopId}`);

    // Remove site: the dialog says a run is going and how to go on, and offers no removal.
    await sitesPage(page).siteCards.first().getByTestId('remove-site').click();
    const dialog = page.locator('[data-testid="confirm-dialog"][open]');
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/A run is going for Corner Cafe/);
    expect(await dialog.textContent()).toMatch(/Pause/);
    expect(await dialog.getByTestId('confirm-button').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await world.screenshot('remove-site-run-going');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // Asked anyway (another window, a stale page): main refuses with what to do, and the host lives on.
    const answer = await page.evaluate(async (id) => {
      const response = await fetch('/api/removeSite', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Pos-Api': '1' }, body: JSON.stringify({ payload: id }) });
      return (await response.json()) as { ok: boolean; error?: { code: string; hint: string } };
    }, siteId);
    expect(answer.ok).toBe(false);
    expect(answer.error?.code).toBe('run_locked');
    expect(answer.error?.hint).toMatch(/Pause the run/);

    // Remove shop: the same.
    await openRoute(world, routes.site(siteId));
    await sitesPage(page).shopRows.first().getByRole('button', { name: 'Remove Corner Cafe', exact: true }).click();
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/A run is going for Corner Cafe/);
    expect(await dialog.getByTestId('confirm-button').count()).toBe(0);
    await page.keyboard.press('Escape');

    // The run was never touched: it finishes, and the indicator goes.
    world.sandbox.setLatency(0);
    await expect.poll(() => world.service.runView(shopId).run.status, { timeout: 60_000 }).toBe('COMPLETED');
    await expect.poll(() => indicator.count()).toBe(0);
    expect(world.service.listSites()).toHaveLength(1);

    // Now it may go.
    await sitesPage(page).shopRows.first().getByRole('button', { name: 'Remove Corner Cafe', exact: true }).click();
    await dialog.getByTestId('confirm-button').click();
    await expect.poll(() => world.service.listShops(siteId).length).toBe(0);
  });
});
