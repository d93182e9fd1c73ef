import type { CashierRow, PaymentRow, ProfileFacts, UserFacts } from '../reads/facts';
import { planChartOfAccounts } from './chartOfAccounts';
import { cashiersOf, profileName, sameName } from './names';
import { type AccountRowPlan, planAccountRows, planModesFor } from './payments';
import { type PlanContext, type PlanItem, type Planned, item } from './types';

export interface ProfileState {
  name: string;
  profile: ProfileFacts | null;
  cashiers: string[];
  /** The shop's payment rows (exactly one default), by the modes' names on the site. */
  payments: PaymentRow[];
  accountRows: AccountRowPlan[];
  /** Rows an existing profile lacks. */
  newPayments: PaymentRow[];
  newUsers: string[];
  /** An existing profile someone disabled since: enabled again (the till cannot open on it). */
  enable: boolean;
}

/** The cashiers that exist as users (Link validation would refuse the others anyway). */
export async function knownCashiers(p: PlanContext, fresh = false): Promise<{ cashiers: string[]; missing: string[]; users: UserFacts[] }> {
  const cashiers = cashiersOf(p.shop, p.apiUser);
  const users = await p.reads.users([p.apiUser, ...cashiers], fresh);
  return { cashiers, users, missing: cashiers.filter((cashier) => !users.some((user) => sameName(user.name, cashier))) };
}

function paymentRows(p: PlanContext, modes: readonly string[]): PaymentRow[] {
  const methods = p.shop.pos.paymentMethods;
  const defaultMode = (methods.find((m) => m.default) ?? methods[0])!.mode.toLowerCase();
  return modes.map((mode) => ({ mode_of_payment: mode, default: mode.toLowerCase() === defaultMode ? 1 : 0 }));
}

/** Step 8: payment accounts for this company, then the POS Profile with exactly one default payment and the cashiers. */
export async function planPosProfile(p: PlanContext, modeTypes?: readonly string[]): Promise<Planned<ProfileState>> {
  const company = p.shop.company.name;
  const name = profileName(p.shop);
  const [profile, modes, chart, { cashiers, missing }] = await Promise.all([p.reads.profile(name), planModesFor(p), planChartOfAccounts(p, modeTypes), knownCashiers(p)]);
  const { rows: accountRows, items: rowItems } = planAccountRows(company, modes, { cash: chart.state.accounts.cash, bank: chart.state.bank?.name ?? null });
  const payments = paymentRows(p, modes.map((m) => m.mode));
  const current = profile?.payments ?? [];
  const newPayments = payments.filter((row) => !current.some((c) => sameName(c.mode_of_payment, row.mode_of_payment))).map((row) => ({ ...row, default: current.some((c) => c.default) ? 0 : row.default }));
  const newUsers = cashiers.filter((cashier) => !(profile?.users ?? []).some((u: CashierRow) => sameName(u.user, cashier)));
  const state: ProfileState = { name, profile, cashiers, payments, accountRows, newPayments: profile ? newPayments : [], newUsers: profile ? newUsers : [], enable: Boolean(profile && Number(profile.doc.disabled)) };
  const what = `POS Profile "${name}"`;
  const items: PlanItem[] = [
    ...missing.map((user) => item('conflict', 'User', user, `Cashier ${user}`, { reason: `The cashier ${user} does not exist in ERPNext.`, hint: `Create the user ${user} in ERPNext (Users > Add User) with the roles a cashier needs, or remove it from the shop form, then continue.` })),
    ...rowItems,
  ];
  if (!profile) items.push(item('create', 'POS Profile', name, what, { reason: `payments ${payments.map((row) => row.mode_of_payment).join(', ')}; cashiers ${cashiers.join(', ')}` }));
  else if (!sameName(String(profile.doc.company ?? ''), company)) items.push(item('conflict', 'POS Profile', name, what, { reason: `The POS Profile "${name}" already exists for the company ${String(profile.doc.company)}.`, hint: 'Give this shop its own POS Profile name in the shop form, then continue.' }));
  else if (state.newPayments.length || state.newUsers.length || state.enable) {
    const changes = [...(state.enable ? [{ field: 'disabled', from: 1, to: 0 }] : []), ...state.newPayments.map((row) => ({ field: 'payments', from: null, to: row.mode_of_payment })), ...state.newUsers.map((user) => ({ field: 'applicable_for_users', from: null, to: user }))];
    items.push(item('change', 'POS Profile', name, what, { changes }));
  } else items.push(item('adopt', 'POS Profile', name, what));
  return { items, state };
}
