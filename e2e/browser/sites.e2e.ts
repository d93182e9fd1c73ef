import { afterEach, describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../support/a11y';
import { type E2eWorld, startWorld } from '../support/world';
import { sitesPage } from './pages/sitesPage';

let world: E2eWorld;
afterEach(async () => world?.close());

describe('sites', () => {
  it('edits a site (an empty secret keeps the saved one), reports missing roles and a wrong secret, and removes it after a confirm', async () => {
    world = await startWorld();
    const { page } = world;
    const sites = sitesPage(page);
    await sites.addSite(world.credentials);
    await page.locator('[data-testid="connection-result"][data-state="ok"]').waitFor();

    // Edit with the secret left empty: the saved secret is kept, and never shown or sent back.
    await page.getByRole('link', { name: 'Edit site' }).click();
    await sites.apiSecretInput.waitFor();
    expect(await sites.apiSecretInput.inputValue()).toBe('');
    expect(await sites.apiSecretInput.getAttribute('type')).toBe('password');
    expect(await page.content()).not.toContain(world.credentials.apiSecret);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await sites.saveButton.click();
    await sites.testConnectionButton.click();
    await page.locator('[data-testid="connection-result"][data-state="ok"]').waitFor();

    // Main's refusal of a field lands at that field, with focus on it.
    await page.getByRole('link', { name: 'Edit site' }).click();
    await page.getByText('Certificate settings').click();
    await sites.pinInput.fill('12:34');
    await sites.saveButton.click();
    await expect.poll(() => page.getByTestId('errors-site-tls-pin').textContent()).toMatch(/64 hexadecimal characters/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-tls-pin');
    await sites.pinInput.fill('');
    await sites.saveButton.click();

    // The user without business roles: connected, but the missing roles are listed.
    const { norole } = world.sandbox.users;
    await sites.testConnectionButton.waitFor();
    await page.getByRole('link', { name: 'Edit site' }).click();
    await sites.apiKeyInput.fill(norole.apiKey);
    await sites.apiSecretInput.fill(norole.apiSecret);
    await sites.saveButton.click();
    await sites.testConnectionButton.click();
    await page.locator('[data-testid="connection-result"][data-state="missing-roles"]').waitFor();
    expect(await page.getByTestId('connection-user').textContent()).toBe(norole.user);
    expect(await page.getByTestId('missing-roles').getByRole('listitem').count()).toBeGreaterThan(0);

    // A wrong secret: the friendly message and what to do.
    await page.getByRole('link', { name: 'Edit site' }).click();
    await sites.apiSecretInput.fill('not-the-secret');
    await sites.saveButton.click();
    await sites.testConnectionButton.click();
    const failed = page.locator('[data-testid="connection-result"][data-state="failed"]');
    await failed.waitFor();
    expect(await failed.getByTestId('error-message').textContent()).toBe('ERPNext rejected the API key or secret.');
    expect(await failed.getByTestId('error-hint').textContent()).toMatch(/Generate a new key/);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Remove asks first; Escape keeps the site.
    await page.getByTestId('remove-site').click();
    await page.getByTestId('confirm-dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('confirm-dialog').waitFor({ state: 'hidden' });
    expect(await page.getByTestId('screen-heading').textContent()).toBe(world.sandbox.url);
    await page.getByTestId('remove-site').click();
    await page.getByTestId('confirm-button').click();
    await sites.addSiteButton.waitFor();
    expect(await sites.siteCards.count()).toBe(0);
    expect(world.service.listSites()).toEqual([]);
  });
});
