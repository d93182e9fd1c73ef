import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type FaultRule, type Sandbox, startSandbox } from '../../../sandbox';
import { RunController } from '../../../electron/engine/controller';
import { ErpNextClient } from '../../../electron/erpnext/client';
import { Logger } from '../../../electron/logging/logger';
import { createRedactor } from '../../../electron/logging/redact';
import { Store } from '../../../electron/store';
import { validateShop } from '../../../shared/shop';
import { RunStatus } from '../../../shared/status';
import { STEP_CATALOG, STEP_IDS, StepId } from '../../../shared/steps/catalog';
import { CORNER_CAFE, countsThroughApi } from '../../support/duplicates';
import { SHOP_FILE } from '../../support/engineHarness';

// Every step × every way a slow or sick server fails: the run ends as the final-status rule says, and
// after the fault is gone `continue` completes with every record exactly once (counted through the API).
// Steps run one at a time here so that a fault injected when step N starts hits step N's own requests.

const CLIENT_TIMEOUT_MS = 500;
const SERVER_TIMEOUT_MS = 1_500;

/** The one write (or, for the engine check, read) each step makes on a bare site: where a sick endpoint is put. */
const ENDPOINT: Record<StepId, { method: string; path: string }> = {
  [StepId.EngineCheck]: { method: 'GET', path: '/api/method/frappe.auth.get_logged_user' },
  [StepId.PlatformSetup]: { method: 'POST', path: '/api/resource/UOM' },
  [StepId.Company]: { method: 'POST', path: '/api/resource/Company' },
  [StepId.ChartOfAccounts]: { method: 'POST', path: '/api/resource/Account' },
  [StepId.Warehouses]: { method: 'POST', path: '/api/resource/Warehouse' },
  [StepId.Settings]: { method: 'PUT', path: '/api/resource/Selling Settings/Selling Settings' },
  [StepId.DemoItems]: { method: 'POST', path: '/api/resource/Item' },
  [StepId.Customer]: { method: 'POST', path: '/api/resource/Customer' },
  [StepId.PosProfile]: { method: 'POST', path: '/api/resource/POS Profile' },
  [StepId.PosSession]: { method: 'POST', path: '/api/resource/POS Opening Entry' },
  [StepId.PostSetup]: { method: 'POST', path: '/api/method/frappe.client.insert' },
};

interface Fault {
  name: string;
  /** The step fails because of it (the rule then says FAILED or PARTIAL); otherwise the run rides it out. */
  failsStep(stepId: StepId): boolean;
  /** Injected when the step starts; `restart` is for the outage (the site is stopped, then back). */
  rules?(stepId: StepId): FaultRule[];
  outage?: boolean;
}

const writes = (stepId: StepId) => (stepId === StepId.EngineCheck ? 'GET' : 'WRITE');

const FAULTS: Fault[] = [
  { name: 'connection refused', outage: true, failsStep: (id) => id === StepId.EngineCheck },
  { name: 'timeout before commit', rules: (id) => [{ method: writes(id), path: '/api/*', kind: 'hang', times: 1 }], failsStep: () => false },
  { name: 'commit, answer lost', rules: (id) => [{ method: writes(id), path: '/api/*', kind: 'commit_then_drop', times: 1 }], failsStep: () => false },
  { name: 'commit after client timeout', rules: (id) => [{ method: writes(id), path: '/api/*', kind: 'commit_late', delayMs: CLIENT_TIMEOUT_MS + 400, times: 1 }], failsStep: () => false },
  { name: '503 ×3 then OK', rules: (id) => [{ method: writes(id), path: '/api/*', kind: 'status', status: 503, times: 3 }], failsStep: () => false },
  { name: 'persistent 503 on its endpoint', rules: (id) => [{ ...ENDPOINT[id], kind: 'fail_endpoint', status: 503 }], failsStep: () => true },
  { name: '429 with Retry-After', rules: () => [{ path: '/api/*', kind: 'rate_limit', retryAfterS: 1, times: 1 }], failsStep: () => false },
  { name: 'captive-portal HTML', rules: () => [{ path: '/api/*', kind: 'html', times: 4 }], failsStep: (id) => id === StepId.EngineCheck },
  { name: '417 validation', rules: (id) => [{ ...ENDPOINT[id], kind: 'error', status: 417, excType: 'ValidationError', message: 'Company is frozen for this test' }], failsStep: () => true },
];

/** A step whose failure leaves a critical step not done (itself, or a step depending on it). */
function blocksCritical(stepId: StepId): boolean {
  const blocked = new Set<StepId>([stepId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const step of STEP_CATALOG) {
      if (!blocked.has(step.id) && step.dependsOn.some((dep) => blocked.has(dep))) {
        blocked.add(step.id);
        grew = true;
      }
    }
  }
  return STEP_CATALOG.some((step) => step.critical && blocked.has(step.id));
}

