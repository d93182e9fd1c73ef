import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../../sandbox';
import { dispatch } from '../../../electron/ipc/dispatch';
import { type Handlers, createHandlers } from '../../../electron/ipc/handlers';
import type { HostPorts } from '../../../electron/ipc/ports';
import { MemorySecretStore } from '../../../electron/secrets';
import { ProvisioningService } from '../../../electron/service';
import type { FleetStatus } from '../../../shared/fleet';
import type { Insights, RunHistoryEntry, RunTimeline } from '../../../shared/history';
import type { FleetCheck, FleetImported, PosCommand, SavedDocument } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import { StepId } from '../../../shared/steps/catalog';
import { SHOP_FILE } from '../../support/engineHarness';
import { exactlyOnce, fleetCountsThroughApi, fleetCsv, fleetShop } from '../../support/fleet';

// The window's fleet, run history, insights and handover sheet through the typed API, over the real
// service, store and engine against a sandbox.

let sandbox: Sandbox;
let service: ProvisioningService;
let handlers: Handlers;
let dir: string;
let saved: { title: string; defaultName: string; html: string }[];

function open(ports: Partial<HostPorts> = {}): void {
  service = new ProvisioningService({
    dbFile: path.join(dir, 'pos.sqlite'),
    secrets: new MemorySecretStore(),
    appVersion: 'test',
    client: { retry: { baseDelayMs: 20, maxDelayMs: 100, maxAttempts: 3 } },
    run: { networkWait: { baseDelayMs: 100, maxDelayMs: 300 }, serverTimeoutMs: 2_000 },
  });
  handlers = createHandlers(service, { host: 'browser-host', appVersion: 'test', chooseSavePath: async ({ defaultName }) => path.join(dir, defaultName), notify: () => undefined, updateStatus: async () => ({ enabled: false, detail: 'off' }), ...ports });
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ipc-fleet-'));
  sandbox = await startSandbox({ dbFile: path.join(dir, 'site.sqlite') });
  saved = [];
  open();
});
afterEach(async () => {
  service.close();
  await sandbox.stop();
});

const call = async <T>(command: PosCommand, payload?: unknown): Promise<T> => {
  const result = (await dispatch(handlers, command, payload)) as Result<T>;
  if (!result.ok) throw Object.assign(new Error(`${command}: ${result.error.message}`), { apiError: result.error });
  return result.value;
};

async function site(): Promise<string> {
  const { apiKey, apiSecret } = sandbox.users.provisioner;
  return (await call<{ id: string }>('saveSite', { url: sandbox.url, apiKey, apiSecret })).id;
}

