import { writeFileSync } from 'node:fs';
import type { Redactor } from '../logging/redact';
import type { ProvisioningService } from '../service';
import type { CommandInput, CommandValue, PosCommand, SavedDocument, ShopSummary, SiteSummary } from '../../shared/ipc/contract';
import type { SiteRecord } from '../../shared/model';
import { validateShop } from '../../shared/shop/validate';
import { StepStatus } from '../../shared/status';
import { StepId, stepDefinition } from '../../shared/steps/catalog';
import { CommandRefusedError } from './errors';
import type { HostPorts } from './ports';

export type Handlers = { [K in PosCommand]: (input: CommandInput<K>) => Promise<CommandValue<K>> };

function parseShopText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    return { __parseError: (error as Error).message };
  }
}

/**
 * One handler per use case, over the service. Runs are started, not awaited: the call returns the
 * run's view at once and progress arrives as run updates.
 */
export function createHandlers(service: ProvisioningService, ports: HostPorts): Handlers {
  return behindRedaction(unredactedHandlers(service, ports), service.redactor);
}

/**
 * Everything the page receives passes the service's redaction boundary: answers, and the text of any
 * error (an ERPNext message may quote what it was sent).
 */
function behindRedaction(handlers: Handlers, redact: Redactor): Handlers {
  const wrapped = Object.entries(handlers).map(([name, handler]) => [
    name,
    async (input: unknown) => {
      try {
        return redact(await (handler as (input: unknown) => Promise<unknown>)(input));
      } catch (error) {
        throw scrubError(error, redact);
      }
    },
  ]);
  return Object.fromEntries(wrapped) as Handlers;
}

function scrubError(error: unknown, redact: Redactor): unknown {
  if (!(error instanceof Error)) return redact(error);
  const texts = error as Error & { hint?: unknown; serverMessage?: unknown };
  for (const field of ['message', 'hint', 'serverMessage', 'stack'] as const) {
    if (typeof texts[field] === 'string') Object.defineProperty(error, field, { value: redact(texts[field]), writable: true, configurable: true });
  }
  return error;
}

/** The handover sheet: printed to PDF by main in the app; the HTML itself where no window can print. */
async function saveHandover(service: ProvisioningService, ports: HostPorts, shopId: string, runId?: string): Promise<SavedDocument | null> {
  const sheet = service.handoverSheet(shopId, runId);
  const title = `Handover sheet for ${sheet.facts.shopName}`;
  if (ports.saveDocument) return ports.saveDocument({ title, defaultName: sheet.fileName('pdf'), html: sheet.html });
  const path = await ports.chooseSavePath({ title, defaultName: sheet.fileName('html'), extensions: ['html'] });
  if (!path) return null;
  writeFileSync(path, sheet.html);
  return { path, format: 'html' };
}

