import { afterEach, describe, expect, it } from 'vitest';
import { StepId } from '../../shared/steps/catalog';
import { a11yViolationsOf, seriousA11yViolations } from '../support/a11y';
import { cornerCafe, seedSiteAndShop } from '../support/seed';
import { type E2eWorld, startWorld } from '../support/world';
import { openRoute, routes } from './pages/app';
import { runPage } from './pages/runPage';

let world: E2eWorld;
afterEach(async () => world?.close());

const FROZEN = 'Company Corner Cafe is frozen for POS';
const focusedTestId = () => world.page.evaluate(() => (document.activeElement === document.body ? 'BODY' : (document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName)));

describe('the run screen (issue 11)', () => {
  it('item 6: ERPNext’s reason stands under the error headline, and a Continue that fails the same way shows its attempt and time', async () => {
    world = await startWorld();
    const { siteId, shopId } = seedSiteAndShop(world, cornerCafe({ demoItems: false }));
    world.sandbox.faults.add({ method: 'POST', path: '/api/resource/POS Profile', kind: 'error', status: 417, excType: 'ValidationError', message: `<b>${FROZEN}</b>` });
    await openRoute(world, routes.run(siteId, shopId));
    const run = runPage(world.page);
    await run.startButton.click();
    await run.waitForState('failed');
    const card = run.errorCardFor(StepId.PosProfile);
    // Visible without unfolding anything, and cleaned of ERPNext's HTML.
    const reason = card.getByTestId('error-reason');
    expect(await reason.isVisible()).toBe(true);
    expect(await reason.textContent()).toContain(FROZEN);
    expect(await reason.textContent()).not.toContain('<b>');
    expect(await card.getByTestId('error-attempt').textContent()).toMatch(/Attempt 1, failed at \d{1,2}:\d{2}:\d{2}/);
    // The card is not an <article> posing as an alert (aria-allowed-role), and nothing serious.
    expect(await a11yViolationsOf(world.page, ['aria-allowed-role'])).toEqual([]);
    expect(await seriousA11yViolations(world.page)).toEqual([]);

    await run.continueButton.click();
    await expect.poll(() => card.getByTestId('error-attempt').textContent()).toMatch(/Attempt 2, failed at \d{1,2}:\d{2}:\d{2}/);
    expect(await card.getByTestId('error-attempt').textContent()).toMatch(/the same way/);
    expect(await reason.isVisible()).toBe(true);
    await world.screenshot('run-view-error-reason');
  });

  it('item 7: keeps the running steps in view at 1280×800 with a "now" line; Pause pauses and focus never drops to the page', async () => {
    world = await startWorld({ viewport: { width: 1280, height: 800 } });
    const { siteId, shopId } = seedSiteAndShop(world, cornerCafe({ demoItems: false }));
    await openRoute(world, routes.run(siteId, shopId));
    const { page } = world;
    const run = runPage(page);
    // The run is held at the POS Profile's write until the test lets it go: a whole run now takes less
    // than a second, too fast to catch a step running by timing.
    const profileWrite = world.sandbox.faults.add({ method: 'POST', path: '/api/resource/POS Profile', kind: 'hold' });
    await run.startButton.focus();
    await page.keyboard.press('Enter');
    await run.waitForPhase('running');
    expect(await focusedTestId()).not.toBe('BODY');

    await run.waitForStep(StepId.PosProfile, 'running');
    await expect.poll(() => world.sandbox.stats().faultsFired).toBe(1);
    // The whole row, with the action line that comes in under it once the step is at work (the row grows then).
    await run.step(StepId.PosProfile).getByTestId('step-action').waitFor();
    await expect.poll(async () => {
      const row = (await run.step(StepId.PosProfile).boundingBox())!;
      return row.y >= 0 && row.y + row.height <= 800;
    }).toBe(true);
    expect(await run.now.textContent()).toMatch(/Now: .*POS Profile/);
    expect(await run.now.isVisible()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: `${process.cwd()}/test-results/screenshots/run-view-now.png` });

    // "Pause" says what it does (it was "Cancel run").
    expect(await run.pauseButton.textContent()).toBe('Pause');
    await run.pauseButton.click();
    await run.waitForPhase('paused');
    expect(await focusedTestId()).not.toBe('BODY');
    // The write sent just before the pause lands on the site meanwhile; Continue then finds it (no second
    // profile) instead of waiting out the server's time to commit it.
    const profiles = () => world.sandbox.db.count('POS Profile', { name: 'Corner Cafe Till 1' });
    expect(profiles()).toBe(0);
    world.sandbox.faults.remove(profileWrite);
    await expect.poll(profiles).toBe(1);
    await run.continueButton.click();
    await run.waitForState('completed');
    expect(profiles()).toBe(1);
    expect(await focusedTestId()).not.toBe('BODY');
  });

  it('words: step states, Start a new run explained, skip offered only for an optional step, readiness only when there is some, the optional tag read with a space', async () => {
    world = await startWorld();
    const { siteId, shopId } = seedSiteAndShop(world, cornerCafe({ demoItems: false }));
    world.sandbox.faults.add({ method: 'PUT', path: '/api/resource/Selling Settings/*', kind: 'error', status: 417, excType: 'ValidationError', message: 'Selling Settings are locked' });
    await openRoute(world, routes.run(siteId, shopId));
    const { page } = world;
    const run = runPage(page);
    // "Waiting" is for the network only: a step that has not started says so.
    expect(await run.step(StepId.PosProfile).locator('.badge').textContent()).toBe('Not started');
    expect(await page.getByRole('heading', { name: '7. Demo items (optional)', exact: true }).count()).toBe(1);

    await run.startButton.click();
    await run.waitForState('partial');
    // A skip the shop's settings made is in the log too, not only the installer's.
    expect(world.service.countLogs({ shopId, search: 'the shop asks for no demo items' })).toBe(1);
    // Selling settings is not optional: no "skip it" advice.
    expect(await run.nextMove.textContent()).toMatch(/Selling and stock settings/);
    expect(await run.nextMove.textContent()).not.toMatch(/skip/i);

    // A finished run offers one way to run everything again, and says what it does.
    expect(await run.startButton.textContent()).toBe('Start a new run');
    expect(await run.retryAllButton.count()).toBe(0);
    const describedBy = (await run.startButton.getAttribute('aria-describedby'))!;
    expect(await page.locator(`#${describedBy}`).textContent()).toMatch(/checks every step again/);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('words: a failed run shows no empty readiness heading; ERPNext’s abbreviation refusal states the real rule; the run time leaves out pauses', async () => {
    world = await startWorld();
    const { siteId, shopId } = seedSiteAndShop(world, cornerCafe({ demoItems: false }));
    const refusal = world.sandbox.faults.add({ method: 'POST', path: '/api/resource/Company', kind: 'error', status: 417, excType: 'ValidationError', message: 'Abbreviation already used for another company' });
    await openRoute(world, routes.run(siteId, shopId));
    const { page } = world;
    const run = runPage(page);
    await run.startButton.click();
    await run.waitForState('failed');
    // The rule is 1 to 10 letters or digits (the hint said "2 to 5 letters").
    expect(await run.errorCardFor(StepId.Company).getByTestId('error-hint').textContent()).toMatch(/1 to 10 letters or digits/);
    expect(await page.getByText('Till readiness, read back from ERPNext').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The cause gone; a pause in the middle: "Took" counts the work, not the pause.
    world.sandbox.faults.remove(refusal);
    world.sandbox.setLatency(80);
    await run.continueButton.click();
    await run.waitForStep(StepId.Company, 'succeeded');
    await run.pauseButton.click();
    await run.waitForPhase('paused');
    await page.waitForTimeout(4_000);
    world.sandbox.setLatency(0);
    await run.continueButton.click();
    await run.waitForState('completed');
    expect(await run.took.textContent()).toMatch(/of work/);
    expect(await run.took.textContent()).toMatch(/including pauses/);
  });

  it('words: a step retrying says why in words, not with an error code', async () => {
    world = await startWorld();
    const { siteId, shopId } = seedSiteAndShop(world, cornerCafe({ demoItems: false }));
    world.sandbox.faults.add({ method: 'POST', path: '/api/resource/Company', kind: 'status', status: 503, times: 2 });
    await openRoute(world, routes.run(siteId, shopId));
    const { page } = world;
    const run = runPage(page);
    world.sandbox.setLatency(300);
    await run.startButton.click();
    // Caught the moment it shows (it lasts as long as the retried request).
    const action = await page.waitForFunction(() => {
      const text = document.querySelector('[data-testid="step-step_2_company"] [data-testid="step-action"]')?.textContent ?? '';
      return text.startsWith('Retrying') ? text : null;
    });
    const text = (await action.jsonValue()) as string;
    expect(text).toMatch(/^Retrying in [\d.]+ s: ERPNext is busy or restarting$/);
    expect(text).not.toMatch(/service_unavailable|\(/);
    world.sandbox.setLatency(0);
    await run.waitForState('completed');
  });

  it('after POS ready: links open the created records and the POS page in ERPNext', async () => {
    world = await startWorld();
    const { siteId, shopId } = seedSiteAndShop(world, cornerCafe({ demoItems: false }));
    await openRoute(world, routes.run(siteId, shopId));
    const run = runPage(world.page);
    await run.startButton.click();
    await run.waitForState('completed');
    const links = run.openInErpnext.getByRole('link');
    const hrefs = await links.evaluateAll((anchors) => anchors.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel')]));
    const base = world.sandbox.url;
    expect(hrefs).toContainEqual([expect.stringMatching(/Point of Sale/), `${base}/app/point-of-sale`, '_blank', expect.stringContaining('noopener')]);
    expect(hrefs).toContainEqual([expect.stringMatching(/Corner Cafe Till 1/), `${base}/app/pos-profile/Corner%20Cafe%20Till%201`, '_blank', expect.stringContaining('noopener')]);
    expect(hrefs).toContainEqual([expect.stringMatching(/Corner Cafe/), `${base}/app/company/Corner%20Cafe`, '_blank', expect.stringContaining('noopener')]);
    expect(await seriousA11yViolations(world.page)).toEqual([]);
    await world.screenshot('run-view-pos-ready');
  });

  it('the estimate before a run follows steps running side by side, not their sum', async () => {
    world = await startWorld();
    const first = seedSiteAndShop(world, cornerCafe({ demoItems: false }));
    world.sandbox.setLatency(100);
    await world.service.startRun(first.shopId);
    const done = world.service.runView(first.shopId);
    expect(done.run.status).toBe('COMPLETED');
    const wall = Date.parse(done.run.finishedAt!) - Date.parse(done.run.startedAt!);
    const serial = done.steps.reduce((sum, step) => sum + (step.durationMs ?? 0), 0);
    expect(serial).toBeGreaterThan(wall * 1.15);

    const second = world.service.saveShop(first.siteId, cornerCafe({ demoItems: false, company: { name: 'Pier Grocer', country: 'United States', currency: 'USD' } }));
    if (!second.ok) throw new Error('second shop invalid');
    await openRoute(world, routes.run(first.siteId, second.shop.id));
    const run = runPage(world.page);
    const text = (await run.eta.textContent())!;
    const seconds = Number(/usually takes ([\d.]+) s/.exec(text)?.[1]);
    expect(seconds * 1000).toBeLessThan(serial * 0.95);
  });
});
