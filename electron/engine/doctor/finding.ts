import { type Finding, type FindingKind, Severity } from '../../../shared/doctor';
import type { StepId } from '../../../shared/steps/catalog';

/** A finding Repair fixes by running `step` again (the step's plan sees the drift as a change). */
export function repairable(kind: FindingKind, severity: Severity, what: string, saw: string, fix: string, step: StepId): Finding {
  return { kind, severity, what, saw, fix, repairStep: step };
}

/** A finding Repair leaves alone: `fix` names the ERPNext screen where a person decides. */
export function manual(kind: FindingKind, severity: Severity, what: string, saw: string, fix: string): Finding {
  return { kind, severity, what, saw, fix, repairStep: null };
}

export { Severity };
