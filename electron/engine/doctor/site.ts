import { ErpNextError } from '../../erpnext/errors';
import { FindingKind, type Finding } from '../../../shared/doctor';
import { cashiersOf, sameName } from '../plan/names';
import type { PlanContext } from '../plan/types';
import { Severity, manual } from './finding';

/**
 * Roles that may create and submit a POS Invoice (erpnext/accounts/doctype/pos_invoice/pos_invoice.json):
 * a cashier with neither cannot ring up a sale.
 */
export const SELLING_ROLES = ['Accounts User', 'Accounts Manager'] as const;

export function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

async function yearCovering(p: PlanContext, date: string) {
  const company = p.shop.company.name;
  return (await p.reads.fiscalYears(date)).find((year) => year.companies.length === 0 || year.companies.includes(company)) ?? null;
}

/**
 * ERPNext refuses any sale dated outside an active fiscal year. Repair never makes one: the year's dates
 * are the accountant's decision, and a closed (disabled) year was closed on purpose.
 */
export async function fiscalYearFindings(p: PlanContext): Promise<Finding[]> {
  const company = p.shop.company.name;
  const year = await yearCovering(p, p.today);
  if (!year) {
    return [manual(FindingKind.FiscalYearMissing, Severity.BlocksSelling, `Fiscal Year of ${company}`, `No active fiscal year covers today (${p.today}) for ${company}: ERPNext refuses every sale.`, `In ERPNext open Accounting > Fiscal Year and create (or enable) the year that covers ${p.today}, for all companies or with ${company} in its Companies table.`)];
  }
  if (year.endDate >= addDays(p.today, 30)) return [];
  const nextDay = addDays(year.endDate, 1);
  if (await yearCovering(p, nextDay)) return [];
  return [manual(FindingKind.FiscalYearEndsSoon, Severity.Info, `Fiscal Year "${year.name}"`, `The fiscal year ${year.name} ends on ${year.endDate} and none follows it: from ${nextDay} the till cannot sell.`, `In ERPNext open Accounting > Fiscal Year > New and create the year starting ${nextDay} before then.`)];
}

async function rolesOf(p: PlanContext, user: string, listed: string[]): Promise<string[]> {
  // A list answer may hide roles (field permissions): get_roles answers for any user.
  return listed.length ? listed : p.reads.roles(user);
}

/** Every cashier still exists, is enabled and may make a sale. Roles are a person's decision: never repaired. */
export async function cashierFindings(p: PlanContext): Promise<Finding[]> {
  const cashiers = cashiersOf(p.shop, p.apiUser).filter((user) => user !== 'Administrator');
  const users = await p.reads.users([p.apiUser, ...cashiers]).catch((error: unknown) => {
    if (error instanceof ErpNextError && error.category === 'permission') return null;
    throw error;
  });
  if (!users) return [];
  const findings: Finding[] = [];
  for (const cashier of cashiers) {
    const user = users.find((u) => sameName(u.name, cashier));
    const what = `Cashier ${cashier}`;
    if (!user || !user.enabled) {
      findings.push(manual(FindingKind.CashierDisabled, Severity.BlocksSelling, what, `The user ${cashier} is ${user ? 'disabled' : 'gone'}: they cannot log in to the till.`, `In ERPNext open Users > ${cashier} and tick Enabled (or name another cashier in the shop form).`));
      continue;
    }
    const roles = await rolesOf(p, cashier, user.roles);
    if (!SELLING_ROLES.some((role) => roles.includes(role))) {
      findings.push(manual(FindingKind.CashierLacksRole, Severity.BlocksSelling, what, `${cashier} has neither ${SELLING_ROLES.join(' nor ')}: ERPNext refuses their sales.`, `In ERPNext open Users > ${cashier} > Roles and tick ${SELLING_ROLES[0]}.`));
    }
  }
  return findings;
}
