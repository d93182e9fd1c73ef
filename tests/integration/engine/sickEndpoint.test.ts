import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RETRY } from '../../../electron/erpnext/retry';
import { StepId } from '../../../shared/steps/catalog';
import { type EngineHarness, engineHarness } from '../../support/engineHarness';

// One endpoint answers 503 for ever while the site itself answers: with the retry policy users get, the
// run settles — it does not wait for the network, it does not loop — within the documented bound (the
// client's attempts: 5 tries with full-jitter pauses capped at 0.5, 1, 2 and 4 s, then one probe of
// the site), and the error names the endpoint and ERPNext's answer.

let h: EngineHarness;
afterEach(async () => h?.close());

/** README, "How a run behaves": a sick endpoint fails its step within the sum of the backoff caps plus a probe. */
const DOCUMENTED_BOUND_MS = [1, 2, 3, 4].reduce((sum, n) => sum + Math.min(DEFAULT_RETRY.maxDelayMs, DEFAULT_RETRY.baseDelayMs * 2 ** (n - 1)), 0) + 5_000;

describe('a persistent 503 on one endpoint', () => {
  it('fails the POS Profile step (critical: FAILED) within the bound, naming the endpoint', async () => {
    h = await engineHarness();
    h.sandbox.faults.add({ method: 'POST', path: '/api/resource/POS Profile', kind: 'fail_endpoint', status: 503 });
    const controller = h.controller({ siteLease: false }, {});
    let failingSince = 0;
    controller.onUpdate((_view, events) => {
      if (!failingSince && events.some((e) => e.type === 'step.started' && e.stepId === StepId.PosProfile)) failingSince = Date.now();
    });
    const view = await controller.start();
    const settledIn = Date.now() - failingSince;
    expect(view.run.status).toBe('FAILED');
    const error = view.steps.find((s) => s.stepId === StepId.PosProfile)!.error!;
    expect(error).toMatchObject({ endpoint: 'POST /api/resource/POS Profile', status: 503, attempts: DEFAULT_RETRY.maxAttempts, code: 'service_unavailable' });
    expect(error.message).toMatch(/ERPNext answers, but POST \/api\/resource\/POS Profile kept failing with 503/);
    expect(settledIn).toBeLessThan(DOCUMENTED_BOUND_MS);
    // It never went to wait for the network: the site answered the probe at once.
    expect(h.store.db.prepare("SELECT COUNT(*) AS n FROM logs WHERE message LIKE 'Site unreachable%'").get()).toEqual({ n: 0 });
  }, 60_000);

  it('on a non-critical step (the POS session) lets the run end PARTIAL', async () => {
    h = await engineHarness();
    h.sandbox.faults.add({ method: 'POST', path: '/api/resource/POS Opening Entry', kind: 'fail_endpoint', status: 503 });
    const view = await h.controller({ siteLease: false }, {}).start();
    expect(view.run.status).toBe('PARTIAL');
    expect(view.steps.find((s) => s.stepId === StepId.PosSession)!.error).toMatchObject({ endpoint: 'POST /api/resource/POS Opening Entry', status: 503 });
  }, 60_000);
});
