import { afterEach, describe, expect, it } from 'vitest';
import { StepId } from '../../shared/steps/catalog';
import { seriousA11yViolations } from '../support/a11y';
import { cornerCafe, seedSiteAndShop } from '../support/seed';
import { type E2eWorld, startWorld } from '../support/world';
import { announcement, openRoute, routes } from './pages/app';
import { runPage } from './pages/runPage';

let world: E2eWorld;
afterEach(async () => world?.close());

describe('the site goes away mid-run', () => {
  it('shows the waiting banner with a countdown, and the run finishes by itself when the site is back', async () => {
    world = await startWorld();
    const { siteId, shopId } = seedSiteAndShop(world, cornerCafe({ demoItems: false }));
    await openRoute(world, routes.run(siteId, shopId));
    const { page } = world;
    const run = runPage(page);
    // Slow answers keep the run going long enough to pull the plug in the middle.
    world.sandbox.setLatency(60);
    await run.startButton.click();
    await run.waitForStep(StepId.Company, 'succeeded');

    await world.sandbox.stop();
    await run.networkBanner.waitFor({ timeout: 30_000 });
    await run.waitForPhase('waiting_for_network');
    expect(await run.networkBanner.getByRole('heading').textContent()).toBe('Waiting for the network');
    const first = await run.networkCountdown.textContent();
    expect(first).toMatch(/Next try in \d+ s\.|Trying now…/);
    // The countdown moves (each probe announces the next one).
    await expect.poll(() => run.networkCountdown.textContent(), { timeout: 10_000 }).not.toBe(first);
    await expect.poll(() => announcement(page)).toMatch(/Waiting for the network/);
    expect(await run.pauseButton.isEnabled()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await world.screenshot('network-banner');

    await world.restartSandbox();
    await run.waitForState('completed');
    expect(await run.networkBanner.count()).toBe(0);
    await expect.poll(() => world.notifications.map((n) => n.title)).toContain('Corner Cafe: POS ready');
  });
});
