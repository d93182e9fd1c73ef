import { afterEach, describe, expect, it } from 'vitest';
import { StepId } from '../../shared/steps/catalog';
import { seriousA11yViolations } from '../support/a11y';
import { type E2eWorld, startWorld } from '../support/world';
import { announcement } from './pages/app';
import { runPage } from './pages/runPage';
import { shopFormPage } from './pages/shopFormPage';
import { sitesPage } from './pages/sitesPage';

let world: E2eWorld;
afterEach(async () => world?.close());

describe('an installer provisions a shop from an empty app', () => {
  it('adds the site, tests it, fills the shop form and runs it to POS ready', async () => {
    world = await startWorld();
    const { page } = world;
    const sites = sitesPage(page);
    const form = shopFormPage(page);
    const run = runPage(page);

    // Sites: where secrets live is said plainly (the browser host keeps them for the session only).
    await sites.addSiteButton.waitFor();
    await expect.poll(() => sites.secretStorage.textContent()).toMatch(/kept for this session only/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await world.screenshot('sites-empty');

    await sites.addSiteButton.click();
    await sites.urlInput.waitFor();
    await sites.saveButton.click();
    await expect.poll(() => page.getByTestId('errors-site-url').textContent()).toMatch(/Type the address/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await sites.urlInput.fill(world.credentials.url);
    await sites.apiKeyInput.fill(world.credentials.apiKey);
    await sites.apiSecretInput.fill(world.credentials.apiSecret);
    await world.screenshot('site-form');
    await sites.saveButton.click();

    // A new site is tested at once: versions, user, no missing role.
    await page.locator('[data-testid="connection-result"][data-state="ok"]').waitFor();
    expect(await page.getByTestId('connection-user').textContent()).toBe('provisioner@erplab.test');
    expect(await page.getByTestId('connection-erpnext').textContent()).toBe('15.70.2');
    expect(await page.getByTestId('connection-frappe').textContent()).toBe('15.74.1');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await world.screenshot('site-connected');

    // The shop form: every problem at once, next to its field.
    await sites.newShopButton.click();
    await form.companyName.waitFor();
    await form.saveButton.click();
    await form.issueSummary.waitFor();
    const summary = await form.issueSummary.textContent();
    expect(summary).toMatch(/Company name is required/);
    expect(summary).toMatch(/Country is required/);
    expect(summary).toMatch(/Choose a currency/);
    expect(await form.fieldErrors('shop-company-name').textContent()).toMatch(/Company name is required/);
    expect(await form.fieldErrors('shop-company-country').textContent()).toMatch(/Country is required/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await world.screenshot('shop-form-errors');

    await form.companyName.fill('Corner Cafe');
    expect(await form.abbreviation.inputValue()).toBe('CC');
    await form.country.selectOption('Kenya');
    expect(await form.currency.inputValue()).toBe('KES');
    await form.country.selectOption('United States');
    expect(await form.currency.inputValue()).toBe('USD');
    // Chart templates come from the site (through main).
    await expect.poll(() => form.chart.locator('option').allTextContents()).toEqual(['Standard', 'Standard with Numbers']);
    await form.addPaymentMethodNamed('Credit Card');
    await form.openingBalance('Cash').fill('150');
    // A duplicate method is refused at its field; removing it clears the problem.
    await form.addPaymentMethodNamed('cash');
    await form.openingBalance('Cash').focus();
    await expect.poll(() => form.issueSummary.textContent()).toMatch(/"cash" is listed twice/);
    await form.removePaymentMethod('cash').click();
    await form.addCashier.click();
    await page.keyboard.type('not an email');
    await form.companyName.focus();
    await expect.poll(() => form.issueSummary.textContent()).toMatch(/A cashier must be an ERPNext user id/);
    await page.getByRole('button', { name: /Remove cashier 1/ }).click();
    await form.demoItems.check();
    await expect.poll(() => form.issueSummary.count()).toBe(0);
    await world.screenshot('shop-form');
    await form.saveButton.click();

    // The run screen: only Start makes sense before the first run.
    await run.view.waitFor();
    await run.waitForState('not_started');
    expect(await run.startButton.isEnabled()).toBe(true);
    for (const button of [run.continueButton, run.retryAllButton, run.pauseButton]) expect(await button.isDisabled()).toBe(true);
    expect(await page.locator('[data-testid^="step-step_"]').count()).toBe(11);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Slow the site down a little so the running screen can be seen.
    world.sandbox.setLatency(40);
    await run.startButton.click();
    await run.waitForStep(StepId.Company, 'succeeded');
    await run.waitForPhase('running');
    expect(await run.pauseButton.isEnabled()).toBe(true);
    expect(await run.startButton.isDisabled()).toBe(true);
    expect(await run.step(StepId.EngineCheck).getByTestId('step-attempts').textContent()).toBe('1');
    await world.screenshot('run-view-running');
    world.sandbox.setLatency(0);

    await run.waitForState('completed');
    await expect.poll(() => run.progress.getAttribute('aria-valuenow')).toBe('100');
    for (const step of Object.values(StepId)) expect(await run.step(step).getAttribute('data-state')).toBe('succeeded');
    expect(await page.getByTestId('readiness').textContent()).toMatch(/POS session is open/);
    await expect.poll(() => announcement(page)).toMatch(/Run completed: POS ready/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await world.screenshot('run-view-completed');
    // The desktop is told when the run ends.
    await expect.poll(() => world.notifications).toContainEqual({ title: 'Corner Cafe: POS ready', body: 'The till can sell.' });

    // Back on the site, the shop's badge says so in words.
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: world.sandbox.url, exact: true }).click();
    await expect.poll(() => sites.shopRows.first().getByTestId('shop-status').textContent()).toBe('POS ready');
    expect(await sites.shopRows.first().getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await world.screenshot('site-shops');
    await page.getByRole('link', { name: 'Sites', exact: true }).click();
    await sites.siteCards.first().waitFor();
    expect(await sites.siteCards.first().textContent()).toMatch(/Connected \(ERPNext 15\.70\.2\)/);
    await world.screenshot('sites');
  });
});
