import { ABBREVIATION_RULE } from '../shop/abbreviation';
import type { FriendlyText } from './catalog';

/**
 * ERPNext validation messages the provisioning steps can meet (CONTRACT.md §3.5, §4.x), matched on
 * ERPNext's own text with HTML stripped. `{1}`, `{2}` … are replaced by the pattern's groups.
 * First match wins, so specific rows come before generic ones.
 */
export interface ErpnextMessageRule extends FriendlyText {
  id: string;
  pattern: RegExp;
}

export const ERPNEXT_MESSAGES: readonly ErpnextMessageRule[] = [
  {
    id: 'company_abbr_used',
    pattern: /Abbreviation already used for another company/i,
    message: 'Another company in ERPNext already uses this abbreviation.',
    hint: `Pick a different abbreviation in the shop form (${ABBREVIATION_RULE}, not used by another company on the site).`,
  },
  {
    id: 'company_abbr_mandatory',
    pattern: /Abbreviation is mandatory/i,
    message: 'The company abbreviation is empty.',
    hint: `Enter an abbreviation of ${ABBREVIATION_RULE} in the shop form.`,
  },
  {
    id: 'company_currency_locked',
    pattern: /Cannot change company's default currency/i,
    message: 'The company already has transactions, so its currency cannot change.',
    hint: 'Use the currency the company already has in the shop form, or provision a new company.',
  },
  {
    id: 'country_defaults_failed',
    pattern: /Failed to setup defaults for country (.+?)\./i,
    message: 'ERPNext could not install the regional defaults for {1}.',
    hint: 'Ask the ERPNext administrator to check the error log; meanwhile try the "Standard" chart of accounts.',
  },
  {
    id: 'setup_wizard_missing_transit',
    pattern: /Could not find Warehouse Type: Transit/i,
    message: "ERPNext's setup wizard has not been completed on this site, so basic records are missing.",
    hint: 'Retry all: the platform setup step creates the missing records. Or finish the setup wizard in ERPNext first.',
  },
  {
    id: 'link_currency',
    pattern: /Could not find (?:Default )?Currency: (.+)/i,
    message: 'ERPNext does not know the currency "{1}".',
    hint: 'Use an ISO currency code such as USD, EUR or KES in the shop form.',
  },
  {
    id: 'mop_missing_account',
    pattern: /Please set default Cash or Bank account in Mode of Payments? (.+)/i,
    message: 'A payment method has no account for this company: {1}.',
    hint: 'Continue the run: the POS Profile step adds an account row for this company to each payment method. In ERPNext: Mode of Payment > Accounts > add the company.',
  },
  {
    id: 'pos_one_default_payment',
    pattern: /You can only select one mode of payment as default/i,
    message: 'More than one payment method is marked as the default.',
    hint: 'Mark exactly one payment method as default in the shop form.',
  },
  {
    id: 'pos_no_default_payment',
    pattern: /Please select a default mode of payment/i,
    message: 'No payment method is marked as the default.',
    hint: 'Mark exactly one payment method as default in the shop form.',
  },
  {
    id: 'pos_no_payments',
    pattern: /Payment methods are mandatory/i,
    message: 'The POS Profile has no payment method.',
    hint: 'Add at least one payment method (for example Cash) in the shop form.',
  },
  {
    id: 'pos_default_user_taken',
    pattern: /Already set default in pos profile (.+?) for user (.+?), kindly disabled default/i,
    message: 'The cashier {2} already has another default POS Profile ({1}) for this company.',
    hint: 'In ERPNext open POS Profile {1} and untick "Default" for {2}, or use another cashier, then continue.',
  },
  {
    id: 'pos_profile_other_company',
    pattern: /POS Profile (.+?) does not belongs? to company (.+)/i,
    message: 'The POS Profile {1} belongs to another company than {2}.',
    hint: 'Use a POS Profile name that is unique to this shop in the shop form.',
  },
  {
    id: 'pos_profile_cannot_disable',
    pattern: /cannot be disabled as there are ongoing POS sessions/i,
    message: 'The POS Profile has an open POS session.',
    hint: 'Close the POS session in ERPNext (POS Closing Entry) before changing the profile.',
  },
  {
    id: 'pos_opening_exists',
    pattern: /is open\. Close the POS or cancel the existing POS Opening Entry/i,
    message: 'A POS session is already open for this profile.',
    hint: 'Nothing to do if it is the shop\'s session; otherwise close it in ERPNext and continue.',
  },
  {
    id: 'pos_cashier_assigned',
    pattern: /Cashier is currently assigned to another POS/i,
    message: 'The cashier already has an open session on another till.',
    hint: 'Close that session in ERPNext or pick another cashier, then continue.',
  },
  {
    id: 'pos_cashier_disabled',
    pattern: /User (.+?) is disabled\. Please select valid user\/cashier/i,
    message: 'The cashier account {1} is disabled in ERPNext.',
    hint: 'Enable the user in ERPNext (User > Enabled) or choose another cashier.',
  },
  {
    id: 'not_belong_company',
    pattern: /(.+?) does not belong to Company (.+)/i,
    message: '{1} belongs to another company than {2}.',
    hint: "Continue the run: the app looks up this company's own records. If it repeats, check the names in the shop form.",
  },
  {
    id: 'item_price_duplicate',
    pattern: /Item Price appears multiple times/i,
    message: 'This item already has a price in this price list.',
    hint: 'Continue the run: the app updates the existing price instead of adding another.',
  },
  {
    id: 'price_list_disabled',
    pattern: /The price list (.+?) does not exist or is disabled/i,
    message: 'The price list {1} is missing or disabled.',
    hint: 'Enable the price list in ERPNext (Price List > Enabled), then continue.',
  },
  {
    id: 'price_list_not_selling',
    pattern: /Price List must be applicable for Buying or Selling/i,
    message: 'The price list is neither for selling nor for buying.',
    hint: 'Tick "Selling" on the price list in ERPNext, then continue.',
  },
  {
    id: 'valuation_rate_needed',
    pattern: /Valuation Rate is mandatory if Opening Stock entered/i,
    message: 'An item with opening stock needs a price to value it.',
    hint: 'Give each demo item with an opening quantity a price above zero.',
  },
  {
    id: 'invalid_barcode',
    pattern: /Barcode (.+?) is not a valid (.+?) code/i,
    message: 'The barcode {1} is not a valid {2} code.',
    hint: 'Fix the barcode (check digit included) or leave it empty.',
  },
  {
    id: 'customer_group_name_clash',
    pattern: /A Customer Group exists with same name/i,
    message: 'The walk-in customer has the same name as a Customer Group.',
    hint: 'Give the walk-in customer another name in the shop form (for example "Walk-in Customer").',
  },
  {
    id: 'customer_group_is_group',
    pattern: /Cannot select a Group type Customer Group/i,
    message: 'The customer group chosen is a folder (group), not a usable group.',
    hint: 'Pick a non-group Customer Group such as "Individual".',
  },
  {
    id: 'fiscal_year_missing',
    pattern: /is not in any active Fiscal Year/i,
    message: 'No active fiscal year covers today for this company.',
    hint: 'Retry all: the platform setup step creates the fiscal year. In ERPNext: Accounting > Fiscal Year.',
  },
  {
    id: 'mop_same_company_twice',
    pattern: /Same Company is entered more than once/i,
    message: 'A payment method has two account rows for the same company.',
    hint: 'In ERPNext open the Mode of Payment and delete the extra row for this company, then continue.',
  },
  {
    id: 'mop_account_company',
    pattern: /Account (.+?) does not match with Company (.+?) in Mode of Account/i,
    message: 'The account {1} does not belong to {2}.',
    hint: "Continue the run: the app picks this company's own cash or bank account.",
  },
  {
    id: 'group_warehouse',
    pattern: /Group Warehouses cannot be used in transactions/i,
    message: 'A warehouse folder (group) was chosen where a real warehouse is needed.',
    hint: 'Continue the run: the app uses the POS Store warehouse. In ERPNext, pick a non-group warehouse in Stock Settings.',
  },
  {
    id: 'valuation_method_locked',
    pattern: /Can't change the valuation method/i,
    message: 'The stock valuation method cannot change because the site already has stock transactions.',
    hint: 'Keep the site\'s current valuation method; the app leaves it as it is.',
  },
  {
    id: 'accounting_dimension',
    pattern: /(.+?) is a mandatory Accounting Dimension/i,
    message: 'This site requires the accounting dimension {1} on every document.',
    hint: 'Set a default for {1} in ERPNext (Accounting Dimension > Defaults) for this company, then continue.',
  },
  {
    id: 'item_defaults_company',
    pattern: /doesn't belong to Company (.+?)\. Please select valid/i,
    message: "An item's default warehouse or account belongs to another company than {1}.",
    hint: 'Continue the run: the app sets item defaults with this company\'s POS Store.',
  },
  {
    id: 'document_name_missing',
    pattern: /Please set the document name/i,
    message: 'The POS Profile needs a name.',
    hint: 'Enter a POS Profile name in the shop form.',
  },
  {
    id: 'mandatory_table',
    pattern: /Data missing in table: (.+)/i,
    message: 'ERPNext needs at least one row in "{1}".',
    hint: 'Fill "{1}" in the shop form, then continue.',
  },
  {
    id: 'mandatory_field',
    pattern: /Value missing for(?: (.+?))?: (.+)/i,
    message: 'ERPNext needs a value for "{2}".',
    hint: 'Fill "{2}" in the shop form or in ERPNext, then continue.',
  },
  {
    id: 'modified_meanwhile',
    pattern: /Document has been modified after you have opened it/i,
    message: 'Someone changed the same record in ERPNext at the same time.',
    hint: 'Continue the run: the app reads the latest version and applies only what is missing.',
  },
  {
    id: 'linked_elsewhere',
    pattern: /Cannot delete or cancel because (.+?) is linked with (.+)/i,
    message: '{1} is still used by {2}.',
    hint: 'Nothing was removed. Remove the link in ERPNext first if you really want to delete it.',
  },
  {
    id: 'no_role_permission',
    pattern: /User (.+?) does not have doctype access via role permission for document (.+)/i,
    message: 'The API user {1} is not allowed to create or change {2}.',
    hint: 'In ERPNext give {1} the role that manages {2} (see the engine check for the exact list), then continue.',
  },
  {
    id: 'insufficient_permission',
    pattern: /Insufficient Permission for (.+?) \((.+?)\)/i,
    message: 'The API user may not {2} {1}.',
    hint: 'Give the API user the role that allows {2} on {1} in ERPNext, then continue.',
  },
  {
    id: 'no_permission',
    pattern: /No permission for (.+)/i,
    message: 'The API user cannot read or change {1}.',
    hint: 'Give the API user a role with access to {1} in ERPNext, then continue.',
  },
  {
    id: 'method_missing',
    pattern: /Failed to get method for command (\S+)/i,
    message: 'This ERPNext site does not have the function {1}.',
    hint: 'The site may run an older or customised ERPNext. The app needs ERPNext 14 or newer.',
  },
  {
    id: 'read_only_mode',
    pattern: /Site is running in read only mode/i,
    message: 'The ERPNext site is in read-only maintenance mode.',
    hint: 'Wait for the maintenance to end; the run continues by itself.',
  },
  {
    id: 'link_missing_generic',
    pattern: /Could not find (?:Row #\d+: )?(.+?): (.+)/i,
    message: 'ERPNext cannot find the {1} "{2}".',
    hint: 'Create {1} "{2}" in ERPNext or choose an existing one in the shop form, then continue.',
  },
];

/**
 * The friendly text for ERPNext's message(s), or undefined when no row matches. With several texts
 * (an error's main message plus its other notes) the most specific row wins: rows are in priority order.
 */
export function matchErpnextMessage(serverMessages: string | readonly string[]): (FriendlyText & { id: string }) | undefined {
  const texts = typeof serverMessages === 'string' ? [serverMessages] : serverMessages;
  for (const rule of ERPNEXT_MESSAGES) {
    const match = texts.map((text) => rule.pattern.exec(text)).find(Boolean);
    if (!match) continue;
    const fill = (text: string) => text.replace(/\{(\d)\}/g, (_, i: string) => (match[Number(i)] ?? '').trim());
    return { id: rule.id, message: fill(rule.message), hint: fill(rule.hint) };
  }
  return undefined;
}
