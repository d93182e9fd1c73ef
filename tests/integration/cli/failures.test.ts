import { afterEach, describe, expect, it } from 'vitest';
import { type FaultRule, startSandbox, type Sandbox } from '../../../sandbox';
import { cliWorld, runCli } from '../../support/cli';
import { CORNER_CAFE, allOnes, shopRecordCounts } from '../../support/duplicates';
import { SHOP_FILE } from '../../support/engineHarness';

let sandbox: Sandbox;
afterEach(async () => sandbox?.stop());

const MISSING_ACCOUNT = 'Please set default Cash or Bank account in Mode of Payments <a href="http://127.0.0.1:8000/app/mode-of-payment/Credit%20Card">Credit Card</a>';

/** For each critical step, a fault that makes it fail the way ERPNext would, and what the installer then reads. */
const CRITICAL_FAILURES: { stepId: string; fault: FaultRule; message: RegExp; hint: RegExp }[] = [
  {
    stepId: 'step_0_engine_check',
    fault: { method: 'GET', path: '/api/method/frappe.utils.change_log.get_versions', kind: 'error', status: 403, excType: 'PermissionError', message: 'Not permitted' },
    message: /not allowed to do this/,
    hint: /roles/,
  },
  {
    stepId: 'step_2_company',
    fault: { method: 'POST', path: '/api/resource/Company', kind: 'error', status: 417, excType: 'ValidationError', message: 'Abbreviation already used for another company' },
    message: /Another company in ERPNext already uses this abbreviation/,
    hint: /different abbreviation/,
  },
  {
    stepId: 'step_3_chart_of_accounts',
    fault: { method: 'POST', path: '/api/resource/Account', kind: 'error', status: 417, excType: 'MandatoryError', message: 'Error: Value missing for Account: Parent Account' },
    message: /ERPNext needs a value for "Parent Account"/,
    hint: /Fill "Parent Account"/,
  },
  {
    stepId: 'step_8_pos_profile',
    fault: { method: 'POST', path: '/api/resource/POS Profile', kind: 'error', status: 417, excType: 'ValidationError', title: 'Missing Account', message: MISSING_ACCOUNT },
    message: /A payment method has no account for this company: Credit Card/,
    hint: /Mode of Payment > Accounts/,
  },
];

describe('a critical step that fails', () => {
  it.each(CRITICAL_FAILURES.map((c) => [c.stepId, c] as const))('%s: FAILED with the friendly message, then `continue` completes once the fault is gone', async (stepId, failure) => {
    sandbox = await startSandbox();
    const world = cliWorld(sandbox, SHOP_FILE);
    const faultId = sandbox.faults.add(failure.fault);
    const failed = await runCli(world.args('run', '--json'), { env: world.env });
    expect(failed.code).toBe(1);
    const result = failed.events.at(-1) as { status: string; steps: { stepId: string; status: string; error: { message: string; hint: string } | null }[] };
    expect(result.status).toBe('FAILED');
    const step = result.steps.find((s) => s.stepId === stepId)!;
    expect(step.status).toBe('failed');
    expect(step.error!.message).toMatch(failure.message);
    expect(step.error!.hint).toMatch(failure.hint);
    expect(failed.events.some((e) => e.type === 'step.failed' && e.stepId === stepId)).toBe(true);

    sandbox.faults.remove(faultId);
    const resumed = await runCli(world.args('continue', '--json'), { env: world.env });
    expect(resumed.events.at(-1)).toMatchObject({ status: 'COMPLETED' });
    expect(resumed.code).toBe(0);
    const counts = shopRecordCounts(sandbox, CORNER_CAFE);
    expect(counts).toEqual(allOnes(counts));
  });
});

describe('a non-critical step that fails', () => {
  it('lets independent steps go on and ends PARTIAL (exit 2)', async () => {
    sandbox = await startSandbox();
    const world = cliWorld(sandbox, SHOP_FILE);
    sandbox.faults.add({ method: 'POST', path: '/api/resource/Item', kind: 'error', status: 417, excType: 'InvalidBarcode', message: 'Barcode 1234567890123 is not a valid EAN code' });
    const run = await runCli(world.args('run', '--json'), { env: world.env });
    expect(run.code).toBe(2);
    const result = run.events.at(-1) as { status: string; steps: { stepId: string; status: string }[] };
    expect(result.status).toBe('PARTIAL');
    expect(result.steps.filter((s) => s.status !== 'succeeded').map((s) => [s.stepId, s.status])).toEqual([['step_6_demo_items', 'failed']]);
  });
});

describe('skipping', () => {
  it('a shop without demo items completes with step 6 skipped and no item created', async () => {
    sandbox = await startSandbox();
    const world = cliWorld(sandbox, { ...SHOP_FILE, demoItems: false });
    const run = await runCli(world.args('run', '--json'), { env: world.env });
    expect(run.code).toBe(0);
    expect(run.events).toContainEqual(expect.objectContaining({ type: 'step.skipped', stepId: 'step_6_demo_items' }));
    const result = run.events.at(-1) as { status: string; steps: { stepId: string; status: string }[] };
    expect(result.status).toBe('COMPLETED');
    expect(result.steps.find((s) => s.stepId === 'step_6_demo_items')!.status).toBe('skipped');
    expect(sandbox.db.count('Item Group', { item_group_name: 'Demo Items' })).toBe(0);
    expect(sandbox.db.count('Item', { item_code: 'CC-ESPRESSO' })).toBe(0);
  });

  it('skips a failed optional step and completes; refuses to skip a critical one', async () => {
    sandbox = await startSandbox();
    const world = cliWorld(sandbox, SHOP_FILE);
    const fault = sandbox.faults.add({ method: 'POST', path: '/api/resource/Item', kind: 'error', status: 417, excType: 'ValidationError', message: 'Injected' });
    expect((await runCli(world.args('run'), { env: world.env })).code).toBe(2);
    sandbox.faults.remove(fault);

    const refused = await runCli(world.args('skip', '--step', 'step_2_company'), { env: world.env });
    expect(refused.code).toBe(64);
    expect(refused.stdout).toMatch(/"Company" \(step_2_company\) cannot be skipped: it is critical/);

    const skipped = await runCli(world.args('skip', '--step', 'step_6_demo_items'), { env: world.env });
    expect(skipped.code).toBe(0);
    const status = await runCli(world.args('status', '--json'), { env: world.env });
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/COMPLETED/);
    expect(sandbox.db.count('Item', { item_code: 'CC-ESPRESSO' })).toBe(0);
  });
});
