import { afterEach, describe, expect, it } from 'vitest';
import { StepId } from '../../shared/steps/catalog';
import { seedSiteAndShop } from '../support/seed';
import { type E2eWorld, startWorld } from '../support/world';
import { holdAtFirstLook } from '../support/holdRun';
import { announcement, openRoute, routes } from './pages/app';
import { runPage } from './pages/runPage';

let world: E2eWorld;
afterEach(async () => world?.close());

/**
 * A run past its company step, held at its POS Profile write: well under way, far from done (a whole run
 * takes less than a second, too fast to reload the page in by timing). `release` lets it go on.
 */
async function runUnderWay(): Promise<{ run: ReturnType<typeof runPage>; release(): void }> {
  world = await startWorld();
  const { siteId, shopId } = seedSiteAndShop(world);
  await openRoute(world, routes.run(siteId, shopId));
  const run = runPage(world.page);
  const rule = world.sandbox.faults.add({ method: 'POST', path: '/api/resource/POS Profile', kind: 'hold' });
  await run.startButton.click();
  await run.waitForStep(StepId.Company, 'succeeded');
  return { run, release: () => world.sandbox.faults.remove(rule) };
}

describe('the page is reloaded while a run goes on (main is the truth)', () => {
  it('shows the run where it is after a reload, and keeps following it to the end', async () => {
    const { run, release } = await runUnderWay();

    await world.page.reload();
    await run.view.waitFor();
    // Straight from getRun, before any pushed update: the same run, its finished steps, still going.
    expect(await run.view.getAttribute('data-state')).toBe('in_progress');
    expect(await run.step(StepId.EngineCheck).getAttribute('data-state')).toBe('succeeded');
    expect(await run.step(StepId.Company).getAttribute('data-state')).toBe('succeeded');
    expect(await run.startButton.isDisabled()).toBe(true);
    expect(await run.pauseButton.isEnabled()).toBe(true);

    release();
    await run.waitForState('completed');
    expect(await run.step(StepId.Company).getByTestId('step-attempts').textContent()).toBe('1');
    // No estimate on a first run; a new run knows how long each step took.
    expect(await run.eta.count()).toBe(0);
    // The new run (a re-run: a handful of reads) is held at its first look at the site while the page reads
    // the estimate.
    const releaseNewRun = holdAtFirstLook(world.sandbox);
    expect(await run.startButton.textContent()).toBe('Start a new run');
    await run.startButton.click();
    await run.waitForPhase('running');
    await run.eta.waitFor();
    expect(await run.eta.textContent()).toMatch(/(About .+|A few seconds) left \(learned from earlier runs\)\./);
    releaseNewRun();
    await run.waitForState('completed');
    expect(await run.eta.count()).toBe(0);
  });

  it('offers Continue for a cancelled run, also after a reload, and Continue finishes it', async () => {
    const { run, release } = await runUnderWay();
    await run.pauseButton.click();

    await run.waitForPhase('paused');
    await expect.poll(() => announcement(world.page)).toMatch(/Run paused/);
    expect(await run.continueButton.isEnabled()).toBe(true);
    await world.page.reload();
    await run.waitForPhase('paused');
    expect(await world.page.getByTestId('run-status-badge').textContent()).toBe('Paused');
    expect(await run.continueButton.getAttribute('class')).toMatch(/button-primary/);
    expect(await run.startButton.isDisabled()).toBe(true);

    // The held write lands once let go; Continue then finds it rather than sending it again.
    release();
    await expect.poll(() => world.sandbox.db.count('POS Profile', { name: 'Corner Cafe Till 1' })).toBe(1);
    await run.continueButton.click();
    await run.waitForState('completed');
    expect(await run.step(StepId.EngineCheck).getByTestId('step-attempts').textContent()).toBe('1');
  });
});
