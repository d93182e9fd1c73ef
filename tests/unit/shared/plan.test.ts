import { describe, expect, it } from 'vitest';
import { type StepPlan, planCounts, planDifferences, planOutcome, planSummaryLine, shownValue } from '../../../shared/plan';
import { StepId } from '../../../shared/steps/catalog';

const step = (stepId: StepId, ...items: [StepPlan['items'][number]['action'], string, string][]): StepPlan => ({ stepId, items: items.map(([action, doctype, what]) => ({ action, doctype, name: null, what })) });

describe('plan outcome (terraform -detailed-exitcode)', () => {
  it('conflicts win, then any create or change; adopts and unknowns alone are nothing to do', () => {
    const adoptOnly = [step(StepId.Company, ['adopt', 'Company', 'Company "A"'], ['unknown', 'Item Price', 'price'])];
    expect(planOutcome(planCounts(adoptOnly))).toBe('nothing');
    expect(planOutcome(planCounts([step(StepId.Settings, ['change', 'Selling Settings', 'Selling Settings'])]))).toBe('changes');
    expect(planOutcome(planCounts([step(StepId.Company, ['create', 'Company', 'c'], ['conflict', 'User', 'u'])]))).toBe('conflicts');
    expect(planSummaryLine(planCounts([step(StepId.Company, ['create', 'Company', 'c'], ['conflict', 'User', 'u'], ['adopt', 'X', 'x'])]))).toBe('1 to create, 0 to change, 1 conflict (1 exist already)');
  });

  it('shows blank ERPNext fields as "" and strings quoted', () => {
    expect([shownValue(null), shownValue(''), shownValue('Individual'), shownValue(1)]).toEqual(['""', '""', '"Individual"', '1']);
  });
});

describe('what changed between a preview and the Start after it', () => {
  it('names each record whose action changed, appeared or went, and nothing else', () => {
    const preview = [step(StepId.Customer, ['create', 'Customer', 'Customer "Walk-in"']), step(StepId.Company, ['create', 'Company', 'Company "A"'], ['create', 'Account', 'Old'])];
    const atStart = [step(StepId.Customer, ['adopt', 'Customer', 'Customer "Walk-in"']), step(StepId.Company, ['create', 'Company', 'Company "A"'], ['conflict', 'User', 'Cashier x'])];
    expect(planDifferences(preview, atStart).map((d) => d.text)).toEqual([
      'Customer "Walk-in" now exists (adopt, was create)',
      'Cashier x is now a conflict (conflict, was not in the preview)',
      'Old is no longer in the plan (was create)',
    ]);
    expect(planDifferences(preview, preview)).toEqual([]);
  });
});
