import type { Page } from 'playwright-core';

/** The sites list, the site form and a site's screen (connection and shops). */
export function sitesPage(page: Page) {
  return {
    addSiteButton: page.getByTestId('add-site'),
    siteCards: page.getByTestId('site-card'),
    secretStorage: page.getByTestId('secret-storage'),
    urlInput: page.getByLabel('ERPNext address', { exact: true }),
    apiKeyInput: page.getByLabel('API key', { exact: true }),
    apiSecretInput: page.getByLabel('API secret', { exact: true }),
    caFileInput: page.getByLabel('CA certificate file (optional)'),
    pinInput: page.getByLabel('Trusted certificate fingerprint (optional)'),
    saveButton: page.getByTestId('save-site'),
    testConnectionButton: page.getByTestId('test-connection'),
    connectionResult: page.getByTestId('connection-result'),
    newShopButton: page.getByTestId('new-shop'),
    shopRows: page.getByTestId('shop-row'),

    async addSite(site: { url: string; apiKey: string; apiSecret: string }): Promise<void> {
      await this.addSiteButton.click();
      await this.urlInput.fill(site.url);
      await this.apiKeyInput.fill(site.apiKey);
      await this.apiSecretInput.fill(site.apiSecret);
      await this.saveButton.click();
    },
  };
}
