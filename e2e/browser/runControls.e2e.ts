import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type LockFence, Store } from '../../electron/store';
import { StepId } from '../../shared/steps/catalog';
import { seedSiteAndShop } from '../support/seed';
import { type E2eWorld, startWorld } from '../support/world';
import { announcement, openRoute, routes, tabTo } from './pages/app';
import { runPage } from './pages/runPage';

let world: E2eWorld;
afterEach(async () => world?.close());

describe('run commands', () => {
  it('skips the optional demo items after a confirm, and the run completes without them', async () => {
    world = await startWorld();
    const { siteId, shopId } = seedSiteAndShop(world);
    await openRoute(world, routes.run(siteId, shopId));
    const { page } = world;
    const run = runPage(page);
    const demoItems = run.step(StepId.DemoItems);
    // Skip is offered on the optional step only.
    expect(await page.getByTestId('skip-step').count()).toBe(1);

    await demoItems.getByTestId('skip-step').click();
    await run.confirmDialog.waitFor();
    // The safe choice has focus; Escape closes and gives focus back to Skip.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await page.keyboard.press('Escape');
    await run.confirmDialog.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('skip-step');
    expect(await demoItems.getAttribute('data-state')).toBe('pending');

    await page.keyboard.press('Enter');
    await run.confirmDialog.waitFor();
    expect(await run.confirmDialog.textContent()).toMatch(/The till works without it/);
    await run.confirmButton.click();
    await run.waitForStep(StepId.DemoItems, 'skipped');
    await expect.poll(() => announcement(page)).toMatch(/Demo items: skipped/);

    // Keyboard only: Tab reaches Start, its focus is visible, Enter presses it.
    const focus = await tabTo(page, 'run-start');
    expect(focus.outlineStyle).not.toBe('none');
    expect(focus.outlineWidth).not.toBe('0px');
    await page.keyboard.press('Enter');
    await run.waitForState('completed');
    expect(await demoItems.getAttribute('data-state')).toBe('skipped');
    expect(world.sandbox.db.get('Item', 'CC-ESPRESSO')).toBeNull();
  });

  it('says so when main refuses a command (another process is running the shop), and starts once it is free', async () => {
    world = await startWorld();
    const { siteId, shopId } = seedSiteAndShop(world);
    await openRoute(world, routes.run(siteId, shopId));
    const run = runPage(world.page);
    // Another process (its own store on the same database file) holds the shop's run lock.
    const otherProcess = Store.open(path.join(world.dir, 'pos.sqlite'));
    let fence: LockFence | undefined;
    try {
      const held = otherProcess.locks.acquire(shopId, 'run-elsewhere');
      if (!held.ok) throw new Error('the other process could not take the lock');
      fence = held.fence;
      await run.startButton.click();
      await run.actionError.waitFor();
      expect(await run.actionError.getAttribute('role')).toBe('alert');
      expect(await run.actionError.getByTestId('error-message').textContent()).toMatch(/A run for "Corner Cafe" is already in progress/);
      expect(await run.actionError.getByTestId('error-hint').textContent()).toMatch(/Wait for that run to finish/);
      expect(await run.view.getAttribute('data-state')).toBe('not_started');
    } finally {
      if (fence) otherProcess.locks.release(fence);
      otherProcess.close();
    }
    await run.startButton.click();
    await run.actionError.waitFor({ state: 'detached' });
    await run.waitForState('completed');
  });
});
