import { afterEach, describe, expect, it } from 'vitest';
import { type E2eWorld, startWorld } from '../support/world';
import { sitesPage } from './pages/sitesPage';

let world: E2eWorld;
afterEach(async () => world?.close());

describe('plain HTTP sites', () => {
  it('refuses a remote http:// address with the reason at the field, saves it only when allowed, and warns on every http site', async () => {
    world = await startWorld();
    const { page } = world;
    const sites = sitesPage(page);

    // The sandbox is on this computer: saved, with a visible warning.
    await sites.addSite(world.credentials);
    await page.locator('[data-testid="connection-result"][data-state="ok"]').waitFor();
    expect(await page.getByTestId('transport-warning').textContent()).toMatch(/Plain HTTP to 127\.0\.0\.1:\d+ \(this computer\)/);

    // A remote host over plain HTTP: refused at the address field, with the reason.
    await page.goto(`${world.host.url}/#/`);
    await sites.addSiteButton.click();
    await sites.urlInput.fill('http://erp.example.com');
    await sites.apiKeyInput.fill('key');
    await sites.apiSecretInput.fill('secret');
    expect(await page.getByTestId('plain-http').textContent()).toMatch(/the API secret travels unencrypted/);
    await sites.saveButton.click();
    await expect.poll(() => page.getByTestId('errors-site-url').textContent()).toMatch(/this would send the API secret unencrypted/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-url');

    // Allowed explicitly (a lab network): saved, and the site says so.
    await page.getByLabel('Allow plain HTTP to this site (a lab network you trust)').check();
    await sites.saveButton.click();
    await page.getByTestId('screen-heading').filter({ hasText: 'http://erp.example.com' }).waitFor();
    expect(await page.getByTestId('transport-warning').textContent()).toMatch(/Plain HTTP is allowed for erp\.example\.com/);
    const saved = world.service.listSites().find((site) => site.url === 'http://erp.example.com');
    expect(saved?.allowPlainHttp).toBe(true);
  });

  it('shows in About that the browser host does not update itself', async () => {
    world = await startWorld();
    expect(await world.page.getByTestId('about-updates').textContent()).toMatch(/Updates do not apply to the browser host/);
  });
});
