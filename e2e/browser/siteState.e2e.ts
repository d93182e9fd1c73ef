import { afterEach, describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../support/a11y';
import { seedSiteAndShop } from '../support/seed';
import { type E2eWorld, startWorld } from '../support/world';
import { openRoute, routes } from './pages/app';
import { runPage } from './pages/runPage';
import { sitesPage } from './pages/sitesPage';

let world: E2eWorld;
afterEach(async () => world?.close());

describe('a site’s connection state is current (issue 11, items 3 and 4)', () => {
  it('says when each result was measured, drops it when the secret changes, and tests again in the background when the app opens', async () => {
    world = await startWorld();
    const { page } = world;
    const sites = sitesPage(page);
    await sites.addSite(world.credentials);
    await page.locator('[data-testid="connection-result"][data-state="ok"]').waitFor();

    // A wrong secret: the old "Connected" does not stay under the new credentials.
    await page.getByRole('link', { name: 'Edit site' }).click();
    await sites.apiSecretInput.fill('not-the-secret');
    await sites.saveButton.click();
    await page.locator('[data-testid="connection-result"][data-state="failed"]').waitFor();
    expect(world.service.listSites()[0]!.lastCheck?.ok).toBe(false);
    await page.getByRole('link', { name: 'Edit site' }).click();
    await sites.apiSecretInput.fill(world.credentials.apiSecret);
    await sites.saveButton.click();
    await page.locator('[data-testid="connection-result"][data-state="ok"]').waitFor();

    // The list says when the result was measured.
    await page.getByRole('link', { name: 'Sites', exact: true }).click();
    const card = sites.siteCards.first();
    await expect.poll(() => card.getByTestId('connection-summary').textContent()).toMatch(/Connected \(ERPNext 15\.70\.2\), checked (just now|\d+ s ago)/);

    // The site goes down; the app is opened again: it checks by itself and says so.
    await world.sandbox.stop();
    await page.reload();
    await expect.poll(() => card.getByTestId('connection-summary').getAttribute('data-state'), { timeout: 20_000 }).toBe('failed');
    expect(await card.getByTestId('connection-summary').textContent()).toMatch(/Last test failed, checked/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await world.screenshot('sites-checked');
  });

  it('a site whose API secret was forgotten says so in the list, on its screen and at Start, with the way to Edit site', async () => {
    world = await startWorld();
    const { siteId, shopId } = seedSiteAndShop(world);
    await world.service.testSite(siteId);
    world.service.secretStorage.remove(siteId);
    const { page } = world;
    await openRoute(world, '/');
    const summary = sitesPage(page).siteCards.first().getByTestId('connection-summary');
    expect(await summary.textContent()).toMatch(/No API secret/);
    expect(await summary.getAttribute('data-state')).toBe('no-secret');
    // Where secrets are kept, said without brackets inside brackets.
    for (const testId of ['secret-storage', 'about-secrets']) expect(await page.getByTestId(testId).textContent()).not.toMatch(/\([^)]*\(/);

    // The site's screen does not show a green "Connected" next to "No API secret".
    await openRoute(world, routes.site(siteId));
    await page.getByTestId('no-secret').waitFor();
    expect(await page.locator('[data-testid="connection-result"][data-state="ok"]').count()).toBe(0);

    await openRoute(world, routes.run(siteId, shopId));
    const run = runPage(page);
    await run.noSecret.waitFor();
    expect(await run.noSecret.getByRole('link', { name: 'Edit the site' }).getAttribute('href')).toBe(`#/sites/${siteId}/edit`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await run.startButton.click();
    await run.actionError.waitFor();
    expect(await run.actionError.getByTestId('error-message').textContent()).toMatch(/No API secret is available/);
    expect(await run.view.getAttribute('data-state')).toBe('not_started');
  });

  it('asks before a new site replaces a saved one at the same address, and shows the address as it will be saved', async () => {
    world = await startWorld();
    const { page } = world;
    const sites = sitesPage(page);
    await sites.addSite(world.credentials);
    await page.locator('[data-testid="connection-result"][data-state="ok"]').waitFor();
    const saved = world.service.listSites()[0]!;

    await openRoute(world, '/sites/new');
    // A bare name gets https:// and a path copied from the browser is dropped: shown before saving.
    await sites.urlInput.fill('shop');
    await expect.poll(() => page.getByTestId('site-url-preview').textContent()).toMatch(/Saved as https:\/\/shop/);
    await sites.urlInput.fill(`${world.credentials.url}/app/home`);
    await expect.poll(() => page.getByTestId('site-url-preview').textContent()).toMatch(/already saved/);
    const { norole } = world.sandbox.users;
    await sites.apiKeyInput.fill(norole.apiKey);
    await sites.apiSecretInput.fill(norole.apiSecret);
    await sites.saveButton.click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/already saved/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(world.service.listSites()).toHaveLength(1);
    expect(world.service.listSites()[0]!.apiKey).toBe(saved.apiKey);

    await sites.saveButton.click();
    await page.getByTestId('confirm-button').click();
    await page.getByTestId('test-connection').waitFor();
    expect(world.service.listSites()).toHaveLength(1);
    expect(world.service.listSites()[0]!.apiKey).toBe(norole.apiKey);
  });
});

describe('the connection test’s words (issue 11)', () => {
  it('a name that does not resolve gets a hint for a test, not the run’s “keeps trying”', async () => {
    world = await startWorld();
    const { page } = world;
    const sites = sitesPage(page);
    await sites.addSite({ url: 'https://no-such-site.invalid', apiKey: 'key', apiSecret: 'secret' });
    const failed = page.locator('[data-testid="connection-result"][data-state="failed"]');
    await failed.waitFor();
    expect(await failed.getByTestId('error-message').textContent()).toMatch(/could not be found/);
    expect(await failed.getByTestId('error-hint').textContent()).not.toMatch(/keeps trying while the network is down/);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
