import { describe, expect, it } from 'vitest';
import { ERROR_TEXT, ErrorCode, describeError, matchErpnextMessage } from '../../../shared/errors';

describe('friendly error catalog', () => {
  it('has a message and a concrete hint for every error code', () => {
    for (const code of Object.values(ErrorCode)) {
      expect(ERROR_TEXT[code].message.length, code).toBeGreaterThan(15);
      expect(ERROR_TEXT[code].hint.length, code).toBeGreaterThan(15);
    }
  });

  it.each([
    ['Abbreviation already used for another company', 'company_abbr_used'],
    ['Could not find Warehouse Type: Transit', 'setup_wizard_missing_transit'],
    ['Could not find Default Currency: XXX', 'link_currency'],
    ['Please set default Cash or Bank account in Mode of Payments Wire Transfer', 'mop_missing_account'],
    ['You can only select one mode of payment as default', 'pos_one_default_payment'],
    ['Payment methods are mandatory. Please add at least one payment method.', 'pos_no_payments'],
    ['Already set default in pos profile PS1 Main Till for user Administrator, kindly disabled default', 'pos_default_user_taken'],
    ['POS Profile Probe Till does not belongs to company Lab HQ', 'pos_profile_other_company'],
    ['Item Price appears multiple times based on Price List, Supplier/Customer, Currency, Item, Batch, UOM, Qty, and Dates.', 'item_price_duplicate'],
    ['A Customer Group exists with same name please change the Customer name or rename the Customer Group', 'customer_group_name_clash'],
    ['Date 2026-11-28 is not in any active Fiscal Year for Corner Cafe', 'fiscal_year_missing'],
    ['User provisioner@erplab.test does not have doctype access via role permission for document Item Price', 'no_role_permission'],
    ['Same Company is entered more than once', 'mop_same_company_twice'],
    ['Error: Value missing for POS Profile: Write Off Account', 'mandatory_field'],
    ['Error: Data missing in table: Opening Balance Details', 'mandatory_table'],
    ['Could not find Item Group: All Item Groups, Default Unit of Measure: Nos', 'link_missing_generic'],
    ["Failed to get method for command erpnext.no_such.method with No module named 'erpnext.no_such'", 'method_missing'],
    ['Barcode 1234567890123 is not a valid EAN code', 'invalid_barcode'],
    ['Please set the document name', 'document_name_missing'],
  ])('%s → %s', (text, id) => {
    expect(matchErpnextMessage(text)?.id).toBe(id);
  });

  it('fills the names ERPNext gave into our sentence', () => {
    const text = describeError('permission_denied', 'User provisioner@erplab.test does not have doctype access via role permission for document Item Price');
    expect(text.message).toBe('The API user provisioner@erplab.test is not allowed to create or change Item Price.');
    expect(text.hint).toMatch(/give provisioner@erplab.test the role that manages Item Price/i);
  });

  it('falls back to the code row when ERPNext says nothing we know', () => {
    expect(describeError('server_error', 'list index out of range')).toEqual(ERROR_TEXT.server_error);
    expect(describeError('auth_failed')).toEqual(ERROR_TEXT.auth_failed);
  });
});