async function settled(siteId: string): Promise<FleetStatus> {
  for (;;) {
    const status = await call<FleetStatus>('fleetStatus', siteId);
    if (!status.active) return status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the window’s fleet', () => {
  it('checks a fleet file and saves nothing while any row has a problem', async () => {
    const siteId = await site();
    const bad = 'company,country,currency,payment_methods\nGood Cafe,United States,USD,Cash\nBad Cafe,United States,usd,Cash\n';
    const check = await call<FleetCheck>('checkFleetFile', { text: bad, fileName: 'shops.csv' });
    expect(check).toEqual({ ok: false, format: 'csv', shops: [], issues: ['row 3, column currency: Currency must be an ISO code in capitals, such as USD or EUR'], warnings: [] });
    expect(await call<FleetImported>('importFleet', { siteId, text: bad, fileName: 'shops.csv' })).toMatchObject({ saved: false, issues: [expect.stringMatching(/^row 3, column currency/)] });
    expect(await call<unknown[]>('listShops', siteId)).toEqual([]);
    const invalid = (await dispatch(handlers, 'importFleet', { siteId, text: 'x', fileName: 'f.csv', extra: 1 })) as Result<unknown>;
    expect(invalid.ok || invalid.error.code).toBe('invalid_input');
  });

  it('imports, Start all runs every shop (one fails alone on a conflict), Continue failed finishes it once the row is fixed', async () => {
    const siteId = await site();
    const shops = [fleetShop(1), fleetShop(2, { abbr: 'LHQ' }), fleetShop(3)];
    const check = await call<FleetCheck>('checkFleetFile', { text: fleetCsv(shops), fileName: 'fleet.csv' });
    expect(check.shops).toEqual([{ row: 2, name: 'Fleet Cafe 01' }, { row: 3, name: 'Fleet Cafe 02' }, { row: 4, name: 'Fleet Cafe 03' }]);
    const imported = await call<FleetImported>('importFleet', { siteId, text: fleetCsv(shops), fileName: 'fleet.csv' });
    expect(imported.saved && imported.shopIds).toHaveLength(3);

    const started = await call<FleetStatus>('startFleet', { siteId, which: 'all' });
    expect(started).toMatchObject({ active: true, concurrency: 4 });
    // Pressing Start all again while it runs starts nothing more.
    expect((await call<FleetStatus>('startFleet', { siteId, which: 'all' })).active).toBe(true);
    const done = await settled(siteId);
    const byName = Object.fromEntries(done.shops.map((row) => [row.name, row]));
    expect(byName['Fleet Cafe 01']).toMatchObject({ state: 'finished', runStatus: 'COMPLETED', progress: 1 });
    // The Start's preflight finds the taken abbreviation at the engine check, before any write.
    expect(byName['Fleet Cafe 02']).toMatchObject({ state: 'finished', runStatus: 'FAILED', step: StepId.EngineCheck });
    expect(byName['Fleet Cafe 03']).toMatchObject({ state: 'finished', runStatus: 'COMPLETED' });

    // Continue failed with the conflict still there: the one shop fails again, the others are left alone.
    await call('startFleet', { siteId, which: 'failed' });
    expect((await settled(siteId)).shops.map((r) => r.runStatus)).toEqual(['COMPLETED', 'FAILED', 'COMPLETED']);

    const fixed = [shops[0]!, fleetShop(2), shops[2]!];
    await call('importFleet', { siteId, text: fleetCsv(fixed), fileName: 'fleet.csv' });
    sandbox.resetStats();
    await call('startFleet', { siteId, which: 'failed' });
    expect((await settled(siteId)).shops.map((r) => r.runStatus)).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED']);
    const counts = await fleetCountsThroughApi(sandbox, fixed);
    expect(counts).toEqual(exactlyOnce(counts));
    // Its history keeps both failures and the success: three attempts of the engine check (the preflight).
    const failedShop = byName['Fleet Cafe 02']!.shopId;
    const runs = await call<RunHistoryEntry[]>('listRuns', failedShop);
    expect(runs).toHaveLength(1);
    const timeline = await call<RunTimeline>('runTimeline', runs[0]!.run.id);
    expect(timeline.steps.find((s) => s.stepId === StepId.EngineCheck)!.attempts.map((a) => [a.attempt, a.status, a.errorCode])).toEqual([
      [1, 'failed', 'validation_failed'],
      [2, 'failed', 'validation_failed'],
      [3, 'succeeded', null],
    ]);
    const insights = await call<Insights>('insights');
    const engineCheck = insights.steps.find((s) => s.stepId === StepId.EngineCheck)!;
    expect(engineCheck).toMatchObject({ attempts: 5, failures: 2, failureRate: 2 / 5 });
    expect(insights.steps.find((s) => s.stepId === StepId.Company)).toMatchObject({ failures: 0 });
    expect(insights.errorCodes).toEqual([{ code: 'validation_failed', count: 2, steps: [StepId.EngineCheck] }]);
    // The conflict is the plan's (found before any write), not a message ERPNext sent: Insights lists only those.
    expect(insights.messages).toEqual([]);
  }, 90_000);

  it('Pause all pauses the shops in flight; Start all resumes them', async () => {
    sandbox.setLatency(30);
    const siteId = await site();
    await call('importFleet', { siteId, text: fleetCsv([fleetShop(1), fleetShop(2), fleetShop(3)]), fileName: 'fleet.csv' });
    await call('startFleet', { siteId, which: 'all' });
    await expect.poll(async () => (await call<FleetStatus>('fleetStatus', siteId)).shops.some((r) => r.step === StepId.Company), { timeout: 20_000 }).toBe(true);
    await call('pauseFleet', siteId);
    const paused = await settled(siteId);
    expect(paused.shops.every((r) => r.state === 'paused' || r.runStatus === 'COMPLETED')).toBe(true);
    expect(paused.shops.some((r) => r.state === 'paused')).toBe(true);
    await call('startFleet', { siteId, which: 'all' });
    expect((await settled(siteId)).shops.map((r) => r.runStatus)).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED']);
  }, 90_000);
});

