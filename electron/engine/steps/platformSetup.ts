import type { Doc } from '../../erpnext/types';
import { ErpNextError } from '../../erpnext/errors';
import { StepId } from '../../../shared/steps/catalog';
import { ensureRecord, noteChange } from '../ensure';
import { fillUnset } from '../singles';
import type { StepBody, StepContext } from '../stepContext';

/** Finds the root of a tree doctype (no parent), creating it under its standard name when missing. */
async function ensureTreeRoot(ctx: StepContext, doctype: string, parentField: string, nameField: string, rootName: string): Promise<string> {
  const { record } = await ensureRecord(ctx, {
    what: `${doctype} "${rootName}"`,
    find: async () => (await ctx.client.list(doctype, { filters: [['is_group', '=', 1], [parentField, 'is', 'not set']], orderBy: 'lft asc', limitPageLength: 1 }))[0] ?? null,
    create: () => ctx.client.insert(doctype, { [nameField]: rootName, is_group: 1 }),
  });
  return record.name;
}

async function ensureLeaf(ctx: StepContext, doctype: string, parentField: string, nameField: string, preferred: string, root: string): Promise<string> {
  const { record } = await ensureRecord(ctx, {
    what: `${doctype} "${preferred}"`,
    find: async () => {
      const named = await ctx.client.findDoc(doctype, preferred);
      if (named && !named.is_group) return named;
      return (await ctx.client.list(doctype, { filters: { is_group: 0 }, orderBy: 'lft asc', limitPageLength: 1 }))[0] ?? null;
    },
    create: () => ctx.client.insert(doctype, { [nameField]: preferred, is_group: 0, [parentField]: root }),
  });
  return record.name;
}

/** A selling price list in the shop currency: "Standard Selling" when it fits, else any that does. */
async function ensurePriceList(ctx: StepContext): Promise<string> {
  const currency = ctx.shop.company.currency;
  const name = `Standard Selling ${currency}`;
  const { record } = await ensureRecord(ctx, {
    what: `Price List "${name}"`,
    find: async () => {
      const lists = await ctx.client.list('Price List', { fields: ['name', 'currency'], filters: { selling: 1, enabled: 1, currency }, orderBy: 'creation asc', limitPageLength: 0 });
      return lists.find((l) => l.name === 'Standard Selling') ?? lists.find((l) => l.name === name) ?? lists[0] ?? null;
    },
    create: async () => {
      // On a bare site the usual name is free; elsewhere "Standard Selling" may exist in another currency.
      const taken = await ctx.client.findDoc('Price List', 'Standard Selling');
      return ctx.client.insert('Price List', { price_list_name: taken ? name : 'Standard Selling', currency, selling: 1, buying: 0, enabled: 1 });
    },
  });
  return record.name;
}

function paymentType(mode: string, declared?: string): string {
  if (declared) return declared;
  return /^cash$/i.test(mode) ? 'Cash' : 'Bank';
}

async function ensureModesOfPayment(ctx: StepContext): Promise<{ mode: string; type: string }[]> {
  const modes: { mode: string; type: string }[] = [];
  for (const method of ctx.shop.pos.paymentMethods) {
    const { record } = await ensureRecord<Doc>(ctx, {
      what: `Mode of Payment "${method.mode}"`,
      find: () => ctx.client.findDoc('Mode of Payment', method.mode),
      create: () => ctx.client.insert('Mode of Payment', { mode_of_payment: method.mode, type: paymentType(method.mode, method.type), enabled: 1 }),
    });
    if (record.enabled === 0) {
      ctx.action(`Enabling Mode of Payment "${record.name}"`);
      await ctx.client.update('Mode of Payment', record.name, { enabled: 1 });
      noteChange(ctx, `Mode of Payment "${record.name}" enabled`);
    }
    modes.push({ mode: record.name, type: String(record.type ?? paymentType(method.mode, method.type)) });
  }
  return modes;
}

/** The fiscal year covering today; a calendar year is created when none does (ERPNext refuses sales outside one). */
async function ensureFiscalYear(ctx: StepContext): Promise<string> {
  const { date } = ctx.siteNow();
  const year = date.slice(0, 4);
  const { record } = await ensureRecord(ctx, {
    what: `Fiscal Year covering ${date}`,
    find: async () => (await ctx.client.list('Fiscal Year', { filters: [['year_start_date', '<=', date], ['year_end_date', '>=', date], ['disabled', '=', 0]], orderBy: 'year_start_date desc', limitPageLength: 1 }))[0] ?? null,
    create: async () => {
      // The year's usual name may belong to a disabled or differently dated fiscal year.
      const name = (await ctx.client.findDoc('Fiscal Year', year)) ? `${year} (POS)` : year;
      return ctx.client.insert('Fiscal Year', { year: name, year_start_date: `${year}-01-01`, year_end_date: `${year}-12-31` });
    },
  });
  return record.name;
}

function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Step 1: the masters later steps rely on, created when the setup wizard has not made them. */
export const platformSetup: StepBody<typeof StepId.PlatformSetup> = async (ctx) => {
  const check = ctx.output(StepId.EngineCheck);
  ctx.log.info(check.setupComplete === false ? 'ERPNext setup wizard not completed: creating the masters it would have made' : 'Checking the masters the shop needs');
  const { country, currency } = ctx.shop.company;
  await fillUnset(ctx, 'System Settings', { country, time_zone: check.timeZone ?? localTimeZone(), language: 'en' }).catch((error: unknown) => {
    if (error instanceof ErpNextError && error.category === 'permission') return ctx.log.warn('System Settings not readable by the API user: left as they are');
    throw error;
  });
  await fillUnset(ctx, 'Global Defaults', { default_currency: currency, country });
  const uom = (await ensureRecord(ctx, { what: 'UOM "Nos"', find: () => ctx.client.findDoc('UOM', 'Nos'), create: () => ctx.client.insert('UOM', { uom_name: 'Nos', must_be_whole_number: 1 }) })).record.name;
  await ensureRecord(ctx, { what: 'Warehouse Type "Transit"', find: () => ctx.client.findDoc('Warehouse Type', 'Transit'), create: () => ctx.client.insert('Warehouse Type', { name: 'Transit' }) });
  const itemGroupRoot = await ensureTreeRoot(ctx, 'Item Group', 'parent_item_group', 'item_group_name', 'All Item Groups');
  const customerRoot = await ensureTreeRoot(ctx, 'Customer Group', 'parent_customer_group', 'customer_group_name', 'All Customer Groups');
  const customerGroup = await ensureLeaf(ctx, 'Customer Group', 'parent_customer_group', 'customer_group_name', 'Individual', customerRoot);
  const territory = await ensureTreeRoot(ctx, 'Territory', 'parent_territory', 'territory_name', 'All Territories');
  const priceList = await ensurePriceList(ctx);
  const modes = await ensureModesOfPayment(ctx);
  const fiscalYear = await ensureFiscalYear(ctx);
  return { uom, itemGroupRoot, customerGroup, territory, priceList, modes, fiscalYear };
};
