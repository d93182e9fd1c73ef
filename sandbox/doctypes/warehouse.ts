import { ctx } from '../core/context';
import { erpnextThrow } from '../core/errors';
import type { DocTypeMeta } from '../core/meta';
import { f } from '../core/meta';
import { cstr } from '../core/util';
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
    onTrash(doc) {
      if (ctx().store.all('Stock Ledger Entry').some((e) => e.warehouse === doc.name)) {
        const item = ctx().store.all('Stock Ledger Entry').find((e) => e.warehouse === doc.name)?.item_code;
        erpnextThrow(`Warehouse ${doc.name} can not be deleted as quantity exists for Item ${item}`);
      }
      if (ctx().store.all('Warehouse').some((w) => w.parent_warehouse === doc.name)) {
        erpnextThrow('Child warehouse exists for this warehouse. You can not delete this warehouse.');
      }
    },
  },
};
