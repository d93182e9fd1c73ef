import { ctx } from '../core/context';
import { insertDoc } from '../core/document';
import type { Doc } from '../core/store';

// What the setup wizard installs before the first company (erpnext/setup/setup_wizard/operations/
// install_fixtures.py install): item groups, UOMs, territories, customer groups, modes of payment,
// the Transit warehouse type and the standard price lists.

const UOMS = [
  'Unit', 'Box', 'Nos', 'Pair', 'Set', 'Dozen', 'Kg', 'Gram', 'Milligram', 'Tonne', 'Pound', 'Ounce', 'Litre', 'Millilitre',
  'Gallon Liquid (US)', 'Meter', 'Centimeter', 'Millimeter', 'Kilometer', 'Inch', 'Foot', 'Yard', 'Mile', 'Square Meter',
  'Square Foot', 'Cubic Meter', 'Hour', 'Minute', 'Second', 'Day', 'Week', 'Month', 'Year', 'Piece', 'Packet', 'Carton',
  'Bottle', 'Can', 'Cup', 'Bag', 'Roll', 'Sheet', 'Percent',
];
const WHOLE_NUMBER_UOMS = new Set(['Unit', 'Box', 'Nos', 'Pair', 'Set', 'Dozen', 'Piece', 'Packet', 'Carton', 'Bottle', 'Can', 'Bag']);

const internal = { ignorePermissions: true };

function ensure(doctype: string, name: string, body: Record<string, unknown>): Doc {
  return ctx().store.get(doctype, name) ?? insertDoc(doctype, body, internal);
}

export function installFixtures(country: string, currency: string): void {
  ensure('Item Group', 'All Item Groups', { item_group_name: 'All Item Groups', is_group: 1 });
  for (const g of ['Products', 'Raw Material', 'Services', 'Sub Assemblies', 'Consumable']) {
    ensure('Item Group', g, { item_group_name: g, parent_item_group: 'All Item Groups' });
  }
  ensure('Warehouse Type', 'Transit', { name: 'Transit' });
  for (const u of UOMS) ensure('UOM', u, { uom_name: u, must_be_whole_number: WHOLE_NUMBER_UOMS.has(u) ? 1 : 0 });
  ensure('Territory', 'All Territories', { territory_name: 'All Territories', is_group: 1 });
  for (const t of [country, 'Rest Of The World'].filter(Boolean)) ensure('Territory', t, { territory_name: t, parent_territory: 'All Territories' });
  ensure('Customer Group', 'All Customer Groups', { customer_group_name: 'All Customer Groups', is_group: 1 });
  for (const g of ['Individual', 'Commercial', 'Non Profit', 'Government']) {
    ensure('Customer Group', g, { customer_group_name: g, parent_customer_group: 'All Customer Groups' });
  }
  const cheque = country === 'United States' ? 'Check' : 'Cheque';
  const modes: [string, string][] = [[cheque, 'Bank'], ['Cash', 'Cash'], ['Credit Card', 'Bank'], ['Wire Transfer', 'Bank'], ['Bank Draft', 'Bank']];
  for (const [name, type] of modes) ensure('Mode of Payment', name, { mode_of_payment: name, type });
  ensure('Price List', 'Standard Buying', { price_list_name: 'Standard Buying', currency, buying: 1 });
  ensure('Price List', 'Standard Selling', { price_list_name: 'Standard Selling', currency, selling: 1 });
}
