import { z } from 'zod';
import { LOG_LEVELS } from '../status';
import { STEP_IDS } from '../steps/catalog';
import type { CommandInput, PosCommand } from './contract';

const id = z.string().uuid('must be an id given by the app');
const text = (max: number) => z.string().trim().min(1).max(max);

const siteInput = z
  .object({
    id: id.optional(),
    url: text(2048),
    apiKey: text(200),
    apiSecret: z.string().trim().min(1).max(200).optional(),
    tlsCaFile: z.string().max(4096).nullable().optional(),
    tlsPin: z.string().max(200).nullable().optional(),
    allowPlainHttp: z.boolean().optional(),
    replaceExisting: z.boolean().optional(),
  })
  .strict();

const logQuery = z
  .object({
    runId: id.optional(),
    shopId: id.optional(),
    stepId: z.enum(STEP_IDS as [string, ...string[]]).optional(),
    level: z.enum(LOG_LEVELS as [string, ...string[]]).optional(),
    correlationId: z.string().max(100).optional(),
    search: z.string().max(500).optional(),
    afterId: z.number().int().nonnegative().optional(),
    beforeId: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(10_000).optional(),
  })
  .strict();

/**
 * The schema of each command's payload. Main validates every payload with these before doing anything:
 * the page is treated as untrusted input, like any network client.
 */
export const COMMAND_INPUTS: { [K in PosCommand]: z.ZodType<CommandInput<K>> } = {
  appInfo: z.undefined(),
  listSites: z.undefined(),
  saveSite: siteInput as z.ZodType<CommandInput<'saveSite'>>,
  removeSite: id,
  testConnection: id,
  checkSiteUrl: z.string().max(2048),
  modesOfPayment: id,
  chartsForCountry: z.object({ siteId: id, country: text(100) }).strict(),
  listShops: id,
  saveShop: z.object({ siteId: id, shopId: id.optional(), config: z.unknown() }).strict() as z.ZodType<CommandInput<'saveShop'>>,
  removeShop: id,
  previewUndo: id,
  undoShop: z.object({ shopId: id, confirmCompany: text(140) }).strict(),
  checkShopFile: z.string().max(1_000_000),
  planShop: id,
  // The draft is validated by the service (validateShop) before any request: here only its envelope.
  checkShopOnSite: z.object({ siteId: id, config: z.unknown() }).strict() as z.ZodType<CommandInput<'checkShopOnSite'>>,
  exportShopFile: id,
  getRun: id,
  startRun: id,
  continueRun: id,
  retryAll: id,
  skipStep: z.object({ shopId: id, stepId: z.enum(STEP_IDS as [string, ...string[]]) }).strict() as z.ZodType<CommandInput<'skipStep'>>,
  unskipStep: z.object({ shopId: id, stepId: z.enum(STEP_IDS as [string, ...string[]]) }).strict() as z.ZodType<CommandInput<'unskipStep'>>,
  cancelRun: id,
  checkFleetFile: z.object({ text: z.string().max(5_000_000), fileName: z.string().max(500) }).strict(),
  importFleet: z.object({ siteId: id, text: z.string().max(5_000_000), fileName: z.string().max(500) }).strict(),
  fleetStatus: id,
  startFleet: z.object({ siteId: id, which: z.enum(['all', 'failed']) }).strict(),
  pauseFleet: id,
  listRuns: id,
  runTimeline: id,
  insights: z.undefined(),
  saveHandoverSheet: z.object({ shopId: id, runId: id.optional() }).strict() as z.ZodType<CommandInput<'saveHandoverSheet'>>,
  tryNow: id,
  activeRuns: z.undefined(),
  checkShop: id,
  repairPlan: id,
  repairShop: z.object({ shopId: id, steps: z.array(z.enum(STEP_IDS as [string, ...string[]])).min(1).max(STEP_IDS.length) }).strict() as z.ZodType<CommandInput<'repairShop'>>,
  queryLogs: logQuery as z.ZodType<CommandInput<'queryLogs'>>,
  countLogs: logQuery as z.ZodType<CommandInput<'countLogs'>>,
  exportSupportBundle: id,
};
