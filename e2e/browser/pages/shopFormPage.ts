import type { Page } from 'playwright-core';

/** The shop form (new and edit), with its import and export. */
export function shopFormPage(page: Page) {
  const form = page.getByTestId('shop-form');
  return {
    form,
    companyName: page.getByLabel('Company name', { exact: true }),
    abbreviation: page.getByLabel('Abbreviation', { exact: true }),
    country: page.getByLabel('Country', { exact: true }),
    currency: page.getByLabel('Currency', { exact: true }),
    chart: page.getByLabel('Chart of accounts', { exact: true }),
    demoItems: page.getByLabel(/Add demo items/),
    addPaymentMethod: page.getByTestId('add-payment-method'),
    paymentMethodRows: page.getByTestId('payment-method-row'),
    addCashier: page.getByTestId('add-cashier'),
    importInput: page.getByTestId('import-shop-file'),
    importIssues: page.getByTestId('import-issues'),
    importOk: page.getByTestId('import-ok'),
    issueSummary: page.getByTestId('issue-summary'),
    saveButton: page.getByTestId('save-shop'),
    exportButton: page.getByTestId('export-shop-file'),
    exportedPath: page.getByTestId('shop-file-saved'),

    paymentMethod: (position: number) => page.getByLabel(`Payment method ${position}`, { exact: true }),
    openingBalance: (method: string) => page.getByLabel(`Opening balance for ${method}`, { exact: true }),
    defaultRadio: (method: string) => page.getByLabel(`${method} is the default`, { exact: true }),
    removePaymentMethod: (method: string) => page.getByRole('button', { name: `Remove ${method}`, exact: true }),
    cashier: (position: number) => page.getByLabel(`Cashier ${position}`, { exact: true }),
    /** The error lines shown under a field (by the field's id). */
    fieldErrors: (fieldId: string) => page.getByTestId(`errors-${fieldId}`),
    /** The warning lines shown under a field (the live checks against the site show there too). */
    fieldWarnings: (fieldId: string) => page.getByTestId(`warnings-${fieldId}`),
    siteChecks: page.getByTestId('site-checks'),

    async fillBasics(shop: { name: string; country: string }): Promise<void> {
      await this.companyName.fill(shop.name);
      await this.country.selectOption(shop.country);
    },
    async addPaymentMethodNamed(mode: string): Promise<void> {
      await this.addPaymentMethod.click();
      // The new row's name field has focus.
      await page.keyboard.type(mode);
    },
  };
}
