import { afterEach, describe, expect, it } from 'vitest';
import { type EngineHarness, engineHarness } from '../../support/engineHarness';

let h: EngineHarness;
afterEach(async () => h?.close());

describe('a full run against the sandbox', () => {
  it('takes a setup-done site to COMPLETED', async () => {
    h = await engineHarness();
    const view = await h.controller().start();
    const failures = view.steps.filter((s) => s.status !== 'succeeded').map((s) => `${s.stepId}: ${s.error?.message} ${s.error?.serverMessage ?? ''}`);
    expect(failures).toEqual([]);
    expect(view.run.status).toBe('COMPLETED');
  });
});

describe('the engine check refuses what cannot work', () => {
  it('an ERPNext older than 14, with a clear message', async () => {
    h = await engineHarness({ sandbox: { versions: { frappe: '13.58.0', erpnext: '13.49.2' } } });
    const view = await h.controller().start();
    expect(view.run.status).toBe('FAILED');
    expect(view.steps[0]!.error).toMatchObject({ message: 'ERPNext 13.49.2 is too old: POS Provisioner needs ERPNext 14 or newer.', hint: expect.stringMatching(/Upgrade/) });
    expect(view.steps.slice(1).every((s) => s.status === 'pending')).toBe(true);
  });

  it('an API user without the business roles, listing each missing role', async () => {
    h = await engineHarness({ user: 'norole' });
    const view = await h.controller().start();
    expect(view.run.status).toBe('FAILED');
    const error = view.steps[0]!.error!;
    expect(error.category).toBe('permission');
    for (const role of ['Accounts Manager', 'Item Manager', 'Stock Manager', 'Sales Master Manager']) expect(error.message).toContain(role);
    expect(error.hint).toMatch(/User norole@erplab.test > Roles/);
  });

  it('accepts ERPNext 14', async () => {
    h = await engineHarness({ sandbox: { versions: { frappe: '14.81.4', erpnext: '14.67.0' } } });
    const view = await h.controller().start();
    expect(view.run.status).toBe('COMPLETED');
  });
});

describe('a run left running by a process that died', () => {
  it('is shown paused with its interrupted step pending, and Continue completes it', async () => {
    h = await engineHarness();
    const first = h.controller();
    const view = await new Promise<ReturnType<typeof first.view>>((resolve) => {
      first.onUpdate((v) => v.steps[2]!.status === 'running' && resolve(v));
      void first.start();
    });
    expect(view.run.phase).toBe('running');
    // Simulate the crash: the process is gone (its lock is stale), the rows still say "running".
    h.store.db.prepare("UPDATE run_locks SET owner = 'dead', pid = 999999").run();
    h.store.db.prepare("UPDATE runs SET phase = 'running'").run();
    h.store.db.prepare("UPDATE run_steps SET status = 'running' WHERE step_id = 'step_2_company'").run();
    const reopened = h.controller();
    expect(reopened.view().run).toMatchObject({ status: 'IN_PROGRESS', phase: 'paused' });
    expect(reopened.view().steps[2]!.status).not.toBe('running');
    first.dispose();
    const finished = await reopened.continueRun();
    expect(finished.run.status).toBe('COMPLETED');
  });
});
