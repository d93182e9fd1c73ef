import type { Perm } from '../core/meta';
import { full, readOnly } from '../core/meta';

// Standard roles and DocPerms shipped in the ERPNext/Frappe DocType JSONs (CONTRACT §5).
export const ALL_ROLES = [
  'Administrator', 'System Manager', 'Accounts Manager', 'Accounts User', 'Stock Manager', 'Stock User',
  'Sales Manager', 'Sales User', 'Sales Master Manager', 'Item Manager', 'Purchase Manager', 'Purchase User',
  'Purchase Master Manager', 'Manufacturing Manager', 'Manufacturing User', 'Auditor', 'Maintenance User',
  'Projects User', 'HR User', 'Website Manager', 'Desk User', 'All', 'Guest',
];

export const PROVISIONER_ROLES = [
  'System Manager', 'Accounts Manager', 'Stock Manager', 'Sales Manager', 'Item Manager', 'Sales User',
  'Accounts User', 'Stock User', 'Sales Master Manager',
];

const TRADERS = ['Accounts User', 'Sales User', 'Purchase User', 'Stock User', 'Stock Manager', 'Sales Manager'];

export const perms = {
  systemOnly: [full('System Manager')],
  company: [full('System Manager'), full('Accounts Manager'), ...readOnly(...TRADERS, 'Item Manager', 'Sales Master Manager', 'Projects User')],
  account: [full('Accounts Manager'), { role: 'Accounts User', read: true, write: true, create: true }, ...readOnly('Auditor', 'Sales User', 'Purchase User', 'Stock User')],
  costCenter: [full('Accounts Manager'), ...readOnly('Accounts User', 'Sales User', 'Purchase User', 'Stock User')],
  fiscalYear: [full('System Manager'), ...readOnly('Accounts Manager', ...TRADERS)],
  warehouse: [full('Item Manager'), ...readOnly(...TRADERS, 'Manufacturing User')],
  warehouseType: [full('System Manager'), full('Item Manager'), full('Stock Manager'), ...readOnly('Stock User')],
  stockSettings: [{ role: 'Stock Manager', read: true, write: true }],
  sellingSettings: [{ role: 'System Manager', read: true, write: true }, { role: 'Sales Manager', read: true, write: true }],
  item: [full('Item Manager'), ...readOnly(...TRADERS, 'Manufacturing User', 'Sales Master Manager')],
  priceList: [full('Sales Master Manager'), full('Purchase Master Manager'), ...readOnly(...TRADERS, 'Item Manager')],
  customer: [
    { role: 'Sales User', read: true, write: true, create: true },
    full('Sales Master Manager'),
    ...readOnly('Sales Manager', 'Accounts User', 'Accounts Manager', 'Stock User'),
  ],
  salesMaster: [full('Sales Master Manager'), ...readOnly(...TRADERS)],
  modeOfPayment: [full('Accounts Manager'), ...readOnly('Accounts User', 'Sales User', 'Purchase User')],
  posProfile: [full('Accounts Manager'), ...readOnly('Accounts User', 'Sales User')],
  posOpening: [
    { role: 'System Manager', read: true, write: true, create: true, delete: true, submit: true, cancel: true },
    { role: 'Sales Manager', read: true, write: true, create: true, submit: true, cancel: true },
    ...readOnly('Accounts Manager', 'Accounts User', 'Sales User'),
  ],
  stockEntry: [
    { role: 'Stock User', read: true, write: true, create: true, submit: true, cancel: true },
    { role: 'Stock Manager', read: true, write: true, create: true, delete: true, submit: true, cancel: true },
  ],
  // transaction_deletion_record.json: System Manager only, no cancel
  transactionDeletion: [{ role: 'System Manager', read: true, write: true, create: true, delete: true, submit: true }],
  readAll: readOnly('All') as Perm[],
};
