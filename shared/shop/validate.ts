import type { z } from 'zod';
import { defaultCurrencyFor, findCountry, isKnownCurrency } from '../reference/countries';
import { ABBREVIATION_MAX_LENGTH } from './abbreviation';
import { type ShopConfig, shopSchema } from './schema';

export interface ShopIssue {
  /** Dotted path of the field, e.g. "pos.paymentMethods.1.mode". */
  path: string;
  message: string;
}

export type ShopValidation =
  | { ok: true; value: ShopConfig; warnings: ShopIssue[] }
  | { ok: false; issues: ShopIssue[]; warnings: ShopIssue[] };

/** Customer Groups the setup wizard creates: a customer with one of these names is refused (§4.8). */
const CUSTOMER_GROUP_NAMES = ['All Customer Groups', 'Individual', 'Commercial', 'Non Profit', 'Government'];

function pathOf(path: readonly PropertyKey[]): string {
  return path.map(String).join('.') || '(file)';
}

/** ERPNext derives a missing abbreviation from the initials of the company name (company.py validate_abbr). */
export function suggestAbbreviation(companyName: string): string {
  return companyName
    .trim()
    .split(/\s+/)
    .map((word) => [...word][0] ?? '')
    .join('')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]/gu, '')
    .slice(0, ABBREVIATION_MAX_LENGTH);
}

/** The file as it may be: any field can be missing or of the wrong type. */
interface LooseShop {
  company?: { name?: unknown; abbr?: unknown; country?: unknown; currency?: unknown };
  warehouses?: { main?: unknown; pos?: unknown };
  demoItems?: unknown;
  customer?: unknown;
  pos?: { paymentMethods?: unknown; cashiers?: unknown; openingBalances?: unknown };
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
const objects = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null) : []);

function companyRules(company: LooseShop['company'], issues: ShopIssue[], warnings: ShopIssue[]): void {
  const countryName = text(company?.country);
  const currency = text(company?.currency);
  if (countryName && !findCountry(countryName)) issues.push({ path: 'company.country', message: `"${countryName}" is not a country ERPNext knows (use the English name, e.g. "Kenya", "United States")` });
  if (currency && /^[A-Z]{2,3}$/.test(currency) && !isKnownCurrency(currency)) issues.push({ path: 'company.currency', message: `"${currency}" is not a known currency code` });
  const usual = countryName ? defaultCurrencyFor(countryName) : undefined;
  if (usual && currency && isKnownCurrency(currency) && usual !== currency) {
    warnings.push({ path: 'company.currency', message: `Shops in ${countryName} usually use ${usual}, not ${currency}; check this is intended` });
  }
  const name = text(company?.name);
  if (name && company?.abbr === undefined && !suggestAbbreviation(name)) {
    issues.push({ path: 'company.abbr', message: 'Give an abbreviation: none can be derived from this company name' });
  }
}

function paymentRules(pos: LooseShop['pos'], issues: ShopIssue[]): void {
  const methods = objects(pos?.paymentMethods);
  const seen = new Map<string, number>();
  methods.forEach((method, index) => {
    const mode = text(method.mode);
    if (!mode) return;
    const key = mode.toLowerCase();
    if (seen.has(key)) issues.push({ path: `pos.paymentMethods.${index}.mode`, message: `"${mode}" is listed twice (also at position ${seen.get(key)! + 1})` });
    else seen.set(key, index);
  });
  const defaults = methods.filter((method) => method.default === true).length;
  const implicitSingle = methods.length === 1 && methods[0]!.default === undefined;
  if (methods.length > 0 && defaults !== 1 && !implicitSingle) {
    issues.push({ path: 'pos.paymentMethods', message: `Mark exactly one payment method as default (found ${defaults})` });
  }
  const balances = pos?.openingBalances;
  if (balances && typeof balances === 'object') {
    for (const mode of Object.keys(balances)) {
      if (!seen.has(mode.toLowerCase())) issues.push({ path: `pos.openingBalances.${mode}`, message: `"${mode}" is not one of the payment methods` });
    }
  }
  const cashiers = new Set<string>();
  (Array.isArray(pos?.cashiers) ? pos.cashiers : []).forEach((user: unknown, index: number) => {
    const id = text(user)?.toLowerCase();
    if (id && cashiers.has(id)) issues.push({ path: `pos.cashiers.${index}`, message: `Cashier "${String(user)}" is listed twice` });
    if (id) cashiers.add(id);
  });
}

function shopRules(shop: LooseShop, issues: ShopIssue[]): void {
  const main = text(shop.warehouses?.main) ?? 'Main Store';
  const pos = text(shop.warehouses?.pos) ?? 'POS Store';
  if (main.toLowerCase() === pos.toLowerCase()) issues.push({ path: 'warehouses.pos', message: 'The POS warehouse must differ from the main warehouse' });
  const customer = text(shop.customer);
  if (customer && CUSTOMER_GROUP_NAMES.some((group) => group.toLowerCase() === customer.toLowerCase())) {
    issues.push({ path: 'customer', message: `"${customer}" is a Customer Group name; ERPNext refuses a customer with that name` });
  }
  const codes = new Map<string, number>();
  objects(shop.demoItems).forEach((item, index) => {
    const code = text(item.code);
    if (code && codes.has(code.toLowerCase())) issues.push({ path: `demoItems.${index}.code`, message: `Item code "${code}" is used twice` });
    else if (code) codes.set(code.toLowerCase(), index);
    if (typeof item.openingQty === 'number' && item.openingQty > 0 && typeof item.price === 'number' && item.price <= 0) {
      issues.push({ path: `demoItems.${index}.price`, message: 'An item with opening stock needs a price above zero (ERPNext values the stock with it)' });
    }
  });
}

/** Rules across fields, run on the raw file too, so every problem is reported in one go. */
function businessRules(input: unknown): { issues: ShopIssue[]; warnings: ShopIssue[] } {
  const issues: ShopIssue[] = [];
  const warnings: ShopIssue[] = [];
  if (!input || typeof input !== 'object') return { issues, warnings };
  const shop = input as LooseShop;
  companyRules(shop.company, issues, warnings);
  paymentRules(shop.pos, issues);
  shopRules(shop, issues);
  return { issues, warnings };
}

function schemaIssues(error: z.ZodError): ShopIssue[] {
  return error.issues.map((issue) => ({ path: pathOf(issue.path), message: issue.message }));
}

/**
 * Checks a shop file before anything is sent to ERPNext and reports every problem at once, each with
 * its field path. Warnings (e.g. an unusual currency for the country) do not block the run.
 */
export function validateShop(input: unknown): ShopValidation {
  const parsed = shopSchema.safeParse(input);
  const { issues, warnings } = businessRules(input);
  const all = [...(parsed.success ? [] : schemaIssues(parsed.error)), ...issues];
  if (!parsed.success || all.length > 0) return { ok: false, issues: all, warnings };
  return { ok: true, value: parsed.data, warnings };
}

/** The abbreviation the run will use: the one given, or ERPNext's own derivation. */
export function companyAbbreviation(shop: ShopConfig): string {
  return shop.company.abbr ?? suggestAbbreviation(shop.company.name);
}
