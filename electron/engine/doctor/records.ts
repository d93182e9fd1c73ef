import { FindingKind, type Finding } from '../../../shared/doctor';
import { StepId } from '../../../shared/steps/catalog';
import { cashiersOf, demoItemsOf, profileName, sameName } from '../plan/names';
import { sortSessions } from '../plan/posSession';
import type { PlanContext } from '../plan/types';
import { Severity, repairable } from './finding';

/** The shop's two warehouses: a disabled POS Store stops the till, a disabled Main Store stops restocking. */
export async function warehouseFindings(p: PlanContext): Promise<Finding[]> {
  const company = p.shop.company.name;
  const rows = await p.reads.warehouses(company);
  const findings: Finding[] = [];
  for (const [name, severity, effect] of [
    [p.shop.warehouses.pos, Severity.BlocksSelling, 'the till sells from it, and ERPNext refuses stock moves from a disabled warehouse'],
    [p.shop.warehouses.main, Severity.Degrades, 'stock cannot be received or moved to the POS Store'],
  ] as const) {
    const found = rows.find((row) => sameName(row.warehouse_name, name));
    if (found && Number(found.disabled)) findings.push(repairable(FindingKind.WarehouseDisabled, severity, `Warehouse "${name}" of ${company}`, `The warehouse ${found.name} is disabled: ${effect}.`, 'Repair enables it again (the warehouses step).', StepId.Warehouses));
  }
  return findings;
}

/**
 * The cashier's open POS session. Closing the day is normal, so this degrades rather than blocks: the
 * cashier can open one at the till, and Repair opens one with the shop's opening balances.
 */
export async function sessionFindings(p: PlanContext): Promise<Finding[]> {
  const profile = profileName(p.shop);
  const cashier = cashiersOf(p.shop, p.apiUser)[0]!;
  if (!(await p.reads.profile(profile))) return [];
  const entries = await p.reads.openings(profile, cashier);
  if (sortSessions(entries, profile, cashier, p.apiUser).open) return [];
  const closed = entries.filter((e) => e.docstatus === 1 && e.status === 'Closed').at(-1);
  const saw = `${cashier} has no open POS session on ${profile}${closed ? ` (the last one, ${closed.name}, was closed)` : ''}: the till asks for an opening entry before the first sale.`;
  return [repairable(FindingKind.SessionClosed, Severity.Degrades, `POS session of ${cashier}`, saw, 'Repair opens a new session with the shop\'s opening balances (the POS session step); or the cashier opens one at the till.', StepId.PosSession)];
}

/** Demo items the run made (when it made them) that someone disabled since. */
export async function demoItemFindings(p: PlanContext, demoItemsMade: boolean): Promise<Finding[]> {
  const codes = demoItemsOf(p.shop, p.abbr).map((demo) => demo.code);
  if (!demoItemsMade || codes.length === 0) return [];
  const disabled = (await p.reads.items(codes)).filter((item) => item.disabled);
  if (disabled.length === 0) return [];
  const names = disabled.map((item) => item.itemCode).join(', ');
  return [repairable(FindingKind.DemoItemDisabled, Severity.Degrades, `Demo items (${disabled.length})`, `${disabled.length} demo item(s) are disabled: ${names}. The till no longer lists them.`, 'Repair enables them again (the demo items step). If they were disabled on purpose, switch demo items off in the shop form instead.', StepId.DemoItems)];
}
