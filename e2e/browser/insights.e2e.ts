import { afterEach, describe, expect, it } from 'vitest';
import { formatDuration } from '../../renderer/features/ui/format';
import { StepId } from '../../shared/steps/catalog';
import { seriousA11yViolations } from '../support/a11y';
import { cornerCafe, seedSiteAndShop } from '../support/seed';
import { type E2eWorld, startWorld } from '../support/world';

let world: E2eWorld;
afterEach(async () => world?.close());

describe('Insights across every run', () => {
  it('shows per-step median and p90 (the ETA’s numbers), failure rates, error codes and ERPNext’s most frequent words, as charts and tables', async () => {
    world = await startWorld();
    const { siteId, shopId } = seedSiteAndShop(world, cornerCafe({ demoItems: false }));
    // Three finished runs of one shop, and a second shop whose company is refused once before it goes through.
    for (let i = 0; i < 3; i++) await world.service.startRun(shopId);
    const clashCafe = (abbr: string) => cornerCafe({ demoItems: false, company: { name: 'Clash Cafe', abbr, country: 'United States', currency: 'USD' }, pos: { ...(cornerCafe().pos as object), profileName: 'Clash Cafe Till 1' } });
    const clash = world.service.saveShop(siteId, clashCafe('CLC'));
    if (!clash.ok) throw new Error('seed');
    // ERPNext refuses the company once (another company took the abbreviation after the Start's preflight).
    world.sandbox.faults.add({ method: 'POST', path: '/api/resource/Company', kind: 'error', status: 417, excType: 'ValidationError', message: 'Abbreviation already used for another company', times: 1 });
    await world.service.startRun(clash.shop.id);
    const continued = await world.service.continueRun(clash.shop.id);
    if (continued.run.status !== 'COMPLETED') throw new Error(JSON.stringify(continued.steps.filter((s) => s.error).map((s) => [s.stepId, s.error?.message])));

    const { page } = world;
    await page.goto(`${world.host.url}/#/`);
    await page.getByTestId('nav-insights').click();
    const insights = page.getByTestId('insights');
    await insights.waitFor();
    expect(await insights.getAttribute('data-runs')).toBe('4');
    expect(await page.getByTestId('insights-summary').textContent()).toMatch(/^4 runs: 4 completed\. A finished run takes .+ \(median\), .+ for the slowest tenth\.$/);

    // The medians on screen are the ones the ETA adds up.
    const typical = world.service.store.runs.typicalDurations();
    const durations = page.getByTestId('durations-table');
    for (const stepId of [StepId.EngineCheck, StepId.Company, StepId.PosProfile]) {
      expect(await durations.locator(`tr[data-step="${stepId}"] [data-testid="median"]`).textContent()).toBe(formatDuration(typical[stepId]));
    }
    expect(await durations.locator(`tr[data-step="${StepId.Company}"] td`).last().textContent()).toBe('4');
    // Failures: every attempt counts, also the one Continue fixed.
    expect(await page.getByTestId('failures-table').locator(`tr[data-step="${StepId.Company}"]`).textContent()).toBe('Company20 %15');
    expect(await page.getByTestId('error-codes-table').textContent()).toMatch(/validation_failed1Company/);
    expect(await page.getByTestId('insights-messages').textContent()).toMatch(/Abbreviation already used for another company.*1×, validation_failed/);
    // The charts are pictures next to their tables; screen readers read the tables.
    expect(await page.getByTestId('durations-chart').getAttribute('aria-hidden')).toBe('true');
    expect(await page.getByTestId('durations-chart').locator('rect').count()).toBe(10);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await world.screenshot('insights');
  });
});
