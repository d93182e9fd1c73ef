import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FindingKind } from '../../shared/doctor';
import { personAtTheDesk } from '../../tests/support/drift';
import { seriousA11yViolations } from '../support/a11y';
import { cornerCafe, seedSiteAndShop } from '../support/seed';
import { type E2eWorld, SCREENSHOTS_DIR, startWorld } from '../support/world';
import { openRoute, routes } from './pages/app';
import { runPage } from './pages/runPage';
import { shopCheckPage } from './pages/shopCheckPage';

let world: E2eWorld;
afterEach(async () => world?.close());

describe('Check shop and Repair', () => {
  it('finds a POS Profile someone disabled and a payment method removed, shows the repair plan, repairs, and checks healthy again', async () => {
    world = await startWorld();
    const { siteId, shopId } = seedSiteAndShop(world, cornerCafe());
    await openRoute(world, routes.run(siteId, shopId));
    const run = runPage(world.page);
    const check = shopCheckPage(world.page);
    // Before the shop was set up there is nothing to check.
    expect(await check.panel.count()).toBe(0);
    await run.startButton.click();
    await run.waitForState('completed');

    await check.checkButton.click();
    await check.waitForHealth('healthy');
    expect(await check.findings.count()).toBe(0);

    // A week later, someone at ERPNext's desk disables the profile and drops Credit Card from it.
    const desk = personAtTheDesk(world.sandbox);
    const profile = 'Corner Cafe Till 1';
    const payments = ((await desk.get('POS Profile', profile)).payments as { mode_of_payment: string }[]).filter((row) => row.mode_of_payment !== 'Credit Card');
    await desk.update('POS Profile', profile, { disabled: 1, payments });

    await check.checkButton.click();
    await check.waitForHealth('cannot_sell');
    expect(await check.findings.count()).toBe(2);
    // Severity in words, not colour only; what we saw; the fix.
    const disabled = check.finding(FindingKind.ProfileDisabled);
    expect(await disabled.textContent()).toMatch(/Blocks selling.*POS Profile "Corner Cafe Till 1".*What we saw.*is disabled.*Fix \(Repair does this\).*enables it again/);
    expect(await check.finding(FindingKind.PaymentRowMissing).textContent()).toMatch(/Degrades.*Credit Card is no longer on the POS Profile/);
    expect(await seriousA11yViolations(world.page)).toEqual([]);

    await check.repairButton.click();
    await check.plan.waitFor();
    expect(await world.page.evaluate(() => document.activeElement?.id)).toBe('repair-plan-heading');
    expect(await check.planActions.allTextContents()).toEqual(['Change POS Profile "Corner Cafe Till 1" (disabled: 1 → 0; payments: + Credit Card)']);
    expect(await seriousA11yViolations(world.page)).toEqual([]);
    await check.panel.screenshot({ path: path.join(SCREENSHOTS_DIR, 'shop-check-repair-plan.png') });

    await check.repairNow.click();
    await check.waitForHealth('healthy', 60_000);
    await run.waitForState('completed');
    expect(await desk.get('POS Profile', profile)).toMatchObject({ disabled: 0 });
    expect(((await desk.get('POS Profile', profile)).payments as { mode_of_payment: string }[]).map((row) => row.mode_of_payment).sort()).toEqual(['Cash', 'Credit Card']);
    expect(await seriousA11yViolations(world.page)).toEqual([]);
  }, 120_000);
});
