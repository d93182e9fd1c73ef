import { ctx } from '../core/context';
import type { Doc } from '../core/store';
import { validateIfChildExists } from './nestedSet';

// erpnext/setup/doctype/company/company.py on_trash: what goes with a company. Everything below is raw
// SQL in ERPNext (no on_trash, no link checks of the removed rows); whatever still links to the company
// afterwards (a POS Profile, a Customer's represents_company, stock…) makes delete_doc refuse, and the
// request's transaction then rolls all of this back.

const store = () => ctx().store;

function removeWhere(doctype: string, match: (d: Doc) => boolean): void {
  for (const d of store().all(doctype)) if (match(d)) store().remove(doctype, d.name);
}

/** DELETE FROM `tab<child>` WHERE company=…: rows inside any parent document. */
function removeChildRows(childDoctype: string, company: string): void {
  for (const { doctype: parentDoctype, fields } of parentsHolding(childDoctype)) {
    for (const parent of store().all(parentDoctype)) {
      let changed = false;
      for (const f of fields) {
        const rows = (parent[f] as Doc[] | undefined) ?? [];
        const kept = rows.filter((r) => r.company !== company);
        if (kept.length !== rows.length) {
          parent[f] = kept.map((r, i) => ({ ...r, idx: i + 1 }));
          changed = true;
        }
      }
      if (changed) store().put(parent);
    }
  }
}

const HOLDERS: Record<string, { doctype: string; fields: string[] }[]> = {
  'Mode of Payment Account': [{ doctype: 'Mode of Payment', fields: ['accounts'] }],
  'Item Default': [{ doctype: 'Item', fields: ['item_defaults'] }],
  'Party Account': [{ doctype: 'Customer', fields: ['accounts'] }],
};
const parentsHolding = (child: string) => HOLDERS[child] ?? [];

export function companyOnTrash(doc: Doc): void {
  validateIfChildExists(doc, 'parent_company');
  const ofCompany = (d: Doc) => d.company === doc.name;
  // no GL Entry is ever booked by the sandbox, so accounts, cost centers and party accounts always go
  removeWhere('Account', ofCompany);
  removeWhere('Cost Center', ofCompany);
  removeChildRows('Party Account', doc.name);
  if (!store().all('Stock Ledger Entry').some(ofCompany)) removeWhere('Warehouse', ofCompany);
  // frappe.defaults.clear_default("company", value=name): site and user defaults alike
  store().db.prepare("DELETE FROM defaults WHERE defkey = 'company' AND defvalue = ?").run(doc.name);
  // delete from `tabTransaction Deletion Record` where company=%s
  removeWhere('Transaction Deletion Record', ofCompany);
  removeChildRows('Mode of Payment Account', doc.name);
  removeChildRows('Item Default', doc.name);
  const warehouses = new Set(store().all('Warehouse').filter(ofCompany).map((w) => w.name));
  for (const item of store().all('Item')) {
    const rows = (item.reorder_levels as Doc[] | undefined) ?? [];
    const kept = rows.filter((r) => !warehouses.has(String(r.warehouse)));
    if (kept.length !== rows.length) store().put({ ...item, reorder_levels: kept });
  }
  const globals = store().get('Global Defaults', 'Global Defaults');
  if (globals?.default_company === doc.name) store().put({ ...globals, default_company: '' });
}
