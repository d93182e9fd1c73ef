import type { Doc } from '../../erpnext/types';
import { ErpNextError } from '../../erpnext/errors';
import type { StepId } from '../../../shared/steps/catalog';
import { ensureRecord, noteAdopted, noteChange } from '../ensure';
import { failOnConflicts, planContext } from '../plan/context';
import { type ModeState, type PlatformState, planPlatform } from '../plan/platform';
import { applyFill } from '../singles';
import type { StepBody, StepContext } from '../stepContext';
import { allSettled, ensureMaster } from './masters';

async function ensurePriceList(ctx: StepContext, state: PlatformState): Promise<string> {
  const { name, found } = state.priceList;
  if (found) return (noteAdopted(ctx, 'Price List', name), name);
  const { currency } = ctx.shop.company;
  const { record } = await ensureRecord<Doc>(ctx, {
    what: `Price List "${name}"`,
    known: null,
    find: () => ctx.client.findDoc('Price List', name),
    target: (doc) => ({ doctype: 'Price List', name: doc.name }),
    create: () => ctx.client.insert('Price List', { price_list_name: name, currency, selling: 1, buying: 0, enabled: 1 }),
  });
  return record.name;
}

async function ensureMode(ctx: StepContext, { method, found, type }: ModeState): Promise<{ mode: string; type: string }> {
  if (found && !found.enabled) {
    ctx.action(`Enabling Mode of Payment "${found.name}"`);
    await ctx.client.update('Mode of Payment', found.name, { enabled: 1 });
    noteChange(ctx, `Mode of Payment "${found.name}" enabled`, undefined, [{ doctype: 'Mode of Payment', name: found.name, field: 'enabled', before: 0, after: 1 }]);
  }
  if (found) {
    noteAdopted(ctx, 'Mode of Payment', found.name);
    return { mode: found.name, type: found.type || type };
  }
  const { record } = await ensureRecord<Doc>(ctx, {
    what: `Mode of Payment "${method.mode}"`,
    known: null,
    find: () => ctx.client.findDoc('Mode of Payment', method.mode),
    target: (doc) => ({ doctype: 'Mode of Payment', name: doc.name }),
    create: () => ctx.client.insert('Mode of Payment', { mode_of_payment: method.mode, type, enabled: 1 }),
  });
  return { mode: record.name, type: String(record.type ?? type) };
}

/** The fiscal year covering today; a calendar year is created when none does (ERPNext refuses sales outside one). */
async function ensureFiscalYear(ctx: StepContext, state: PlatformState): Promise<string> {
  if (state.fiscalYear) return (noteAdopted(ctx, 'Fiscal Year', state.fiscalYear.name), state.fiscalYear.name);
  const { date } = ctx.siteNow();
  const year = date.slice(0, 4);
  const { record } = await ensureRecord<Doc>(ctx, {
    what: `Fiscal Year covering ${date}`,
    known: null,
    find: async () => {
      ctx.reads.cache.forget('Fiscal Year');
      const years = await ctx.reads.fiscalYears(date);
      return years[0] ? { name: years[0].name } : null;
    },
    target: (doc) => ({ doctype: 'Fiscal Year', name: doc.name }),
    create: () => ctx.client.insert('Fiscal Year', { year: state.newFiscalYear, year_start_date: `${year}-01-01`, year_end_date: `${year}-12-31` }),
  });
  return record.name;
}

async function fillSettings(ctx: StepContext, state: PlatformState): Promise<void> {
  const system = state.systemSettings;
  await allSettled([
    system ? applyFill(ctx, system).catch((error: unknown) => {
      if (error instanceof ErpNextError && error.category === 'permission') return ctx.log.warn('System Settings not writable by the API user: left as they are');
      throw error;
    }) : Promise.resolve(ctx.log.warn('System Settings not readable by the API user: left as they are')),
    applyFill(ctx, state.globalDefaults),
  ]);
}

/** Step 1: the masters later steps rely on, created when the setup wizard has not made them; independent writes go out together. */
export const platformSetup: StepBody<typeof StepId.PlatformSetup> = async (ctx) => {
  const p = planContext(ctx);
  ctx.log.info(p.setupComplete === false ? 'ERPNext setup wizard not completed: creating the masters it would have made' : 'Checking the masters the shop needs');
  ctx.action('Checking the masters the shop needs');
  const { items, state } = await planPlatform(p);
  failOnConflicts(items);
  const master = (planned: PlatformState['uom']) => (planned ? ensureMaster(ctx, planned) : Promise.resolve(null));
  const writes = {
    settings: fillSettings(ctx, state),
    uom: master(state.uom),
    transit: master(state.transit),
    itemGroupRoot: master(state.itemGroupRoot),
    customerGroup: master(state.customerGroup),
    territory: master(state.territory),
    priceList: ensurePriceList(ctx, state),
    modes: allSettled(state.modes.map((mode) => ensureMode(ctx, mode))),
    fiscalYear: ensureFiscalYear(ctx, state),
  };
  await allSettled<unknown>(Object.values(writes));
  return {
    uom: await writes.uom,
    itemGroupRoot: await writes.itemGroupRoot,
    customerGroup: await writes.customerGroup,
    territory: await writes.territory,
    priceList: await writes.priceList,
    modes: await writes.modes,
    fiscalYear: await writes.fiscalYear,
  };
};
