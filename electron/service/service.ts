import path from 'node:path';
import { RunController, type RunControllerOptions, RunLockedError } from '../engine/controller';
import type { ErpNextClient } from '../erpnext/client';
import { normalizeSiteUrl, plainHttpVerdict } from '../erpnext/siteUrl';
import { normalizeFingerprint } from '../erpnext/tls';
import { Logger } from '../logging/logger';
import { type KnownSecret, type Redactor, createRedactor } from '../logging/redact';
import type { SecretStore } from '../secrets';
import { Store, describeHolder } from '../store';
import type { ConnectionCheck, LogEntry, LogQuery, ShopRecord, SiteRecord } from '../../shared/model';
import type { ActiveRun, SiteInput as ContractSiteInput, SiteUrlCheck } from '../../shared/ipc/contract';
import type { RunEvent, RunView } from '../../shared/runView';
import { RunPhase, StepStatus } from '../../shared/status';
import type { ShopConfig } from '../../shared/shop/schema';
import { type ShopIssue, companyAbbreviation, validateShop } from '../../shared/shop/validate';
import { StepId } from '../../shared/steps/catalog';
import { writeSupportBundle } from './bundle';
import { FleetDesk } from './fleetDesk';
import { SharedRecordGate, sharedRecordOf } from './sharedRecords';
import { SETTINGS_FILE, handoverFacts, handoverRun, helpdeskContact } from './handover';
import { handoverFileName, handoverHtml } from './handoverHtml';
import { runHistory, runTimeline } from './history';
import { insights } from './insights';
import type { HandoverFacts } from '../../shared/handover';
import type { Insights, RunHistoryEntry, RunTimeline } from '../../shared/history';
import { type SameSiteVerdict, describeMove, isSameSite } from './relocate';
import { testConnection } from './connection';
import { checkShopOnSite, previewPlan } from './shopPlan';
import type { ShopPlan, ShopSiteCheck } from '../../shared/plan';
import { doctorReport, provisionedScope, repairPlanFor, withReadOnlySite } from './doctor';
import type { DiagnoseScope } from '../engine/doctor';
import type { PlanContext } from '../engine/plan/types';
import type { DoctorReport, RepairPlan } from '../../shared/doctor';
import { type ClientTuning, clientForSite } from './siteClient';
import { type UndoDeps, previewUndo, runUndo } from '../engine/undo/undoShop';
import type { UndoPreview, UndoResult, UndoStepResult } from '../../shared/undo';

export interface ServiceOptions {
  dbFile: string;
  /** A secret store, or a factory for one that keeps ciphertext in this service's database. */
  secrets: SecretStore | ((store: Store) => SecretStore);
  appVersion: string;
  client?: ClientTuning;
  run?: RunControllerOptions;
  /** better-sqlite3 built for another runtime (Electron in development). */
  nativeBinding?: string;
}

/** A site as the installer enters it (the IPC contract's shape; the id is passed apart). */
export type SiteInput = Omit<ContractSiteInput, 'id'>;

export class NotFoundError extends Error {
  readonly hint = 'Refresh the list: it may have been removed in another window.';
}

/**
 * The use cases of the app and the CLI, over one local database: sites and their credentials, shops,
 * runs (one controller per shop), logs and support bundles. Plain Node: the Electron shell and the CLI
 * are thin adapters over this class.
 */
export class ProvisioningService {
  readonly store: Store;
  private readonly redact: Redactor;
  private readonly controllers = new Map<string, RunController>();
  /** Per site: shops making a record they share take turns (see sharedRecords.ts). */
  private readonly gates = new Map<string, SharedRecordGate>();
  private readonly listeners = new Set<(view: RunView, events: RunEvent[]) => void>();
  private readonly logListeners = new Set<(entries: LogEntry[]) => void>();

  private readonly secrets: SecretStore;
  private readonly loggers = new Set<Logger>();
  private secretsCache: KnownSecret[] | undefined;
  private siteLog: Logger | undefined;
  /** The window's fleet rollouts, one per site (the CLI runs its own FleetRun). */
  readonly fleets = new FleetDesk(this);

  constructor(private readonly options: ServiceOptions) {
    this.store = Store.open(options.dbFile, { nativeBinding: options.nativeBinding });
    this.secrets = typeof options.secrets === 'function' ? options.secrets(this.store) : options.secrets;
    this.redact = createRedactor(() => this.knownSecrets());
  }

  /** The request limits given for every site's client (the fleet's default concurrency follows them). */
  get clientLimits(): ClientTuning['limits'] {
    return this.options.client?.limits;
  }

