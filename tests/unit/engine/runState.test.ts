import { describe, expect, it } from 'vitest';
import { type Steps, activeSteps, emptyStep, endpointFailure, failed, finalStatus, interrupted, isCritical, isOptional, meansSiteMayBeLost, reset, runSummary, siteWasReached, started, stepsFrom, stepsToStart, succeeded } from '../../../electron/engine/runState';
import type { ErrorInfo } from '../../../shared/errors';
import { StepStatus } from '../../../shared/status';
import { STEP_IDS, StepId } from '../../../shared/steps/catalog';

// The final-status rule and the step record transitions the statechart is built from.

const all = (status: StepStatus, overrides: Partial<Record<StepId, StepStatus>> = {}) =>
  Object.fromEntries(STEP_IDS.map((id) => [id, { ...emptyStep(id), status: overrides[id] ?? status }])) as Steps;
const info = (over: Partial<ErrorInfo>): ErrorInfo => ({ code: 'validation_failed', category: 'validation', message: 'm', hint: 'h', ...over });

describe('final status', () => {
  it('COMPLETED only when every step that was not skipped succeeded', () => {
    expect(finalStatus(all(StepStatus.Succeeded))).toBe('COMPLETED');
    expect(finalStatus(all(StepStatus.Succeeded, { [StepId.DemoItems]: StepStatus.Skipped }))).toBe('COMPLETED');
  });

  it('FAILED when a critical step failed, was blocked, or never ran', () => {
    expect(finalStatus(all(StepStatus.Succeeded, { [StepId.Company]: StepStatus.Failed }))).toBe('FAILED');
    expect(finalStatus(all(StepStatus.Succeeded, { [StepId.Warehouses]: StepStatus.Failed, [StepId.PosProfile]: StepStatus.Pending }))).toBe('FAILED');
    expect(finalStatus(all(StepStatus.Succeeded, { [StepId.EngineCheck]: StepStatus.Pending }))).toBe('FAILED');
    expect(finalStatus(all(StepStatus.Pending))).toBe('FAILED');
  });

  it('PARTIAL when every critical step succeeded and another did not', () => {
    expect(finalStatus(all(StepStatus.Succeeded, { [StepId.Settings]: StepStatus.Failed }))).toBe('PARTIAL');
    expect(finalStatus(all(StepStatus.Succeeded, { [StepId.PosSession]: StepStatus.Failed, [StepId.PostSetup]: StepStatus.Pending }))).toBe('PARTIAL');
  });
});

describe('what may mean the site is gone', () => {
  it('no answer, a transient answer, a foreign page or a foreign certificate; not a refusal', () => {
    expect(meansSiteMayBeLost(info({ code: 'network_reset', category: 'transient', noAnswer: true }))).toBe(true);
    expect(meansSiteMayBeLost(info({ code: 'service_unavailable', category: 'transient' }))).toBe(true);
    expect(meansSiteMayBeLost(info({ code: 'not_erpnext_html', category: 'not_erpnext' }))).toBe(true);
    expect(meansSiteMayBeLost(info({ code: 'tls_untrusted', category: 'tls' }))).toBe(true);
    expect(meansSiteMayBeLost(info({}))).toBe(false);
    expect(meansSiteMayBeLost(info({ code: 'permission_denied', category: 'permission' }))).toBe(false);
    expect(meansSiteMayBeLost(info({ code: 'auth_failed', category: 'auth' }))).toBe(false);
  });

  it('the site counts as reached once the engine check succeeded', () => {
    expect(siteWasReached(all(StepStatus.Pending))).toBe(false);
    expect(siteWasReached(all(StepStatus.Pending, { [StepId.EngineCheck]: StepStatus.Succeeded }))).toBe(true);
  });

  it('a sick endpoint is named with how it failed', () => {
    const answered = endpointFailure(info({ code: 'service_unavailable', category: 'transient', endpoint: 'POST /api/resource/POS Profile', status: 503, attempts: 5, message: 'Busy.' }), 1);
    expect(answered.message).toBe('ERPNext answers, but POST /api/resource/POS Profile kept failing with 503 after 5 tries. Busy.');
    expect(answered.hint).toMatch(/The site itself is reachable/);
    const silent = endpointFailure(info({ code: 'timeout', category: 'transient', noAnswer: true, message: 'Slow.' }), 3);
    expect(silent.message).toBe('ERPNext answers, but a request of this step never got an answer (3 times in a row). Slow.');
    expect(silent.hint).toBe("The site itself is reachable: this one request is failing. Check ERPNext's error log for a request of this step (or ask the site's administrator), then Continue.");
    // Only what is known is said: no status, or no count of tries.
    expect(endpointFailure(info({ endpoint: 'GET /api/method/ping', attempts: 5, message: 'Odd.' }), 1).message).toBe('ERPNext answers, but GET /api/method/ping kept failing after 5 tries. Odd.');
    expect(endpointFailure(info({ endpoint: 'GET /api/method/ping', status: 500, attempts: 0, message: 'Odd.' }), 1).message).toBe('ERPNext answers, but GET /api/method/ping kept failing with 500. Odd.');
    expect(endpointFailure(info({ code: 'server_error', category: 'server', status: 500 }), 1)).toMatchObject({ code: 'server_error', category: 'server', status: 500 });
  });
});

