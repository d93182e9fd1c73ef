import { afterEach, describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../support/a11y';
import { cornerCafe, seedSite, seedSiteAndShop } from '../support/seed';
import { type E2eWorld, startWorld } from '../support/world';
import { openRoute, routes } from './pages/app';
import { runPage } from './pages/runPage';
import { shopFormPage } from './pages/shopFormPage';

let world: E2eWorld;
afterEach(async () => world?.close());

describe('editing a shop (issue 11, item 5)', () => {
  it('says when an edit takes effect (Continue uses it) and refuses to change the company once it exists in ERPNext', async () => {
    world = await startWorld();
    const { siteId, shopId } = seedSiteAndShop(world, cornerCafe({ demoItems: false }));
    await world.service.startRun(shopId);
    await openRoute(world, routes.editShop(siteId, shopId));
    const { page } = world;
    const form = shopFormPage(page);
    const lead = await page.getByTestId('edit-effect').textContent();
    expect(lead).toMatch(/Continue/);
    expect(lead).not.toMatch(/apply to the next run/);

    await form.abbreviation.fill('XY');
    await form.saveButton.click();
    await expect.poll(() => form.fieldErrors('shop-company-abbr').textContent()).toMatch(/already exists in ERPNext with the abbreviation CC/);
    expect(world.service.shop(shopId).config.company.abbr).toBe('CC');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await world.screenshot('shop-form-company-fixed');

    // Other changes are fine, and the run screen follows.
    await form.abbreviation.fill('CC');
    await form.openingBalance('Cash').fill('175');
    await form.saveButton.click();
    await runPage(page).view.waitFor();
    expect(world.service.shop(shopId).config.pos.openingBalances).toEqual({ Cash: 175 });
  });
});

describe('the shop form’s words and order (issue 11)', () => {
  it('asks to choose a currency, keeps each problem on its own row, lists problems in the form’s order, and offers the site’s modes of payment', async () => {
    world = await startWorld();
    const siteId = seedSite(world);
    await openRoute(world, `/sites/${siteId}/shops/new`);
    const { page } = world;
    const form = shopFormPage(page);
    await form.companyName.fill('Pier Grocer');
    // The abbreviation's rule as the shop file states it (it was "2 to 5 letters" in a hint).
    expect(await page.locator('#shop-company-abbr-help').textContent()).toMatch(/1 to 10 letters or digits/);

    // An empty drop-down is "choose", not an ISO lesson.
    await form.saveButton.click();
    await form.issueSummary.waitFor();
    expect(await form.fieldErrors('shop-company-currency').textContent()).toMatch(/Choose a currency/);
    expect(await form.issueSummary.textContent()).not.toMatch(/ISO code/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await form.country.selectOption('United States');

    // The site's own Modes of Payment are offered; a name the site does not have is flagged.
    await expect.poll(() => page.locator('#payment-mode-suggestions option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual([
      'Bank Draft',
      'Cash',
      'Check',
      'Credit Card',
      'Wire Transfer',
    ]);
    await form.addPaymentMethodNamed('Cahs');
    await form.companyName.focus();
    const warnings = page.getByTestId('payment-method-row').nth(1).locator('.field-warnings');
    await expect.poll(() => warnings.textContent()).toMatch(/"Cahs" is not a Mode of Payment on this site/);

    // Two methods that differ only in case: each one's balance problem stays on its own row.
    await form.paymentMethod(2).fill('cash');
    await form.openingBalance('cash').fill('lots');
    await form.companyName.focus();
    const rows = page.getByTestId('payment-method-row');
    await expect.poll(() => rows.nth(1).textContent()).toMatch(/Opening balance must be a number/);
    expect(await rows.nth(0).textContent()).not.toMatch(/Opening balance must be a number/);

    // The summary follows the form: payment methods come before the warehouses further down.
    await page.getByLabel('Main warehouse', { exact: true }).fill('');
    await form.saveButton.click();
    const items = await form.issueSummary.getByRole('listitem').allTextContents();
    const balance = items.findIndex((text) => /Opening balance must be a number/.test(text));
    const warehouse = items.findIndex((text) => /Main warehouse name is required/.test(text));
    expect(balance).toBeGreaterThanOrEqual(0);
    expect(warehouse).toBeGreaterThan(balance);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await world.screenshot('shop-form-modes');
  });
});