  /** Where this service keeps API secrets (shown to the installer). */
  get secretStorage(): SecretStore {
    return this.secrets;
  }

  /** Every API secret this service knows, with its key: what redaction removes. Cached; refreshed when a site changes. */
  private knownSecrets(): KnownSecret[] {
    this.secretsCache ??= this.store.sites.list().flatMap((site) => {
      const secret = this.secrets.get(site.id);
      return secret ? [{ secret, key: site.apiKey }] : [];
    });
    return this.secretsCache;
  }

  /** The redaction boundary for anything shown or stored that may hold text from ERPNext or an error. */
  get redactor(): Redactor {
    return this.redact;
  }

  // ---- sites --------------------------------------------------------------------------------------

  listSites(): SiteRecord[] {
    return this.store.sites.list();
  }

  /**
   * Adds or edits a site. TLS settings and the plain-HTTP permission left out of `input` keep their
   * saved values (a CLI `run --site URL` must not clear a pinned certificate); null removes them.
   */
  saveSite(input: SiteInput, siteId?: string): SiteRecord {
    // Atomic: the app and a CLI run (or two CLI runs) adding the same address at once make one site.
    return this.store.atomically(() => this.saveSiteLocked(input, siteId));
  }

  private saveSiteLocked(input: SiteInput, siteId?: string): SiteRecord {
    const { baseUrl, displayUrl } = normalizeSiteUrl(input.url);
    const existing = siteId ? this.store.sites.get(siteId) : this.store.sites.findByUrl(baseUrl);
    const tlsPin = input.tlsPin === undefined ? (existing?.tlsPin ?? null) : input.tlsPin ? normalizeFingerprint(input.tlsPin) : null;
    const tlsCaFile = input.tlsCaFile === undefined ? (existing?.tlsCaFile ?? null) : input.tlsCaFile || null;
    const allowPlainHttp = input.allowPlainHttp ?? existing?.allowPlainHttp ?? false;
    const verdict = plainHttpVerdict(baseUrl, allowPlainHttp);
    if (!verdict.ok) throw verdict.error;
    const fields = { url: baseUrl, displayUrl, apiKey: input.apiKey.trim(), tlsCaFile, tlsPin, allowPlainHttp };
    const secret = input.apiSecret?.trim();
    // A result measured with another address, key, secret or certificate says nothing about the new ones.
    const reachedDifferently =
      existing && (existing.url !== baseUrl || existing.apiKey !== fields.apiKey || existing.tlsPin !== tlsPin || existing.tlsCaFile !== tlsCaFile || existing.allowPlainHttp !== allowPlainHttp || (secret && secret !== this.secrets.get(existing.id)));
    const site = existing ? this.store.sites.update(existing.id, fields)! : this.store.sites.add(fields);
    if (secret) this.secrets.set(site.id, secret);
    this.secretsCache = undefined;
    if (reachedDifferently && site.lastCheck) {
      this.store.sites.recordCheck(site.id, null);
      return this.site(site.id);
    }
    return site;
  }

  /** The address as it would be saved, and the saved site that already has it (saving nothing). */
  checkSiteUrl(url: string): SiteUrlCheck {
    const { baseUrl, displayUrl } = normalizeSiteUrl(url);
    const existing = this.store.sites.findByUrl(baseUrl);
    return { url: baseUrl, displayUrl, existing: existing && { id: existing.id, displayUrl: existing.displayUrl, apiKey: existing.apiKey } };
  }

  removeSite(siteId: string): void {
    for (const shop of this.store.shops.list(siteId)) this.refuseWhileRunning(shop, 'removing its site');
    for (const shop of this.store.shops.list(siteId)) this.forget(shop.id);
    this.secrets.remove(siteId);
    this.store.sites.remove(siteId);
    this.secretsCache = undefined;
  }

  /** What to show with a site whose secret would travel unencrypted (plain HTTP), or null. */
  transportWarning(site: SiteRecord): string | null {
    const verdict = plainHttpVerdict(site.url, site.allowPlainHttp);
    return verdict.ok ? verdict.warning : verdict.error.message;
  }

  hasSecret(siteId: string): boolean {
    return Boolean(this.secrets.get(siteId));
  }

  async testSite(siteId: string): Promise<ConnectionCheck> {
    const site = this.site(siteId);
    const check = this.redact(await testConnection(this.clientFor(site, this.siteLogger()))) as ConnectionCheck;
    this.store.sites.recordCheck(site.id, check);
    return check;
  }

