import { afterEach, describe, expect, it } from 'vitest';
import { CREATE_MODE_CHOICE } from '../../shared/shop';
import { seriousA11yViolations } from '../support/a11y';
import { seedSite } from '../support/seed';
import { type E2eWorld, startWorld } from '../support/world';
import { openRoute, routeIds } from './pages/app';
import { runPage } from './pages/runPage';
import { shopFormPage } from './pages/shopFormPage';

let world: E2eWorld;
afterEach(async () => world?.close());

describe('a payment method the site lacks (issue 11: creating one is an explicit choice)', () => {
  it('is flagged as stopping the run until "create it" is ticked; then the run creates the mode and the till uses it', async () => {
    world = await startWorld();
    const siteId = seedSite(world);
    await openRoute(world, `/sites/${siteId}/shops/new`);
    const { page } = world;
    const form = shopFormPage(page);
    await form.fillBasics({ name: 'Gift Corner', country: 'United States' });
    expect(world.sandbox.db.get('Mode of Payment', 'Gift Card')).toBeNull();

    await form.addPaymentMethodNamed('Gift Card');
    await form.companyName.focus();
    const giftRow = form.paymentMethodRows.nth(1);
    await expect.poll(() => giftRow.locator('.field-warnings').textContent()).toMatch(/"Gift Card" is not a Mode of Payment on this site, so the run would stop/);
    const create = page.getByRole('checkbox', { name: `${CREATE_MODE_CHOICE} (Gift Card)`, exact: true });
    expect(await create.isChecked()).toBe(false);
    expect(await create.getAttribute('aria-describedby')).toBe('shop-payment-create-help');
    expect(await page.locator('#shop-payment-create-help').textContent()).toMatch(/a typo never becomes a new Mode of Payment/);

    await create.check();
    await expect.poll(() => giftRow.locator('.field-warnings').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await world.screenshot('shop-form-create-mode');
    await form.saveButton.click();

    const run = runPage(page);
    await run.view.waitFor();
    const { shopId } = routeIds(page);
    expect(world.service.shop(shopId!).config.pos.paymentMethods).toEqual([{ mode: 'Cash', default: true }, { mode: 'Gift Card', create: true }]);
    await run.startButton.click();
    await run.waitForState('completed');
    expect(world.sandbox.db.get('Mode of Payment', 'Gift Card')).toMatchObject({ name: 'Gift Card', enabled: 1 });
    expect(world.sandbox.db.count('Mode of Payment', { mode_of_payment: 'Gift Card' })).toBe(1);
    const profile = world.sandbox.db.get('POS Profile', 'Gift Corner POS')!;
    expect((profile.payments as { mode_of_payment: string }[]).map((row) => row.mode_of_payment)).toEqual(['Cash', 'Gift Card']);

    // The saved shop opens with the choice still ticked.
    await openRoute(world, `/sites/${siteId}/shops/${shopId}/edit`);
    expect(await page.getByRole('checkbox', { name: `${CREATE_MODE_CHOICE} (Gift Card)`, exact: true }).isChecked()).toBe(true);
  });
});
