import type { Doc } from '../../erpnext/types';
import { StepId } from '../../../shared/steps/catalog';
import { ensureRecord, noteChange, stepFailure } from '../ensure';
import type { AccountsOutput } from '../outputs';
import { failOnConflicts, planContext } from '../plan/context';
import { type ProfileState, planPosProfile } from '../plan/posProfile';
import type { StepBody, StepContext } from '../stepContext';
import { allSettled } from './masters';

interface AccountRow {
  company?: string;
  default_account?: string;
}

/**
 * Gives each Mode of Payment an account row for this company, added on its own (frappe.client.insert of
 * the child row) so the rows of other companies are never resent, and never deleted (§4.9).
 */
async function ensurePaymentAccounts(ctx: StepContext, company: string, state: ProfileState, accounts: AccountsOutput): Promise<void> {
  const cash = accounts.cashAccount;
  await allSettled(
    state.accountRows.map(async (row) => {
      const type = ctx.output(StepId.PlatformSetup).modes.find((m) => m.mode === row.mode)?.type;
      const account = type === 'Cash' ? cash : accounts.bankAccount;
      const rowFor = (doc: Doc) => ((doc.accounts as AccountRow[] | undefined) ?? []).find((r) => r.company === company) ?? null;
      await ensureRecord(ctx, {
        what: `${row.mode} account for ${company}`,
        known: row.found ? { company } : null,
        find: async () => rowFor(await ctx.client.getDoc('Mode of Payment', row.mode)),
        // A company has one row per Mode of Payment: the company names the row (its hash name is not known when adopted).
        target: () => ({ doctype: 'Mode of Payment Account', name: company, parent: { doctype: 'Mode of Payment', name: row.mode } }),
        create: async () => {
          if (!account) throw stepFailure(`No account for the payment method ${row.mode}.`, 'Check the chart of accounts step succeeded, then continue.');
          const parent = await ctx.client.insertChildRow({ doctype: 'Mode of Payment', name: row.mode, field: 'accounts' }, 'Mode of Payment Account', { company, default_account: account });
          return rowFor(parent) ?? { company, default_account: account };
        },
      });
    }),
  );
}

/** "Already set default in pos profile …" (§4.9): a cashier keeps an existing default profile of this company. */
async function userRows(ctx: StepContext, users: string[], company: string, profile: string): Promise<{ user: string; default: number }[]> {
  const others = users.length ? await ctx.reads.defaultProfilesOf(users, company, profile) : [];
  return users.map((user) => {
    const other = others.find((row) => String(row.cashier).toLowerCase() === user.toLowerCase());
    if (other) ctx.log.warn(`${user} keeps ${other.name} as default POS Profile; added to ${profile} without the default flag`);
    return { user, default: other ? 0 : 1 };
  });
}

/** Adds what an existing profile of ours lacks (a payment mode, a cashier), keeping every row it has (read fresh: a PUT replaces child tables). */
async function completeExisting(ctx: StepContext, state: ProfileState, company: string): Promise<void> {
  if (state.newPayments.length === 0 && state.newUsers.length === 0 && !state.enable) return;
  ctx.action(`Completing POS Profile "${state.name}"`);
  const doc = await ctx.client.getDoc('POS Profile', state.name);
  const newUsers = await userRows(ctx, state.newUsers, company, state.name);
  await ctx.client.update('POS Profile', state.name, {
    ...(state.enable ? { disabled: 0 } : {}),
    ...(state.newPayments.length ? { payments: [...((doc.payments as Doc[] | undefined) ?? []), ...state.newPayments.map((p) => ({ ...p, allow_in_returns: 1 }))] } : {}),
    ...(newUsers.length ? { applicable_for_users: [...((doc.applicable_for_users as Doc[] | undefined) ?? []), ...newUsers] } : {}),
  });
  const added = [...state.newPayments.map((p) => p.mode_of_payment), ...state.newUsers];
  noteChange(ctx, `POS Profile "${state.name}" (${[...(state.enable ? ['enabled again'] : []), ...(added.length ? [`${added.join(', ')} added`] : [])].join('; ')})`);
  // Rows added to a profile that existed: named by what they hold, undo removes just these rows.
  const parent = { doctype: 'POS Profile', name: state.name };
  for (const payment of state.newPayments) ctx.ledger.record({ kind: 'created', doctype: 'POS Payment Method', name: String(payment.mode_of_payment), parent });
  for (const user of newUsers) ctx.ledger.record({ kind: 'created', doctype: 'POS Profile User', name: user.user, parent });
}

/** Step 8: payment accounts for this company, then the POS Profile with exactly one default payment. */
export const posProfile: StepBody<typeof StepId.PosProfile> = async (ctx) => {
  const { company, currency } = ctx.output(StepId.Company);
  const platform = ctx.output(StepId.PlatformSetup);
  const accounts = ctx.output(StepId.ChartOfAccounts);
  ctx.action('Checking payment accounts and the POS Profile');
  const { items, state } = await planPosProfile(planContext(ctx), platform.modes.map((mode) => mode.type));
  failOnConflicts(items);
  // A new profile's cashiers may be the default cashier of another profile of the company (§4.9): asked
  // while the payment accounts are written.
  const [users] = await allSettled<unknown>([state.profile ? Promise.resolve([]) : userRows(ctx, state.cashiers, company, state.name), ensurePaymentAccounts(ctx, company, state, accounts)]);
  const { record, created } = await ensureRecord<Doc>(ctx, {
    what: `POS Profile "${state.name}"`,
    known: state.profile?.doc ?? null,
    find: () => ctx.client.findDoc('POS Profile', state.name),
    target: (doc) => ({ doctype: 'POS Profile', name: doc.name }),
    create: async () =>
      ctx.client.insert('POS Profile', {
        name: state.name,
        company,
        currency,
        warehouse: ctx.output(StepId.Warehouses).pos,
        customer: ctx.output(StepId.Customer).customer,
        selling_price_list: platform.priceList,
        write_off_account: accounts.writeOffAccount,
        write_off_cost_center: accounts.costCenter,
        cost_center: accounts.costCenter,
        income_account: accounts.incomeAccount,
        payments: state.payments.map((row) => ({ ...row, allow_in_returns: 1 })),
        applicable_for_users: users,
      }),
  });
  if (record.company !== company) {
    throw stepFailure(`The POS Profile "${state.name}" already exists for the company ${String(record.company)}.`, 'Give this shop its own POS Profile name in the shop form, then continue.');
  }
  if (!created) await completeExisting(ctx, state, company);
  // A POS Opening Entry links its profile, which did not exist until now: the cashier has no session on it.
  else ctx.reads.newProfileHasNoSessions(record.name, state.cashiers[0]!);
  return { profile: record.name, cashiers: state.cashiers, paymentModes: state.payments.map((p) => p.mode_of_payment) };
};