describe('run history, timeline and insights', () => {
  it('lists a shop’s runs with who started them; the timeline shows side-by-side steps, retries, the slowest request and a wait for the network', async () => {
    const siteId = await site();
    const shop = await call<{ saved: true; shop: { id: string } }>('saveShop', { siteId, config: SHOP_FILE });
    const shopId = shop.shop.id;
    // The client retries these two 503s by itself; then the site vanishes for a moment mid-run.
    sandbox.faults.add({ method: 'POST', path: '/api/resource/Customer', kind: 'status', status: 503, times: 2 });
    await call('startRun', shopId);
    await expect.poll(() => service.runView(shopId).steps.find((s) => s.stepId === StepId.Warehouses)!.status, { timeout: 20_000 }).toBe('succeeded');
    const port = sandbox.port;
    await sandbox.stop();
    await new Promise((resolve) => setTimeout(resolve, 600));
    sandbox = await startSandbox({ dbFile: path.join(dir, 'site.sqlite'), port });
    await expect.poll(() => service.runView(shopId).run.status, { timeout: 60_000 }).toBe('COMPLETED');

    const runs = await call<RunHistoryEntry[]>('listRuns', shopId);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ run: { status: 'COMPLETED' }, failedStep: null, startedBy: { command: 'Start', osUser: expect.any(String), host: expect.any(String) } });
    // Plan vs result (issue 10): what the preflight planned before the first write, beside what was done.
    expect(runs[0]!.plan).toMatchObject({ counts: { create: 14, change: 2, conflict: 0 }, conflicts: [], previewAt: null, differences: [] });
    expect(runs[0]!.plan!.create).toEqual(expect.arrayContaining(runs[0]!.result!.created.filter((what) => !what.startsWith('Item Price'))));
    expect(runs[0]!.durationMs).toBeGreaterThan(500);
    expect(runs[0]!.result!.created).toContain('Company "Corner Cafe"');

    const timeline = await call<RunTimeline>('runTimeline', runs[0]!.run.id);
    expect(timeline.steps).toHaveLength(11);
    const customer = timeline.steps.find((s) => s.stepId === StepId.Customer)!;
    // (The site's short outage may also fall in this step: its retries have another code.)
    expect(customer.retries.filter((r) => r.code === 'service_unavailable').map((r) => [r.code, r.request])).toEqual([
      ['service_unavailable', 'POST /api/resource/Customer'],
      ['service_unavailable', 'POST /api/resource/Customer'],
    ]);
    for (const step of timeline.steps) {
      expect(step.attempts.at(-1)).toMatchObject({ status: 'succeeded' });
      expect(step.slowest?.durationMs ?? 0).toBeGreaterThanOrEqual(0);
      expect(step.attempts.at(-1)!.endMs).toBeLessThanOrEqual(timeline.spanMs);
    }
    expect(timeline.steps.find((s) => s.stepId === StepId.Company)!.slowest).toMatchObject({ request: expect.stringMatching(/^(GET|POST|PUT) \/api\//) });
    // Steps that ran side by side overlap on the axis (up to two at once).
    const bars = timeline.steps.flatMap((s) => s.attempts);
    expect(bars.some((a, i) => bars.some((b, j) => i !== j && a.startMs < b.endMs && b.startMs < a.endMs))).toBe(true);
    expect(timeline.networkWaits).toHaveLength(1);
    expect(timeline.networkWaits[0]).toMatchObject({ ended: true });
    expect(timeline.networkWaits[0]!.endMs - timeline.networkWaits[0]!.startMs).toBeGreaterThan(200);
    expect(timeline.sessions.map((s) => s.command)).toEqual(['Start']);
  }, 90_000);

  it('Insights’ medians are the ETA’s typical durations (one statistics module), over several runs', async () => {
    const siteId = await site();
    const shop = await call<{ saved: true; shop: { id: string } }>('saveShop', { siteId, config: SHOP_FILE });
    // The first run meets a refusal only ERPNext knows of (the plan cannot see it coming).
    sandbox.faults.add({ method: 'POST', path: '/api/resource/Customer', kind: 'error', status: 417, excType: 'ValidationError', message: 'Customer Group Individual is frozen for this test', times: 1 });
    for (let i = 0; i < 4; i++) {
      await service.startRun(shop.shop.id);
    }
    const insights = await call<Insights>('insights');
    expect(insights.runs).toMatchObject({ total: 4, byStatus: { COMPLETED: 3, FAILED: 1 } });
    expect(insights.messages).toEqual([expect.objectContaining({ message: 'Customer Group Individual is frozen for this test', count: 1 })]);
    expect(insights.errorCodes).toEqual([{ code: 'validation_failed', count: 1, steps: [StepId.Customer] }]);
    const typical = service.store.runs.typicalDurations();
    for (const step of insights.steps.filter((s) => s.duration)) expect(step.duration!.medianMs).toBe(typical[step.stepId]);
    expect(insights.steps.find((s) => s.stepId === StepId.Company)).toMatchObject({ failures: 0, failureRate: 0 });
    expect(insights.steps.find((s) => s.stepId === StepId.Customer)).toMatchObject({ failures: 1 });
    expect(insights.steps.every((s) => !s.duration || s.duration.p90Ms >= s.duration.medianMs)).toBe(true);
  }, 60_000);
});

describe('the handover sheet', () => {
  it('is refused before a run finished; afterwards it is saved with the shop’s facts, the POS address and the helpdesk line, and no secret', async () => {
    writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ helpdesk: 'Call Partner Support on 0800 123 456' }));
    const siteId = await site();
    const shop = await call<{ saved: true; shop: { id: string } }>('saveShop', { siteId, config: { ...SHOP_FILE, company: { ...SHOP_FILE.company, name: 'Tom & Jerry’s "Cafe"' }, pos: { ...SHOP_FILE.pos, cashiers: [sandbox.users.provisioner.user] } } });
    const shopId = shop.shop.id;
    const early = (await dispatch(handlers, 'saveHandoverSheet', { shopId })) as Result<unknown>;
    expect(early).toMatchObject({ ok: false, error: { code: 'not_finished', message: expect.stringMatching(/has no finished run yet/) } });

    await service.startRun(shopId);
    const file = await call<SavedDocument>('saveHandoverSheet', { shopId });
    expect(file.format).toBe('html');
    expect(path.basename(file.path)).toMatch(/^Tom & Jerry’s _Cafe_ handover \d{4}-\d\d-\d\d\.html$/);
    const html = readFileSync(file.path, 'utf8');
    expect(html).toContain('<h1>Tom &amp; Jerry’s &quot;Cafe&quot;: your POS is set up</h1>');
    expect(html).toContain('POS ready: the till can sell.');
    expect(html).toContain(`${sandbox.url}/app/point-of-sale`);
    expect(html).toContain('Tom &amp; Jerry’s &quot;Cafe&quot; POS');
    expect(html).toMatch(/Cash <strong>\(default\)<\/strong><\/td><td>\$150\.00/);
    expect(html).toContain(sandbox.users.provisioner.user);
    expect(html).toContain('Call Partner Support on 0800 123 456');
    expect(html).toMatch(/Passed:<\/span> POS Profile is usable/);
    const { apiKey, apiSecret } = sandbox.users.provisioner;
    expect(html).not.toContain(apiSecret);
    expect(html).not.toContain(apiKey);
  }, 60_000);

  it('in the app main prints it to PDF: the handler hands over the HTML and a .pdf name', async () => {
    service.close();
    open({ saveDocument: async (options) => (saved.push(options), { path: path.join(dir, options.defaultName), format: 'pdf' }) });
    const siteId = await site();
    const shop = await call<{ saved: true; shop: { id: string } }>('saveShop', { siteId, config: SHOP_FILE });
    await service.startRun(shop.shop.id);
    const file = await call<SavedDocument>('saveHandoverSheet', { shopId: shop.shop.id });
    expect(file.format).toBe('pdf');
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ title: 'Handover sheet for Corner Cafe', defaultName: expect.stringMatching(/^Corner Cafe handover .*\.pdf$/), html: expect.stringContaining('<!doctype html>') });
    expect(existsSync(file.path)).toBe(false);
  }, 60_000);
});
