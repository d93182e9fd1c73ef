import type { Doc } from '../../erpnext/types';
import { CREATE_MODE_CHOICE, type PaymentMethod } from '../../../shared/shop/schema';
import type { FiscalYearFacts, ModeFacts } from '../reads/facts';
import { type FillPlan, fillItem, planFill } from '../singles';
import { walkInCustomer } from './customer';
import { demoGaps } from './demoItems';
import { type MasterPlan, masterItem, planCustomerGroup, planItemGroupRoot, planTerritory, planTransit, planUom } from './masters';
import { DEMO_GROUP, demoItemsOf, paymentType, profileName, sameName } from './names';
import { type PlanContext, type PlanItem, type Planned, item } from './types';

/** The Modes of Payment ERPNext's setup wizard creates [E15:erpnext/setup/setup_wizard/operations/install_fixtures.py]. */
export const WIZARD_MODES = ['Cash', 'Credit Card', 'Wire Transfer', 'Bank Draft', 'Cheque', 'Check'];

export interface ModeState {
  method: PaymentMethod;
  found: ModeFacts | null;
  /** Missing and allowed to be created. */
  create: boolean;
  type: string;
}

export interface PriceListState {
  name: string;
  found: boolean;
}

export interface PlatformState {
  systemSettings: FillPlan | null;
  globalDefaults: FillPlan;
  uom: MasterPlan | null;
  transit: MasterPlan | null;
  itemGroupRoot: MasterPlan | null;
  customerGroup: MasterPlan | null;
  territory: MasterPlan | null;
  priceList: PriceListState;
  modes: ModeState[];
  fiscalYear: FiscalYearFacts | null;
  /** The name a new fiscal year gets: the calendar year, unless that name is taken (a disabled or other-dated year). */
  newFiscalYear: string;
}

function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** System Settings only a System Manager may read: for anyone else they are left as they are. */
async function systemSettings(p: PlanContext): Promise<Doc | null> {
  if (p.setupComplete === null) return null;
  return p.reads.single('System Settings');
}

/**
 * The selling price list in the shop's currency: the one the shop's POS Profile already uses when it fits
 * (read with the profile), else "Standard Selling" when it fits, else any enabled one that does, else a
 * new one — "Standard Selling", or "Standard Selling USD" when that name is taken in another currency.
 */
export async function planPriceList(p: PlanContext): Promise<PriceListState> {
  const { currency } = p.shop.company;
  const linked = (await p.reads.profile(profileName(p.shop)))?.linked?.priceList;
  if (linked?.enabled && linked.currency === currency) return { name: linked.name, found: true };
  const lists = await p.reads.priceLists();
  const fitting = lists.filter((list) => Number(list.selling) && Number(list.enabled) && list.currency === currency);
  const alternative = `Standard Selling ${currency}`;
  const chosen = fitting.find((list) => list.name === 'Standard Selling') ?? fitting.find((list) => list.name === alternative) ?? fitting[0];
  if (chosen) return { name: chosen.name, found: true };
  return { name: lists.some((list) => sameName(list.name, 'Standard Selling')) ? alternative : 'Standard Selling', found: false };
}

async function planModes(p: PlanContext): Promise<ModeState[]> {
  const modes = await p.reads.modes();
  return p.shop.pos.paymentMethods.map((method) => {
    const found = modes.find((mode) => sameName(mode.name, method.mode)) ?? null;
    // A shop file names modes that exist; a new one only when it says so, or where the setup wizard that
    // would have made the usual ones never ran (a bare site has no mode at all).
    const create = !found && (method.create === true || (p.setupComplete === false && WIZARD_MODES.some((name) => sameName(name, method.mode))));
    return { method, found, create, type: found?.type || paymentType(method) };
  });
}

function modeItems(modes: readonly ModeState[], all: readonly ModeFacts[]): PlanItem[] {
  return modes.map(({ method, found, create, type }) => {
    const what = `Mode of Payment "${method.mode}"`;
    if (found) return found.enabled ? item('adopt', 'Mode of Payment', found.name, what) : item('change', 'Mode of Payment', found.name, what, { changes: [{ field: 'enabled', from: 0, to: 1 }] });
    if (create) return item('create', 'Mode of Payment', method.mode, what, { reason: `type ${type}` });
    const existing = all.filter((mode) => mode.enabled).map((mode) => mode.name);
    return item('conflict', 'Mode of Payment', method.mode, what, {
      reason: `The payment method "${method.mode}" does not exist in ERPNext. Modes of Payment on the site: ${existing.length ? existing.join(', ') : 'none'}.`,
      hint: `Use one of them, or have "${method.mode}" created: tick "${CREATE_MODE_CHOICE}" in the shop form ("create": true in a shop file, a + after the name in a fleet CSV).`,
    });
  });
}

