import { type PlanAction, type PlanItem, type ShopPlan, planSummaryLine, shownValue } from '../../shared/plan';
import { stepDefinition } from '../../shared/steps/catalog';

/** Sign and word of each action: readable without colour (a log file, a screen reader, a pipe). */
const MARK: Record<PlanAction, string> = { create: '+ create  ', adopt: '= exists  ', change: '~ change  ', conflict: '! conflict', unknown: '? unknown ' };
const INDENT = ' '.repeat(15);

function itemLines(planned: PlanItem): string[] {
  const lines = [`    ${MARK[planned.action]} ${planned.what}${planned.name && !planned.what.includes(planned.name) ? ` (${planned.name})` : ''}`];
  for (const change of planned.changes ?? []) lines.push(`${INDENT}${change.field}: ${shownValue(change.from)} → ${shownValue(change.to)}`);
  if (planned.action === 'conflict') {
    if (planned.reason) lines.push(`${INDENT}${planned.reason}`);
    if (planned.hint) lines.push(`${INDENT}→ ${planned.hint}`);
  } else if (planned.reason && planned.action !== 'adopt') lines.push(`${INDENT}${planned.reason}`);
  return lines;
}

/** `pos-provisioner plan` for a person: grouped by step, each record with its action, then one summary line. */
export function formatPlan(plan: ShopPlan): string {
  const lines = [`Plan for "${plan.shopName}" on ${plan.siteUrl} (read only: nothing was changed in ERPNext)`, ''];
  for (const step of plan.steps) {
    const def = stepDefinition(step.stepId);
    lines.push(`  [${def.index}] ${def.title}`);
    if (step.items.length === 0) lines.push(`    ✓ nothing to do${def.index === 0 ? ': the API user has every role the run needs' : ''}`);
    for (const planned of step.items) lines.push(...itemLines(planned));
  }
  lines.push('', `Plan: ${planSummaryLine(plan.counts)}`);
  if (plan.outcome === 'conflicts') lines.push('Start would stop before its first write until the conflicts above are fixed.');
  else if (plan.outcome === 'nothing') lines.push('Nothing to do: the site already has everything this shop needs.');
  return lines.join('\n');
}
