import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../../../electron/service/timeline';
import type { StepAttempt } from '../../../shared/history';
import type { LogEntry, RunRecord } from '../../../shared/model';
import { StepId } from '../../../shared/steps/catalog';

const T0 = Date.parse('2026-03-02T10:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();

const run = (changes: Partial<RunRecord> = {}): RunRecord => ({
  id: 'run-1', shopId: 'shop-1', status: 'COMPLETED', phase: 'finished', machineVersion: 1, createdAt: at(-50), startedAt: at(0), finishedAt: at(10_000), updatedAt: at(10_000), nextProbeAt: null, error: null, summary: null, ...changes,
});

const attempt = (stepId: StepId, n: number, from: number, to: number, status: 'succeeded' | 'failed' = 'succeeded'): StepAttempt => ({
  stepId, attempt: n, status, startedAt: at(from), finishedAt: at(to), durationMs: to - from, errorCode: status === 'failed' ? 'validation_failed' : null, errorMessage: status === 'failed' ? 'No.' : null, serverMessage: null,
});

let id = 0;
const log = (ms: number, message: string, stepId: StepId | null = null, data: Record<string, unknown> | null = null): LogEntry => ({ id: ++id, runId: 'run-1', shopId: 'shop-1', time: at(ms), level: 'info', stepId, correlationId: stepId ? 'c-1' : null, message, data });

describe('a run on a time axis', () => {
  it('one bar per attempt, side by side where steps overlapped, measured from the run’s start', () => {
    const timeline = buildTimeline({
      run: run(),
      steps: [],
      attempts: [attempt(StepId.Warehouses, 1, 1_000, 3_000), attempt(StepId.Customer, 1, 1_500, 2_000), attempt(StepId.Company, 1, 200, 800, 'failed'), attempt(StepId.Company, 2, 900, 1_000)],
      logs: [],
    });
    expect(timeline.spanMs).toBe(10_000);
    expect(timeline.steps.map((s) => s.stepId)).toHaveLength(11);
    expect(timeline.steps.find((s) => s.stepId === StepId.Company)!.attempts).toEqual([
      { attempt: 1, status: 'failed', startMs: 200, endMs: 800, errorCode: 'validation_failed', errorMessage: 'No.' },
      { attempt: 2, status: 'succeeded', startMs: 900, endMs: 1_000, errorCode: null, errorMessage: null },
    ]);
    expect(timeline.steps.find((s) => s.stepId === StepId.Customer)!.attempts[0]).toMatchObject({ startMs: 1_500, endMs: 2_000 });
  });

  it('a step running now ends at "now"', () => {
    const timeline = buildTimeline({
      run: run({ status: 'IN_PROGRESS', phase: 'running', finishedAt: null }),
      steps: [{ stepId: StepId.Company, status: 'running', attempts: 1, startedAt: at(500), finishedAt: null, durationMs: null, currentAction: 'x', error: null, outputs: null }],
      attempts: [],
      logs: [],
      now: T0 + 4_000,
    });
    expect(timeline.steps.find((s) => s.stepId === StepId.Company)!.attempts).toEqual([{ attempt: 1, status: 'running', startMs: 500, endMs: 4_000, errorCode: null, errorMessage: null }]);
  });

  it('the client’s own retries and the slowest request of each step, from the run’s log', () => {
    const timeline = buildTimeline({
      run: run(),
      steps: [],
      attempts: [],
      logs: [
        log(100, 'GET /api/resource/Customer → 503 service_unavailable', StepId.Customer, { method: 'GET', path: '/api/resource/Customer', durationMs: 12, attempt: 1, status: 503 }),
        log(110, 'GET /api/resource/Customer will retry in 240 ms (service_unavailable)', StepId.Customer, { attempt: 1, delayMs: 240, code: 'service_unavailable', status: 503 }),
        log(400, 'GET /api/resource/Customer → 200', StepId.Customer, { method: 'GET', path: '/api/resource/Customer', durationMs: 30, attempt: 2, status: 200 }),
        log(500, 'POST /api/resource/Customer → 200', StepId.Customer, { method: 'POST', path: '/api/resource/Customer', durationMs: 90, attempt: 1, status: 200 }),
        log(600, 'Walk-in customer: done in 500 ms', StepId.Customer, { effects: {} }),
      ],
    });
    const customer = timeline.steps.find((s) => s.stepId === StepId.Customer)!;
    expect(customer.retries).toEqual([{ atMs: 110, delayMs: 240, code: 'service_unavailable', request: 'GET /api/resource/Customer' }]);
    expect(customer.slowest).toEqual({ request: 'POST /api/resource/Customer', durationMs: 90, atMs: 500, correlationId: 'c-1' });
    expect(customer.requests).toBe(3);
    expect(timeline.steps.find((s) => s.stepId === StepId.Company)!.slowest).toBeNull();
  });

  it('a wait for the network spans from the first failed probe to the probe that found the site back, whatever steps report meanwhile', () => {
    const timeline = buildTimeline({
      run: run(),
      steps: [],
      attempts: [],
      logs: [
        log(1_000, 'Site unreachable (connection_refused); next try at …'),
        log(1_050, 'GET /api/method/ping failed: connection_refused', null, { method: 'GET', path: '/api/method/ping', durationMs: 3 }),
        log(1_100, 'POST /api/resource/Warehouse failed: connection_refused', StepId.Warehouses, { method: 'POST', path: '/api/resource/Warehouse', durationMs: 2 }),
        log(2_000, 'Site unreachable (connection_refused); next try at …'),
        log(3_000, 'The site answers again: resuming the run'),
        log(5_000, 'Site unreachable (timeout); next try at …'),
        log(5_500, 'Operator: pause the run'),
        log(7_000, 'Site unreachable (timeout); next try at …'),
      ],
    });
    expect(timeline.networkWaits).toEqual([
      { startMs: 1_000, endMs: 3_000, ended: true },
      { startMs: 5_000, endMs: 5_500, ended: true },
      { startMs: 7_000, endMs: 10_000, ended: true },
    ]);
    const waiting = buildTimeline({ run: run({ status: 'IN_PROGRESS', phase: 'waiting_for_network', finishedAt: null }), steps: [], attempts: [], logs: [log(1_000, 'Site unreachable (timeout); next try at …')], now: T0 + 6_000 });
    expect(waiting.networkWaits).toEqual([{ startMs: 1_000, endMs: 6_000, ended: false }]);
  });
});
