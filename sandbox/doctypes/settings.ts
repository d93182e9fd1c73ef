import { ctx } from '../core/context';
import { setGlobalDefault } from '../core/defaults';
import { erpnextThrow } from '../core/errors';
import type { DocTypeMeta } from '../core/meta';
import { f } from '../core/meta';
import type { Doc } from '../core/store';
import { cstr } from '../core/util';
import { perms } from './roles';

// ERPNext Singles: Global Defaults, Selling Settings, Stock Settings. On save each writes some of its
// values as site defaults, which then pre-fill new documents (CONTRACT §4.2, §4.6).

function setDefaults(doc: Doc, keys: string[], asKey: Record<string, string> = {}): void {
  for (const key of keys) setGlobalDefault(asKey[key] ?? key, doc[key] ?? '');
}

export const globalDefaults: DocTypeMeta = {
  name: 'Global Defaults', app: 'erpnext', issingle: true, perms: perms.systemOnly,
  fields: [
    f.link('default_company', 'Company', { label: 'Default Company' }), f.data('current_fiscal_year'),
    f.link('country', 'Country', { label: 'Country' }), f.link('default_distance_unit', 'UOM'),
    f.link('default_currency', 'Currency', { reqd: true, label: 'Default Currency', default: 'INR' }),
    f.select('hide_currency_symbol', ['', 'No', 'Yes']), f.check('disable_rounded_total'), f.check('disable_in_words'),
  ],
  controller: {
    // global_defaults.py on_update: company / currency / country become site defaults
    onUpdate(doc) {
      setDefaults(doc, ['default_company', 'default_currency', 'country', 'current_fiscal_year'], {
        default_company: 'company', default_currency: 'currency', current_fiscal_year: 'fiscal_year',
      });
      const currency = doc.default_currency ? ctx().store.get('Currency', cstr(doc.default_currency)) : null;
      if (currency && !currency.enabled) ctx().store.put({ ...currency, enabled: 1 });
    },
  },
};

export const sellingSettings: DocTypeMeta = {
  name: 'Selling Settings', app: 'erpnext', issingle: true, perms: perms.sellingSettings,
  fields: [
    f.select('cust_master_name', ['Customer Name', 'Naming Series', 'Auto Name'], { default: 'Customer Name', label: 'Customer Naming By' }),
    f.link('customer_group', 'Customer Group', { label: 'Default Customer Group' }), f.link('territory', 'Territory', { label: 'Default Territory' }),
    f.link('selling_price_list', 'Price List', { label: 'Default Price List' }),
    f.select('maintain_same_rate_action', ['Stop', 'Warn'], { default: 'Stop' }), f.check('maintain_same_sales_rate'),
    f.check('editable_price_list_rate'), f.check('validate_selling_price'), f.check('editable_bundle_item_rates'),
    f.check('allow_negative_rates_for_items'),
    f.select('so_required', ['No', 'Yes'], { default: 'No', label: 'Is Sales Order Required for Sales Invoice & Delivery Note Creation?' }),
    f.select('dn_required', ['No', 'Yes'], { default: 'No', label: 'Is Delivery Note Required for Sales Invoice Creation?' }),
    f.select('sales_update_frequency', ['Monthly', 'Each Transaction', 'Daily'], { default: 'Each Transaction', reqd: true, label: 'Sales Update Frequency in Company and Project' }),
    f.float('blanket_order_allowance'), f.check('allow_multiple_items'), f.check('allow_against_multiple_purchase_orders'),
    f.check('allow_sales_order_creation_for_expired_quotation'), f.check('dont_reserve_sales_order_qty_on_sales_return'),
    f.check('hide_tax_id'), f.check('enable_discount_accounting'), f.check('allow_zero_qty_in_quotation'), f.check('allow_zero_qty_in_sales_order'),
  ],
  controller: {
    onUpdate(doc) {
      setDefaults(doc, ['cust_master_name', 'customer_group', 'territory', 'maintain_same_sales_rate', 'editable_price_list_rate', 'selling_price_list']);
    },
  },
};

