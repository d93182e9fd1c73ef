import { randomBytes } from 'node:crypto';
import { defaultValues } from '../core/build';
import { setGlobalDefault } from '../core/defaults';
import { getMeta } from '../core/registry';
import { insertDoc } from '../core/document';
import { ctx } from '../core/context';
import { COUNTRIES, CURRENCIES } from '../data/countries';
import { ALL_ROLES, PROVISIONER_ROLES } from '../doctypes/roles';
import { setupComplete } from './wizard';

// The two starting states of shared/erpnext/recorded/README.md: a bare site (ERPNext installed, wizard
// not run) and a site whose wizard ran for "Lab HQ" with fiscal years for this year and the next two.

export type UserKey = 'administrator' | 'provisioner' | 'norole';
export const USER_IDS: Record<UserKey, string> = {
  administrator: 'Administrator',
  provisioner: 'provisioner@erplab.test',
  norole: 'norole@erplab.test',
};

const LANGUAGES: [string, string][] = [['en', 'English'], ['de', 'Deutsch'], ['fr', 'Français'], ['es', 'Español'], ['it', 'Italiano'], ['pt', 'Português'], ['nl', 'Nederlands']];
const internal = { ignorePermissions: true };

export interface ApiKeys { apiKey: string; apiSecret: string }
const newKey = () => randomBytes(8).toString('hex').slice(0, 15);

function put(doctype: string, name: string, values: Record<string, unknown>): void {
  const now = ctx().timestamp();
  ctx().store.put({ doctype, name, owner: 'Administrator', creation: now, modified: now, modified_by: 'Administrator', docstatus: 0, idx: 0, ...values });
}

/** A Single as a fresh install leaves it: every field at its DocType default, then the given values. */
function putSingle(doctype: string, values: Record<string, unknown>): void {
  put(doctype, doctype, { ...defaultValues(getMeta(doctype)), ...values });
}

/** The key → (user, secret) map authentication reads; Frappe keeps api_secret encrypted in __Auth. */
export function setApiSecret(user: string, apiKey: string, apiSecret: string): void {
  const store = ctx().store;
  for (const row of store.db.prepare("SELECT key, value FROM kv WHERE key LIKE 'apikey:%'").all() as { key: string; value: string }[]) {
    if ((JSON.parse(row.value) as { user: string }).user === user) store.db.prepare('DELETE FROM kv WHERE key = ?').run(row.key);
  }
  store.kvSet(`apikey:${apiKey}`, JSON.stringify({ user, secret: apiSecret }));
}

/** API keys live outside the User document (Frappe keeps api_secret encrypted in __Auth). */
export function storeKeys(key: UserKey, k: ApiKeys): void {
  const store = ctx().store;
  const previous = store.kvGet(`userkeys:${key}`);
  if (previous) store.db.prepare('DELETE FROM kv WHERE key = ?').run(`apikey:${(JSON.parse(previous) as ApiKeys).apiKey}`);
  store.kvSet(`userkeys:${key}`, JSON.stringify(k));
  store.kvSet(`apikey:${k.apiKey}`, JSON.stringify({ user: USER_IDS[key], secret: k.apiSecret }));
  const user = store.get('User', USER_IDS[key]);
  if (user) store.put({ ...user, api_key: k.apiKey });
}

function seedUsers(keys: Partial<Record<UserKey, ApiKeys>>): Record<UserKey, ApiKeys> {
  const roleSets: Record<UserKey, string[]> = {
    administrator: ALL_ROLES.filter((r) => r !== 'All' && r !== 'Guest' && r !== 'Desk User'),
    provisioner: PROVISIONER_ROLES,
    norole: [],
  };
  const out = {} as Record<UserKey, ApiKeys>;
  for (const key of Object.keys(USER_IDS) as UserKey[]) {
    const id = USER_IDS[key];
    const k = keys[key] ?? { apiKey: newKey(), apiSecret: newKey() };
    out[key] = k;
    insertDoc('User', {
      name: id, email: key === 'administrator' ? 'admin@example.com' : id, first_name: key === 'administrator' ? 'Administrator' : id.split('@')[0],
      api_key: k.apiKey, roles: roleSets[key].map((role) => ({ role })),
    }, internal);
    storeKeys(key, k);
  }
  return out;
}

export function seedBare(keys: Partial<Record<UserKey, ApiKeys>>): Record<UserKey, ApiKeys> {
  for (const role of ALL_ROLES) put('Role', role, { role_name: role, disabled: 0, desk_access: 1 });
  for (const [code, name] of LANGUAGES) put('Language', code, { enabled: 1, language_code: code, language_name: name });
  for (const code of CURRENCIES) put('Currency', code, { currency_name: code, enabled: 0, fraction_units: 100, number_format: '#,###.##' });
  for (const c of COUNTRIES) put('Country', c.name, { country_name: c.name });
  putSingle('System Settings', {
    enable_onboarding: 1, setup_complete: 0, date_format: 'dd-mm-yyyy', time_format: 'HH:mm:ss', number_format: '#,###.##',
    float_precision: '', currency_precision: '', allow_error_traceback: 1,
  });
  putSingle('Global Defaults', { default_currency: 'INR', disable_rounded_total: 0, disable_in_words: 0 });
  putSingle('Selling Settings', { cust_master_name: 'Customer Name', so_required: 'No', dn_required: 'No', sales_update_frequency: 'Each Transaction', maintain_same_rate_action: 'Stop', allow_multiple_items: 0 });
  putSingle('Stock Settings', { item_naming_by: 'Item Code', valuation_method: 'FIFO', update_price_list_based_on: 'Rate', show_barcode_field: 1, clean_description_html: 1, naming_series_prefix: 'BATCH-' });
  // erpnext/setup/install.py leaves these two naming defaults set on a fresh site (f07 is named by customer_name)
  setGlobalDefault('cust_master_name', 'Customer Name');
  setGlobalDefault('item_naming_by', 'Item Code');
  return seedUsers(keys);
}

export function seedSetupDone(keys: Partial<Record<UserKey, ApiKeys>>): Record<UserKey, ApiKeys> {
  const users = seedBare(keys);
  const year = Number(ctx().year());
  setupComplete({
    language: 'English', country: 'United States', timezone: 'America/New_York', currency: 'USD', full_name: 'Lab Admin',
    company_name: 'Lab HQ', company_abbr: 'LHQ', chart_of_accounts: 'Standard', fy_start_date: `${year}-01-01`, fy_end_date: `${year}-12-31`,
  });
  for (const y of [year + 1, year + 2]) insertDoc('Fiscal Year', { year: String(y), year_start_date: `${y}-01-01`, year_end_date: `${y}-12-31` }, internal);
  return users;
}
