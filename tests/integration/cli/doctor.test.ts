import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { FindingKind, Health, Severity, type DoctorReport } from '../../../shared/doctor';
import { cliWorld, runCli, type CliWorld } from '../../support/cli';
import { type PersonAtTheDesk, personAtTheDesk } from '../../support/drift';
import { SHOP_FILE } from '../../support/engineHarness';

// issue 10 part 2: drift made through the site's API as a person would, found by `doctor` (reads only),
// fixed by `doctor --repair` where Repair may, left to a person (who follows the fix) where it may not.

const CASHIER = 'cashier@erplab.test';
const PROFILE = 'Corner Cafe POS';
const SHOP = { ...SHOP_FILE, pos: { ...SHOP_FILE.pos, cashiers: [CASHIER] } };

let sandbox: Sandbox;
let world: CliWorld;
let desk: PersonAtTheDesk;

async function doctor(...more: string[]): Promise<{ code: number | null; report: DoctorReport & { exitCode: number }; writes: number }> {
  sandbox.resetStats();
  const result = await runCli(world.args('doctor', '--json', ...more), { env: world.env });
  expect(result.stderr).toBe('');
  const reports = result.events.filter((e) => e.type === 'doctor') as unknown as (DoctorReport & { exitCode: number })[];
  return { code: result.code, report: reports.at(-1)!, writes: sandbox.stats().writes };
}

beforeAll(async () => {
  sandbox = await startSandbox();
  desk = personAtTheDesk(sandbox);
  await desk.insert('User', { email: CASHIER, first_name: 'Cashier', roles: [{ role: 'Accounts User' }, { role: 'Sales User' }] });
  world = cliWorld(sandbox, SHOP);
  const run = await runCli(world.args('run'), { env: world.env });
  expect(run.code).toBe(0);
}, 60_000);
afterAll(async () => sandbox?.stop());

