import { afterEach, describe, expect, it } from 'vitest';
import { StepId } from '../../shared/steps/catalog';
import { seriousA11yViolations } from '../support/a11y';
import { seedSiteAndShop } from '../support/seed';
import { type E2eWorld, startWorld } from '../support/world';
import { holdAtFirstLook } from '../support/holdRun';
import { openRoute, routes } from './pages/app';
import { runPage } from './pages/runPage';
import { shopFormPage } from './pages/shopFormPage';

let world: E2eWorld;
afterEach(async () => world?.close());

/** The README's shop with Demo items skipped on the run screen, run to the end. */
async function completedWithDemoItemsSkipped(): Promise<{ siteId: string; shopId: string; run: ReturnType<typeof runPage> }> {
  world = await startWorld();
  const { siteId, shopId } = seedSiteAndShop(world);
  await openRoute(world, routes.run(siteId, shopId));
  const run = runPage(world.page);
  await run.step(StepId.DemoItems).getByTestId('skip-step').click();
  await run.confirmButton.click();
  await run.waitForStep(StepId.DemoItems, 'skipped');
  await run.startButton.click();
  await run.waitForState('completed');
  expect(world.sandbox.db.get('Item', 'CC-ESPRESSO')).toBeNull();
  return { siteId, shopId, run };
}

describe('a skipped optional step can come back (issue 11, item 2)', () => {
  it('"Run this step" on the skipped row runs it; the shop form shows the skip; new runs include the step again; every action is logged', async () => {
    const { siteId, shopId, run } = await completedWithDemoItemsSkipped();
    const { page } = world;
    const form = shopFormPage(page);

    // Edit shop says what the run does: demo items are off while skipped.
    await page.getByTestId('tab-edit').click();
    await form.companyName.waitFor();
    expect(await form.demoItems.isChecked()).toBe(false);
    expect(await page.locator('#shop-demo-items-help').textContent()).toMatch(/skipped/i);
    await openRoute(world, routes.run(siteId, shopId));

    // The skipped row offers the way back, and it really runs the step.
    const again = run.runStepAgain(StepId.DemoItems);
    expect(await again.textContent()).toBe('Run this step');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await world.screenshot('run-view-skipped-step');
    await again.click();
    await run.waitForStep(StepId.DemoItems, 'succeeded');
    await run.waitForState('completed');
    expect(world.sandbox.db.get('Item', 'CC-ESPRESSO')).not.toBeNull();
    // Nothing else ran again.
    expect(await run.step(StepId.Company).getByTestId('step-attempts').textContent()).toBe('1');

    // Every operator action is in the log.
    expect(world.service.countLogs({ shopId, search: 'Operator: skip' })).toBeGreaterThanOrEqual(1);
    expect(world.service.countLogs({ shopId, search: 'again (un-skip' })).toBe(1);
    expect(world.service.countLogs({ shopId, search: 'Operator: Continue' })).toBe(1);

    // A new run keeps the step (it is no longer skipped), and the form shows demo items on.
    // The new run is held at its first look at the site until the page has seen it start: a whole run now
    // takes less than a second, and the screen already says "completed" from the run before.
    const release = holdAtFirstLook(world.sandbox);
    await run.startButton.click();
    await run.waitForPhase('running');
    expect(await run.step(StepId.DemoItems).getAttribute('data-state')).toBe('pending');
    release();
    await run.waitForState('completed');
    expect(await run.step(StepId.DemoItems).getAttribute('data-state')).toBe('succeeded');
    await openRoute(world, routes.editShop(siteId, shopId));
    expect(await form.demoItems.isChecked()).toBe(true);
  });

  it('ticking demo items in Edit shop brings the skipped step back for Continue; Retry all then keeps it', async () => {
    const { siteId, shopId, run } = await completedWithDemoItemsSkipped();
    const { page } = world;
    const form = shopFormPage(page);
    await openRoute(world, routes.editShop(siteId, shopId));
    await form.demoItems.check();
    await form.saveButton.click();
    await run.view.waitFor();
    await run.waitForStep(StepId.DemoItems, 'pending');
    // The run is not complete any more: Continue adds what is missing.
    expect(await run.continueButton.isEnabled()).toBe(true);
    expect(await run.nextMove.textContent()).toMatch(/Continue/);
    await run.continueButton.click();
    await run.waitForStep(StepId.DemoItems, 'succeeded');
    await run.waitForState('completed');
    expect(world.sandbox.db.get('Item', 'CC-ESPRESSO')).not.toBeNull();
    expect(world.service.countLogs({ shopId, search: 'again (un-skip' })).toBe(1);
  });
});
