import type { ShopIssue } from '../../../shared/shop';
import type { ShopDraft } from './shopDraft';

export const GROUP_PAYMENT_METHODS = 'shop-payment-methods';
export const GROUP_CASHIERS = 'shop-cashiers';
export const methodFieldId = (key: string, part: 'mode' | 'balance' | 'create') => `shop-method-${key}-${part}`;
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
    // The exact name first: "Cash" and "cash" are two rows (the file keeps both keys).
    const mode = [index, ...rest].join('.');
    const method = draft.paymentMethods.find((m) => m.mode.trim() === mode) ?? draft.paymentMethods.find((m) => m.mode.trim().toLowerCase() === mode.toLowerCase());
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

/** The form's fields top to bottom (CompanyFields, PaymentMethodsFields, CashiersFields, PlaceFields, DemoItemsField). */
export function fieldOrder(draft: ShopDraft): string[] {
  return [
    'shop-company-name',
    'shop-company-abbr',
    'shop-company-country',
    'shop-company-currency',
    'shop-company-chart',
    ...draft.paymentMethods.flatMap((method) => [methodFieldId(method.key, 'mode'), methodFieldId(method.key, 'balance')]),
    GROUP_PAYMENT_METHODS,
    ...draft.cashiers.map((cashier) => cashierFieldId(cashier.key)),
    GROUP_CASHIERS,
    'shop-warehouse-main',
    'shop-warehouse-pos',
    'shop-customer',
    'shop-profile-name',
    'shop-demo-items',
  ];
}

/** What the schema says in its words, where the form has a plainer one (an empty drop-down is a choice not made). */
function formWords(issue: ShopIssue, draft: ShopDraft): ShopIssue {
  if (issue.path === 'company.currency' && !draft.currency.trim()) return { ...issue, message: 'Choose a currency' };
  return issue;
}

export function placeIssues(issues: readonly ShopIssue[], draft: ShopDraft): PlacedIssues {
  const found = new Map<string, string[]>();
  const unplaced: ShopIssue[] = [];
  for (const raw of issues) {
    const issue = formWords(raw, draft);
    const id = fieldIdForPath(issue.path, draft);
    if (!id) unplaced.push(issue);
    else if (!found.get(id)?.includes(issue.message)) found.set(id, [...(found.get(id) ?? []), issue.message]);
  }
  // In the form's order, so the summary at the top reads like the form below it.
  const order = fieldOrder(draft);
  const rank = (id: string) => (order.indexOf(id) === -1 ? order.length : order.indexOf(id));
  const byField = new Map([...found].sort(([a], [b]) => rank(a) - rank(b)));
  return { byField, unplaced };
}
