import { afterEach, describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../support/a11y';
import { cornerCafe, seedSiteAndShop } from '../support/seed';
import { type E2eWorld, startWorld } from '../support/world';
import { openRoute, routes } from './pages/app';
import { sitesPage } from './pages/sitesPage';

let world: E2eWorld;
afterEach(async () => world?.close());

/** The example shop: the default demo items, each with its opening stock (a Material Receipt and its stock ledger). */
const SHOP = cornerCafe();

describe('Remove shop from ERPNext (issue 10, part 3)', () => {
  it('after a full run lists what goes, asks for the company name, removes it with progress, and the records are gone', async () => {
    world = await startWorld();
    const { siteId, shopId } = seedSiteAndShop(world, SHOP);
    await world.service.startRun(shopId);
    await expect.poll(() => world.service.runView(shopId).run.status, { timeout: 60_000 }).toBe('COMPLETED');
    const db = world.sandbox.db;
    expect([db.count('Company', { company_name: 'Corner Cafe' }), db.count('POS Profile', { name: 'Corner Cafe Till 1' }), db.count('Item', { item_code: 'CC-WATER' })]).toEqual([1, 1, 1]);
    const stock = () => [db.count('Stock Entry', { company: 'Corner Cafe' }), db.count('Stock Ledger Entry', { company: 'Corner Cafe' }), db.list('Bin').filter((b) => String(b.warehouse).endsWith(' - CC')).length];
    expect(stock()).toEqual([4, 4, 4]);

    await openRoute(world, routes.site(siteId));
    const { page } = world;
    await sitesPage(page).shopRows.first().getByRole('button', { name: 'Remove Corner Cafe from ERPNext…' }).click();
    const dialog = page.locator('[data-testid="undo-dialog"][open]');
    await dialog.getByTestId('undo-plan').first().waitFor();
    const plan = await dialog.getByTestId('undo-plan').first().textContent();
    expect(plan).toMatch(/Remove POS Opening Entry/);
    expect(plan).toMatch(/Remove POS Profile "Corner Cafe Till 1"/);
    expect(plan).toMatch(/Restore Selling Settings "Selling Settings" customer_group: "Individual" → \(empty\)/);
    expect(plan).toMatch(/Cancel Stock Entry "MAT-STE-[^"]+" \(opening stock of CC-ESPRESSO/);
    expect(plan).toMatch(/Delete the transactions of Company "Corner Cafe" \(ERPNext's Transaction Deletion Record/);
    expect(plan).toMatch(/Remove Company "Corner Cafe"/);
    expect(await dialog.textContent()).toMatch(/Kept as they were \(they existed before\).*Mode of Payment Account "Corner Cafe" of Mode of Payment "Cash"/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await world.screenshot('remove-from-erpnext');

    // Only the exact company name arms the button; main checks it again.
    const button = dialog.getByTestId('undo-confirm-button');
    const input = dialog.getByLabel('Type the company name (Corner Cafe) to confirm');
    await input.fill('Corner Caf');
    expect(await button.isDisabled()).toBe(true);
    const wrong = await page.evaluate(async (id) => {
      const response = await fetch('/api/undoShop', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Pos-Api': '1' }, body: JSON.stringify({ payload: { shopId: id, confirmCompany: 'Lab HQ' } }) });
      return (await response.json()) as { ok: boolean; error?: { code: string } };
    }, shopId);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'not_confirmed' } });
    expect(db.count('Company', { company_name: 'Corner Cafe' })).toBe(1);

    await input.fill('Corner Cafe');
    // A slow site, so the progress can be watched: each step appears as undo logs it.
    world.sandbox.setLatency(150);
    await button.click();
    await dialog.getByTestId('undo-progress').locator('li').first().waitFor({ timeout: 30_000 });
    expect(await dialog.getByTestId('undo-progress').textContent()).toMatch(/Removed POS Opening Entry|Operator: undo/);
    world.sandbox.setLatency(0);
    const result = dialog.getByTestId('undo-result');
    await result.waitFor({ timeout: 60_000 });
    expect(await result.textContent()).toMatch(/Removed from ERPNext.*Removed the shop from ERPNext: \d+ done/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await world.screenshot('remove-from-erpnext-done');
    expect([db.count('Company', { company_name: 'Corner Cafe' }), db.count('POS Profile', { name: 'Corner Cafe Till 1' }), db.count('Item', { item_code: 'CC-WATER' }), db.count('Customer', { customer_name: 'Walk-in Customer' })]).toEqual([0, 0, 0, 0]);
    expect(stock()).toEqual([0, 0, 0]);
    expect(db.list('Transaction Deletion Record')).toEqual([]);
    expect(db.get('Mode of Payment', 'Cash')).toBeTruthy();
    // This laptop keeps the shop (it can be provisioned again), and says it is no longer in ERPNext.
    expect(world.service.listShops(siteId)).toHaveLength(1);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => sitesPage(page).shopRows.first().getByTestId('shop-status').textContent()).toMatch(/Removed from ERPNext/);
  });
});
