import { afterEach, describe, expect, it } from 'vitest';
import { type EngineHarness, SHOP_FILE, engineHarness } from '../../support/engineHarness';

// Payment methods name what the site has: a typo must not create junk master data (issue 11), a new mode
// is created only when the shop file says so, and a card account only when something is paid by card.

let h: EngineHarness | undefined;
afterEach(async () => h?.close());

const withMethods = (paymentMethods: unknown[]) => ({ ...SHOP_FILE, pos: { ...SHOP_FILE.pos, paymentMethods } });

describe('payment methods', () => {
  it('a mode the site lacks stops the run before anything is written, naming the modes the site has', async () => {
    h = await engineHarness({ shop: withMethods([{ mode: 'Cash', default: true }, { mode: 'Cahs' }]) });
    const view = await h.controller().start();
    // The preflight after the engine check finds it (issue 10): step 1 never starts.
    const check = view.steps.find((s) => s.stepId === 'step_0_engine_check')!;
    expect(check.status).toBe('failed');
    expect(check.error?.message).toBe('Nothing was changed in ERPNext: the preflight found a conflict. (1) The payment method "Cahs" does not exist in ERPNext. Modes of Payment on the site: Bank Draft, Cash, Check, Credit Card, Wire Transfer.');
    expect(check.error?.hint).toMatch(/"create": true/);
    expect(view.steps.find((s) => s.stepId === 'step_1_platform_setup')!.status).toBe('pending');
    expect(h.sandbox.stats().writes).toBe(0);
    expect(view.run.status).toBe('FAILED');
    expect(h.sandbox.db.get('Mode of Payment', 'Cahs')).toBeNull();
    expect(h.sandbox.db.count('Company', { company_name: 'Corner Cafe' })).toBe(0);
  });

  it('"create": true creates the missing mode (a Bank-type mode: its account is the card account)', async () => {
    h = await engineHarness({ shop: withMethods([{ mode: 'Cash', default: true }, { mode: 'Bitcoin', create: true }]) });
    const view = await h.controller().start();
    expect(view.run.status).toBe('COMPLETED');
    const mode = h.sandbox.db.get('Mode of Payment', 'Bitcoin')!;
    expect(mode).toMatchObject({ type: 'Bank', enabled: 1 });
    expect(mode.accounts).toEqual([expect.objectContaining({ company: 'Corner Cafe', default_account: 'Card Payments - CC' })]);
  });

  it('a cash-only shop gets no card account, and the company keeps its bank default unset', async () => {
    h = await engineHarness({ shop: withMethods([{ mode: 'Cash', default: true }]) });
    const view = await h.controller().start();
    expect(view.run.status).toBe('COMPLETED');
    expect(h.sandbox.db.count('Account', { company: 'Corner Cafe', account_name: 'Card Payments' })).toBe(0);
    expect(h.sandbox.db.get('Company', 'Corner Cafe')?.default_bank_account ?? null).toBeNull();
    expect(view.steps.find((s) => s.stepId === 'step_3_chart_of_accounts')?.status).toBe('succeeded');
  });

  it('a card mode gets the Card Payments account as its company row and the company\'s bank default', async () => {
    h = await engineHarness();
    expect((await h.controller().start()).run.status).toBe('COMPLETED');
    expect(h.sandbox.db.count('Account', { company: 'Corner Cafe', account_name: 'Card Payments', account_type: 'Bank' })).toBe(1);
    expect(h.sandbox.db.get('Company', 'Corner Cafe')?.default_bank_account).toBe('Card Payments - CC');
  });
});
