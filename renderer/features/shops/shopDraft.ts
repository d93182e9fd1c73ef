import { defaultCurrencyFor } from '../../../shared/reference/countries';
import { type DemoItem, PAYMENT_TYPES, type ShopFile, suggestAbbreviation } from '../../../shared/shop';

type PaymentType = (typeof PAYMENT_TYPES)[number];

export interface PaymentMethodDraft {
  key: string;
  mode: string;
  /** Kept from a file or a saved shop; the form does not edit it. */
  type: PaymentType | null;
  /** As typed; becomes the shop file's `pos.openingBalances[mode]`. */
  openingBalance: string;
  /** The shop file's `create`: make this Mode of Payment when the site has none of that name. */
  create: boolean;
}

export interface CashierDraft {
  key: string;
  user: string;
}

/** The shop form's state: text as typed, turned into a shop file by `draftToFile`. */
export interface ShopDraft {
  companyName: string;
  abbr: string;
  /** False while the abbreviation follows the company name. */
  abbrEdited: boolean;
  country: string;
  currency: string;
  chartOfAccounts: string;
  mainWarehouse: string;
  posWarehouse: string;
  customer: string;
  profileName: string;
  paymentMethods: PaymentMethodDraft[];
  defaultMethod: string;
  cashiers: CashierDraft[];
  demoItems: boolean;
  /** A list from a file or a saved shop; null = the default café list. */
  demoItemList: DemoItem[] | null;
}

let lastKey = 0;
export const newKey = () => `k${++lastKey}`;

export function newPaymentMethod(mode = ''): PaymentMethodDraft {
  return { key: newKey(), mode, type: null, openingBalance: '', create: false };
}

export function emptyDraft(): ShopDraft {
  const cash = newPaymentMethod('Cash');
  return {
    companyName: '',
    abbr: '',
    abbrEdited: false,
    country: '',
    currency: '',
    chartOfAccounts: 'Standard',
    mainWarehouse: 'Main Store',
    posWarehouse: 'POS Store',
    customer: 'Walk-in Customer',
    profileName: '',
    paymentMethods: [cash],
    defaultMethod: cash.key,
    cashiers: [],
    demoItems: false,
    demoItemList: null,
  };
}

/** The abbreviation the shop will use: the typed one, or ERPNext's derivation from the name. */
export const draftAbbreviation = (draft: ShopDraft) => (draft.abbrEdited ? draft.abbr : suggestAbbreviation(draft.companyName));

/** A country brings its usual currency (the installer may still change it). */
export function withCountry(draft: ShopDraft, country: string): ShopDraft {
  return { ...draft, country, currency: defaultCurrencyFor(country) ?? draft.currency };
}

/** "150" → 150; text that is not a number is passed on for the schema to name ("must be a number"). */
function money(text: string): number | string {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(value) ? value : text;
}

/** The shop file the form describes, validated by the same `validateShop` as the CLI's files. */
export function draftToFile(draft: ShopDraft): ShopFile {
  const abbr = draftAbbreviation(draft).trim();
  const balances = draft.paymentMethods.filter((method) => method.openingBalance.trim() !== '').map((method) => [method.mode.trim(), money(method.openingBalance)] as const);
  const cashiers = draft.cashiers.map((cashier) => cashier.user);
  const file = {
    company: { name: draft.companyName, ...(abbr ? { abbr } : {}), country: draft.country, currency: draft.currency, chartOfAccounts: draft.chartOfAccounts },
    warehouses: { main: draft.mainWarehouse, pos: draft.posWarehouse },
    demoItems: draft.demoItems ? (draft.demoItemList ?? true) : false,
    customer: draft.customer,
    pos: {
      ...(draft.profileName.trim() ? { profileName: draft.profileName } : {}),
      paymentMethods: draft.paymentMethods.map((method) => ({ mode: method.mode, ...(method.key === draft.defaultMethod ? { default: true } : {}), ...(method.type ? { type: method.type } : {}), ...(method.create ? { create: true } : {}) })),
      ...(cashiers.length > 0 ? { cashiers } : {}),
      ...(balances.length > 0 ? { openingBalances: Object.fromEntries(balances) } : {}),
    },
  };
  return file as ShopFile;
}

type Loose = Record<string, unknown>;
const object = (value: unknown): Loose => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : fallback);

/** Fills the form from a shop file or a saved shop, as far as its fields can be read. */
export function draftFromFile(input: unknown): ShopDraft {
  const file = object(input);
  const company = object(file.company);
  const warehouses = object(file.warehouses);
  const pos = object(file.pos);
  const balances = Object.entries(object(pos.openingBalances));
  const balanceOf = (mode: string) => text(balances.find(([name]) => name.toLowerCase() === mode.trim().toLowerCase())?.[1]);
  const methods = list(pos.paymentMethods).map((raw): PaymentMethodDraft & { isDefault: boolean } => {
    const method = object(raw);
    const mode = text(method.mode);
    const type = PAYMENT_TYPES.find((known) => known === method.type) ?? null;
    return { key: newKey(), mode, type, openingBalance: balanceOf(mode), create: method.create === true, isDefault: method.default === true };
  });
  const name = text(company.name);
  const abbr = text(company.abbr);
  const demo = file.demoItems;
  return {
    companyName: name,
    abbr,
    abbrEdited: abbr !== '' && abbr !== suggestAbbreviation(name),
    country: text(company.country),
    currency: text(company.currency),
    chartOfAccounts: text(company.chartOfAccounts, 'Standard'),
    mainWarehouse: text(warehouses.main, 'Main Store'),
    posWarehouse: text(warehouses.pos, 'POS Store'),
    customer: text(file.customer, 'Walk-in Customer'),
    profileName: text(pos.profileName),
    paymentMethods: methods.map(({ isDefault: _isDefault, ...method }) => method),
    // No default in the file leaves the radio unset (the form then says so), unless there is one method.
    defaultMethod: (methods.find((method) => method.isDefault) ?? (methods.length === 1 ? methods[0] : undefined))?.key ?? '',
    cashiers: list(pos.cashiers).map((user) => ({ key: newKey(), user: text(user) })),
    demoItems: demo === true || (Array.isArray(demo) && demo.length > 0),
    demoItemList: Array.isArray(demo) && demo.length > 0 ? (demo as DemoItem[]) : null,
  };
}
