import { afterEach, describe, expect, it } from 'vitest';
import { StepId } from '../../shared/steps/catalog';
import { seriousA11yViolations } from '../support/a11y';
import { cornerCafe, seedSite, seedSiteAndShop } from '../support/seed';
import { type E2eWorld, startWorld } from '../support/world';
import { ROOT } from '../support/world';
import path from 'node:path';
import { openRoute, routes } from './pages/app';
import { shopFormPage } from './pages/shopFormPage';
import { planPage } from './pages/planPage';
import { runPage } from './pages/runPage';

let world: E2eWorld;
afterEach(async () => world?.close());

// Issue 10 in the window: Preview shows what Start will do (per step, per record, badges with words),
// writes nothing, and Start goes from there.
describe('Preview → Start', () => {
  it('previews a fresh shop without writing, then starts from the preview to POS ready', async () => {
    world = await startWorld({ sandbox: { latencyMs: 5 } });
    const { siteId, shopId } = seedSiteAndShop(world, cornerCafe({ demoItems: false }));
    await openRoute(world, routes.run(siteId, shopId));
    const { page } = world;
    world.sandbox.resetStats();
    await page.getByTestId('run-preview').click();
    const plan = planPage(page);
    await plan.waitForOutcome('changes');
    expect(world.sandbox.stats().writes).toBe(0);
    expect(await plan.summary.textContent()).toMatch(/^\d+ to create, 2 to change, 0 conflicts/);
    const company = plan.step(StepId.Company).getByTestId('plan-item');
    expect(await company.getAttribute('data-action')).toBe('create');
    expect(await company.textContent()).toMatch(/^CreateCompany "Corner Cafe"/);
    expect(await plan.step(StepId.Settings).getByTestId('plan-change').allTextContents()).toEqual(['customer_group: "" → "Individual"', 'territory: "" → "All Territories"']);
    expect(await plan.step(StepId.DemoItems).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await world.screenshot('plan-preview');

    // Meanwhile someone makes the walk-in customer by hand: the Start says so, then adopts it.
    const { apiKey, apiSecret } = world.sandbox.users.administrator;
    const made = await fetch(`${world.sandbox.url}/api/resource/Customer`, { method: 'POST', headers: { Authorization: `token ${apiKey}:${apiSecret}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ customer_name: 'Walk-in Customer', customer_type: 'Individual', customer_group: 'Individual', territory: 'All Territories' }) });
    expect(made.status).toBe(200);
    await plan.startButton.click();
    const run = runPage(page);
    await run.waitForState('completed');
    expect(page.url()).toMatch(new RegExp(`/shops/${shopId}$`));
    expect(await page.getByTestId('plan-changed').textContent()).toContain('Customer "Walk-in Customer" now exists (adopt, was create)');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('a conflict shows its reason and what to do, and Start stays off until it is fixed', async () => {
    world = await startWorld();
    const { siteId, shopId } = seedSiteAndShop(world, cornerCafe({ demoItems: false, company: { ...(cornerCafe().company as object), abbr: 'LHQ' } }));
    await openRoute(world, `${routes.run(siteId, shopId)}/plan`);
    const plan = planPage(world.page);
    await plan.waitForOutcome('conflicts');
    const conflict = world.page.locator('[data-testid="plan-item"][data-action="conflict"]');
    expect(await conflict.count()).toBe(1);
    expect(await conflict.textContent()).toMatch(/^ConflictCompany "Corner Cafe"The abbreviation LHQ is already used by the company "Lab HQ"\.What to do: Choose another abbreviation/);
    expect(await plan.startButton.isDisabled()).toBe(true);
    expect(await seriousA11yViolations(world.page)).toEqual([]);
    await world.screenshot('plan-preview-conflict');
    expect(world.sandbox.stats().writes).toBe(0);
  });

  it('the shop form checks the site as you type: a taken abbreviation and a missing cashier show at their fields', async () => {
    world = await startWorld();
    const siteId = seedSite(world);
    await openRoute(world, `/sites/${siteId}/shops/new`);
    const { page } = world;
    const form = shopFormPage(page);
    await form.importInput.setInputFiles(path.join(ROOT, 'examples', 'corner-cafe.shop.json'));
    await page.locator('[data-testid="site-checks"][data-state="checked"][data-conflicts="0"]').waitFor({ timeout: 20_000 });
    expect(await form.siteChecks.textContent()).toMatch(/the abbreviation is free, the cashiers and payment methods exist/);

    await form.abbreviation.fill('LHQ');
    await form.addCashier.click();
    await form.cashier(1).fill('nobody@shop.example');
    await page.locator('[data-testid="site-checks"][data-state="checked"][data-conflicts="2"]').waitFor({ timeout: 20_000 });
    expect(await form.fieldWarnings('shop-company-abbr').textContent()).toMatch(/The abbreviation LHQ is already used by the company "Lab HQ"\./);
    expect(await form.fieldWarnings('shop-cashiers').textContent()).toMatch(/The cashier nobody@shop\.example does not exist in ERPNext\./);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await world.screenshot('shop-form-site-checks');

    await form.abbreviation.fill('CC');
    await page.locator('[data-testid="site-checks"][data-state="checked"][data-conflicts="1"]').waitFor({ timeout: 20_000 });
    expect(await form.fieldWarnings('shop-company-abbr').count()).toBe(0);
    expect(world.sandbox.stats().writes).toBe(0);
  });
});
