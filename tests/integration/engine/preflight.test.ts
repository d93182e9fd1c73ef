import { afterEach, describe, expect, it } from 'vitest';
import { StepId } from '../../../shared/steps/catalog';
import { type EngineHarness, SHOP_FILE, engineHarness } from '../../support/engineHarness';

// Issue 10: every Start checks every step's plan before its first write. A taken abbreviation (found at
// step 2 before) and a missing cashier (step 8) stop the run together, before the company is made.

let h: EngineHarness | undefined;
afterEach(async () => h?.close());

const conflicting = { ...SHOP_FILE, company: { ...SHOP_FILE.company, abbr: 'LHQ' }, pos: { ...SHOP_FILE.pos, cashiers: ['nobody@shop.example'] } };

describe('Start preflight', () => {
  it('a taken abbreviation and a missing cashier: FAILED at the engine check, both named, nothing written', async () => {
    h = await engineHarness({ shop: conflicting });
    const view = await h.controller().start();
    expect(view.run.status).toBe('FAILED');
    expect(h.sandbox.stats().writes).toBe(0);
    const check = view.steps.find((s) => s.stepId === StepId.EngineCheck)!;
    expect(check.status).toBe('failed');
    expect(check.error?.message).toBe(
      'Nothing was changed in ERPNext: the preflight found 2 conflicts. (1) The abbreviation LHQ is already used by the company "Lab HQ". (2) The cashier nobody@shop.example does not exist in ERPNext.',
    );
    expect(check.error?.hint).toContain('Choose another abbreviation in the shop form');
    expect(check.error?.hint).toContain('Create the user nobody@shop.example in ERPNext');
    expect(view.steps.filter((s) => s.stepId !== StepId.EngineCheck).every((s) => s.status === 'pending' || s.status === 'skipped')).toBe(true);
    expect(h.sandbox.db.count('Company', { company_name: 'Corner Cafe' })).toBe(0);
  });

  it('Continue of a run stopped after the company also checks the steps still to run before writing', async () => {
    h = await engineHarness({ shop: { ...SHOP_FILE, pos: { ...SHOP_FILE.pos, cashiers: ['norole@erplab.test'] } } });
    const first = h.controller();
    // Stop after the company exists: the cashier then disappears from the site before Continue.
    const stop = first.onUpdate((view) => {
      if (view.steps.find((s) => s.stepId === StepId.Company)?.status === 'succeeded') first.cancel();
    });
    await first.start();
    stop();
    // As a person would: an administrator deletes the cashier's user through the API.
    const { apiKey, apiSecret } = h.sandbox.users.administrator;
    const deleted = await fetch(`${h.sandbox.url}/api/resource/User/norole@erplab.test`, { method: 'DELETE', headers: { Authorization: `token ${apiKey}:${apiSecret}` } });
    expect(deleted.status).toBe(202);
    h.sandbox.resetStats();
    const view = await first.continueRun();
    expect(view.run.status).toBe('FAILED');
    expect(h.sandbox.stats().writes).toBe(0);
    const failed = view.steps.filter((s) => s.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]!.error?.message).toContain('The cashier norole@erplab.test does not exist in ERPNext.');
    expect(view.steps.find((s) => s.stepId === StepId.Company)?.status).toBe('succeeded');
  });

  it('a shop without conflicts runs to COMPLETED', async () => {
    h = await engineHarness();
    expect((await h.controller().start()).run.status).toBe('COMPLETED');
  });
});