  /** Chart templates ERPNext offers for a country (for the shop form). */
  async chartsForCountry(siteId: string, country: string): Promise<string[]> {
    const client = this.clientFor(this.site(siteId), this.siteLogger());
    return client.callGet<string[]>('erpnext.accounts.doctype.account.chart_of_accounts.chart_of_accounts.get_charts_for_country', { country, with_standard: 1 });
  }

  /** The enabled Modes of Payment of the site, by name (for the shop form). */
  async modesOfPayment(siteId: string): Promise<string[]> {
    const client = this.clientFor(this.site(siteId), this.siteLogger());
    const modes = await client.listAll<{ name: string }>('Mode of Payment', { fields: ['name'], filters: { enabled: 1 } });
    return modes.map((mode) => mode.name).sort((a, b) => a.localeCompare(b));
  }

  // ---- plan (issue 10) ----------------------------------------------------------------------------

  /**
   * What a Start of the shop would do, from reads alone (nothing is written to ERPNext): the Preview
   * screen and `pos-provisioner plan`. Kept as the shop's preview: the next Start says what changed since.
   */
  async planShop(shopId: string): Promise<ShopPlan> {
    const shop = this.shop(shopId);
    const site = this.site(shop.siteId);
    const plan = this.redact(await previewPlan(this.clientFor(site, this.siteLogger()), shop.config, site.displayUrl)) as ShopPlan;
    this.store.plans.savePreview(shop.id, plan.steps, plan.plannedAt);
    return plan;
  }

  /** The shop form's live checks of a draft against the site (abbreviation, cashiers, payment modes); saves nothing. */
  async checkShopOnSite(siteId: string, file: unknown): Promise<{ ok: true; check: ShopSiteCheck } | { ok: false; issues: ShopIssue[] }> {
    const site = this.site(siteId);
    const result = validateShop(file);
    if (!result.ok) return { ok: false, issues: result.issues };
    const check = await checkShopOnSite(this.clientFor(site, this.siteLogger()), result.value);
    return { ok: true, check: this.redact(check) as ShopSiteCheck };
  }

  // ---- shops --------------------------------------------------------------------------------------

  listShops(siteId?: string): ShopRecord[] {
    return this.store.shops.list(siteId);
  }

  /** Validates and saves a shop (new, or `shopId` edited). Nothing is stored when the file has problems. */
  saveShop(siteId: string, file: unknown, shopId?: string): { ok: true; shop: ShopRecord; warnings: ShopIssue[] } | { ok: false; issues: ShopIssue[] } {
    this.site(siteId);
    const result = validateShop(file);
    if (!result.ok) return { ok: false, issues: result.issues };
    const existing = shopId ? this.store.shops.get(shopId) : this.store.shops.list(siteId).find((s) => s.name === result.value.company.name.trim());
    if (existing) this.refuseWhileRunning(existing, 'editing it');
    const fixed = existing ? this.fixedCompanyIssues(existing, result.value) : [];
    if (fixed.length > 0) return { ok: false, issues: fixed };
    const shop = shopId ? this.store.shops.update(shopId, result.value) : this.store.shops.upsert(siteId, result.value);
    if (!shop) throw new NotFoundError('That shop no longer exists.');
    this.forget(shop.id);
    return { ok: true, shop, warnings: result.warnings };
  }

  /**
   * Points a shop at another address of its ERPNext site (the site moved, or was reached another way),
   * after checking it is the same site. Returns what was checked; the shop stays where it was otherwise.
   */
  async relocateShop(shopId: string, siteId: string): Promise<SameSiteVerdict & { message: string }> {
    const shop = this.shop(shopId);
    const from = this.site(shop.siteId);
    const to = this.site(siteId);
    if (from.id === to.id) return { same: true, reason: 'same address', message: '' };
    this.refuseWhileRunning(shop, 'moving it to another address');
    const verdict = await isSameSite(this.store, shop, this.clientFor(to, this.siteLogger()));
    if (!verdict.same) return { ...verdict, message: `"${shop.name}" stays at ${from.displayUrl}: ${to.displayUrl} is not the same ERPNext site (${verdict.reason}).` };
    if (this.store.shops.findByName(to.id, shop.name)) {
      return { same: false, reason: 'taken', message: `"${shop.name}" stays at ${from.displayUrl}: a shop with that name is already recorded for ${to.displayUrl}.` };
    }
    this.forget(shop.id);
    this.store.shops.moveToSite(shop.id, to.id);
    const message = describeMove(shop, from, to, verdict);
    this.siteLogger().info(message);
    return { ...verdict, message };
  }

