import { ctx } from '../core/context';
import { loadDoc, saveDoc } from '../core/document';
import { setApiSecret } from '../setup/seed';
import { FrappeError, frappeThrow } from '../core/errors';
import { cstr } from '../core/util';
import { STANDARD_CHART_NAMES } from '../data/charts';
import { stockAvailability } from '../doctypes/posInvoice';
import { ALL_ROLES } from '../doctypes/roles';
import { setupComplete } from '../setup/wizard';
import { clientMethods } from './client';

// /api/method/{dotted.path}: the whitelisted functions provisioning uses (frappe/handler.py execute_cmd).

type Args = Record<string, unknown>;
interface Method { fn: (a: Args) => unknown; methods?: string[]; guest?: boolean }

export interface SiteInfo { versions: { frappe: string; erpnext: string } }

export function methodTable(site: SiteInfo): Record<string, Method> {
  return {
    ping: { fn: () => 'pong', guest: true },
    'frappe.auth.get_logged_user': { fn: () => ctx().user },
    'frappe.utils.change_log.get_versions': {
      fn: () => ({
        frappe: { title: 'Frappe Framework', description: 'Full stack web framework with Python, Javascript, MariaDB, Redis, Node', branch: '', version: site.versions.frappe },
        erpnext: { title: 'ERPNext', description: 'ERP made simple', branch: '', version: site.versions.erpnext },
      }),
    },
    'frappe.core.doctype.user.user.get_roles': { fn: getRoles },
    'frappe.core.doctype.user.user.generate_keys': { methods: ['POST'], fn: (a) => generateKeys(cstr(a.user)) },
    'erpnext.accounts.doctype.account.chart_of_accounts.chart_of_accounts.get_charts_for_country': {
      fn: (a) => (a.with_standard && a.with_standard !== '0' && a.with_standard !== 'false' ? [...STANDARD_CHART_NAMES] : []),
    },
    'frappe.desk.page.setup_wizard.setup_wizard.setup_complete': { methods: ['POST'], fn: (a) => setupComplete(a.args) },
    // pos_invoice.py get_stock_availability(item_code, warehouse) → (qty, is_stock_item, negative allowed)
    'erpnext.accounts.doctype.pos_invoice.pos_invoice.get_stock_availability': {
      fn: (a) => stockAvailability(cstr(a.item_code), cstr(a.warehouse)),
    },
    ...clientMethods,
  };
}

function getRoles(a: Args): string[] {
  if (a.uid === undefined) throw new FrappeError('KeyError', '', { exceptionText: "'uid'" });
  const uid = cstr(a.uid);
  if (uid === 'Administrator') return ALL_ROLES.filter((r) => r !== 'Desk User');
  const user = ctx().store.get('User', uid);
  const roles = ((user?.roles as { role: string }[] | undefined) ?? []).map((r) => r.role);
  return [...roles, 'All', 'Guest', ...(user?.user_type === 'System User' ? ['Desk User'] : [])];
}

/** user.py generate_keys: System Manager only; keeps an existing api_key, always a new secret. */
function generateKeys(userId: string): { api_key: string; api_secret: string } {
  if (ctx().user !== 'Administrator' && !ctx().roles.has('System Manager')) {
    frappeThrow('This action is only allowed for <strong>System Manager</strong>', 'PermissionError', { title: 'Not Permitted' });
  }
  const before = loadDoc('User', userId);
  const apiKey = cstr(before.api_key) || ctx().hash().slice(0, 15);
  const apiSecret = Array.from({ length: 15 }, () => Math.floor(ctx().random() * 16).toString(16)).join('');
  saveDoc({ ...structuredClone(before), api_key: apiKey }, before);
  setApiSecret(before.name, apiKey, apiSecret);
  return { api_key: apiKey, api_secret: apiSecret };
}

/** "Failed to get method for command x with No module named 'y'" — the first unknown module of the path. */
function missingMethod(cmd: string, table: Record<string, Method>): never {
  const modules = new Set<string>(['frappe', 'erpnext']);
  for (const name of Object.keys(table)) {
    const parts = name.split('.');
    for (let i = 1; i < parts.length; i += 1) modules.add(parts.slice(0, i).join('.'));
  }
  const parts = cmd.split('.');
  const modulePath = parts.slice(0, -1).join('.');
  if (parts.length > 1 && modules.has(modulePath)) {
    frappeThrow(`Failed to get method for command ${cmd} with module '${modulePath}' has no attribute '${parts.at(-1)}'`);
  }
  for (let i = 1; i < parts.length; i += 1) {
    const prefix = parts.slice(0, i).join('.');
    if (!modules.has(prefix)) frappeThrow(`Failed to get method for command ${cmd} with No module named '${prefix}'`);
  }
  return frappeThrow(`Failed to get method for command ${cmd} with '${cmd}'`);
}

export function callMethod(cmd: string, httpMethod: string, args: Args, site: SiteInfo): unknown {
  const table = methodTable(site);
  const method = table[cmd];
  if (!method) missingMethod(cmd, table);
  if (ctx().user === 'Guest' && !method.guest) {
    frappeThrow(
      `<details><summary>You are not permitted to access this resource. Login to access</summary>Function <strong>${cmd}</strong> is not whitelisted.</details>`,
      'PermissionError', { title: 'Method Not Allowed' },
    );
  }
  const allowed = method.methods ?? ['GET', 'POST', 'PUT', 'DELETE'];
  if (!allowed.includes(httpMethod)) frappeThrow('Not permitted', 'PermissionError');
  return method.fn(args);
}
