/**
 * The columns of a fleet CSV and the shop-file field each fills (README "Fleet files"; example:
 * examples/fleet.csv). An empty cell leaves the field out, so the shop file's default applies.
 */
export interface FleetColumn {
  /** The header as written in examples/fleet.csv. */
  name: string;
  /** The shop-file field it fills (a dotted path, as validation reports it). */
  field: string;
  required: boolean;
  /** How to write it, for the README and for messages. */
  example: string;
}

export const FLEET_COLUMNS: readonly FleetColumn[] = [
  { name: 'company', field: 'company.name', required: true, example: 'Corner Cafe Downtown' },
  { name: 'abbr', field: 'company.abbr', required: false, example: 'CCD' },
  { name: 'country', field: 'company.country', required: true, example: 'United States' },
  { name: 'currency', field: 'company.currency', required: true, example: 'USD' },
  { name: 'chart_of_accounts', field: 'company.chartOfAccounts', required: false, example: 'Standard' },
  { name: 'main_warehouse', field: 'warehouses.main', required: false, example: 'Main Store' },
  { name: 'pos_warehouse', field: 'warehouses.pos', required: false, example: 'POS Store' },
  { name: 'demo_items', field: 'demoItems', required: false, example: 'yes' },
  { name: 'customer', field: 'customer', required: false, example: 'Walk-in Customer' },
  { name: 'pos_profile', field: 'pos.profileName', required: false, example: 'Corner Cafe Downtown Till 1' },
  { name: 'payment_methods', field: 'pos.paymentMethods', required: true, example: 'Cash*;Credit Card' },
  { name: 'cashiers', field: 'pos.cashiers', required: false, example: 'anna@shop.example;ben@shop.example' },
  { name: 'opening_balances', field: 'pos.openingBalances', required: false, example: 'Cash=150' },
];

/** "Payment Methods", "payment-methods" and "payment_methods" are one column; so is its shop-file path. */
export function normalizeHeader(header: string): string {
  return header.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

const BY_HEADER = new Map<string, FleetColumn>(FLEET_COLUMNS.flatMap((column) => [[column.name, column] as const, [column.field.toLowerCase(), column] as const]));

export function columnFor(header: string): FleetColumn | undefined {
  return BY_HEADER.get(normalizeHeader(header));
}

/** The column that holds a field validation complains about ("pos.paymentMethods.1.mode" → payment_methods). */
export function columnOfField(path: string): string | undefined {
  const column = FLEET_COLUMNS.find((c) => path === c.field || path.startsWith(`${c.field}.`));
  if (column) return column.name;
  // A problem with a whole object (e.g. "company" missing) belongs to its first column.
  return FLEET_COLUMNS.find((c) => c.field.startsWith(`${path}.`))?.name;
}
