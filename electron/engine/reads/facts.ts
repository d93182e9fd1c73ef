import type { Doc } from '../../erpnext/types';

// What the run knows about each kind of record, shaped from list rows. A list with a child-table column
// returns one row per child row (a parent without rows: one row of nulls) [frappe/model/db_query.py
// extract_tables, LEFT JOIN], so rows are grouped back by parent here.

export interface UserFacts {
  name: string;
  enabled: boolean;
  /** Roles assigned to the user (Has Role rows). */
  roles: string[];
  /** The user's own defaults (User > defaults, DefaultValue rows). */
  defaults: { defkey: string; defvalue: string }[];
}

export interface ModeFacts {
  name: string;
  type: string;
  enabled: boolean;
  /** Mode of Payment Account rows: one per company. */
  accounts: { company: string; default_account: string }[];
}

export interface PaymentRow {
  mode_of_payment: string;
  default: number;
}

export interface CashierRow {
  user: string;
  default: number;
}

export interface ProfileFacts {
  doc: Doc;
  payments: PaymentRow[];
  users: CashierRow[];
  /** What the profile's links point at, when it was read with them (not after our own write). */
  linked?: {
    customer: { name: string; customerName: string; disabled: boolean } | null;
    priceList: { name: string; currency: string; enabled: boolean } | null;
    warehouse: { name: string; company: string; isGroup: boolean; disabled: boolean } | null;
  };
}

export interface FiscalYearFacts {
  name: string;
  startDate: string;
  endDate: string;
  /** Companies the year is restricted to; empty = every company [E15:erpnext/accounts/utils.py get_fiscal_years]. */
  companies: string[];
}

export interface ItemFacts {
  name: string;
  itemCode: string;
  itemName: string;
  itemGroup: string;
  stockUom: string;
  disabled: boolean;
  isSalesItem: boolean;
  isStockItem: boolean;
}

export interface PriceFacts {
  name: string;
  itemCode: string;
  priceList: string;
  uom: string;
  rate: number;
  customer: string | null;
  /** The item the price is for, read with it (a price can only exist for an existing item). */
  item: ItemFacts | null;
}

export interface BinFacts {
  itemCode: string;
  warehouse: string;
  actualQty: number;
}

export interface OpeningFacts {
  name: string;
  docstatus: number;
  status: string;
  owner: string;
  user: string;
  posProfile: string;
  /** The payment modes of its opening balances. */
  modes: string[];
}

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));
const flag = (value: unknown): boolean => Number(value ?? 0) === 1;

/** Rows of a list joined with child tables, grouped back into one entry per parent (first-seen order). */
export function byParent<T>(rows: readonly Doc[], make: (first: Doc) => T, add: (entry: T, row: Doc) => void): T[] {
  const groups = new Map<string, T>();
  for (const row of rows) {
    let entry = groups.get(row.name);
    if (!entry) {
      entry = make(row);
      groups.set(row.name, entry);
    }
    add(entry, row);
  }
  return [...groups.values()];
}

const pushUnique = <T>(list: T[], item: T, same: (a: T) => boolean) => {
  if (!list.some(same)) list.push(item);
};

export function usersFrom(rows: readonly Doc[]): UserFacts[] {
  return byParent(
    rows,
    (row) => ({ name: row.name, enabled: flag(row.enabled), roles: [], defaults: [] }),
    (user: UserFacts, row) => {
      if (row.role) pushUnique(user.roles, text(row.role), (r) => r === row.role);
      if (row.defkey) pushUnique(user.defaults, { defkey: text(row.defkey), defvalue: text(row.defvalue) }, (d) => d.defkey === row.defkey && d.defvalue === text(row.defvalue));
    },
  );
}

/** A User document as ERPNext answers it (after a write), in the same shape. */
export function userFromDoc(doc: Doc): UserFacts {
  return {
    name: doc.name,
    enabled: flag(doc.enabled ?? 1),
    roles: ((doc.roles as Doc[] | undefined) ?? []).map((row) => text(row.role)),
    defaults: ((doc.defaults as Doc[] | undefined) ?? []).map((row) => ({ defkey: text(row.defkey), defvalue: text(row.defvalue) })),
  };
}

export function modesFrom(rows: readonly Doc[]): ModeFacts[] {
  return byParent(
    rows,
    (row) => ({ name: row.name, type: text(row.type), enabled: flag(row.enabled), accounts: [] }),
    (mode: ModeFacts, row) => {
      if (row.account_company) mode.accounts.push({ company: text(row.account_company), default_account: text(row.default_account) });
    },
  );
}

export function modeFromDoc(doc: Doc): ModeFacts {
  return {
    name: doc.name,
    type: text(doc.type),
    enabled: flag(doc.enabled ?? 1),
    accounts: ((doc.accounts as Doc[] | undefined) ?? []).map((row) => ({ company: text(row.company), default_account: text(row.default_account) })),
  };
}