describe('pos-provisioner doctor', () => {
  it('finds nothing on a freshly provisioned shop: exit 0, and not one write', async () => {
    const { code, report, writes } = await doctor();
    expect(report.findings).toEqual([]);
    expect(report).toMatchObject({ health: Health.Healthy, exitCode: 0, shopName: 'Corner Cafe' });
    expect(code).toBe(0);
    expect(writes).toBe(0);
    // The same batched reads as a re-run: one list per kind of record.
    expect(sandbox.stats().requests).toBeLessThanOrEqual(15);
  });

  const openEntry = () => sandbox.db.list('POS Opening Entry').find((e) => e.pos_profile === PROFILE && e.status === 'Open')!;
  const repairable: { drift: string; make: () => Promise<unknown>; kind: string; severity: string; code: number }[] = [
    { drift: 'POS Profile disabled', make: () => desk.update('POS Profile', PROFILE, { disabled: 1 }), kind: FindingKind.ProfileDisabled, severity: Severity.BlocksSelling, code: 1 },
    {
      drift: 'a payment row removed from the profile',
      make: async () => desk.update('POS Profile', PROFILE, { payments: ((await desk.get('POS Profile', PROFILE)).payments as { mode_of_payment: string }[]).filter((row) => row.mode_of_payment !== 'Credit Card') }),
      kind: FindingKind.PaymentRowMissing, severity: Severity.Degrades, code: 2,
    },
    {
      drift: 'a Mode of Payment lost this company\'s account',
      make: async () => desk.update('Mode of Payment', 'Credit Card', { accounts: ((await desk.get('Mode of Payment', 'Credit Card')).accounts as { company: string }[]).filter((row) => row.company !== 'Corner Cafe') }),
      kind: FindingKind.ModeAccountMissing, severity: Severity.Degrades, code: 2,
    },
    {
      drift: 'the opening entry closed with a POS Closing Entry',
      make: () => {
        const open = openEntry();
        return desk.insert('POS Closing Entry', { pos_opening_entry: open.name, period_start_date: open.period_start_date, period_end_date: `${String(open.posting_date)} 23:00:00`, company: 'Corner Cafe', pos_profile: PROFILE, user: CASHIER, payment_reconciliation: [{ mode_of_payment: 'Cash', opening_amount: 150, expected_amount: 150, closing_amount: 150 }], docstatus: 1 });
      },
      kind: FindingKind.SessionClosed, severity: Severity.Degrades, code: 2,
    },
    { drift: 'the POS Store disabled', make: () => desk.update('Warehouse', 'POS Store - CC', { disabled: 1 }), kind: FindingKind.WarehouseDisabled, severity: Severity.BlocksSelling, code: 1 },
    { drift: 'demo items disabled', make: () => Promise.all(['CC-ESPRESSO', 'CC-WATER'].map((code) => desk.update('Item', code, { disabled: 1 }))), kind: FindingKind.DemoItemDisabled, severity: Severity.Degrades, code: 2 },
    { drift: 'the walk-in customer disabled', make: () => desk.update('Customer', 'Walk-in Customer', { disabled: 1 }), kind: FindingKind.CustomerDisabled, severity: Severity.BlocksSelling, code: 1 },
  ];

  for (const { drift, make, kind, severity, code } of repairable) {
    it(`${drift}: found (exit ${code}), then repaired to healthy (exit 0)`, async () => {
      await make();
      const found = await doctor();
      expect(found.report.findings.map((f) => [f.kind, f.severity])).toEqual([[kind, severity]]);
      expect(found.report.findings[0]!.repairStep).not.toBeNull();
      expect(found.code).toBe(code);
      expect(found.writes).toBe(0);

      const repaired = await doctor('--repair', '--yes');
      expect(repaired.report).toMatchObject({ health: Health.Healthy, findings: [] });
      expect(repaired.code).toBe(0);
      // Idempotent: a second repair has nothing to do and writes nothing.
      const again = await doctor('--repair', '--yes');
      expect(again.code).toBe(0);
      expect(again.writes).toBe(0);
    }, 60_000);
  }

  it('the profile lost its default payment (Cash removed, Credit Card made default): Repair adds Cash back, the new default is only told', async () => {
    const rows = (await desk.get('POS Profile', PROFILE)).payments as { mode_of_payment: string; default: number }[];
    await desk.update('POS Profile', PROFILE, { payments: rows.filter((row) => row.mode_of_payment !== 'Cash').map((row) => ({ ...row, default: 1 })) });
    const found = await doctor();
    expect(found.report.findings.map((f) => [f.kind, f.severity])).toEqual([[FindingKind.PaymentRowMissing, Severity.Degrades], [FindingKind.DefaultPaymentChanged, Severity.Info]]);
    expect(found.report.findings[0]!.saw).toMatch(/Cash \(the shop's default payment\) is no longer on the POS Profile/);
    expect(found.code).toBe(2);

    const repaired = await doctor('--repair', '--yes');
    expect(repaired.report.findings.map((f) => f.kind)).toEqual([FindingKind.DefaultPaymentChanged]);
    expect(repaired.code).toBe(0);
    const after = (await desk.get('POS Profile', PROFILE)).payments as { mode_of_payment: string; default: number }[];
    expect(after.map((row) => [row.mode_of_payment, row.default])).toEqual([['Credit Card', 1], ['Cash', 0]]);
    // The person puts the default back as the fix says: healthy, nothing left.
    await desk.update('POS Profile', PROFILE, { payments: after.map((row) => ({ ...row, default: row.mode_of_payment === 'Cash' ? 1 : 0 })) });
    expect((await doctor()).report.findings).toEqual([]);
  }, 60_000);

  it('a repaired session is a new open entry next to the closed one', () => {
    const entries = sandbox.db.list('POS Opening Entry').filter((e) => e.pos_profile === PROFILE && e.docstatus === 1);
    expect(entries.map((e) => e.status).sort()).toEqual(['Closed', 'Open']);
  });

  const fiscalYear = String(new Date().getFullYear());
  const manual: { drift: string; make: () => Promise<unknown>; undo: () => Promise<unknown>; kind: string; screen: RegExp }[] = [
    { drift: 'the price list currency changed', make: () => desk.update('Price List', 'Standard Selling', { currency: 'EUR' }), undo: () => desk.update('Price List', 'Standard Selling', { currency: 'USD' }), kind: FindingKind.PriceListCurrency, screen: /Selling > Price List > Standard Selling/ },
    { drift: 'the fiscal year closed (disabled)', make: () => desk.update('Fiscal Year', fiscalYear, { disabled: 1 }), undo: () => desk.update('Fiscal Year', fiscalYear, { disabled: 0 }), kind: FindingKind.FiscalYearMissing, screen: /Accounting > Fiscal Year/ },
    { drift: 'the cashier lost a role', make: () => desk.update('User', CASHIER, { roles: [{ role: 'Sales User' }] }), undo: () => desk.update('User', CASHIER, { roles: [{ role: 'Accounts User' }, { role: 'Sales User' }] }), kind: FindingKind.CashierLacksRole, screen: /Users > cashier@erplab\.test > Roles/ },
  ];

  for (const { drift, make, undo, kind, screen } of manual) {
    it(`${drift}: found, named with its ERPNext screen, never touched by Repair`, async () => {
      await make();
      const found = await doctor();
      expect(found.report.findings.map((f) => f.kind)).toEqual([kind]);
      expect(found.report.findings[0]!.repairStep).toBeNull();
      expect(found.report.findings[0]!.fix).toMatch(screen);
      expect(found.code).toBe(found.report.findings[0]!.severity === Severity.BlocksSelling ? 1 : 2);

      const refused = await doctor('--repair', '--yes');
      expect(refused.writes).toBe(0);
      expect(refused.code).toBe(found.code);

      await undo();
      expect((await doctor()).code).toBe(0);
    }, 60_000);
  }

  it('--repair without --yes and without a terminal shows the plan and changes nothing', async () => {
    await desk.update('POS Profile', PROFILE, { disabled: 1 });
    sandbox.resetStats();
    const shown = await runCli(world.args('doctor', '--repair'), { env: world.env });
    expect(shown.stdout).toMatch(/Repair plan: runs \[8\] POS Profile.*\n\s+change\s+POS Profile "Corner Cafe POS"\s+\(disabled: 1 → 0\)/);
    expect(shown.stdout).toMatch(/Nothing changed\. Run again with --repair --yes/);
    expect(shown.code).toBe(1);
    expect(sandbox.stats().writes).toBe(0);
    expect((await doctor('--repair', '--yes')).code).toBe(0);
  }, 60_000);

  it('refuses bad input with 64: --yes without --repair, a shop never provisioned', async () => {
    const yes = await runCli(world.args('doctor', '--yes'), { env: world.env });
    expect(yes.code).toBe(64);
    expect(yes.stderr).toMatch(/--yes goes with --repair/);
    const other = cliWorld(sandbox, { ...SHOP_FILE, company: { ...SHOP_FILE.company, name: 'Never Run', abbr: 'NR' } });
    const never = await runCli(other.args('doctor'), { env: other.env });
    expect(never.code).toBe(64);
  });
});
