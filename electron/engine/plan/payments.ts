import type { ModeFacts } from '../reads/facts';
import { paymentType, sameName } from './names';
import { type PlanContext, type PlanItem, item } from './types';

export interface ShopMode {
  /** The mode's name on the site (or as the shop file spells it while it does not exist). */
  mode: string;
  type: string;
  found: ModeFacts | null;
}

/** The shop's payment methods as the site knows them: its type decides cash or bank account. */
export async function planModesFor(p: PlanContext): Promise<ShopMode[]> {
  const modes = await p.reads.modes();
  return p.shop.pos.paymentMethods.map((method) => {
    const found = modes.find((mode) => sameName(mode.name, method.mode)) ?? null;
    return { mode: found?.name ?? method.mode, type: found?.type || paymentType(method), found };
  });
}

export interface AccountRowPlan {
  mode: string;
  account: string | null;
  found: boolean;
}

/**
 * Each mode needs an account row for the company, or ERPNext refuses the POS Profile ("Please set default
 * Cash or Bank account in Mode of Payments", §4.9). Cash modes post to the cash account, others to the bank.
 */
export function planAccountRows(company: string, modes: readonly ShopMode[], accounts: { cash: string | null; bank: string | null }): { rows: AccountRowPlan[]; items: PlanItem[] } {
  const rows = modes.map(({ mode, type, found }) => ({ mode, account: type === 'Cash' ? accounts.cash : accounts.bank, found: Boolean(found?.accounts.some((row) => row.company === company)) }));
  const items = rows.map((row) =>
    item(row.found ? 'adopt' : 'create', 'Mode of Payment Account', null, `${row.mode} account for ${company}`, row.found ? {} : { reason: row.account ? `posting to ${row.account}` : 'posting to the account the chart step provides' }),
  );
  return { rows, items };
}
