import type { Doc, Filters } from '../../erpnext/types';
import { StepId } from '../../../shared/steps/catalog';
import { ensureRecord, noteChange, stepFailure } from '../ensure';
import type { StepBody, StepContext } from '../stepContext';

const CARD_ACCOUNT_NAME = 'Card Payments';

async function firstAccount(ctx: StepContext, filters: Filters): Promise<Doc | null> {
  const rows = await ctx.client.list('Account', { fields: ['name', 'account_name', 'account_type', 'is_group', 'disabled'], filters, orderBy: 'lft asc', limitPageLength: 1 });
  return rows[0] ?? null;
}

/** A leaf of the company by type or by name; names vary with chart and language, so filters come first (§4.4). */
async function leaf(ctx: StepContext, company: string, by: { accountType?: string; accountName?: string }): Promise<string | null> {
  const filters: [string, '=', string | number][] = [['company', '=', company], ['is_group', '=', 0], ['disabled', '=', 0]];
  if (by.accountType) filters.push(['account_type', '=', by.accountType]);
  if (by.accountName) filters.push(['account_name', '=', by.accountName]);
  return (await firstAccount(ctx, filters))?.name ?? null;
}

function required(value: string | null, what: string, company: string): string {
  if (value) return value;
  throw stepFailure(`The chart of accounts of ${company} has no ${what} account.`, `Add a ${what} account in ERPNext (Accounting > Chart of Accounts) or recreate the company with the "Standard" chart, then retry.`);
}

/** The Standard chart has a "Bank Accounts" group but no bank leaf; card payments need one. */
async function ensureBankLeaf(ctx: StepContext, company: string): Promise<string> {
  const existing = await leaf(ctx, company, { accountType: 'Bank' });
  if (existing) return existing;
  const group =
    (await firstAccount(ctx, [['company', '=', company], ['is_group', '=', 1], ['account_type', '=', 'Bank']])) ??
    (await firstAccount(ctx, [['company', '=', company], ['is_group', '=', 1], ['account_name', '=', 'Bank Accounts']])) ??
    (await firstAccount(ctx, [['company', '=', company], ['is_group', '=', 1], ['account_name', '=', 'Current Assets']]));
  if (!group) required(null, 'bank or current-asset group', company);
  const { record } = await ensureRecord(ctx, {
    what: `Account "${CARD_ACCOUNT_NAME}" for ${company}`,
    find: async () => firstAccount(ctx, [['company', '=', company], ['account_name', '=', CARD_ACCOUNT_NAME], ['is_group', '=', 0]]),
    create: () => ctx.client.insert('Account', { account_name: CARD_ACCOUNT_NAME, parent_account: group!.name, company, is_group: 0, account_type: 'Bank' }),
  });
  return record.name;
}

async function mainCostCenter(ctx: StepContext, company: string): Promise<string> {
  const rows = await ctx.client.list('Cost Center', { filters: [['company', '=', company], ['is_group', '=', 0]], fields: ['name', 'cost_center_name'], orderBy: 'lft asc', limitPageLength: 0 });
  const main = rows.find((row) => row.cost_center_name === 'Main') ?? rows[0];
  return required(main?.name ?? null, 'cost center', company);
}

/** Company default fields the till relies on; only empty ones are filled. */
async function fillCompanyDefaults(ctx: StepContext, company: Doc, wanted: Record<string, string>): Promise<void> {
  const missing = Object.fromEntries(Object.entries(wanted).filter(([field]) => !company[field]));
  if (Object.keys(missing).length === 0) return;
  ctx.action(`Filling ${Object.keys(missing).length} company defaults`);
  await ctx.client.update('Company', company.name, missing);
  noteChange(ctx, `Company "${company.name}" defaults (${Object.keys(missing).join(', ')})`, missing);
}

/** A fiscal year restricted to some companies does not cover a new one: ERPNext would refuse its sales. */
async function coverWithFiscalYear(ctx: StepContext, company: string): Promise<void> {
  const fiscalYear = ctx.maybeOutput(StepId.PlatformSetup)?.fiscalYear;
  if (!fiscalYear) return;
  const doc = await ctx.client.getDoc('Fiscal Year', fiscalYear);
  const companies = (doc.companies as { company: string }[] | undefined) ?? [];
  if (companies.length === 0 || companies.some((row) => row.company === company)) return;
  await ctx.client.insertChildRow({ doctype: 'Fiscal Year', name: fiscalYear, field: 'companies' }, 'Fiscal Year Company', { company });
  noteChange(ctx, `Fiscal Year "${fiscalYear}" now covers ${company}`);
}

/** Step 3: the chart exists (an unknown template silently creates none) and has what a till posts to. */
export const chartOfAccounts: StepBody<typeof StepId.ChartOfAccounts> = async (ctx) => {
  const { company } = ctx.output(StepId.Company);
  ctx.action('Verifying the chart of accounts');
  const count = await ctx.client.count('Account', { company });
  if (count === 0) {
    throw stepFailure(`The company ${company} has no chart of accounts: the template "${ctx.shop.company.chartOfAccounts}" created none.`, 'ERPNext ignores unknown chart names. Delete the company in ERPNext and run again with a chart offered for the country (e.g. "Standard").');
  }
  const doc = await ctx.client.getDoc('Company', company);
  ctx.action('Finding the accounts the POS needs');
  const cashAccount = required((doc.default_cash_account as string) || (await leaf(ctx, company, { accountType: 'Cash' })), 'cash', company);
  const receivableAccount = required((doc.default_receivable_account as string) || (await leaf(ctx, company, { accountType: 'Receivable' })), 'receivable', company);
  const incomeAccount = required((doc.default_income_account as string) || (await leaf(ctx, company, { accountName: 'Sales' })) || (await leaf(ctx, company, { accountType: 'Income Account' })), 'income (Sales)', company);
  const writeOffAccount = required((doc.write_off_account as string) || (await leaf(ctx, company, { accountName: 'Write Off' })), 'write-off', company);
  const roundOffAccount = required((doc.round_off_account as string) || (await leaf(ctx, company, { accountType: 'Round Off' })), 'round-off', company);
  const costCenter = (doc.cost_center as string) || (await mainCostCenter(ctx, company));
  const bankAccount = await ensureBankLeaf(ctx, company);
  await fillCompanyDefaults(ctx, doc, {
    default_cash_account: cashAccount,
    default_bank_account: bankAccount,
    default_receivable_account: receivableAccount,
    default_income_account: incomeAccount,
    write_off_account: writeOffAccount,
    round_off_account: roundOffAccount,
    cost_center: costCenter,
    round_off_cost_center: costCenter,
  });
  await coverWithFiscalYear(ctx, company);
  return { cashAccount, bankAccount, receivableAccount, incomeAccount, writeOffAccount, roundOffAccount, costCenter };
};
