import type { Doc } from '../../erpnext/types';
import { ABBREVIATION_RULE } from '../../../shared/shop/abbreviation';
import { type PlanContext, type PlanItem, type Planned, item } from './types';

export interface CompanyState {
  company: Doc | null;
}

function differences(existing: Doc, p: PlanContext): string[] {
  const { currency, country } = p.shop.company;
  const found: string[] = [];
  if (existing.default_currency !== currency) found.push(`its currency is ${String(existing.default_currency)}, the shop file says ${currency}`);
  if (existing.country !== country) found.push(`its country is ${String(existing.country)}, the shop file says ${country}`);
  if (existing.abbr !== p.abbr) found.push(`its abbreviation is ${String(existing.abbr)}, the shop file says ${p.abbr}`);
  return found;
}

/**
 * Step 2: adopt the company when it matches the shop file; a company of that name that differs, or another
 * company holding the abbreviation ("Abbreviation already used for another company", §4.3), is a conflict.
 */
export async function planCompany(p: PlanContext): Promise<Planned<CompanyState>> {
  const { name } = p.shop.company;
  const what = `Company "${name}"`;
  const { company, abbrTakenBy } = await p.reads.company(name, p.abbr);
  let planned: PlanItem;
  if (company) {
    const found = differences(company, p);
    planned = found.length
      ? item('conflict', 'Company', company.name, what, { reason: `A company named "${name}" already exists on the site, but ${found.join('; ')}.`, hint: "Use the existing company's values in the shop form, or give this shop a different company name." })
      : item('adopt', 'Company', company.name, what, { reason: 'exists with the same currency, country and abbreviation' });
  } else if (abbrTakenBy[0]) {
    planned = item('conflict', 'Company', name, what, { reason: `The abbreviation ${p.abbr} is already used by the company "${abbrTakenBy[0].name}".`, hint: `Choose another abbreviation in the shop form (${ABBREVIATION_RULE}, unique on this site), then retry.` });
  } else {
    planned = item('create', 'Company', name, what, { reason: `with the chart of accounts "${p.shop.company.chartOfAccounts}", which ERPNext builds with it` });
  }
  return { items: [planned], state: { company } };
}
