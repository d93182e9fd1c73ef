import { describe, expect, it } from 'vitest';
import { scheduledRemaining } from '../../../electron/engine/eta';
import { ProbeWaker } from '../../../electron/engine/networkWait';
import { type Steps, emptyStep } from '../../../electron/engine/runState';
import { StepStatus } from '../../../shared/status';
import { STEP_IDS, StepId } from '../../../shared/steps/catalog';

const steps = (overrides: Partial<Record<StepId, Partial<Steps[StepId]>>> = {}) => Object.fromEntries(STEP_IDS.map((id) => [id, { ...emptyStep(id), ...overrides[id] }])) as Steps;
/** Every step takes `ms` unless said otherwise. */
const typical = (ms: number, overrides: Partial<Record<StepId, number>> = {}) => Object.fromEntries(STEP_IDS.map((id) => [id, overrides[id] ?? ms])) as Record<StepId, number>;

describe('the time left follows the step graph, two steps at a time', () => {
  it('a whole run of 1 s steps takes its critical path, not the sum of eleven', () => {
    // 0 → 1 → {2, 7} → {3, 4} → {5, 6} → 8 → 9 → 10, two at a time: 8 rounds of 1 s.
    expect(scheduledRemaining(steps(), typical(1_000))).toBe(8_000);
    // One at a time it is the sum.
    expect(scheduledRemaining(steps(), typical(1_000), 1)).toBe(11_000);
  });

  it('finished and skipped steps cost nothing; a running step only what it has left', () => {
    const now = Date.parse('2026-01-05T10:00:10Z');
    const done = { status: StepStatus.Succeeded };
    const state = steps({
      [StepId.EngineCheck]: done,
      [StepId.PlatformSetup]: done,
      [StepId.Company]: done,
      [StepId.Customer]: done,
      [StepId.ChartOfAccounts]: done,
      [StepId.Warehouses]: done,
      [StepId.DemoItems]: { status: StepStatus.Skipped },
      [StepId.Settings]: done,
      [StepId.PosProfile]: { status: StepStatus.Running, startedAt: '2026-01-05T10:00:09Z' },
    });
    // POS Profile has 3 s of its 4 left, then POS session and post-setup one after the other.
    expect(scheduledRemaining(state, typical(2_000, { [StepId.PosProfile]: 4_000 }), 2, now)).toBe(3_000 + 2_000 + 2_000);
  });

  it('is unknown while a step to run has never finished before, and 0 when nothing is left', () => {
    expect(scheduledRemaining(steps(), { [StepId.EngineCheck]: 1_000 })).toBeNull();
    expect(scheduledRemaining(steps(Object.fromEntries(STEP_IDS.map((id) => [id, { status: StepStatus.Succeeded }]))), {})).toBe(0);
  });
});

describe('Try now wakes the pause between probes', () => {
  it('ends a nap at once and says it was woken; a nap that runs out was not', async () => {
    const waker = new ProbeWaker();
    const signal = new AbortController().signal;
    const nap = waker.nap(60_000, signal);
    expect(waker.wake()).toBe(true);
    await expect(nap).resolves.toBe(true);
    expect(waker.wake()).toBe(false);
    await expect(waker.nap(5, signal)).resolves.toBe(false);
  });

  it('an abort ends the nap too', async () => {
    const controller = new AbortController();
    const nap = new ProbeWaker().nap(60_000, controller.signal);
    controller.abort();
    await expect(nap).resolves.toBe(false);
  });
});