describe('step records', () => {
  const at = '2026-11-30T10:00:00.000Z';
  const later = '2026-11-30T10:00:02.500Z';

  it('start counts attempts and clears the last error; success and failure time the attempt', () => {
    const running = started({ ...emptyStep(StepId.Company), attempts: 1, error: info({}) }, at);
    expect(running).toMatchObject({ status: 'running', attempts: 2, startedAt: at, error: null, finishedAt: null });
    expect(succeeded(running, { company: 'C' }, later)).toMatchObject({ status: 'succeeded', outputs: { company: 'C' }, durationMs: 2500, finishedAt: later, error: null });
    expect(failed(running, info({ message: 'no' }), later)).toMatchObject({ status: 'failed', durationMs: 2500, error: { message: 'no' } });
  });

  it('an interrupted step is pending again; a finished one is kept', () => {
    expect(interrupted({ ...emptyStep(StepId.Company), status: StepStatus.Retrying, currentAction: 'x' })).toMatchObject({ status: 'pending', currentAction: null });
    const done = { ...emptyStep(StepId.Company), status: StepStatus.Succeeded };
    expect(interrupted(done)).toBe(done);
  });

  it('reset: Continue redoes failed steps only, Retry all every step but the skipped ones, keeping the attempt count', () => {
    const failedStep = { ...emptyStep(StepId.Settings), status: StepStatus.Failed, attempts: 2, error: info({}) };
    const doneStep = { ...emptyStep(StepId.Company), status: StepStatus.Succeeded, attempts: 1 };
    const skippedStep = { ...emptyStep(StepId.DemoItems), status: StepStatus.Skipped };
    expect(reset(failedStep, 'failed')).toMatchObject({ status: 'pending', attempts: 2, error: null });
    expect(reset(doneStep, 'failed')).toBe(doneStep);
    expect(reset(doneStep, 'all')).toMatchObject({ status: 'pending', attempts: 1 });
    expect(reset(skippedStep, 'all')).toMatchObject({ status: 'skipped' });
  });
});

describe('a run read back', () => {
  it('has every step of the catalog; a step with no row yet is pending', () => {
    const company = { ...emptyStep(StepId.Company), status: StepStatus.Succeeded, attempts: 2 };
    const steps = stepsFrom([company]);
    expect(Object.keys(steps)).toEqual([...STEP_IDS]);
    expect(steps[StepId.Company]).toBe(company);
    expect(steps[StepId.PosProfile]).toEqual(emptyStep(StepId.PosProfile));
  });

  it('which steps are critical (0, 2, 3, 8) and which may be skipped (6)', () => {
    expect(STEP_IDS.filter(isCritical)).toEqual([StepId.EngineCheck, StepId.Company, StepId.ChartOfAccounts, StepId.PosProfile]);
    expect(STEP_IDS.filter(isOptional)).toEqual([StepId.DemoItems]);
  });

  it('starts what is ready, never more than the free slots', () => {
    const afterCompany = all(StepStatus.Pending, { [StepId.EngineCheck]: StepStatus.Succeeded, [StepId.PlatformSetup]: StepStatus.Succeeded, [StepId.Company]: StepStatus.Succeeded });
    expect(stepsToStart(afterCompany, 2)).toEqual([StepId.ChartOfAccounts, StepId.Warehouses]);
    const oneRunning = { ...afterCompany, [StepId.ChartOfAccounts]: { ...afterCompany[StepId.ChartOfAccounts], status: StepStatus.Retrying } };
    expect(activeSteps(oneRunning)).toEqual([StepId.ChartOfAccounts]);
    expect(stepsToStart(oneRunning, 2)).toEqual([StepId.Warehouses]);
    expect(stepsToStart(oneRunning, 1)).toEqual([]);
  });
});

describe('the run summary', () => {
  const withEffects = (status: StepStatus, effects: Record<string, string[]>) => ({ status, outputs: { effects } });

  it('lists what the succeeded steps created, adopted and changed, and the till read-back', () => {
    const steps = all(StepStatus.Succeeded);
    Object.assign(steps[StepId.Company], withEffects(StepStatus.Succeeded, { created: ['Company "Cafe"'], adopted: [], changed: [] }));
    Object.assign(steps[StepId.Customer], withEffects(StepStatus.Succeeded, { adopted: ['Customer "Walk-in Customer"'] }));
    Object.assign(steps[StepId.Settings], withEffects(StepStatus.Succeeded, { created: [], changed: ['Stock Settings (valuation_method)'] }));
    // A failed step's effects are not reported as done.
    Object.assign(steps[StepId.DemoItems], withEffects(StepStatus.Failed, { created: ['Item "Espresso"'] }));
    steps[StepId.PostSetup].outputs = { readiness: [{ check: 'POS Profile', ok: true }] };
    expect(runSummary(steps)).toEqual({
      created: ['Company "Cafe"'],
      adopted: ['Customer "Walk-in Customer"'],
      changed: ['Stock Settings (valuation_method)'],
      readiness: [{ check: 'POS Profile', ok: true }],
    });
  });

  it('is empty for a run that did nothing yet', () => {
    expect(runSummary(all(StepStatus.Pending))).toEqual({ created: [], adopted: [], changed: [], readiness: [] });
  });
});
