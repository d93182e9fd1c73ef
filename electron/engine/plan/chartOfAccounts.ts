import type { Doc } from '../../erpnext/types';
import type { FiscalYearFacts } from '../reads/facts';
import { planModesFor } from './payments';
import { CARD_ACCOUNT, accountName } from './names';
import { type PlanContext, type PlanItem, type Planned, item } from './types';

/** The accounts a till posts to, by the company default that names them (§4.4, §4.11). */
const ROLES = {
  cash: { field: 'default_cash_account', label: 'cash' },
  receivable: { field: 'default_receivable_account', label: 'receivable' },
  income: { field: 'default_income_account', label: 'income (Sales)' },
  writeOff: { field: 'write_off_account', label: 'write-off' },
  roundOff: { field: 'round_off_account', label: 'round-off' },
} as const;
type Role = keyof typeof ROLES;

export interface ChartState {
  company: Doc | null;
  /** The resolved account of each role (null: the chart lacks it, a conflict). */
  accounts: Record<Role, string | null>;
  costCenter: string | null;
  /** The bank leaf non-cash modes post to: existing, or Card Payments to create under `bankGroup`. */
  bank: { name: string; found: boolean; group: string | null } | null;
  /** Company defaults to fill (only empty ones). */
  fill: Record<string, string>;
  /** The fiscal year that must also cover this company (restricted to others). */
  fiscalYear: FiscalYearFacts | null;
}

const leafOf = (accounts: readonly Doc[], by: { type?: string; name?: string }) =>
  accounts.find((a) => !Number(a.is_group) && !Number(a.disabled) && (!by.type || a.account_type === by.type) && (!by.name || a.account_name === by.name))?.name ?? null;

function resolve(company: Doc, accounts: readonly Doc[]): Record<Role, string | null> {
  const pick = (role: Role, ...fallbacks: (string | null)[]) => (company[ROLES[role].field] as string) || fallbacks.find(Boolean) || null;
  return {
    cash: pick('cash', leafOf(accounts, { type: 'Cash' })),
    receivable: pick('receivable', leafOf(accounts, { type: 'Receivable' })),
    income: pick('income', leafOf(accounts, { name: 'Sales' }), leafOf(accounts, { type: 'Income Account' })),
    writeOff: pick('writeOff', leafOf(accounts, { name: 'Write Off' })),
    roundOff: pick('roundOff', leafOf(accounts, { type: 'Round Off' })),
  };
}

/** The Standard chart has a "Bank Accounts" group (type Bank) but no bank leaf: card payments need one. */
function bankOf(company: Doc, accounts: readonly Doc[] | null, abbr: string): ChartState['bank'] {
  if (company.default_bank_account) return { name: String(company.default_bank_account), found: true, group: null };
  const leaf = accounts && leafOf(accounts, { type: 'Bank' });
  if (leaf) return { name: leaf, found: true, group: null };
  const group = (accounts ?? []).find((a) => Number(a.is_group) && a.account_type === 'Bank') ?? (accounts ?? []).find((a) => Number(a.is_group) && a.account_name === 'Bank Accounts') ?? (accounts ?? []).find((a) => Number(a.is_group) && a.account_name === 'Current Assets');
  const existing = (accounts ?? []).find((a) => a.account_name === CARD_ACCOUNT && !Number(a.is_group));
  return { name: existing?.name ?? accountName(CARD_ACCOUNT, abbr), found: Boolean(existing), group: group?.name ?? null };
}

/** A fiscal year restricted to some companies does not cover a new one: ERPNext would refuse its sales. */
function uncovered(years: readonly FiscalYearFacts[], company: string): FiscalYearFacts | null {
  const [year] = years;
  return year && year.companies.length > 0 && !year.companies.includes(company) ? year : null;
}

/**
 * Step 3: the chart exists (an unknown template silently creates none) and has what a till posts to; the
 * accounts are read only when a company default the till relies on is empty.
 */