function unredactedHandlers(service: ProvisioningService, ports: HostPorts): Handlers {
  const summary = (site: SiteRecord): SiteSummary => ({ ...site, hasSecret: service.hasSecret(site.id), transportWarning: service.transportWarning(site) });
  const launch = (shopId: string, start: (id: string) => Promise<unknown>) => {
    refuseWithoutSecret(shopId);
    // Lock conflicts throw synchronously (before anything runs); later failures are part of the run.
    start(shopId).catch(() => undefined);
    return service.runView(shopId);
  };
  /** Without the API secret every step would fail (it is forgotten at restart where there is no keychain): say so before starting. */
  const refuseWithoutSecret = (shopId: string) => {
    const site = service.site(service.shop(shopId).siteId);
    if (service.hasSecret(site.id)) return;
    throw new CommandRefusedError(
      `No API secret is available for ${site.displayUrl} in this session, so the run cannot reach ERPNext.`,
      'Edit the site and type the API secret again, then start the run.',
      'no_secret',
    );
  };
  return {
    appInfo: async () => ({ version: ports.appVersion, secretStorage: service.secretStorage.description, secretsPersist: service.secretStorage.persistent, host: ports.host, updates: await ports.updateStatus() }),
    listSites: async () => service.listSites().map(summary),
    saveSite: async ({ id, replaceExisting, ...input }) => {
      // Adding a site whose address is already saved would silently replace that site's key and secret.
      const taken = id ? null : service.checkSiteUrl(input.url).existing;
      if (taken && !replaceExisting) {
        throw new CommandRefusedError(
          `${taken.displayUrl} is already saved (API key ${taken.apiKey}). Saving would replace its API key and secret.`,
          'Confirm to replace them, or open that site from the list to edit it.',
          'site_exists',
        );
      }
      return summary(service.saveSite(input, id));
    },
    checkSiteUrl: async (url) => service.checkSiteUrl(url),
    modesOfPayment: (siteId) => service.modesOfPayment(siteId),
    removeSite: async (siteId) => {
      service.removeSite(siteId);
      return null;
    },
    testConnection: (siteId) => service.testSite(siteId),
    chartsForCountry: ({ siteId, country }) => service.chartsForCountry(siteId, country),
    listShops: async (siteId) =>
      service.listShops(siteId).map((shop): ShopSummary => {
        const run = service.store.runs.latestForShop(shop.id);
        const view = run ? service.runView(shop.id) : null;
        const undo = service.store.undoRuns.latest(shop.id);
        const removed = undo?.status === 'COMPLETED' && !!run && (undo.finishedAt ?? '') > run.updatedAt;
        return {
          ...shop,
          latestRun: run && { id: run.id, status: run.status, phase: run.phase, updatedAt: run.updatedAt },
          progress: view?.progress ?? 0,
          runGoing: !service.store.locks.isFree(shop.id),
          skippedSteps: view?.steps.filter((step) => step.status === StepStatus.Skipped).map((step) => step.stepId) ?? [],
          companyExists: !removed && service.existingCompany(shop.id) !== null,
          removedFromErpnext: removed,
        };
      }),
    saveShop: async ({ siteId, shopId, config }) => {
      const result = service.saveShop(siteId, config, shopId);
      if (!result.ok) return { saved: false, issues: result.issues };
      service.syncOptionalSteps(result.shop.id);
      return { saved: true, shop: result.shop, warnings: result.warnings };
    },
    removeShop: async (shopId) => {
      service.removeShop(shopId);
      return null;
    },
    planShop: (shopId) => service.planShop(shopId),
    checkShopOnSite: async ({ siteId, config }) => {
      const result = await service.checkShopOnSite(siteId, config);
      return result.ok ? { checked: true, check: result.check } : { checked: false, issues: result.issues };
    },
    previewUndo: (shopId) => service.previewUndo(shopId),
    undoShop: async ({ shopId, confirmCompany }) => {
      // The typed confirmation is checked here too: the page is untrusted input.
      const company = service.shop(shopId).config.company.name;
      if (confirmCompany.trim() !== company) throw new CommandRefusedError(`The company name typed does not match "${company}": nothing was removed.`, 'Type the company name exactly as shown to confirm.', 'not_confirmed');
      return service.undoShop(shopId);
    },
    checkShopFile: async (text) => {
      const config = parseShopText(text);
      if (config && typeof config === 'object' && '__parseError' in config) {
        return { config: null, issues: [{ path: '(file)', message: `Not valid JSON: ${String((config as { __parseError: string }).__parseError)}` }], warnings: [] };
      }
      const result = validateShop(config);
      return result.ok ? { config: result.value, issues: [], warnings: result.warnings } : { config, issues: result.issues, warnings: result.warnings };
    },
    exportShopFile: async (shopId) => {
      const shop = service.shop(shopId);
      const path = await ports.chooseSavePath({ title: 'Export shop file', defaultName: `${shop.name}.shop.json`, extensions: ['json'] });
      if (!path) return null;
      writeFileSync(path, `${JSON.stringify(shop.config, null, 2)}\n`);
      return { path };
    },
    getRun: async (shopId) => service.runView(shopId),
    startRun: async (shopId) => launch(shopId, service.startRun),
    continueRun: async (shopId) => launch(shopId, service.continueRun),
    retryAll: async (shopId) => launch(shopId, service.retryAll),
    skipStep: async ({ shopId, stepId }) => {
      const result = service.skipStep(shopId, stepId);
      if (!result.ok) throw new CommandRefusedError(result.message, 'Only optional steps can be skipped; fix the cause and choose Continue.');
      return result.view;
    },
    unskipStep: async ({ shopId, stepId }) => {
      const { title } = stepDefinition(stepId);
      if (stepId === StepId.DemoItems && service.shop(shopId).config.demoItems === false) {
        throw new CommandRefusedError(`"${title}" is switched off in the shop's settings.`, 'Open Edit shop, tick "Add demo items" and save: the step then runs with the run.');
      }
      refuseWithoutSecret(shopId);
      const result = service.unskipStep(shopId, stepId);
      if (!result.ok) throw new CommandRefusedError(result.message, 'Only a skipped optional step can be brought back.');
      result.done?.catch(() => undefined);
      return result.view;
    },
    tryNow: async (shopId) => service.tryNow(shopId),
    activeRuns: async () => service.activeRuns(),
    checkShop: (shopId) => service.checkShop(shopId),
    repairPlan: (shopId) => service.repairPlan(shopId),
    repairShop: async ({ shopId, steps }) => launch(shopId, (id) => service.repairShop(id, steps)),
    cancelRun: async (shopId) => {
      service.cancelRun(shopId);
      return null;
    },
    checkFleetFile: async ({ text, fileName }) => {
      const parsed = service.fleets.check(text, fileName);
      const shops = parsed.ok ? parsed.shops.map((s) => ({ row: s.row, name: s.config.company.name })) : [];
      return { ok: parsed.ok, format: parsed.format, shops, issues: parsed.ok ? [] : parsed.issues.map((i) => i.text), warnings: parsed.warnings.map((w) => w.text) };
    },
    importFleet: async ({ siteId, text, fileName }) => service.fleets.import(siteId, text, fileName),
    fleetStatus: async (siteId) => service.fleets.status(siteId),
    startFleet: async ({ siteId, which }) => service.fleets.start(siteId, which),
    pauseFleet: async (siteId) => {
      service.fleets.pause(siteId);
      return null;
    },
    listRuns: async (shopId) => service.runHistory(shopId),
    runTimeline: async (runId) => service.runTimeline(runId),
    insights: async () => service.insights(),
    saveHandoverSheet: async ({ shopId, runId }) => saveHandover(service, ports, shopId, runId),
    queryLogs: async (query) => service.listLogs(query),
    countLogs: async (query) => service.countLogs(query),
    exportSupportBundle: async (shopId) => {
      const shop = service.shop(shopId);
      const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
      const path = await ports.chooseSavePath({ title: 'Export support bundle', defaultName: `${shop.name} support ${stamp}.zip`, extensions: ['zip'] });
      if (!path) return null;
      return { path, ...(await service.exportBundle(shopId, path)) };
    },
  };
}