/**
 * Step 1: the masters later steps rely on, where the setup wizard has not made them, and the Singles' unset
 * fields. Every read that depends on no other goes out at once; each master is looked for as soon as what
 * decides whether this shop still needs it has come back (nothing is read for a need that is met).
 */
export async function planPlatform(p: PlanContext): Promise<Planned<PlatformState>> {
  const { country, currency } = p.shop.company;
  const date = p.today;
  const year = date.slice(0, 4);
  const codes = demoItemsOf(p.shop, p.abbr).map((demo) => demo.code);
  // Reads that others wait for go first (the site's limit lets a few out at a time): the profile (the price
  // list and the customer it points at), the demo prices (then the items), the company (then Transit).
  const priceListP = planPriceList(p);
  if (codes.length) void p.reads.prices(codes).catch(() => undefined);
  const customerP = walkInCustomer(p);
  const companyP = p.reads.company(p.shop.company.name, p.abbr);
  const sellingP = p.reads.single('Selling Settings');
  const stockP = p.reads.single('Stock Settings');
  const yearsP = p.reads.fiscalYears(date);
  const demoP = priceListP.then((list) => demoGaps(p, list.name));
  // A shop without its POS Profile is being set up (a fresh site, or an interrupted run): the masters it
  // will most likely need are read at once, beside what decides whether it needs them (still decided exactly).
  void p.reads.profile(profileName(p.shop)).then((profile) => {
    if (profile) return;
    void Promise.allSettled([planCustomerGroup(p), planTerritory(p), ...(codes.length ? [planUom(p), planItemGroupRoot(p, [DEMO_GROUP])] : [])]);
  }, () => undefined);
  const needsCustomerMasters = Promise.all([customerP, sellingP]).then(([customer, selling]) => !customer.found || !selling.customer_group || !selling.territory);
  const [settings, globals, priceList, modes, years, uom, transit, itemGroupRoot, customerGroup, territory, yearTaken] = await Promise.all([
    systemSettings(p),
    p.reads.single('Global Defaults'),
    priceListP,
    planModes(p),
    yearsP,
    Promise.all([demoP, stockP]).then(([demo, stock]) => (demo.items || !stock.stock_uom ? planUom(p) : null)),
    companyP.then(({ company }) => (company ? null : planTransit(p))),
    demoP.then((demo) => (demo.group ? planItemGroupRoot(p, [DEMO_GROUP]) : null)),
    needsCustomerMasters.then((needed) => (needed ? planCustomerGroup(p) : null)),
    needsCustomerMasters.then((needed) => (needed ? planTerritory(p) : null)),
    yearsP.then((found) => (found.length === 0 ? p.reads.record('Fiscal Year', year) : null)),
  ]);
  const state: PlatformState = {
    systemSettings: settings && planFill('System Settings', settings, { country, time_zone: localTimeZone(), language: 'en' }),
    globalDefaults: planFill('Global Defaults', globals, { default_currency: currency, country }),
    uom,
    transit,
    itemGroupRoot,
    customerGroup,
    territory,
    priceList,
    modes,
    fiscalYear: years[0] ?? null,
    newFiscalYear: yearTaken ? `${year} (POS)` : year,
  };
  const masters = [uom, transit, itemGroupRoot, customerGroup?.parent, customerGroup, territory].filter((m): m is MasterPlan => Boolean(m));
  const items: PlanItem[] = [
    ...(state.systemSettings ? [fillItem(state.systemSettings)] : []),
    fillItem(state.globalDefaults),
    ...masters.map(masterItem),
    item(priceList.found ? 'adopt' : 'create', 'Price List', priceList.name, `Price List "${priceList.name}"`, priceList.found ? {} : { reason: `selling, in ${currency}` }),
    ...modeItems(modes, await p.reads.modes()),
    state.fiscalYear
      ? item('adopt', 'Fiscal Year', state.fiscalYear.name, `Fiscal Year covering ${date}`)
      : item('create', 'Fiscal Year', state.newFiscalYear, `Fiscal Year covering ${date}`, { reason: `${year}-01-01 to ${year}-12-31` }),
  ];
  return { items, state };
}
