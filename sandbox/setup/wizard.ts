import { ctx } from '../core/context';
import { insertDoc, loadDoc, saveDoc } from '../core/document';
import { frappeThrow } from '../core/errors';
import { permissionError } from '../core/permissions';
import type { Doc } from '../core/store';
import { cint, cstr, parseJsonParam } from '../core/util';
import { installFixtures } from './fixtures';

// frappe.desk.page.setup_wizard.setup_wizard.setup_complete with ERPNext's stages
// (erpnext/setup/setup_wizard/setup_wizard.py): fixtures, company, fiscal year, defaults.

const DATE_FORMATS: Record<string, string> = {
  'United States': 'mm-dd-yyyy', Canada: 'mm-dd-yyyy', Philippines: 'mm-dd-yyyy', Germany: 'dd.mm.yyyy', France: 'dd/mm/yyyy',
  Italy: 'dd/mm/yyyy', Brazil: 'dd/mm/yyyy', China: 'yyyy-mm-dd', Hungary: 'yyyy-mm-dd', 'South Africa': 'yyyy-mm-dd',
};
const LANGUAGES: Record<string, string> = { English: 'en', German: 'de', French: 'fr', Spanish: 'es', Deutsch: 'de' };

function updateSingle(doctype: string, values: Record<string, unknown>): void {
  const before = loadDoc(doctype, doctype);
  saveDoc({ ...structuredClone(before), ...values }, before, { ignorePermissions: true });
}

function fiscalYearName(start: string, end: string): string {
  return start.slice(0, 4) === end.slice(0, 4) ? start.slice(0, 4) : `${start.slice(0, 4)}-${end.slice(0, 4)}`;
}

export function setupComplete(rawArgs: unknown): { status: string } {
  if (cint(ctx().store.get('System Settings', 'System Settings')?.setup_complete)) return { status: 'ok' };
  if (ctx().user !== 'Administrator' && !ctx().roles.has('System Manager')) throw permissionError('System Settings');
  const args = (typeof rawArgs === 'string' ? parseJsonParam(rawArgs) : rawArgs ?? {}) as Record<string, unknown>;
  const country = cstr(args.country);
  const currency = cstr(args.currency);
  if (!args.company_name || !country || !currency) frappeThrow('Please fill in Company, Country and Currency');
  const fyStart = cstr(args.fy_start_date) || `${ctx().year()}-01-01`;
  const fyEnd = cstr(args.fy_end_date) || `${ctx().year()}-12-31`;

  updateSingle('System Settings', {
    country, time_zone: cstr(args.timezone) || 'UTC', language: LANGUAGES[cstr(args.language)] ?? (cstr(args.language) || 'en'),
    currency, date_format: DATE_FORMATS[country] ?? 'dd-mm-yyyy', number_format: '#,###.##', float_precision: '3', currency_precision: '',
  });
  installFixtures(country, currency);
  const company = insertDoc('Company', {
    company_name: args.company_name, abbr: args.company_abbr, default_currency: currency, country,
    chart_of_accounts: args.chart_of_accounts || 'Standard', create_chart_of_accounts_based_on: 'Standard Template', enable_perpetual_inventory: 1,
  }, { ignorePermissions: true });
  const fy = fiscalYearName(fyStart, fyEnd);
  if (!ctx().store.exists('Fiscal Year', fy)) insertDoc('Fiscal Year', { year: fy, year_start_date: fyStart, year_end_date: fyEnd }, { ignorePermissions: true });
  updateSingle('Global Defaults', { default_company: company.name, current_fiscal_year: fy, default_currency: currency, country, hide_currency_symbol: 'No' });
  updateSingle('Stock Settings', {
    item_naming_by: 'Item Code', valuation_method: 'FIFO', default_warehouse: `Stores - ${company.abbr}`, stock_uom: 'Nos',
    auto_insert_price_list_rate_if_missing: 1, update_price_list_based_on: 'Rate', show_barcode_field: 1, clean_description_html: 1,
  });
  updateSingle('Selling Settings', { cust_master_name: 'Customer Name', so_required: 'No', dn_required: 'No', allow_multiple_items: 1, sales_update_frequency: 'Each Transaction' });
  const admin = ctx().store.get('User', 'Administrator') as Doc;
  if (args.full_name) ctx().store.put({ ...admin, first_name: args.full_name, full_name: args.full_name });
  updateSingle('System Settings', { setup_complete: 1 });
  return { status: 'ok' };
}
