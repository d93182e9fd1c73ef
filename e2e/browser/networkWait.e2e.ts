import { afterEach, describe, expect, it } from 'vitest';
import { StepId } from '../../shared/steps/catalog';
import { seriousA11yViolations } from '../support/a11y';
import { cornerCafe, seedSiteAndShop } from '../support/seed';
import { type E2eWorld, startWorld } from '../support/world';
import { openRoute, routes } from './pages/app';
import { runPage } from './pages/runPage';

let world: E2eWorld;
afterEach(async () => world?.close());

/** Seconds the banner says are left before the next try, or 0 while trying. */
async function secondsToNextTry(run: ReturnType<typeof runPage>): Promise<number> {
  const text = (await run.networkCountdown.textContent()) ?? '';
  return Number(/Next try in (\d+) s/.exec(text)?.[1] ?? 0);
}

describe('waiting for the network (issue 11, item 9)', () => {
  it('“Try now” asks the site at once instead of waiting for the next try, and the time left shows as paused meanwhile', async () => {
    // Long pauses between tries, as after a long outage: only "Try now" can bring the run back quickly.
    world = await startWorld({ run: { networkWait: { baseDelayMs: 60_000, maxDelayMs: 60_000 } } });
    const { siteId, shopId: firstShop } = seedSiteAndShop(world, cornerCafe({ demoItems: false }));
    // A first shop's run teaches the app how long each step takes (the time left needs it).
    await world.service.startRun(firstShop);
    const second = world.service.saveShop(siteId, cornerCafe({ demoItems: false, company: { name: 'Harbour Cafe', abbr: 'HBC', country: 'United States', currency: 'USD' }, pos: { ...(cornerCafe().pos as object), profileName: 'Harbour Cafe Till 1' } }));
    if (!second.ok) throw new Error('seed');
    const shopId = second.shop.id;
    await openRoute(world, routes.run(siteId, shopId));
    const { page } = world;
    const run = runPage(page);
    // The second shop's run is held at its POS Profile write (after the company; the Start's preflight read
    // everything at the engine check, so a later read would not reach the site) while the site goes away:
    // a whole run takes less than a second, too fast to stop the site by timing.
    world.sandbox.faults.add({ method: 'POST', path: '/api/resource/POS Profile', kind: 'hold' });
    await run.startButton.click();
    await run.waitForStep(StepId.Company, 'succeeded');
    await expect.poll(() => world.sandbox.stats().faultsFired).toBe(1);
    await world.sandbox.stop();
    await run.waitForPhase('waiting_for_network');

    // The estimate does not pretend the run is moving.
    await expect.poll(() => run.eta.textContent()).toMatch(/paused while the site does not answer/i);
    expect(await run.eta.getAttribute('data-paused')).toBe('true');

    // A try far enough away that waiting for it would show.
    await expect.poll(() => secondsToNextTry(run), { timeout: 40_000 }).toBeGreaterThan(12);
    expect(await run.tryNowButton.isEnabled()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await world.screenshot('network-banner-try-now');

    await world.restartSandbox();
    world.sandbox.setLatency(0);
    await run.tryNowButton.click();
    await run.waitForState('completed', 10_000);
    expect(world.service.countLogs({ shopId, search: 'Operator: try now' })).toBe(1);
  });
});
