import type { DocTypeMeta } from '../core/meta';
import { f } from '../core/meta';

// Child tables of Item (erpnext/stock/doctype/item_default, uom_conversion_detail, item_barcode, …).
const child = (name: string, fields: DocTypeMeta['fields']): DocTypeMeta => ({ name, app: 'erpnext', istable: true, perms: [], fields });

export const itemChildren: DocTypeMeta[] = [
  child('Item Default', [
    f.link('company', 'Company', { reqd: true, label: 'Company' }), f.link('default_warehouse', 'Warehouse', { label: 'Default Warehouse' }),
    f.link('default_price_list', 'Price List', { label: 'Default Price List' }), f.link('buying_cost_center', 'Cost Center', { label: 'Default Buying Cost Center' }),
    f.link('expense_account', 'Account', { label: 'Default Expense Account' }), f.link('selling_cost_center', 'Cost Center', { label: 'Default Selling Cost Center' }),
    f.link('income_account', 'Account', { label: 'Default Income Account' }),
  ]),
  child('UOM Conversion Detail', [f.link('uom', 'UOM', { label: 'UOM' }), f.float('conversion_factor', { label: 'Conversion Factor' })]),
  child('Item Barcode', [
    f.data('barcode', { reqd: true, label: 'Barcode' }),
    f.select('barcode_type', ['', 'EAN', 'UPC-A', 'CODE-39', 'EAN-13', 'EAN-8', 'GS1', 'GTIN', 'ISBN', 'ISBN-10', 'ISBN-13', 'ISSN', 'JAN', 'PZN', 'UPC'], { label: 'Barcode Type' }),
    f.link('uom', 'UOM', { label: 'UOM' }),
  ]),
  child('Item Customer Detail', [f.link('customer_name', 'Customer', { label: 'Customer Name' }), f.data('ref_code', { reqd: true, label: 'Ref Code' })]),
  child('Item Variant Attribute', [f.data('attribute', { reqd: true, label: 'Attribute' }), f.data('attribute_value')]),
  child('Item Tax', [f.data('item_tax_template', { reqd: true, label: 'Item Tax Template' }), f.data('tax_category')]),
  child('Item Reorder', [f.link('warehouse', 'Warehouse', { reqd: true, label: 'Request for' }), f.float('warehouse_reorder_level'), f.float('warehouse_reorder_qty')]),
  child('Item Supplier', [f.data('supplier', { reqd: true, label: 'Supplier' }), f.data('supplier_part_no')]),
];
