import { FindingKind, type Finding } from '../../../shared/doctor';
import { StepId } from '../../../shared/steps/catalog';
import { planModesFor } from '../plan/payments';
import { profileName, sameName } from '../plan/names';
import type { PlanContext } from '../plan/types';
import type { ProfileFacts } from '../reads/facts';
import { Severity, manual, repairable } from './finding';

const REPAIR_PROFILE = 'Repair enables it again (the POS Profile step).';

function defaultMode(p: PlanContext): string {
  const methods = p.shop.pos.paymentMethods;
  return (methods.find((m) => m.default) ?? methods[0])!.mode;
}

/** The shop's payment methods the profile no longer offers, and each mode's account for this company. */
async function paymentFindings(p: PlanContext, profile: ProfileFacts, what: string): Promise<Finding[]> {
  const company = p.shop.company.name;
  const wantedDefault = defaultMode(p);
  const findings: Finding[] = [];
  for (const mode of await planModesFor(p)) {
    const isDefault = sameName(mode.mode, wantedDefault);
    if (!profile.payments.some((row) => sameName(row.mode_of_payment, mode.mode))) {
      findings.push(repairable(FindingKind.PaymentRowMissing, Severity.Degrades, what, `The payment method ${mode.mode}${isDefault ? ' (the shop\'s default payment)' : ''} is no longer on the POS Profile: the till cannot take ${mode.mode}.`, `Repair adds the ${mode.mode} row back (the POS Profile step).`, StepId.PosProfile));
    }
    if (mode.found && !mode.found.accounts.some((row) => row.company === company)) {
      const severity = isDefault ? Severity.BlocksSelling : Severity.Degrades;
      findings.push(repairable(FindingKind.ModeAccountMissing, severity, `Mode of Payment "${mode.mode}"`, `${mode.mode} has no account for ${company}: ERPNext refuses a sale paid by ${mode.mode} ("Please set default Cash or Bank account in Mode of Payment").`, `Repair gives ${mode.mode} its account for ${company} again (the POS Profile step).`, StepId.PosProfile));
    }
  }
  const defaults = profile.payments.filter((row) => row.default);
  if (defaults.length !== 1) {
    findings.push(manual(FindingKind.NoDefaultPayment, Severity.BlocksSelling, what, `The POS Profile has ${defaults.length} default payment methods; ERPNext needs exactly one.`, `In ERPNext open POS Profile "${profile.doc.name}" > Payments and tick Default on ${wantedDefault} only.`));
  } else if (!sameName(defaults[0]!.mode_of_payment, wantedDefault)) {
    // Someone may have chosen another default on purpose: told, never changed back by Repair.
    findings.push(manual(FindingKind.DefaultPaymentChanged, Severity.Info, what, `The default payment is now ${defaults[0]!.mode_of_payment}; the shop was set up with ${wantedDefault}.`, `If that was not on purpose, open POS Profile "${profile.doc.name}" > Payments in ERPNext and tick Default on ${wantedDefault} only.`));
  }
  return findings;
}

/** What the profile links to: the price list in the till's currency, the walk-in customer enabled. */
function linkFindings(p: PlanContext, profile: ProfileFacts): Finding[] {
  const list = profile.linked?.priceList;
  const customer = profile.linked?.customer;
  const currency = String(profile.doc.currency);
  const findings: Finding[] = [];
  if (list && list.currency !== currency) {
    findings.push(manual(FindingKind.PriceListCurrency, Severity.Degrades, `Price List "${list.name}"`, `The price list ${list.name} is now in ${list.currency}, the till sells in ${currency}: prices are converted or missing.`, `In ERPNext open Selling > Price List > ${list.name} and set Currency back to ${currency} (other shops may use this list: check with the site's owner), or pick a ${currency} price list on the POS Profile.`));
  }
  if (list && !list.enabled) {
    findings.push(manual(FindingKind.PriceListDisabled, Severity.Degrades, `Price List "${list.name}"`, `The price list ${list.name} is disabled: the till finds no prices.`, `In ERPNext open Selling > Price List > ${list.name} and untick Disabled.`));
  }
  if (customer?.disabled) {
    findings.push(repairable(FindingKind.CustomerDisabled, Severity.BlocksSelling, `Customer "${customer.name}"`, `The walk-in customer ${customer.name} is disabled: ERPNext refuses a sale to it.`, 'Repair enables it again (the walk-in customer step).', StepId.Customer));
  }
  return findings;
}

/** The POS Profile as the till needs it: present, enabled, every payment method with its account, sane links. */
export async function profileFindings(p: PlanContext): Promise<Finding[]> {
  const name = profileName(p.shop);
  const what = `POS Profile "${name}"`;
  const profile = await p.reads.profile(name);
  if (!profile) return [repairable(FindingKind.ProfileMissing, Severity.BlocksSelling, what, `The POS Profile ${name} no longer exists.`, 'Repair creates it again, with a session for the cashier (the POS Profile and POS session steps).', StepId.PosProfile)];
  const findings: Finding[] = [];
  if (Number(profile.doc.disabled)) findings.push(repairable(FindingKind.ProfileDisabled, Severity.BlocksSelling, what, `The POS Profile ${name} is disabled: the till will not open.`, REPAIR_PROFILE, StepId.PosProfile));
  return [...findings, ...(await paymentFindings(p, profile, what)), ...linkFindings(p, profile)];
}
