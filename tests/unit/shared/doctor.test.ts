import { describe, expect, it } from 'vitest';
import { Health, Severity, bySeverity, healthOf } from '../../../shared/doctor';
import { StepId } from '../../../shared/steps/catalog';
import { withDependants } from '../../../shared/steps/graph';

describe('healthOf', () => {
  it('is the worst finding: any blocker cannot sell, any degrade is degraded, info alone is healthy', () => {
    expect(healthOf([])).toBe(Health.Healthy);
    expect(healthOf([{ severity: Severity.Info }])).toBe(Health.Healthy);
    expect(healthOf([{ severity: Severity.Info }, { severity: Severity.Degrades }])).toBe(Health.Degraded);
    expect(healthOf([{ severity: Severity.Degrades }, { severity: Severity.BlocksSelling }])).toBe(Health.CannotSell);
  });

  it('orders findings worst first', () => {
    const sorted = [{ severity: Severity.Info }, { severity: Severity.BlocksSelling }, { severity: Severity.Degrades }].sort(bySeverity);
    expect(sorted.map((f) => f.severity)).toEqual([Severity.BlocksSelling, Severity.Degrades, Severity.Info]);
  });
});

describe('withDependants (what a repair of some steps must run)', () => {
  it('adds every step after them, transitively, in catalog order', () => {
    expect(withDependants([StepId.PosProfile])).toEqual([StepId.PosProfile, StepId.PosSession, StepId.PostSetup]);
    // The post-setup step runs after demo items (runsAfter) even though it does not depend on them.
    expect(withDependants([StepId.DemoItems])).toEqual([StepId.DemoItems, StepId.PostSetup]);
    expect(withDependants([StepId.Warehouses])).toEqual([StepId.Warehouses, StepId.Settings, StepId.DemoItems, StepId.PosProfile, StepId.PosSession, StepId.PostSetup]);
    expect(withDependants([StepId.PostSetup, StepId.Customer])).toEqual([StepId.Customer, StepId.PosProfile, StepId.PosSession, StepId.PostSetup]);
    expect(withDependants([])).toEqual([]);
  });
});
