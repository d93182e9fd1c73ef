import { ErpNextError } from '../../erpnext/errors';
import type { Doc } from '../../erpnext/types';
import type { StepId } from '../../../shared/steps/catalog';
import { ensureRecord, stepFailure } from '../ensure';
import type { StepBody, StepContext } from '../stepContext';


function conflictsWith(existing: Doc, ctx: StepContext): string[] {
  const { currency, country } = ctx.shop.company;
  const conflicts: string[] = [];
  if (existing.default_currency !== currency) conflicts.push(`its currency is ${String(existing.default_currency)}, the shop file says ${currency}`);
  if (existing.country !== country) conflicts.push(`its country is ${String(existing.country)}, the shop file says ${country}`);
  if (existing.abbr !== ctx.abbr) conflicts.push(`its abbreviation is ${String(existing.abbr)}, the shop file says ${ctx.abbr}`);
  return conflicts;
}

/** Another company already using our abbreviation makes ERPNext refuse the insert; say which one. */
async function checkAbbreviationFree(ctx: StepContext): Promise<void> {
  const users = await ctx.client.list('Company', { fields: ['name', 'abbr'], filters: { abbr: ctx.abbr }, limitPageLength: 0 });
  const other = users.find((company) => company.name !== ctx.shop.company.name);
  if (other) {
    throw stepFailure(`The abbreviation ${ctx.abbr} is already used by the company "${other.name}".`, 'Choose another abbreviation in the shop form (2 to 5 letters, unique on this site), then retry.', 'Abbreviation already used for another company');
  }
}

/** Step 2: create the company, or adopt an existing one that matches; anything that differs is a conflict. */
export const company: StepBody<typeof StepId.Company> = async (ctx) => {
  const { name, currency, country, chartOfAccounts } = ctx.shop.company;
  const { record } = await ensureRecord<Doc>(ctx, {
    what: `Company "${name}"`,
    find: () => ctx.client.findDoc('Company', name),
    create: async () => {
      await checkAbbreviationFree(ctx);
      ctx.action(`Creating Company "${name}" (this builds its chart of accounts)`);
      return ctx.client.insert(
        'Company',
        { company_name: name, abbr: ctx.abbr, default_currency: currency, country, create_chart_of_accounts_based_on: 'Standard Template', chart_of_accounts: chartOfAccounts },
        // It builds the whole chart of accounts in one request (1.4–2.1 s on a small site, far more on a
        // busy one): wait for as long as the server itself would work on it.
        { timeoutMs: ctx.serverTimeoutMs },
      );
    },
  }).catch((error: unknown) => {
    if (error instanceof ErpNextError && error.status === 500 && error.excType === 'IndexError') {
      throw stepFailure(`ERPNext could not build the chart of accounts "${chartOfAccounts}" for ${country}.`, 'Pick a chart template offered for this country (for example "Standard"), then retry.', error.serverMessage);
    }
    throw error;
  });
  const conflicts = conflictsWith(record, ctx);
  if (conflicts.length > 0) {
    throw stepFailure(`A company named "${name}" already exists on the site, but ${conflicts.join('; ')}.`, 'Use the existing company\'s values in the shop form, or give this shop a different company name.');
  }
  return { company: record.name, abbr: String(record.abbr), currency, country };
};
