import { afterEach, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../shared/ipc/contract';
import { seriousA11yViolations } from '../support/a11y';
import { seedSiteAndShop } from '../support/seed';
import { type E2eWorld, startWorld } from '../support/world';
import { openRoute, routes } from './pages/app';
import { runPage } from './pages/runPage';

// In the app, main relays the engine process's stopped/restarted on the page's event channel. The browser
// host runs the engine inside itself (it cannot die alone), so it sends the same events through its test
// seam down the same event stream the page listens to (the supervisor's side is tested under Node, in
// tests/integration/engineHost/engineProcess.test.ts).

let world: E2eWorld;
afterEach(async () => world?.close());

/** Sends until the page shows it: the page's event stream connects a moment after the screen appears. */
async function deliver(event: EngineEvent, expected: RegExp): Promise<void> {
  const banner = world.page.getByTestId('engine-banner');
  await expect
    .poll(async () => {
      world.host.emitEngineEvent(event);
      return banner.textContent();
    })
    .toMatch(expected);
}

describe('the engine process stops and comes back (issue 9)', () => {
  it('shows "The engine stopped; restarting…" as a polite status, then "Engine restarted; runs resumed", which goes away by itself', async () => {
    world = await startWorld();
    const { siteId, shopId } = seedSiteAndShop(world);
    await openRoute(world, routes.run(siteId, shopId));
    const { page } = world;
    await runPage(page).view.waitFor();
    const banner = page.getByTestId('engine-banner');
    expect(await banner.getAttribute('role')).toBe('status');
    expect(await banner.textContent()).toBe('');

    await deliver({ type: 'engine.stopped' }, /^The engine stopped; restarting…/);
    const stopped = page.getByRole('status').filter({ hasText: 'The engine stopped; restarting…' });
    expect(await stopped.count()).toBe(1);
    expect(await stopped.textContent()).toMatch(/Nothing already done is lost/);
    expect(await stopped.isVisible()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await world.screenshot('engine-restarting');

    world.host.emitEngineEvent({ type: 'engine.restarted', resumedRuns: 1 });
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Engine restarted; runs resumed.' }).count()).toBe(1);
    expect(await banner.getAttribute('data-state')).toBe('success');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await world.screenshot('engine-restarted');
    await expect.poll(() => banner.textContent(), { timeout: 10_000 }).toBe('');
    expect(await banner.getAttribute('role')).toBe('status');
  });

  it('when it keeps stopping, says so with what to do, and stays', async () => {
    world = await startWorld();
    await openRoute(world, '/');
    await deliver({ type: 'engine.stopped' }, /restarting/);
    world.host.emitEngineEvent({ type: 'engine.failed', message: 'The engine keeps stopping.', hint: 'Quit and open the app again.' });
    const banner = world.page.getByTestId('engine-banner');
    await expect.poll(() => banner.textContent()).toBe('The engine keeps stopping.Quit and open the app again.');
    expect(await banner.getAttribute('data-state')).toBe('danger');
    expect(await seriousA11yViolations(world.page)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 7_000));
    expect(await banner.textContent()).toMatch(/keeps stopping/);
  });
});
