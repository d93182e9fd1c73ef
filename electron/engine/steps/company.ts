import { ErpNextError } from '../../erpnext/errors';
import type { Doc } from '../../erpnext/types';
import type { StepId } from '../../../shared/steps/catalog';
import { ensureRecord, stepFailure } from '../ensure';
import { planCompany } from '../plan/company';
import { failOnConflicts, planContext } from '../plan/context';
import type { StepBody } from '../stepContext';

/** Step 2: create the company, or adopt an existing one that matches; anything that differs is a conflict. */
export const company: StepBody<typeof StepId.Company> = async (ctx) => {
  const { name, currency, country, chartOfAccounts } = ctx.shop.company;
  const planned = await planCompany(planContext(ctx));
  failOnConflicts(planned.items);
  const { record } = await ensureRecord<Doc>(ctx, {
    what: `Company "${name}"`,
    known: planned.state.company,
    find: async () => {
      ctx.reads.cache.forget('Company');
      return (await ctx.reads.company(name, ctx.abbr)).company;
    },
    target: (doc) => ({ doctype: 'Company', name: doc.name }),
    create: async () => {
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
  // A company found only after a lost answer or an "already exists" was not planned: check it now.
  failOnConflicts((await planCompany(planContext(ctx))).items);
  return { company: record.name, abbr: String(record.abbr ?? ctx.abbr), currency, country };
};
