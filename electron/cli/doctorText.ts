import { type DoctorReport, type Finding, HEALTH_LABEL, type RepairPlan, SEVERITY_LABEL, Severity } from '../../shared/doctor';
import { stepDefinition } from '../../shared/steps/catalog';

// The doctor's report as an installer reads it on a terminal: the severity in words (never colour
// alone), what was seen, and the fix.

const MARK: Record<Severity, string> = { blocks_selling: '✗', degrades: '!', info: 'i' };

function findingLines(finding: Finding): string[] {
  return [`  ${MARK[finding.severity]} ${SEVERITY_LABEL[finding.severity].toUpperCase()}  ${finding.what}`, `      saw: ${finding.saw}`, `      fix: ${finding.fix}`];
}

function tally(findings: readonly Finding[]): string {
  const counts = (Object.values(Severity) as Severity[]).map((s) => [s, findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  return counts.map(([s, n]) => `${n} ${SEVERITY_LABEL[s].toLowerCase()}`).join(', ');
}

export function reportText(report: DoctorReport): string[] {
  const head = `Doctor: "${report.shopName}", checked ${report.checkedAt.slice(0, 16).replace('T', ' ')} UTC`;
  if (report.findings.length === 0) return [head, '  ✓ Everything the till needs is still in place.', `Result: ${HEALTH_LABEL[report.health]}.`];
  const fixable = report.findings.filter((f) => f.repairStep).length;
  const next = fixable ? ` Repair can fix ${fixable} of ${report.findings.length}: pos-provisioner doctor --repair` : '';
  return [head, ...report.findings.flatMap(findingLines), `Result: ${HEALTH_LABEL[report.health]} (${tally(report.findings)}).${next}`];
}

export function planText(plan: RepairPlan): string[] {
  if (plan.steps.length === 0) return ['Repair: nothing here is for Repair to fix; the findings above say where in ERPNext a person fixes them.'];
  const lines = [`Repair plan: runs ${plan.steps.map((id) => `[${stepDefinition(id).index}] ${stepDefinition(id).title}`).join(', ')}`];
  for (const action of plan.actions) lines.push(`  ${action.action.padEnd(8)} ${action.what}${action.detail ? `  (${action.detail})` : ''}`);
  if (plan.actions.length === 0) lines.push('  (the steps re-check; nothing to write as the site reads now)');
  for (const finding of plan.manual) lines.push(`  left to a person: ${finding.what}: ${finding.fix}`);
  return lines;
}
