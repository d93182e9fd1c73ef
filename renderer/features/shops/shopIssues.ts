import type { ShopIssue } from '../../../shared/shop';
import type { ShopDraft } from './shopDraft';

export const GROUP_PAYMENT_METHODS = 'shop-payment-methods';
export const GROUP_CASHIERS = 'shop-cashiers';
export const methodFieldId = (key: string, part: 'mode' | 'balance') => `shop-method-${key}-${part}`;
export const cashierFieldId = (key: string) => `shop-cashier-${key}`;

const DIRECT: Record<string, string> = {
  'company.name': 'shop-company-name',
  'company.abbr': 'shop-company-abbr',
  'company.country': 'shop-company-country',
  'company.currency': 'shop-company-currency',
  'company.chartOfAccounts': 'shop-company-chart',
  'warehouses.main': 'shop-warehouse-main',
  'warehouses.pos': 'shop-warehouse-pos',
  customer: 'shop-customer',
  'pos.profileName': 'shop-profile-name',
  'pos.paymentMethods': GROUP_PAYMENT_METHODS,
  'pos.cashiers': GROUP_CASHIERS,
  pos: GROUP_PAYMENT_METHODS,
};

/** The form field an issue's path points at (the same paths the CLI prints), or null. */
export function fieldIdForPath(path: string, draft: ShopDraft): string | null {
  if (DIRECT[path]) return DIRECT[path];
  const [root, group, index, ...rest] = path.split('.');
  if (root === 'demoItems') return 'shop-demo-items';
  if (root !== 'pos' || index === undefined) return null;
  if (group === 'paymentMethods') {
    const method = draft.paymentMethods[Number(index)];
    return method ? methodFieldId(method.key, 'mode') : GROUP_PAYMENT_METHODS;
  }
  if (group === 'openingBalances') {
    const mode = [index, ...rest].join('.').toLowerCase();
    const method = draft.paymentMethods.find((m) => m.mode.trim().toLowerCase() === mode);
    return method ? methodFieldId(method.key, 'balance') : GROUP_PAYMENT_METHODS;
  }
  if (group === 'cashiers') {
    const cashier = draft.cashiers[Number(index)];
    return cashier ? cashierFieldId(cashier.key) : GROUP_CASHIERS;
  }
  return null;
}

export interface PlacedIssues {
  byField: Map<string, string[]>;
  /** Issues no field shows (e.g. "(file)"): the summary lists them. */
  unplaced: ShopIssue[];
}

export function placeIssues(issues: readonly ShopIssue[], draft: ShopDraft): PlacedIssues {
  const byField = new Map<string, string[]>();
  const unplaced: ShopIssue[] = [];
  for (const issue of issues) {
    const id = fieldIdForPath(issue.path, draft);
    if (!id) unplaced.push(issue);
    else if (!byField.get(id)?.includes(issue.message)) byField.set(id, [...(byField.get(id) ?? []), issue.message]);
  }
  return { byField, unplaced };
}
