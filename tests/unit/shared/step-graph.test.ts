import { describe, expect, it } from 'vitest';
import { STEP_CATALOG, STEP_IDS, StepId } from '../../../shared/steps/catalog';
import { parallelWaves, readySteps, topologicalOrder, weightedProgress } from '../../../shared/steps/graph';
import { StepStatus } from '../../../shared/status';

const all = (status: StepStatus) => Object.fromEntries(STEP_IDS.map((id) => [id, status])) as Record<StepId, StepStatus>;

describe('step catalog', () => {
  it('has the eleven steps with the critical and optional ones of the design', () => {
    expect(STEP_IDS).toHaveLength(11);
    expect(STEP_CATALOG.filter((s) => s.critical).map((s) => s.index)).toEqual([0, 2, 3, 8]);
    expect(STEP_CATALOG.filter((s) => s.optional).map((s) => s.index)).toEqual([6]);
    STEP_CATALOG.forEach((step, index) => expect(step.id.startsWith(`step_${index}_`)).toBe(true));
  });

  it('derives a valid order from the dependencies', () => {
    const order = topologicalOrder();
    for (const step of STEP_CATALOG) {
      for (const dep of [...step.dependsOn, ...step.runsAfter]) expect(order.indexOf(dep)).toBeLessThan(order.indexOf(step.id));
    }
  });

  it('lets independent steps run side by side', () => {
    const waves = parallelWaves();
    expect(waves[0]).toEqual([StepId.EngineCheck]);
    expect(waves.some((wave) => wave.includes(StepId.Company) && wave.includes(StepId.Customer))).toBe(true);
    expect(waves.some((wave) => wave.includes(StepId.ChartOfAccounts) && wave.includes(StepId.Warehouses))).toBe(true);
    expect(waves.flat().sort()).toEqual([...STEP_IDS].sort());
  });

  it('refuses a cycle', () => {
    const a = { ...STEP_CATALOG[0]!, dependsOn: [StepId.PlatformSetup] };
    const b = { ...STEP_CATALOG[1]! };
    expect(() => topologicalOrder([a, b])).toThrow(/cycle/);
  });

  it('a failed optional step does not block the final step; a failed required one blocks its dependants', () => {
    const statuses = { ...all(StepStatus.Succeeded), [StepId.DemoItems]: StepStatus.Failed, [StepId.PostSetup]: StepStatus.Pending };
    expect(readySteps(statuses)).toEqual([StepId.PostSetup]);
    const blocked = { ...all(StepStatus.Pending), [StepId.EngineCheck]: StepStatus.Succeeded, [StepId.PlatformSetup]: StepStatus.Succeeded, [StepId.Company]: StepStatus.Succeeded, [StepId.Warehouses]: StepStatus.Failed };
    const ready = readySteps(blocked);
    expect(ready).toEqual(expect.arrayContaining([StepId.ChartOfAccounts, StepId.Customer]));
    for (const dependant of [StepId.Settings, StepId.DemoItems, StepId.PosProfile, StepId.PosSession, StepId.PostSetup]) expect(ready).not.toContain(dependant);
  });

  it('weighs progress', () => {
    expect(weightedProgress(all(StepStatus.Pending))).toBe(0);
    expect(weightedProgress(all(StepStatus.Succeeded))).toBe(1);
    expect(weightedProgress({ ...all(StepStatus.Succeeded), [StepId.DemoItems]: StepStatus.Skipped })).toBe(1);
  });
});