  /** The company as a run created or adopted it in ERPNext (the latest such run), or null when none did. */
  existingCompany(shopId: string): { company: string; abbr: string; currency: string; country: string } | null {
    for (const run of this.store.runs.listForShop(shopId)) {
      const step = this.store.runs.steps(run.id).find((s) => s.stepId === StepId.Company && s.status === StepStatus.Succeeded);
      if (step?.outputs) return step.outputs as { company: string; abbr: string; currency: string; country: string };
    }
    return null;
  }

  /**
   * Once the company exists in ERPNext, what it was created with cannot change from here: ERPNext names
   * its accounts and warehouses with the abbreviation, builds the chart for the country once, and keeps
   * one currency. A shop file that changes them would make the next run work on another company (or fail).
   */
  private fixedCompanyIssues(shop: ShopRecord, next: ShopConfig): ShopIssue[] {
    const company = this.existingCompany(shop.id);
    if (!company) return [];
    const was = shop.config.company;
    const now = next.company;
    const exists = `The company "${company.company}" already exists in ERPNext`;
    const issues: ShopIssue[] = [];
    if (now.name.trim() !== was.name.trim()) issues.push({ path: 'company.name', message: `${exists}: its name cannot change here. Keep "${was.name}", or create a new shop for another company.` });
    if (companyAbbreviation(next) !== companyAbbreviation(shop.config)) {
      issues.push({ path: 'company.abbr', message: `${exists} with the abbreviation ${company.abbr}; ERPNext names its accounts and warehouses with it, so it cannot change. Keep ${companyAbbreviation(shop.config)}.` });
    }
    if (now.country !== was.country) issues.push({ path: 'company.country', message: `${exists} in ${company.country}: its country cannot change here. Keep ${was.country}.` });
    if (now.currency !== was.currency) issues.push({ path: 'company.currency', message: `${exists} with the currency ${company.currency}: keep ${was.currency}.` });
    if (now.chartOfAccounts !== was.chartOfAccounts) issues.push({ path: 'company.chartOfAccounts', message: `${exists}: its chart of accounts was built when it was created. Keep "${was.chartOfAccounts}".` });
    return issues;
  }

  /**
   * The shop form's demo items switch and the run agree: switched on, a skipped "Demo items" comes back
   * (it runs at the next Continue or run); switched off, a run that has not added them skips them.
   */
  syncOptionalSteps(shopId: string): void {
    const controller = this.controller(shopId);
    const view = controller.view();
    const demo = view.steps.find((step) => step.stepId === StepId.DemoItems);
    const wanted = this.shop(shopId).config.demoItems !== false;
    if (wanted && demo?.status === StepStatus.Skipped) controller.unskip(StepId.DemoItems);
    else if (!wanted && view.run.phase !== RunPhase.Idle && (demo?.status === StepStatus.Pending || demo?.status === StepStatus.Failed)) controller.skip(StepId.DemoItems);
  }

  removeShop(shopId: string): void {
    const shop = this.store.shops.get(shopId);
    if (shop) this.refuseWhileRunning(shop, 'removing it');
    this.forget(shopId);
    this.store.shops.remove(shopId);
  }

  /**
   * A shop whose run is going (here or in another process) is not edited or removed under it: the run
   * would go on with a config or rows that no longer exist. The installer pauses it first.
   */
  private refuseWhileRunning(shop: ShopRecord, doing: string): void {
    if (this.store.locks.isFree(shop.id)) return;
    const holder = this.store.locks.holder(shop.id);
    throw new RunLockedError(shop.name, holder ? describeHolder(holder) : 'this window', `Pause the run (or let it finish) before ${doing}.`);
  }

  private forget(shopId: string): void {
    this.controllers.get(shopId)?.dispose();
    this.controllers.delete(shopId);
  }

  // ---- runs ---------------------------------------------------------------------------------------

  runView(shopId: string): RunView {
    return this.controller(shopId).view();
  }

  /**
   * Brings a skipped optional step back and, when the run is at rest (paused or finished), continues it
   * so the step runs now. Before the first run the step simply runs with Start.
   */
  unskipStep(shopId: string, stepId: StepId): { ok: true; view: RunView; done?: Promise<RunView> } | { ok: false; message: string } {
    const controller = this.controller(shopId);
    const result = controller.unskip(stepId);
    if (!result.ok) return result;
    const phase = result.view.run.phase;
    if (phase !== RunPhase.Paused && phase !== RunPhase.Finished) return result;
    const done = controller.continueRun();
    return { ok: true, view: controller.view(), done };
  }

