import type { Doc } from '../../erpnext/types';
import { ensureRecord } from '../ensure';
import type { AccountsOutput } from '../outputs';
import type { StepContext } from '../stepContext';

interface AccountRow {
  company?: string;
  default_account?: string;
}

/**
 * Gives each Mode of Payment an account row for this company, added on its own (frappe.client.insert
 * of the child row) so the rows of other companies are never resent, and never deleted (§4.9).
 */
export async function ensurePaymentAccounts(ctx: StepContext, company: string, modes: readonly { mode: string; type: string }[], accounts: AccountsOutput): Promise<void> {
  for (const { mode, type } of modes) {
    const account = type === 'Cash' ? accounts.cashAccount : accounts.bankAccount;
    const rowFor = (doc: Doc) => ((doc.accounts as AccountRow[] | undefined) ?? []).find((row) => row.company === company) ?? null;
    await ensureRecord(ctx, {
      what: `${mode} account for ${company}`,
      find: async () => rowFor(await ctx.client.getDoc('Mode of Payment', mode)),
      create: async () => {
        const parent = await ctx.client.insertChildRow({ doctype: 'Mode of Payment', name: mode, field: 'accounts' }, 'Mode of Payment Account', { company, default_account: account });
        return rowFor(parent) ?? { company, default_account: account };
      },
    });
  }
}
