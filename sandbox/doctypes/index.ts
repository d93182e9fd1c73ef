import { register } from '../core/registry';
import { account, costCenter } from './account';
import { company } from './company';
import { customer, customerChildren } from './customer';
import { frappeDoctypes } from './frappeCore';
import { item } from './item';
import { itemChildren } from './itemChildren';
import { itemPrice } from './itemPrice';
import { customerGroup, fiscalYear, fiscalYearCompany, itemGroup, priceList, territory, uom } from './masters';
import { modeOfPayment, modeOfPaymentAccount } from './modeOfPayment';
import { posInvoice, posInvoiceChildren } from './posInvoice';
import { posClosingEntry, posClosingEntryChildren } from './posClosingEntry';
import { posOpeningEntry, posOpeningEntryDetail } from './posOpeningEntry';
import { posProfile, posProfileChildren } from './posProfile';
import { globalDefaults, sellingSettings, stockSettings } from './settings';
import { stockEntry, stockEntryDetail } from './stockEntry';
import { bin, stockLedgerEntry } from './stockLedger';
import { transactionDeletionRecord, transactionDeletionRecordDetails, transactionDeletionRecordItem } from './transactionDeletion';
import { warehouse, warehouseType } from './warehouse';

let registered = false;

/** Registration order matters only for which linked document a LinkExistsError names first (v02). */
export function registerDoctypes(): void {
  if (registered) return;
  registered = true;
  register(
    ...frappeDoctypes, company, account, costCenter, fiscalYear, fiscalYearCompany, warehouseType, posProfile, ...posProfileChildren,
    posOpeningEntry, posOpeningEntryDetail, warehouse, itemGroup, uom, priceList, customerGroup, territory, customer, ...customerChildren,
    modeOfPayment, modeOfPaymentAccount, item, ...itemChildren, itemPrice, stockEntry, stockEntryDetail, stockLedgerEntry, bin, posInvoice, ...posInvoiceChildren, posClosingEntry, ...posClosingEntryChildren,
    transactionDeletionRecord, transactionDeletionRecordDetails, transactionDeletionRecordItem,
    globalDefaults, sellingSettings, stockSettings,
  );
}
