import type { Doc } from '../../erpnext/types';
import { StepId } from '../../../shared/steps/catalog';
import { ensureRecord, noteAdopted, noteChange } from '../ensure';
import { type ChartState, planChartOfAccounts } from '../plan/chartOfAccounts';
import { failOnConflicts, planContext } from '../plan/context';
import { CARD_ACCOUNT } from '../plan/names';
import type { StepBody, StepContext } from '../stepContext';
import { allSettled } from './masters';

async function ensureBankLeaf(ctx: StepContext, company: string, bank: NonNullable<ChartState['bank']>): Promise<string> {
  if (bank.found) return (noteAdopted(ctx, 'Account', bank.name), bank.name);
  const { record } = await ensureRecord<Doc>(ctx, {
    what: `Account "${CARD_ACCOUNT}" for ${company}`,
    known: null,
    find: async () => (await ctx.client.list('Account', { fields: ['name'], filters: [['company', '=', company], ['account_name', '=', CARD_ACCOUNT], ['is_group', '=', 0]], limitPageLength: 1 }))[0] ?? null,
    target: (doc) => ({ doctype: 'Account', name: doc.name }),
    create: () => ctx.client.insert('Account', { account_name: CARD_ACCOUNT, parent_account: bank.group, company, is_group: 0, account_type: 'Bank' }),
  });
  return record.name;
}

/** Company default fields the till relies on; only empty ones are filled (one PUT). */
async function fillCompanyDefaults(ctx: StepContext, company: string, fill: Record<string, string>): Promise<void> {
  if (Object.keys(fill).length === 0) return;
  ctx.action(`Filling ${Object.keys(fill).length} company defaults`);
  await ctx.client.update('Company', company, fill);
  // Only empty fields are filled: empty is what undo restores.
  const fields = Object.entries(fill).map(([field, after]) => ({ doctype: 'Company', name: company, field, before: null, after }));
  noteChange(ctx, `Company "${company}" defaults (${Object.keys(fill).join(', ')})`, fill, fields);
}

async function coverWithFiscalYear(ctx: StepContext, company: string, state: ChartState): Promise<void> {
  if (!state.fiscalYear) return;
  await ctx.client.insertChildRow({ doctype: 'Fiscal Year', name: state.fiscalYear.name, field: 'companies' }, 'Fiscal Year Company', { company });
  // The row is named by its company (one per year): undo removes it before the company.
  ctx.ledger.record({ kind: 'created', doctype: 'Fiscal Year Company', name: company, parent: { doctype: 'Fiscal Year', name: state.fiscalYear.name } });
  noteChange(ctx, `Fiscal Year "${state.fiscalYear.name}" now covers ${company}`);
}

/** Step 3: the chart exists and has what a till posts to; the card account and the company's empty defaults are filled. */
export const chartOfAccounts: StepBody<typeof StepId.ChartOfAccounts> = async (ctx) => {
  const { company } = ctx.output(StepId.Company);
  ctx.action('Verifying the chart of accounts');
  const { items, state } = await planChartOfAccounts(planContext(ctx), ctx.output(StepId.PlatformSetup).modes.map((mode) => mode.type));
  failOnConflicts(items);
  const bankAccount = state.bank ? await ensureBankLeaf(ctx, company, state.bank) : null;
  const fill = { ...state.fill, ...(bankAccount && !state.company?.default_bank_account ? { default_bank_account: bankAccount } : {}) };
  await allSettled([fillCompanyDefaults(ctx, company, fill), coverWithFiscalYear(ctx, company, state)]);
  const { cash, receivable, income, writeOff, roundOff } = state.accounts;
  return { cashAccount: cash!, bankAccount, receivableAccount: receivable!, incomeAccount: income!, writeOffAccount: writeOff!, roundOffAccount: roundOff!, costCenter: state.costCenter! };
};
