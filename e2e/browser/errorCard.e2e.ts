import { statSync } from 'node:fs';
import path from 'node:path';
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

describe('a step refused by ERPNext', () => {
  it('shows the friendly message, the fix and ERPNext’s own text; Continue completes once the cause is gone', async () => {
    world = await startWorld();
    const { siteId, shopId } = seedSiteAndShop(world, cornerCafe({ demoItems: false }));
    const fault = world.sandbox.faults.add({
      method: 'POST',
      path: '/api/resource/POS Profile',
      kind: 'error',
      status: 417,
      excType: 'ValidationError',
      title: 'Missing Account',
      message: 'Please set default Cash or Bank account in Mode of Payments <a href="http://x/app/mode-of-payment/Credit%20Card">Credit Card</a>',
    });
    await openRoute(world, routes.run(siteId, shopId));
    const run = runPage(world.page);
    await run.startButton.click();

    await run.waitForState('failed');
    await run.waitForStep(StepId.PosProfile, 'failed');
    const card = run.errorCardFor(StepId.PosProfile);
    expect(await card.getByRole('heading').textContent()).toMatch(/POS Profile failed/);
    expect(await card.getByTestId('error-message').textContent()).toBe('A payment method has no account for this company: Credit Card.');
    expect(await card.getByTestId('error-hint').textContent()).toMatch(/Mode of Payment > Accounts > add the company/);
    // ERPNext's own reason (HTML stripped) stands right under the headline; the technical facts wait in a detail.
    const reason = card.getByTestId('error-reason');
    expect(await reason.isVisible()).toBe(true);
    expect(await reason.textContent()).toMatch(/Please set default Cash or Bank account in Mode of Payments Credit Card/);
    expect(await reason.textContent()).not.toMatch(/<a /);
    await card.getByText('Technical details').click();
    expect(await card.textContent()).toMatch(/ValidationError \(HTTP 417\)/);
    expect(await card.textContent()).toMatch(/POST \/api\/resource\/POS Profile/);

    // A critical step failed: nothing after it ran, and Continue is the way on.
    expect(await run.step(StepId.PosSession).getAttribute('data-state')).toBe('pending');
    expect(await run.continueButton.isEnabled()).toBe(true);
    expect(await run.continueButton.getAttribute('class')).toMatch(/button-primary/);
    expect(await run.pauseButton.isDisabled()).toBe(true);
    expect(await world.page.getByTestId('next-move').textContent()).toMatch(/stopped at “POS Profile”/);
    expect(await seriousA11yViolations(world.page)).toEqual([]);
    await world.screenshot('run-view-error');
    await expect.poll(() => world.notifications.map((n) => n.title)).toContain('Corner Cafe: Stopped');

    // The moment to call the helpdesk: the support bundle, saved where main puts it (the browser
    // host's downloads folder), its path on screen.
    await run.logTab.click();
    const logs = logViewerPage(world.page);
    await logs.exportBundle.click();
    await logs.bundlePath.waitFor();
    const bundle = (await logs.bundlePath.textContent())!;
    expect(path.dirname(bundle)).toBe(world.downloadsDir);
    expect(bundle).toMatch(/\.zip$/);
    expect(statSync(bundle).size).toBeGreaterThan(0);
    await world.page.getByTestId('tab-run').click();

    world.sandbox.faults.remove(fault);
    await run.continueButton.waitFor();
    await run.continueButton.click();
    await run.waitForState('completed');
    expect(await run.errorCards.count()).toBe(0);
    expect(await run.step(StepId.PosProfile).getByTestId('step-attempts').textContent()).toBe('2');
    // Completed steps were kept, not run again.
    expect(await run.step(StepId.Company).getByTestId('step-attempts').textContent()).toBe('1');
    await expect.poll(() => world.notifications.map((n) => n.title)).toContain('Corner Cafe: POS ready');
  });
});
