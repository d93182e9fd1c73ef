import { ctx } from '../core/context';
import { erpnextThrow } from '../core/errors';
import type { DocTypeMeta } from '../core/meta';
import { f } from '../core/meta';
import type { Doc } from '../core/store';
import { cstr, flt } from '../core/util';
import { perms } from './roles';

// erpnext/stock/doctype/warehouse/warehouse.py and warehouse_type.

export const warehouseType: DocTypeMeta = {
  name: 'Warehouse Type', app: 'erpnext', autoname: 'Prompt', perms: perms.warehouseType,
  fields: [f.data('description')],
};

export const warehouse: DocTypeMeta = {
  name: 'Warehouse', app: 'erpnext', autoname: 'controller', perms: perms.warehouse,
  fields: [
    f.check('disabled'), f.data('warehouse_name', { reqd: true, label: 'Warehouse Name' }), f.check('is_group'),
    f.link('parent_warehouse', 'Warehouse', { label: 'Parent Warehouse' }), f.check('is_rejected_warehouse'),
    f.link('account', 'Account', { label: 'Account' }), f.link('company', 'Company', { reqd: true, label: 'Company' }),
    f.data('email_id'), f.data('phone_no'), f.data('mobile_no'), f.data('address_line_1'), f.data('address_line_2'),
    f.data('city'), f.data('state'), f.data('pin'), f.link('warehouse_type', 'Warehouse Type', { label: 'Warehouse Type' }),
    f.link('default_in_transit_warehouse', 'Warehouse', { label: 'Default In-Transit Warehouse' }), f.int('lft'), f.int('rgt'), f.data('old_parent', { default: '' }),
  ],
  controller: {
    // warehouse.py autoname: "{warehouse_name} - {abbr}" unless it already ends with the suffix
    autoname(doc) {
      const name = cstr(doc.warehouse_name).trim();
      if (!doc.company) {
        doc.name = name;
        return;
      }
      const suffix = ` - ${cstr(ctx().store.get('Company', cstr(doc.company))?.abbr)}`;
      doc.name = name.endsWith(suffix) ? name : name + suffix;
    },
    validate(doc) {
      doc.old_parent = doc.parent_warehouse ?? '';
    },
    // warehouse.py on_trash: stock in a Bin, ledger entries or child warehouses refuse; then its Bins
    // go and Item Defaults stop pointing at it (unlink_from_items), before delete_doc checks links
    onTrash(doc) {
      const store = ctx().store;
      const qty = ['actual_qty', 'reserved_qty', 'ordered_qty', 'indented_qty', 'projected_qty', 'planned_qty'];
      const bins = store.all('Bin').filter((b) => b.warehouse === doc.name);
      const withQty = bins.find((b) => qty.some((q) => flt(b[q])));
      if (withQty) erpnextThrow(`Warehouse ${doc.name} can not be deleted as quantity exists for Item ${withQty.item_code}`);
      if (store.all('Stock Ledger Entry').some((e) => e.warehouse === doc.name)) {
        erpnextThrow('Warehouse can not be deleted as stock ledger entry exists for this warehouse.');
      }
      if (store.all('Warehouse').some((w) => w.parent_warehouse === doc.name)) {
        erpnextThrow('Child warehouse exists for this warehouse. You can not delete this warehouse.');
      }
      for (const b of bins) store.remove('Bin', b.name);
      for (const item of store.all('Item')) {
        const rows = (item.item_defaults as Doc[] | undefined) ?? [];
        if (!rows.some((r) => r.default_warehouse === doc.name)) continue;
        store.put({ ...item, item_defaults: rows.map((r) => (r.default_warehouse === doc.name ? { ...r, default_warehouse: null } : r)) });
      }
    },
  },
};