  tryNow = (shopId: string) => this.controller(shopId).tryNow();

  /** Runs going now on any site: this process's, and others' (their run lock is held). */
  activeRuns(): ActiveRun[] {
    return this.store.shops.list().flatMap((shop) => {
      if (this.store.locks.isFree(shop.id)) return [];
      const view = this.controller(shop.id).view();
      return [{ siteId: shop.siteId, shopId: shop.id, shopName: shop.name, phase: view.run.phase, progress: view.progress }];
    });
  }

  /** The shop's runs, newest first. */
  startRun = (shopId: string) => this.controller(shopId).start();
  continueRun = (shopId: string) => this.controller(shopId).continueRun();
  retryAll = (shopId: string) => this.controller(shopId).retryAll();
  cancelRun = (shopId: string) => this.controller(shopId).cancel();
  skipStep = (shopId: string, stepId: StepId) => this.controller(shopId).skip(stepId);

  onRunUpdate(listener: (view: RunView, events: RunEvent[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Log entries as they are stored (with ids), a batch at a time. */
  onLog(listener: (entries: LogEntry[]) => void): () => void {
    this.logListeners.add(listener);
    return () => this.logListeners.delete(listener);
  }

  // ---- doctor (issue 10) ----------------------------------------------------------------------------

  /** Reads everything the shop's till needs and reports, in installer words, what is no longer true. Writes nothing. */
  async checkShop(shopId: string): Promise<DoctorReport> {
    return this.onReadOnlySite(shopId, async (p, shop, scope, now, log) => {
      const report = await doctorReport(p, shop, scope, now);
      log.info(`Doctor: ${report.health}, ${report.findings.length} finding(s)`, { data: { findings: report.findings.map((f) => `${f.severity} ${f.kind}: ${f.what}`) } });
      return report;
    });
  }

  /** The findings and what a repair would write for those it may fix; writes nothing. */
  async repairPlan(shopId: string): Promise<RepairPlan> {
    return this.onReadOnlySite(shopId, async (p, shop, scope, now, log) => {
      const plan = await repairPlanFor(p, shop, scope, now);
      log.info(`Doctor: repair plan of ${plan.actions.length} write(s) in ${plan.steps.length} step(s); ${plan.manual.length} finding(s) left to a person`, { data: { steps: plan.steps } });
      return plan;
    });
  }

  /**
   * Starts the repair run of these steps (from a plan just shown): the steps re-read the site themselves,
   * so a site that changed since is repaired as it is now. Resolves when the run settles.
   */
  repairShop(shopId: string, steps: readonly StepId[]): Promise<RunView> {
    return this.controller(shopId).repair(steps);
  }

  private async onReadOnlySite<T>(shopId: string, work: (p: PlanContext, shop: ShopRecord, scope: DiagnoseScope, now: Date, log: Logger) => Promise<T>): Promise<T> {
    const shop = this.shop(shopId);
    const scope = provisionedScope(this.store, shop);
    const now = this.options.run?.now?.() ?? new Date();
    const logger = this.loggerFor({ shopId: shop.id });
    try {
      return this.redact(await withReadOnlySite(this.clientFor(this.site(shop.siteId), logger), shop, now, (p) => work(p, shop, scope, now, logger))) as T;
    } finally {
      logger.flush();
      this.loggers.delete(logger);
    }
  }

  // ---- logs ---------------------------------------------------------------------------------------

  listLogs(query: LogQuery): LogEntry[] {
    return this.store.logs.list(query);
  }

  countLogs(query: LogQuery): number {
    return this.store.logs.count(query);
  }

  exportBundle(shopId: string, outFile: string): Promise<{ files: string[]; bytes: number }> {
    const shop = this.shop(shopId);
    return writeSupportBundle({ store: this.store, shop, site: this.store.sites.get(shop.siteId), redact: this.redact, secrets: this.knownSecrets(), appVersion: this.options.appVersion }, outFile);
  }

  // ---- history, insights, handover ----------------------------------------------------------------

  /** A shop's runs, newest first, with who started each from which machine. */
  runHistory(shopId: string): RunHistoryEntry[] {
    return runHistory(this.store, this.shop(shopId).id);
  }

  runTimeline(runId: string): RunTimeline {
    const timeline = runTimeline(this.store, runId);
    if (!timeline) throw new NotFoundError('That run is not recorded here.');
    return timeline;
  }

  insights(): Insights {
    return insights(this.store);
  }

  /**
   * The shop owner's handover sheet of a finished run (the latest one unless named): HTML, through the
   * redaction boundary like everything else that leaves the app.
   */
  handoverSheet(shopId: string, runId?: string): { facts: HandoverFacts; html: string; fileName: (extension: 'html' | 'pdf') => string; settingsFile: string } {
    const shop = this.shop(shopId);
    const run = handoverRun(this.store, shop, runId);
    const facts = handoverFacts(this.store, shop, this.site(shop.siteId), run, helpdeskContact(this.options.dbFile));
    return { facts, html: String(this.redact(handoverHtml(facts))), fileName: (extension) => handoverFileName(facts, extension), settingsFile: path.join(path.dirname(path.resolve(this.options.dbFile)), SETTINGS_FILE) };
  }

  close(): void {
    this.fleets.pauseAll();
    for (const controller of this.controllers.values()) controller.dispose();
    this.controllers.clear();
    for (const logger of this.loggers) logger.flush();
    this.store.close();
  }

  // ---- wiring -------------------------------------------------------------------------------------

  site(siteId: string): SiteRecord {
    const site = this.store.sites.get(siteId);
    if (!site) throw new NotFoundError('That ERPNext site is not configured.');
    return site;
  }

  shop(shopId: string): ShopRecord {
    const shop = this.store.shops.get(shopId);
    if (!shop) throw new NotFoundError('That shop does not exist.');
    return shop;
  }

  /** One logger for calls that belong to no shop (test connection, chart templates). */
  private siteLogger(): Logger {
    this.siteLog ??= this.loggerFor({});
    return this.siteLog;
  }

  private loggerFor(scope: { shopId?: string } | (() => { runId?: string; shopId?: string })): Logger {
    const logger = new Logger(this.store, this.redact, scope);
    logger.onStored((entries) => this.logListeners.forEach((listener) => listener(entries)));
    this.loggers.add(logger);
    return logger;
  }

  /** What "Remove shop from ERPNext" would remove and restore, and whether it would refuse. Only reads the site. */
  previewUndo(shopId: string): Promise<UndoPreview> {
    return previewUndo(this.undoDeps(shopId));
  }

  /**
   * Removes from ERPNext what the shop's runs created and restores what they changed (engine/undo).
   * Throws RunLockedError while a run (or another undo) of the shop is going.
   */
  undoShop(shopId: string, onStep?: (step: UndoStepResult, done: number, total: number) => void): Promise<UndoResult> {
    return runUndo({ ...this.undoDeps(shopId), onStep });
  }

  private undoDeps(shopId: string): UndoDeps {
    const shop = this.shop(shopId);
    if (this.controllers.get(shopId)?.active) throw new RunLockedError(shop.name, 'in this window', 'Pause the run or wait for it to finish, then remove the shop.');
    const logger = this.loggerFor({ shopId });
    // A client of its own: undo adds its lock check to the client's write guards.
    return { store: this.store, shop, client: this.clientFor(this.site(shop.siteId), logger), logger, redact: this.redact };
  }

  private clientFor(site: SiteRecord, logger: Logger): ErpNextClient {
    return clientForSite(site, this.secrets, logger, this.options.client);
  }

  controller(shopId: string): RunController {
    const existing = this.controllers.get(shopId);
    if (existing) return existing;
    const shop = this.shop(shopId);
    // The logger reads the controller's current run id at each entry (a new run keeps the same logger);
    // the controller may log while it is being constructed, before `holder` knows it.
    const holder: { controller?: RunController } = {};
    const logger: Logger = this.loggerFor(() => ({ shopId: shop.id, runId: holder.controller?.runId ?? this.store.runs.latestForShop(shop.id)?.id }));
    const gate = this.gates.get(shop.siteId) ?? new SharedRecordGate();
    this.gates.set(shop.siteId, gate);
    const stepGate: RunControllerOptions['stepGate'] = (stepId, steps, signal, say, step) => gate.around(sharedRecordOf(stepId, steps, shop.config), shop.name, signal, say, step);
    const controller = new RunController({ store: this.store, shop, client: () => this.clientFor(this.site(shop.siteId), logger), logger, redact: this.redact, options: { ...this.options.run, stepGate } });
    holder.controller = controller;
    controller.onUpdate((view, events) => this.listeners.forEach((listener) => listener(view, events)));
    this.controllers.set(shopId, controller);
    return controller;
  }
}
