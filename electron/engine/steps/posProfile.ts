import type { Doc } from '../../erpnext/types';
import { StepId } from '../../../shared/steps/catalog';
import { ensureRecord, noteChange, stepFailure } from '../ensure';
import type { StepBody, StepContext } from '../stepContext';
import { ensurePaymentAccounts } from './paymentAccounts';

interface PaymentRow {
  name?: string;
  mode_of_payment: string;
  default: number;
}

interface UserRow {
  name?: string;
  user: string;
  default: number;
}

export function profileName(ctx: StepContext, company: string): string {
  return ctx.shop.pos.profileName ?? `${company} POS`;
}

/** The cashiers, defaulting to the API user; each must exist (Link validation would refuse them anyway). */
export async function cashiersOf(ctx: StepContext): Promise<string[]> {
  const cashiers = ctx.shop.pos.cashiers?.length ? ctx.shop.pos.cashiers : [ctx.output(StepId.EngineCheck).user];
  for (const user of cashiers) {
    if (!(await ctx.client.findDoc('User', user))) {
      throw stepFailure(`The cashier ${user} does not exist in ERPNext.`, `Create the user ${user} in ERPNext (Users > Add User) with the roles a cashier needs, or remove it from the shop form, then continue.`);
    }
  }
  return cashiers;
}

/** "Already set default in pos profile …" (§4.9): a cashier keeps an existing default profile of this company. */
async function hasOtherDefault(ctx: StepContext, user: string, company: string, profile: string): Promise<string | null> {
  const rows = await ctx.client.list('POS Profile', {
    filters: [['POS Profile User', 'user', '=', user], ['POS Profile User', 'default', '=', 1], ['company', '=', company], ['disabled', '=', 0], ['name', '!=', profile]],
    limitPageLength: 1,
  });
  return rows[0]?.name ?? null;
}

async function userRows(ctx: StepContext, cashiers: string[], company: string, profile: string): Promise<UserRow[]> {
  const rows: UserRow[] = [];
  for (const user of cashiers) {
    const other = await hasOtherDefault(ctx, user, company, profile);
    if (other) ctx.log.warn(`${user} keeps ${other} as default POS Profile; added to ${profile} without the default flag`);
    rows.push({ user, default: other ? 0 : 1 });
  }
  return rows;
}

function paymentRows(ctx: StepContext, modes: string[]): PaymentRow[] {
  const methods = ctx.shop.pos.paymentMethods;
  const defaultMode = (methods.find((m) => m.default) ?? methods[0])!.mode.toLowerCase();
  return modes.map((mode) => ({ mode_of_payment: mode, default: mode.toLowerCase() === defaultMode ? 1 : 0, allow_in_returns: 1 }) as PaymentRow);
}

/** Adds what an existing profile of ours lacks (a payment mode, a cashier), keeping every row it has. */
async function completeExisting(ctx: StepContext, profile: Doc, payments: PaymentRow[], users: UserRow[]): Promise<void> {
  const current = (profile.payments as PaymentRow[] | undefined) ?? [];
  const currentUsers = (profile.applicable_for_users as UserRow[] | undefined) ?? [];
  const hasDefault = current.some((row) => row.default);
  const newPayments = payments.filter((p) => !current.some((row) => row.mode_of_payment === p.mode_of_payment)).map((p) => ({ ...p, default: hasDefault ? 0 : p.default }));
  const newUsers = users.filter((u) => !currentUsers.some((row) => row.user === u.user));
  if (newPayments.length === 0 && newUsers.length === 0) return;
  ctx.action(`Completing POS Profile "${profile.name}"`);
  await ctx.client.update('POS Profile', profile.name, {
    ...(newPayments.length ? { payments: [...current, ...newPayments] } : {}),
    ...(newUsers.length ? { applicable_for_users: [...currentUsers, ...newUsers] } : {}),
  });
  noteChange(ctx, `POS Profile "${profile.name}" (${[...newPayments.map((p) => p.mode_of_payment), ...newUsers.map((u) => u.user)].join(', ')} added)`);
}

/** Step 8: payment accounts for this company, then the POS Profile with exactly one default payment. */
export const posProfile: StepBody<typeof StepId.PosProfile> = async (ctx) => {
  const { company, currency } = ctx.output(StepId.Company);
  const platform = ctx.output(StepId.PlatformSetup);
  const accounts = ctx.output(StepId.ChartOfAccounts);
  await ensurePaymentAccounts(ctx, company, platform.modes, accounts);
  const name = profileName(ctx, company);
  const cashiers = await cashiersOf(ctx);
  const payments = paymentRows(ctx, platform.modes.map((m) => m.mode));
  const users = await userRows(ctx, cashiers, company, name);
  const { record, created } = await ensureRecord<Doc>(ctx, {
    what: `POS Profile "${name}"`,
    find: () => ctx.client.findDoc('POS Profile', name),
    create: () =>
      ctx.client.insert('POS Profile', {
        name,
        company,
        currency,
        warehouse: ctx.output(StepId.Warehouses).pos,
        customer: ctx.output(StepId.Customer).customer,
        selling_price_list: platform.priceList,
        write_off_account: accounts.writeOffAccount,
        write_off_cost_center: accounts.costCenter,
        cost_center: accounts.costCenter,
        income_account: accounts.incomeAccount,
        payments,
        applicable_for_users: users,
      }),
  });
  if (record.company !== company) {
    throw stepFailure(`The POS Profile "${name}" already exists for the company ${String(record.company)}.`, 'Give this shop its own POS Profile name in the shop form, then continue.');
  }
  if (!created) await completeExisting(ctx, record, payments, users);
  return { profile: record.name, cashiers, paymentModes: payments.map((p) => p.mode_of_payment) };
};