export function profileFrom(rows: readonly Doc[]): ProfileFacts | null {
  const [profile] = byParent(
    rows,
    (row): ProfileFacts => ({
      doc: Object.fromEntries(Object.entries(row).filter(([key]) => !LINKED_OR_CHILD.has(key))) as Doc,
      payments: [],
      users: [],
      linked: {
        customer: row.customer ? { name: text(row.customer), customerName: text(row.linked_customer_name), disabled: flag(row.linked_customer_disabled) } : null,
        priceList: row.selling_price_list ? { name: text(row.selling_price_list), currency: text(row.linked_price_list_currency), enabled: flag(row.linked_price_list_enabled) } : null,
        warehouse: row.warehouse ? { name: text(row.warehouse), company: text(row.linked_warehouse_company), isGroup: flag(row.linked_warehouse_is_group), disabled: flag(row.linked_warehouse_disabled) } : null,
      },
    }),
    (profile, row) => {
      if (row.payment_mode) pushUnique(profile.payments, { mode_of_payment: text(row.payment_mode), default: Number(row.payment_default ?? 0) }, (p) => p.mode_of_payment === row.payment_mode);
      if (row.cashier) pushUnique(profile.users, { user: text(row.cashier), default: Number(row.cashier_default ?? 0) }, (u) => u.user === row.cashier);
    },
  );
  return profile ?? null;
}

/** Columns of the profile query that are not the profile's own fields. */
const LINKED_OR_CHILD = new Set(['payment_mode', 'payment_default', 'cashier', 'cashier_default', 'linked_customer_name', 'linked_customer_disabled', 'linked_price_list_currency', 'linked_price_list_enabled', 'linked_warehouse_company', 'linked_warehouse_is_group', 'linked_warehouse_disabled']);

export function profileFromDoc(doc: Doc): ProfileFacts {
  const { payments, applicable_for_users: users, ...fields } = doc;
  return {
    doc: fields as Doc,
    payments: ((payments as Doc[] | undefined) ?? []).map((row) => ({ mode_of_payment: text(row.mode_of_payment), default: Number(row.default ?? 0) })),
    users: ((users as Doc[] | undefined) ?? []).map((row) => ({ user: text(row.user), default: Number(row.default ?? 0) })),
  };
}

export function fiscalYearsFrom(rows: readonly Doc[]): FiscalYearFacts[] {
  return byParent(
    rows,
    (row) => ({ name: row.name, startDate: text(row.year_start_date), endDate: text(row.year_end_date), companies: [] }),
    (year: FiscalYearFacts, row) => {
      if (row.company) pushUnique(year.companies, text(row.company), (c) => c === row.company);
    },
  );
}

export function fiscalYearFromDoc(doc: Doc): FiscalYearFacts {
  return { name: doc.name, startDate: text(doc.year_start_date), endDate: text(doc.year_end_date), companies: ((doc.companies as Doc[] | undefined) ?? []).map((row) => text(row.company)) };
}

export function itemFrom(row: Doc, prefix = ''): ItemFacts {
  const get = (field: string) => row[`${prefix}${field}`];
  return {
    name: text(prefix ? row.item_code : row.name),
    itemCode: text(prefix ? row.item_code : row.item_code),
    itemName: text(get('item_name')),
    itemGroup: text(get('item_group')),
    stockUom: text(get('stock_uom')),
    disabled: flag(get('disabled')),
    isSalesItem: flag(get('is_sales_item')),
    isStockItem: flag(get('is_stock_item')),
  };
}

export function priceFrom(row: Doc): PriceFacts {
  return {
    name: row.name,
    itemCode: text(row.item_code),
    priceList: text(row.price_list),
    uom: text(row.uom),
    rate: Number(row.price_list_rate ?? 0),
    customer: row.customer ? text(row.customer) : null,
    item: row.item_item_group !== undefined && row.item_item_group !== null ? itemFrom(row, 'item_') : null,
  };
}

export function openingsFrom(rows: readonly Doc[]): OpeningFacts[] {
  return byParent(
    rows,
    (row) => ({ name: row.name, docstatus: Number(row.docstatus ?? 0), status: text(row.status), owner: text(row.owner), user: text(row.user), posProfile: text(row.pos_profile), modes: [] }),
    (entry: OpeningFacts, row) => {
      if (row.balance_mode) pushUnique(entry.modes, text(row.balance_mode), (m) => m === row.balance_mode);
    },
  );
}

export function openingFromDoc(doc: Doc): OpeningFacts {
  return {
    name: doc.name,
    docstatus: Number(doc.docstatus ?? 0),
    status: text(doc.status),
    owner: text(doc.owner),
    user: text(doc.user),
    posProfile: text(doc.pos_profile),
    modes: ((doc.balance_details as Doc[] | undefined) ?? []).map((row) => text(row.mode_of_payment)),
  };
}
