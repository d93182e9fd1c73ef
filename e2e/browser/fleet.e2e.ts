import { afterEach, describe, expect, it } from 'vitest';
import { StepId } from '../../shared/steps/catalog';
import { seriousA11yViolations } from '../support/a11y';
import { seedSite } from '../support/seed';
import { type E2eWorld, startWorld } from '../support/world';
import { openRoute, routes } from './pages/app';
import { fleetPage } from './pages/fleetPage';
import { runPage } from './pages/runPage';

let world: E2eWorld;
afterEach(async () => world?.close());

const HEADER = 'company,abbr,country,currency,demo_items,payment_methods,opening_balances';
const fleetFile = (conflictAbbr: string) => [HEADER, 'Harbour Cafe,HBC,United States,USD,no,Cash*;Credit Card,Cash=100', `Airport Cafe,${conflictAbbr},United States,USD,no,Cash*;Credit Card,Cash=200`, 'Station Cafe,STC,United States,USD,yes,Cash*;Credit Card,'].join('\n');

describe('a fleet in the window', () => {
  it('imports a fleet file, watches every shop run, and continues the one that failed once its row is fixed', async () => {
    world = await startWorld({ sandbox: { latencyMs: 15 } });
    const siteId = seedSite(world);
    await openRoute(world, routes.site(siteId));
    const { page } = world;
    const fleet = fleetPage(page);

    await page.getByTestId('open-fleet').click();
    await fleet.fileInput.waitFor();
    // A file with problems: every one by row and column, and nothing imported.
    await fleet.choose('fleet.csv', `${HEADER}\nGood Cafe,GC,United States,USD,no,Cash,\nBad Cafe,B C,United States,usd,maybe,Cash,\n`);
    await fleet.issues.waitFor();
    expect(await fleet.issues.getAttribute('role')).toBe('alert');
    expect(await fleet.issues.locator('li').allTextContents()).toEqual([
      'row 3, column demo_items: write yes or no, got "maybe"',
      'row 3, column abbr: Abbreviation must be 1 to 10 letters or digits, without spaces',
      'row 3, column currency: Currency must be an ISO code in capitals, such as USD or EUR',
    ]);
    expect(await fleet.importButton.count()).toBe(0);
    expect(world.service.listShops(siteId)).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await world.screenshot('fleet-import-problems');

    // "Airport Cafe" takes the abbreviation of the site's own company (Lab HQ): it will fail alone.
    await fleet.choose('franchise.csv', fleetFile('LHQ'));
    await fleet.preview.waitFor();
    expect(await fleet.preview.textContent()).toMatch(/franchise\.csv: 3 shops \(Harbour Cafe, Airport Cafe, Station Cafe\)/);
    await fleet.importButton.click();
    await fleet.imported.waitFor();
    await expect.poll(() => fleet.rows.count()).toBe(3);
    expect(await fleet.startAll.isEnabled()).toBe(true);

    await fleet.startAll.click();
    // Live: the rows move while the fleet runs, then settle.
    await page.locator('[data-testid="fleet-row"][data-state="running"]').first().waitFor({ timeout: 30_000 });
    expect(await fleet.pauseAll.isEnabled()).toBe(true);
    await fleet.waitForShop('Harbour Cafe', 'completed');
    await fleet.waitForShop('Station Cafe', 'completed');
    await fleet.waitForShop('Airport Cafe', 'failed');
    await fleet.waitUntilIdle();
    expect(await fleet.row('Airport Cafe').textContent()).toMatch(/Stopped at Engine check.*preflight found a conflict.*abbreviation LHQ is already used by the company "Lab HQ"/);
    expect(await fleet.summary.textContent()).toBe('2 of 3 ready · 0 running or waiting · 1 stopped');

    // Filters: failed, done.
    await fleet.filter('failed').check();
    await expect.poll(() => fleet.rows.count()).toBe(1);
    expect(await fleet.rows.first().getAttribute('data-shop')).toBe('Airport Cafe');
    await fleet.filter('done').check();
    await expect.poll(() => fleet.rows.count()).toBe(2);
    await fleet.filter('all').check();
    await expect.poll(() => fleet.rows.count()).toBe(3);
    expect(await fleet.continueFailed.getAttribute('class')).toMatch(/button-primary/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await world.screenshot('fleet-view');

    // The fix: the row gets its own abbreviation, the file is imported again, Continue failed.
    await fleet.choose('franchise.csv', fleetFile('APC'));
    await fleet.importButton.click();
    await fleet.imported.waitFor();
    await fleet.continueFailed.click();
    await fleet.waitForShop('Airport Cafe', 'completed');
    await fleet.waitUntilIdle();
    expect(await fleet.summary.textContent()).toBe('3 of 3 ready · 0 running or waiting · 0 stopped');
    expect(await fleet.startAll.isDisabled()).toBe(true);
    expect(world.sandbox.db.count('Company', { company_name: 'Airport Cafe' })).toBe(1);
    expect(world.sandbox.db.count('Customer', { customer_name: 'Walk-in Customer' })).toBe(1);

    // A row opens the shop's run: the Start preflight stopped it at the engine check before any change
    // (the company was never tried with the taken abbreviation), then everything went through.
    await fleet.row('Airport Cafe').getByRole('link', { name: 'Airport Cafe' }).click();
    const run = runPage(page);
    await run.waitForState('completed');
    expect(await run.step(StepId.EngineCheck).getByTestId('step-attempts').textContent()).toBe('2');
    expect(await run.step(StepId.Company).getByTestId('step-attempts').textContent()).toBe('1');
  });
});