const expected = (stepId: StepId, fault: Fault) => (!fault.failsStep(stepId) ? RunStatus.Completed : blocksCritical(stepId) ? RunStatus.Failed : RunStatus.Partial);

const results: { step: StepId; fault: string; status: string; afterContinue: string; ok: boolean }[] = [];

async function cell(stepId: StepId, fault: Fault): Promise<{ status: string; afterContinue: string; counts: Record<string, number>; sandbox: Sandbox }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'matrix-'));
  const siteFile = path.join(dir, 'site.sqlite');
  let sandbox = await startSandbox({ state: 'bare', dbFile: siteFile });
  const port = sandbox.port;
  const store = Store.open(path.join(dir, 'pos.sqlite'));
  const credentials = { apiKey: sandbox.users.provisioner.apiKey, apiSecret: sandbox.users.provisioner.apiSecret };
  const validated = validateShop(SHOP_FILE);
  if (!validated.ok) throw new Error('shop');
  const site = store.sites.add({ url: sandbox.url, displayUrl: sandbox.url, apiKey: credentials.apiKey });
  const shop = store.shops.upsert(site.id, validated.value);
  const redact = createRedactor(() => [{ ...credentials, secret: credentials.apiSecret, key: credentials.apiKey }]);
  const logger = new Logger(store, redact, { shopId: shop.id });
  const client = new ErpNextClient({ siteUrl: sandbox.url, credentials, timeoutMs: CLIENT_TIMEOUT_MS, retry: { baseDelayMs: 20, maxDelayMs: 100 } });
  const controller = new RunController({ store, shop, client, logger, redact, options: { maxParallel: 1, serverTimeoutMs: SERVER_TIMEOUT_MS, siteLease: false, networkWait: { baseDelayMs: 100, maxDelayMs: 300 } } });
  let restarted: Promise<void> | undefined;
  let injected = false;
  const restart = async () => {
    sandbox = await startSandbox({ state: 'bare', dbFile: siteFile, port });
  };
  // The engine check's first reads leave in the same tick as its step.started event: stopping the site
  // then races requests already in flight. Its outage is a site that is down when Start is pressed.
  const downAtStart = fault.outage === true && stepId === StepId.EngineCheck;
  if (downAtStart) await sandbox.stop();
  controller.onUpdate((_view, events) => {
    if (downAtStart || injected || !events.some((e) => e.type === 'step.started' && e.stepId === stepId)) return;
    injected = true;
    if (fault.outage) {
      restarted = sandbox.stop().then(async () => {
        await new Promise((resolve) => setTimeout(resolve, 600));
        await restart();
      });
      return;
    }
    for (const rule of fault.rules!(stepId)) sandbox.faults.add(rule);
  });
  try {
    const first = await controller.start();
    if (downAtStart) await restart();
    await restarted;
    sandbox.faults.clear();
    const after = await controller.continueRun();
    const counts = await countsThroughApi(sandbox.url, credentials, CORNER_CAFE);
    return { status: first.run.status, afterContinue: after.run.status, counts, sandbox };
  } finally {
    controller.dispose();
    store.close();
    await sandbox.stop();
  }
}

describe.concurrent('fault matrix: every step × every failure of a slow or sick server', () => {
  for (const stepId of STEP_IDS) {
    for (const fault of FAULTS) {
      it(`${stepId} × ${fault.name}`, async () => {
        const { status, afterContinue, counts } = await cell(stepId, fault);
        const want = expected(stepId, fault);
        results.push({ step: stepId, fault: fault.name, status, afterContinue, ok: status === want && afterContinue === RunStatus.Completed });
        expect({ status, afterContinue }).toEqual({ status: want, afterContinue: RunStatus.Completed });
        expect(Object.entries(counts).filter(([key, n]) => n !== (key === 'draftSession' ? 0 : 1))).toEqual([]);
      }, 60_000);
    }
  }
});

afterAll(() => {
  const width = Math.max(...FAULTS.map((f) => f.name.length));
  const lines = STEP_IDS.map((stepId) => {
    const row = FAULTS.map((fault) => {
      const result = results.find((r) => r.step === stepId && r.fault === fault.name);
      return (result ? `${result.ok ? '✓' : '✗'} ${result.status}` : '-').padEnd(13);
    });
    return `${stepId.padEnd(28)} ${row.join(' ')}`;
  });
  const header = `${'step'.padEnd(28)} ${FAULTS.map((f, i) => `(${i + 1})`.padEnd(13)).join(' ')}`;
  const legend = FAULTS.map((f, i) => `(${i + 1}) ${f.name.padEnd(width)}`).join('\n');
  console.log(`\nFault matrix: the status each run ended in; ✓ = the rule's status, and continue then COMPLETED with every record exactly once\n${header}\n${lines.join('\n')}\n${legend}\n`);
});
