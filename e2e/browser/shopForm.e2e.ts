import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../support/a11y';
import { seedSite } from '../support/seed';
import { type E2eWorld, ROOT, startWorld } from '../support/world';
import { openRoute, routeIds } from './pages/app';
import { runPage } from './pages/runPage';
import { shopFormPage } from './pages/shopFormPage';

let world: E2eWorld;
afterEach(async () => world?.close());

describe('the shop form', () => {
  it('imports a shop file (its problems by path, or the form filled), saves, edits and exports the shop', async () => {
    world = await startWorld();
    const siteId = seedSite(world);
    await openRoute(world, `/sites/${siteId}/shops/new`);
    const { page } = world;
    const form = shopFormPage(page);

    // A file with problems: every one listed with its path, and shown at its field.
    const broken = path.join(world.dir, 'broken.shop.json');
    writeFileSync(broken, JSON.stringify({ company: { name: 'Bad <Shop>', country: 'Atlantis', currency: 'usd' }, pos: { paymentMethods: [{ mode: 'Cash' }, { mode: 'Card' }], openingBalances: { Cheque: 5 } } }));
    await form.importInput.setInputFiles(broken);
    await form.importIssues.waitFor();
    const listed = await form.importIssues.textContent();
    for (const pathText of ['company.name', 'company.country', 'company.currency', 'pos.paymentMethods', 'pos.openingBalances.Cheque']) expect(listed).toContain(pathText);
    expect(await form.fieldErrors('shop-company-name').textContent()).toMatch(/cannot contain < or >/);
    expect(await form.fieldErrors('shop-company-country').textContent()).toMatch(/"Atlantis" is not a country ERPNext knows/);
    expect(await form.fieldErrors('shop-payment-methods').textContent()).toMatch(/Mark exactly one payment method as default/);
    expect(await seriousA11yViolations(page)).toEqual([]);

    const notJson = path.join(world.dir, 'not-json.shop.json');
    writeFileSync(notJson, '{ "company": ');
    await form.importInput.setInputFiles(notJson);
    await expect.poll(() => form.importIssues.textContent()).toMatch(/\(file\): Not valid JSON/);

    // The README's example fills the form.
    await form.importInput.setInputFiles(path.join(ROOT, 'examples', 'corner-cafe.shop.json'));
    await form.importOk.waitFor();
    expect(await form.companyName.inputValue()).toBe('Corner Cafe');
    expect(await form.abbreviation.inputValue()).toBe('CC');
    expect(await form.country.inputValue()).toBe('United States');
    expect(await form.currency.inputValue()).toBe('USD');
    expect(await form.paymentMethod(1).inputValue()).toBe('Cash');
    expect(await form.paymentMethod(2).inputValue()).toBe('Credit Card');
    expect(await form.openingBalance('Cash').inputValue()).toBe('150');
    expect(await form.defaultRadio('Cash').isChecked()).toBe(true);
    expect(await form.demoItems.isChecked()).toBe(true);
    expect(await page.getByLabel('POS Profile name (optional)').inputValue()).toBe('Corner Cafe Till 1');

    // Exactly one default: choosing Credit Card unchecks Cash.
    await form.defaultRadio('Credit Card').check();
    expect(await form.defaultRadio('Cash').isChecked()).toBe(false);
    await form.saveButton.click();
    await runPage(page).view.waitFor();
    const { shopId } = routeIds(page);

    // Edit: the saved shop comes back into the form; change the opening balance.
    await page.getByTestId('tab-edit').click();
    await form.companyName.waitFor();
    expect(await form.defaultRadio('Credit Card').isChecked()).toBe(true);
    await form.openingBalance('Cash').fill('two hundred');
    await form.saveButton.click();
    await expect.poll(() => page.locator('[data-testid^="errors-shop-method-"][data-testid$="-balance"]').textContent()).toMatch(/Opening balance must be a number/);
    await form.openingBalance('Cash').fill('200');
    await form.saveButton.click();
    await runPage(page).view.waitFor();
    expect(world.service.shop(shopId!).config.pos.openingBalances).toEqual({ Cash: 200 });

    await page.getByTestId('tab-edit').click();
    await form.exportButton.click();
    await form.exportedPath.waitFor();
    const exported = (await form.exportedPath.locator('code').textContent())!;
    expect(path.dirname(exported)).toBe(world.downloadsDir);
    const file = JSON.parse(readFileSync(exported, 'utf8')) as { pos: { paymentMethods: { mode: string; default?: boolean }[]; openingBalances: Record<string, number> } };
    expect(file.pos.openingBalances).toEqual({ Cash: 200 });
    expect(file.pos.paymentMethods.find((method) => method.default)?.mode).toBe('Credit Card');
  });

  it('offers the chart templates of the site for the country, and only "Standard" when the site cannot answer', async () => {
    world = await startWorld();
    const siteId = seedSite(world);
    world.sandbox.faults.add({ method: 'GET', path: '/api/method/*get_charts_for_country*', kind: 'error', status: 403, excType: 'PermissionError', message: 'Not permitted' });
    await openRoute(world, `/sites/${siteId}/shops/new`);
    const form = shopFormPage(world.page);
    await form.country.selectOption('Kenya');
    await expect.poll(() => world.page.locator('#shop-company-chart-help').textContent()).toMatch(/could not list its templates; "Standard" is always available/);
    expect(await form.chart.locator('option').allTextContents()).toEqual(['Standard']);
  });
});