export async function planChartOfAccounts(p: PlanContext, modeTypes?: readonly string[]): Promise<Planned<ChartState>> {
  const name = p.shop.company.name;
  // A mode's type does not change when the company is created, so the platform step's answer is reused.
  const [{ company }, types, years] = await Promise.all([p.reads.company(name, p.abbr), modeTypes ?? planModesFor(p).then((modes) => modes.map((mode) => mode.type)), p.reads.fiscalYears(p.today)]);
  const needsBank = types.some((type) => type !== 'Cash');
  const fiscalYear = uncovered(years, company?.name ?? name);
  const fiscalItem = fiscalYear ? [item('change', 'Fiscal Year', fiscalYear.name, `Fiscal Year "${fiscalYear.name}"`, { changes: [{ field: 'companies', from: fiscalYear.companies.join(', '), to: [...fiscalYear.companies, name].join(', ') }] })] : [];
  if (!company) {
    const items: PlanItem[] = [
      item('unknown', 'Company', name, `Company "${name}" defaults`, { reason: 'ERPNext fills them from the chart when it creates the company' }),
      ...(needsBank ? [item('create', 'Account', accountName(CARD_ACCOUNT, p.abbr), `Account "${CARD_ACCOUNT}" for ${name}`, { reason: 'the Standard chart has no bank account for card payments' })] : []),
      ...fiscalItem,
    ];
    const none = { cash: null, receivable: null, income: null, writeOff: null, roundOff: null };
    return { items, state: { company: null, accounts: none, costCenter: null, bank: null, fill: {}, fiscalYear } };
  }
  const needAccounts = (Object.keys(ROLES) as Role[]).some((role) => !company[ROLES[role].field]) || (needsBank && !company.default_bank_account);
  const [accounts, costCenters] = await Promise.all([needAccounts ? p.reads.accounts(company.name) : null, company.cost_center ? null : p.reads.costCenters(company.name)]);
  const resolved = resolve(company, accounts ?? []);
  const costCenter = (company.cost_center as string) || ((costCenters ?? []).find((c) => c.cost_center_name === 'Main') ?? costCenters?.[0])?.name || null;
  const bank = needsBank ? bankOf(company, accounts, p.abbr) : null;
  const wanted: Record<string, string | null> = {
    ...Object.fromEntries((Object.keys(ROLES) as Role[]).map((role) => [ROLES[role].field, resolved[role]])),
    default_bank_account: bank?.name ?? null,
    cost_center: costCenter,
    round_off_cost_center: costCenter,
  };
  const fill = Object.fromEntries(Object.entries(wanted).filter((entry): entry is [string, string] => Boolean(entry[1]) && !company[entry[0]]));
  const state: ChartState = { company, accounts: resolved, costCenter, bank, fill, fiscalYear };
  return { items: chartItems(p, state, accounts), state };
}

function chartItems(p: PlanContext, state: ChartState, accounts: readonly Doc[] | null): PlanItem[] {
  const company = state.company!.name;
  const conflict = (reason: string, hint: string) => item('conflict', 'Account', null, `Chart of accounts of ${company}`, { reason, hint });
  if (accounts && accounts.length === 0) {
    return [conflict(`The company ${company} has no chart of accounts: the template "${p.shop.company.chartOfAccounts}" created none.`, 'ERPNext ignores unknown chart names. Delete the company in ERPNext and run again with a chart offered for the country (e.g. "Standard").')];
  }
  const missing: string[] = (Object.keys(ROLES) as Role[]).filter((role) => !state.accounts[role]).map((role) => ROLES[role].label);
  if (!state.costCenter) missing.push('cost center');
  if (state.bank && !state.bank.found && !state.bank.group) missing.push('bank or current-asset group');
  const items = missing.map((what) => conflict(`The chart of accounts of ${company} has no ${what} account.`, `Add a ${what} account in ERPNext (Accounting > Chart of Accounts) or recreate the company with the "Standard" chart, then retry.`));
  if (state.bank) items.push(item(state.bank.found ? 'adopt' : 'create', 'Account', state.bank.name, state.bank.found ? `Bank account "${state.bank.name}"` : `Account "${CARD_ACCOUNT}" for ${company}`));
  const changes = Object.entries(state.fill).map(([field, to]) => ({ field, from: state.company![field] ?? null, to }));
  items.push(changes.length ? item('change', 'Company', company, `Company "${company}" defaults`, { changes }) : item('adopt', 'Company', company, `Company "${company}" defaults`, { reason: 'every default the till needs is set' }));
  if (state.fiscalYear) items.push(item('change', 'Fiscal Year', state.fiscalYear.name, `Fiscal Year "${state.fiscalYear.name}"`, { changes: [{ field: 'companies', from: state.fiscalYear.companies.join(', '), to: [...state.fiscalYear.companies, company].join(', ') }] }));
  return items;
}
