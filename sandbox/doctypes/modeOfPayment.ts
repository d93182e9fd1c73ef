import { ctx } from '../core/context';
import { erpnextThrow } from '../core/errors';
import type { DocTypeMeta } from '../core/meta';
import { f } from '../core/meta';
import type { Doc } from '../core/store';
import { bold, cint, cstr } from '../core/util';
import { perms } from './roles';

// erpnext/accounts/doctype/mode_of_payment/mode_of_payment.py (validate_accounts, validate_repeating_companies,
// validate_pos_mode_of_payment).

export const modeOfPaymentAccount: DocTypeMeta = {
  name: 'Mode of Payment Account', app: 'erpnext', istable: true, perms: [],
  fields: [f.link('company', 'Company', { label: 'Company' }), f.link('default_account', 'Account', { label: 'Default Account' })],
};

export const modeOfPayment: DocTypeMeta = {
  name: 'Mode of Payment', app: 'erpnext', autoname: 'field:mode_of_payment', perms: perms.modeOfPayment,
  fields: [
    f.data('mode_of_payment', { reqd: true, label: 'Mode of Payment' }), f.check('enabled', 1, { label: 'Enabled' }),
    f.select('type', ['Cash', 'Bank', 'General', 'Phone'], { label: 'Type' }),
    f.table('accounts', 'Mode of Payment Account', { label: 'Accounts' }),
  ],
  controller: {
    validate(doc) {
      const rows = doc.accounts as Doc[];
      for (const row of rows) {
        const company = row.default_account ? ctx().store.get('Account', cstr(row.default_account))?.company : null;
        if (company !== row.company) {
          erpnextThrow(`Account ${row.default_account ?? 'None'} does not match with Company ${row.company ?? 'None'} in Mode of Account: ${doc.name}`);
        }
      }
      const companies = rows.map((r) => r.company);
      if (new Set(companies).size !== companies.length) erpnextThrow('Same Company is entered more than once');
      if (!cint(doc.enabled)) {
        const profiles = ctx().store.all('POS Profile').filter((p) => (p.payments as Doc[]).some((r) => r.mode_of_payment === doc.name)).map((p) => p.name);
        if (profiles.length) {
          erpnextThrow(`POS Profile ${bold(profiles.join(', '))} contains Mode of Payment ${bold(doc.name)}. Please remove them to disable this mode.`, 'ValidationError', { title: 'Not Allowed' });
        }
      }
    },
  },
};

/** get_link_to_form("Mode of Payment", name) as ERPNext renders it into messages. */
export function modeOfPaymentLink(name: string): string {
  return `<a href="${ctx().siteUrl}/app/mode-of-payment/${encodeURIComponent(name)}">${name}</a>`;
}

/** Modes among `modes` without a Mode of Payment Account row for `company` → the "Missing Account" throw. */
export function checkModeAccounts(modes: string[], company: unknown): void {
  const invalid = modes.filter((mode) => {
    const mop = ctx().store.get('Mode of Payment', mode);
    return !((mop?.accounts as Doc[] | undefined) ?? []).some((r) => r.company === company && r.default_account);
  });
  if (invalid.length) {
    // erpnext compares the list with 1, so the plural wording is always used
    erpnextThrow(`Please set default Cash or Bank account in Mode of Payments ${invalid.map(modeOfPaymentLink).join(', ')}`, 'ValidationError', { title: 'Missing Account' });
  }
}
