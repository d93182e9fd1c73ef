import { afterEach, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../../sandbox';
import { planContextFor, planShop } from '../../../electron/engine/plan';
import type { PlanItem, StepPlan } from '../../../electron/engine/plan';
import { SiteReads } from '../../../electron/engine/reads/siteReads';
import { clockIn } from '../../../electron/engine/stepContext';
import { ErpNextClient } from '../../../electron/erpnext/client';
import { ABBREVIATION_RULE, CREATE_MODE_CHOICE, validateShop } from '../../../shared/shop';
import { companyAbbreviation } from '../../../shared/shop/validate';
import { StepId } from '../../../shared/steps/catalog';
import { type EngineHarness, SHOP_FILE, engineHarness } from '../../support/engineHarness';

// Every step planned from reads alone (the foundation of issue 10's `plan`): no write reaches the site,
// each record is create / adopt / change / conflict / unknown with its reason.

let h: EngineHarness | undefined;
let bare: Sandbox | undefined;
afterEach(async () => {
  await h?.close();
  await bare?.stop();
  h = undefined;
  bare = undefined;
});

async function plan(site: Sandbox, file: unknown = SHOP_FILE): Promise<StepPlan[]> {
  const validated = validateShop(file);
  if (!validated.ok) throw new Error(JSON.stringify(validated.issues));
  const { apiKey, apiSecret } = site.users.provisioner;
  const reads = new SiteReads(new ErpNextClient({ siteUrl: site.url, credentials: { apiKey, apiSecret } }));
  try {
    return await planShop(await planContextFor(reads, validated.value, companyAbbreviation(validated.value), (zone) => clockIn(zone).date));
  } finally {
    reads.dispose();
  }
}

const of = (plans: StepPlan[], stepId: StepId) => plans.find((p) => p.stepId === stepId)!.items;
const actions = (items: PlanItem[]) => Object.fromEntries(items.map((i) => [i.what, i.action]));
const all = (plans: StepPlan[]) => plans.flatMap((p) => p.items);

describe('plan: what each step would do, with no write', () => {
  it('a fresh shop on a site after the setup wizard: creates, adopts what the wizard made, and names what ERPNext will name', async () => {
    h = await engineHarness();
    const plans = await plan(h.sandbox);
    expect(h.sandbox.stats().writes).toBe(0);
    expect(actions(of(plans, StepId.Company))).toEqual({ 'Company "Corner Cafe"': 'create' });
    expect(actions(of(plans, StepId.Warehouses))).toEqual({ 'Warehouse "Main Store" of Corner Cafe': 'create', 'Warehouse "POS Store" of Corner Cafe': 'create' });
    expect(of(plans, StepId.Warehouses).map((i) => i.name)).toEqual(['Main Store - CC', 'POS Store - CC']);
    expect(actions(of(plans, StepId.PlatformSetup))).toMatchObject({ 'Mode of Payment "Cash"': 'adopt', 'Mode of Payment "Credit Card"': 'adopt', 'Price List "Standard Selling"': 'adopt', 'Warehouse Type "Transit"': 'adopt' });
    expect(actions(of(plans, StepId.ChartOfAccounts))).toMatchObject({ 'Company "Corner Cafe" defaults': 'unknown', 'Account "Card Payments" for Corner Cafe': 'create' });
    expect(of(plans, StepId.Settings).find((i) => i.doctype === 'Selling Settings')).toMatchObject({ action: 'change', changes: [{ field: 'customer_group', from: null, to: 'Individual' }, { field: 'territory', from: null, to: 'All Territories' }] });
    expect(of(plans, StepId.PosSession)).toEqual([expect.objectContaining({ action: 'create', name: null, doctype: 'POS Opening Entry' })]);
    expect(of(plans, StepId.DemoItems).filter((i) => i.doctype === 'Item Price').every((i) => i.action === 'unknown' && i.name === null)).toBe(true);
    expect(all(plans).filter((i) => i.action === 'conflict')).toEqual([]);
  });

  it('a provisioned shop: everything is adopted, in at most 15 reads', async () => {
    h = await engineHarness();
    expect((await h.controller().start()).run.status).toBe('COMPLETED');
    h.sandbox.resetStats();
    const plans = await plan(h.sandbox);
    expect(h.sandbox.stats().writes).toBe(0);
    expect(h.sandbox.stats().requests).toBeLessThanOrEqual(15);
    expect(all(plans).filter((i) => i.action !== 'adopt')).toEqual([]);
    expect(of(plans, StepId.PosSession)[0]).toMatchObject({ action: 'adopt', name: expect.stringMatching(/^POS-OPE-/) });
  });

  it('conflicts carry the exact reason: a taken abbreviation, a payment method the site lacks, a missing cashier', async () => {
    h = await engineHarness();
    const file = { ...SHOP_FILE, company: { ...SHOP_FILE.company, abbr: 'LHQ' }, pos: { ...SHOP_FILE.pos, paymentMethods: [{ mode: 'Cash', default: true }, { mode: 'Cahs' }], cashiers: ['nobody@shop.example'] } };
    const conflicts = all(await plan(h.sandbox, file)).filter((i) => i.action === 'conflict');
    expect(h.sandbox.stats().writes).toBe(0);
    expect(conflicts.map((c) => c.reason)).toEqual([
      'The payment method "Cahs" does not exist in ERPNext. Modes of Payment on the site: Bank Draft, Cash, Check, Credit Card, Wire Transfer.',
      'The abbreviation LHQ is already used by the company "Lab HQ".',
      'The cashier nobody@shop.example does not exist in ERPNext.',
    ]);
    expect(conflicts[0]!.hint).toMatch(/"create": true/);
    expect(conflicts[0]!.hint).toContain(`tick "${CREATE_MODE_CHOICE}" in the shop form`);
    expect(conflicts[1]!.hint).toContain(`(${ABBREVIATION_RULE}, unique on this site)`);
  });

  it('a POS Profile of that name that belongs to another company is a conflict', async () => {
    h = await engineHarness();
    expect((await h.controller().start()).run.status).toBe('COMPLETED');
    const other = { ...SHOP_FILE, company: { name: 'Pier Grocer', abbr: 'PG', country: 'United States', currency: 'USD' }, pos: { ...SHOP_FILE.pos, profileName: 'Corner Cafe POS' } };
    const conflict = of(await plan(h.sandbox, other), StepId.PosProfile).find((i) => i.action === 'conflict');
    expect(conflict?.reason).toBe('The POS Profile "Corner Cafe POS" already exists for the company Corner Cafe.');
  });

  it('a bare site (setup wizard never run): the masters the wizard would have made are to create', async () => {
    bare = await startSandbox({ state: 'bare' });
    const platform = of(await plan(bare), StepId.PlatformSetup);
    expect(bare.stats().writes).toBe(0);
    expect(actions(platform)).toMatchObject({ 'UOM "Nos"': 'create', 'Warehouse Type "Transit"': 'create', 'Item Group "All Item Groups"': 'create', 'Customer Group "Individual"': 'create', 'Territory "All Territories"': 'create', 'Mode of Payment "Cash"': 'create', 'Mode of Payment "Credit Card"': 'create' });
  });
});