export const stockSettings: DocTypeMeta = {
  name: 'Stock Settings', app: 'erpnext', issingle: true, perms: perms.stockSettings,
  fields: [
    f.select('item_naming_by', ['Item Code', 'Naming Series'], { default: 'Item Code', label: 'Item Naming By' }),
    f.select('valuation_method', ['FIFO', 'Moving Average', 'LIFO'], { default: 'FIFO', label: 'Default Valuation Method' }),
    f.link('item_group', 'Item Group', { label: 'Default Item Group' }), f.link('default_warehouse', 'Warehouse', { label: 'Default Warehouse' }),
    f.link('stock_uom', 'UOM', { label: 'Default Stock UOM' }), f.check('auto_insert_price_list_rate_if_missing'),
    f.select('update_price_list_based_on', ['Rate', 'Price List Rate'], { default: 'Rate' }), f.check('update_existing_price_list_rate'),
    f.check('allow_to_edit_stock_uom_qty_for_sales'), f.check('allow_to_edit_stock_uom_qty_for_purchase'),
    f.check('allow_uom_with_conversion_rate_defined_in_item'), f.float('over_delivery_receipt_allowance'), f.float('mr_qty_allowance'),
    f.float('over_picking_allowance'), f.check('allow_negative_stock', 0, { label: 'Allow Negative Stock' }), f.check('show_barcode_field', 1),
    f.check('clean_description_html', 1), f.check('allow_internal_transfer_at_arms_length_price'),
    f.select('action_if_quality_inspection_is_not_submitted', ['Stop', 'Warn'], { default: 'Stop' }),
    f.select('action_if_quality_inspection_is_rejected', ['Stop', 'Warn'], { default: 'Stop' }),
    f.check('enable_stock_reservation', 0, { label: 'Enable Stock Reservation' }), f.check('allow_partial_reservation', 1),
    f.check('auto_reserve_stock_for_sales_order_on_purchase'), f.check('auto_reserve_serial_and_batch', 1),
    f.check('allow_existing_serial_no', 1), f.check('do_not_use_batchwise_valuation'),
    f.check('auto_create_serial_and_batch_bundle_for_outward', 1), f.select('pick_serial_and_batch_based_on', ['FIFO', 'LIFO', 'Expiry'], { default: 'FIFO' }),
    f.check('disable_serial_no_and_batch_selector'), f.check('use_serial_batch_fields', 1),
    f.check('do_not_update_serial_batch_on_creation_of_auto_bundle', 1), f.check('set_serial_and_batch_bundle_naming_based_on_naming_series'),
    f.check('use_naming_series'), f.data('naming_series_prefix', { default: 'BATCH-' }),
    f.check('allow_to_make_quality_inspection_after_purchase_or_delivery'), f.check('auto_indent', 1), f.check('reorder_email_notify'),
    f.check('allow_from_dn'), f.check('allow_from_pr'), f.int('stock_frozen_upto_days'),
  ],
  controller: {
    validate(doc, before) {
      // stock_settings.py validate_warehouses: a group warehouse cannot be the default
      const wh = doc.default_warehouse ? ctx().store.get('Warehouse', cstr(doc.default_warehouse)) : null;
      if (wh?.is_group) {
        erpnextThrow('Group Warehouses cannot be used in transactions. Please change the value of Default Warehouse', 'ValidationError', { title: 'Incorrect Warehouse' });
      }
      if (doc.allow_negative_stock && doc.enable_stock_reservation) {
        erpnextThrow('As <strong>Enable Stock Reservation</strong> is enabled, you can not enable <strong>Allow Negative Stock</strong>.');
      }
      if (before && before.valuation_method !== doc.valuation_method && ctx().store.all('Stock Ledger Entry').length) {
        erpnextThrow("Can't change the valuation method, as there are transactions against some items which do not have its own valuation method");
      }
    },
    onUpdate(doc) {
      setDefaults(doc, ['item_naming_by', 'item_group', 'stock_uom', 'allow_negative_stock', 'default_warehouse']);
    },
  },
};
