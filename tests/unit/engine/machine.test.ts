import { createActor, waitFor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { type RunDeps, type RunMachineEvent, runMachine } from '../../../electron/engine/machine';
import { emptyStep, finalStatus, type Steps } from '../../../electron/engine/runState';
import type { ErrorInfo } from '../../../shared/errors';
import { STEP_IDS, StepId } from '../../../shared/steps/catalog';

// The statechart alone, with scripted step bodies: scheduling, halting, waiting and commands.

const fresh = () => Object.fromEntries(STEP_IDS.map((id) => [id, emptyStep(id)])) as Steps;
const error = (category: ErrorInfo['category'], code: ErrorInfo['code'] = 'validation_failed'): ErrorInfo => ({ code, category, message: 'm', hint: 'h' });

interface Script {
  /** Throw this (an ErrorInfo) the n-th time (1-based) the step runs. */
  failures?: Partial<Record<StepId, (attempt: number) => ErrorInfo | undefined>>;
  network?: (send: (e: RunMachineEvent) => void) => void;
}

function harness(script: Script = {}) {
  const attempts = new Map<StepId, number>();
  let active = 0;
  let peak = 0;
  const order: StepId[] = [];
  const deps: RunDeps = {
    async executeStep(stepId, _steps, callbacks) {
      const attempt = (attempts.get(stepId) ?? 0) + 1;
      attempts.set(stepId, attempt);
      order.push(stepId);
      active++;
      peak = Math.max(peak, active);
      callbacks.action('working');
      await new Promise((resolve) => setTimeout(resolve, 5));
      active--;
      const failure = script.failures?.[stepId]?.(attempt);
      if (failure) throw failure;
      return { ok: true };
    },
    describeFailure: (e) => e as ErrorInfo,
    waitForNetwork: (send) => (script.network ?? ((s) => setTimeout(() => s({ type: 'NETWORK.BACK' }), 10)))(send),
    now: () => new Date().toISOString(),
  };
  const actor = createActor(runMachine, { input: { steps: fresh(), resumeInto: 'idle', maxParallel: 2, deps } }).start();
  const settled = () => waitFor(actor, (s) => s.matches('finished') || s.matches('paused'), { timeout: 5_000 });
  return { actor, settled, attempts, order, peak: () => peak };
}

describe('run statechart', () => {
  it('runs every step once, dependencies first, never more than two at a time', async () => {
    const h = harness();
    h.actor.send({ type: 'START' });
    const end = await h.settled();
    expect(finalStatus(end.context.steps)).toBe('COMPLETED');
    expect(h.order.indexOf(StepId.Company)).toBeGreaterThan(h.order.indexOf(StepId.PlatformSetup));
    expect(h.order.indexOf(StepId.PosProfile)).toBeGreaterThan(h.order.indexOf(StepId.Customer));
    expect(h.order).toHaveLength(11);
    expect(h.peak()).toBe(2);
  });

  it('a critical failure halts: nothing new starts and the run is FAILED', async () => {
    const h = harness({ failures: { [StepId.Company]: () => error('validation') } });
    h.actor.send({ type: 'START' });
    const end = await h.settled();
    expect(finalStatus(end.context.steps)).toBe('FAILED');
    expect(h.order).not.toContain(StepId.ChartOfAccounts);
    expect(end.context.steps[StepId.Company].error).toMatchObject({ category: 'validation' });
  });

  it('a non-critical failure lets independent steps go on: PARTIAL', async () => {
    const h = harness({ failures: { [StepId.Settings]: () => error('validation') } });
    h.actor.send({ type: 'START' });
    const end = await h.settled();
    expect(finalStatus(end.context.steps)).toBe('PARTIAL');
    expect(end.context.steps[StepId.PosSession].status).toBe('succeeded');
    // Post-setup only runs after settings (in any outcome), it does not need them to succeed.
    expect(end.context.steps[StepId.PostSetup].status).toBe('succeeded');
  });

  it('losing the site after the engine check waits for the network, then reruns the step', async () => {
    const h = harness({ failures: { [StepId.Warehouses]: (n) => (n === 1 ? error('transient', 'network_refused') : undefined) } });
    const seen: string[] = [];
    h.actor.subscribe((s) => seen.push(String(s.value)));
    h.actor.send({ type: 'START' });
    const end = await h.settled();
    expect(seen).toContain('waitingForNetwork');
    expect(finalStatus(end.context.steps)).toBe('COMPLETED');
    expect(h.attempts.get(StepId.Warehouses)).toBe(2);
  });

  it('an unreachable site at the engine check fails the run instead of waiting', async () => {
    const h = harness({ failures: { [StepId.EngineCheck]: () => error('transient', 'network_dns') } });
    h.actor.send({ type: 'START' });
    const end = await h.settled();
    expect(finalStatus(end.context.steps)).toBe('FAILED');
  });

  it('gives up waiting when the network never comes back', async () => {
    const h = harness({
      failures: { [StepId.Company]: () => error('transient', 'timeout') },
      network: (send) => setTimeout(() => send({ type: 'NETWORK.GAVE_UP', error: error('transient', 'network_unreachable') }), 10),
    });
    h.actor.send({ type: 'START' });
    const end = await h.settled();
    expect(finalStatus(end.context.steps)).toBe('FAILED');
    expect(end.context.steps[StepId.Company].error?.code).toBe('network_unreachable');
  });

  it('refuses to skip a critical step and skips an optional one', async () => {
    const h = harness();
    h.actor.send({ type: 'SKIP', stepId: StepId.PosProfile });
    expect(h.actor.getSnapshot().context.refusal).toMatch(/"POS Profile" \(step_8_pos_profile\) cannot be skipped/);
    h.actor.send({ type: 'SKIP', stepId: StepId.DemoItems });
    h.actor.send({ type: 'START' });
    const end = await h.settled();
    expect(end.context.steps[StepId.DemoItems].status).toBe('skipped');
    expect(h.order).not.toContain(StepId.DemoItems);
    expect(finalStatus(end.context.steps)).toBe('COMPLETED');
  });

  it('cancel pauses with interrupted steps pending; continue finishes them; retry all reruns every step', async () => {
    const h = harness();
    h.actor.send({ type: 'START' });
    await waitFor(h.actor, (s) => s.context.steps[StepId.Company].status === 'running');
    h.actor.send({ type: 'CANCEL' });
    const paused = await h.settled();
    expect(paused.value).toBe('paused');
    expect(paused.context.steps[StepId.Company].status).toBe('pending');
    h.actor.send({ type: 'CONTINUE' });
    expect(finalStatus((await waitFor(h.actor, (s) => s.matches('finished'))).context.steps)).toBe('COMPLETED');
    const before = h.order.length;
    h.actor.send({ type: 'RETRY_ALL' });
    await waitFor(h.actor, (s) => s.matches('finished') && h.order.length - before === 11);
  });
});
