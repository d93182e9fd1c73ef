import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../support/a11y';
import { cornerCafe, seedSiteAndShop } from '../support/seed';
import { type E2eWorld, SCREENSHOTS_DIR, startWorld } from '../support/world';
import { openRoute, routes } from './pages/app';
import { runPage } from './pages/runPage';

let world: E2eWorld;
afterEach(async () => world?.close());

describe('the handover sheet', () => {
  it('after POS ready: saved from the run view with the shop’s facts, how to open the POS and the helpdesk line, one printable page, no secret', async () => {
    world = await startWorld();
    // The deployer's settings file in the data folder (next to the database) names the helpdesk.
    writeFileSync(path.join(world.dir, 'settings.json'), JSON.stringify({ helpdesk: 'Partner helpdesk: 0800 123 456, help@partner.example (8:00–20:00)' }));
    const { siteId, shopId } = seedSiteAndShop(world, cornerCafe({ pos: { ...(cornerCafe().pos as object), cashiers: [world.sandbox.users.provisioner.user] } }));
    await openRoute(world, routes.run(siteId, shopId));
    const run = runPage(world.page);
    // No finished run yet: no sheet to make.
    expect(await world.page.getByTestId('handover-sheet').count()).toBe(0);
    await run.startButton.click();
    await run.waitForState('completed');

    await world.page.getByTestId('handover-sheet').click();
    const saved = world.page.getByTestId('handover-saved');
    await saved.waitFor();
    const file = (await world.page.getByTestId('handover-path').textContent())!;
    expect(path.dirname(file)).toBe(world.downloadsDir);
    expect(path.basename(file)).toMatch(/Corner Cafe handover \d{4}-\d\d-\d\d\.html$/);
    expect(await seriousA11yViolations(world.page)).toEqual([]);

    const html = readFileSync(file, 'utf8');
    const { apiKey, apiSecret } = world.credentials;
    expect(html).not.toContain(apiSecret);
    expect(html).not.toContain(apiKey);

    // The sheet itself, as the shop owner opens it: accessible, and one A4 page when printed.
    const sheet = await world.context.newPage();
    await sheet.goto(pathToFileURL(file).href);
    expect(await sheet.locator('h1').textContent()).toBe('Corner Cafe: your POS is set up');
    expect(await sheet.locator('.verdict').textContent()).toBe('POS ready: the till can sell.');
    expect(await sheet.getByText(`${world.credentials.url}/app/point-of-sale`).count()).toBe(1);
    expect(await sheet.locator('table').textContent()).toMatch(/Cash \(default\)\$150\.00Credit Card\$0\.00/);
    expect(await sheet.textContent('body')).toContain('Corner Cafe Till 1');
    expect(await sheet.textContent('body')).toContain(world.sandbox.users.provisioner.user);
    expect(await sheet.textContent('footer')).toMatch(/Need help\? Partner helpdesk: 0800 123 456/);
    expect(await sheet.locator('.checks li').count()).toBeGreaterThanOrEqual(6);
    expect(await sheet.locator('.check-bad').count()).toBe(0);
    expect(await seriousA11yViolations(sheet)).toEqual([]);
    await sheet.screenshot({ path: path.join(SCREENSHOTS_DIR, 'handover-sheet.png'), fullPage: true });
    const pdf = await sheet.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    // One page: a PDF's page objects are "/Type /Page" (the tree itself is "/Type /Pages").
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    await sheet.close();
  });
});
