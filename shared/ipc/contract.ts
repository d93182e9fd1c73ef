import type { DoctorReport, RepairPlan } from '../doctor';
import type { FleetStatus } from '../fleet/status';
import type { Insights, RunHistoryEntry, RunTimeline } from '../history';
import type { ConnectionCheck, LogEntry, LogQuery, RunRecord, ShopRecord, SiteRecord } from '../model';
import type { RunEvent, RunView } from '../runView';
import type { ShopIssue } from '../shop/validate';
import type { ShopPlan, ShopSiteCheck } from '../plan/types';
import type { StepId } from '../steps/catalog';
import type { Result } from './result';
import type { UndoPreview, UndoResult } from '../undo';

export interface SiteInput {
  /** Present when editing. */
  id?: string;
  url: string;
  apiKey: string;
  /** Omitted when editing = keep the saved secret. The secret never comes back to the page. */
  apiSecret?: string;
  /** Omitted = keep what is saved; null = remove. */
  tlsCaFile?: string | null;
  tlsPin?: string | null;
  /** Plain HTTP to a remote address (lab setups). Omitted = keep what is saved (off for a new site). */
  allowPlainHttp?: boolean;
  /**
   * A new site whose address is already saved replaces that site's key and secret only when this is
   * true (the installer was asked); otherwise main refuses with `site_exists`.
   */
  replaceExisting?: boolean;
}

/** What the site form shows before saving: the address as it will be stored, and whether it is taken. */
export interface SiteUrlCheck {
  url: string;
  displayUrl: string;
  /** A saved site with the same address (saving a new one replaces its key and secret). */
  existing: { id: string; displayUrl: string; apiKey: string } | null;
}

/** A run of a shop, for the log viewer's run filter. */
export type RunListItem = Pick<RunRecord, 'id' | 'status' | 'phase' | 'createdAt' | 'startedAt' | 'finishedAt'>;

/** A run going now (here or in another process), for the indicator on every screen. */
export interface ActiveRun {
  siteId: string;
  shopId: string;
  shopName: string;
  phase: RunRecord['phase'];
  progress: number;
}

/** A site as the page sees it: never the secret, only whether one is available. */
export interface SiteSummary extends SiteRecord {
  hasSecret: boolean;
  /** Shown with the site when its API secret would travel unencrypted (plain HTTP), else null. */
  transportWarning: string | null;
}

export interface ShopSummary extends ShopRecord {
  latestRun: Pick<RunRecord, 'id' | 'status' | 'phase' | 'updatedAt'> | null;
  progress: number;
  /** A run of this shop is going now (this window or another process holds its run lock). */
  runGoing: boolean;
  /** Optional steps the shop's latest run skips (the shop form shows them as off). */
  skippedSteps: StepId[];
  /** The company already exists in ERPNext (a run created or adopted it): its name, abbreviation, country, currency and chart are fixed. */
  companyExists: boolean;
  /** The last thing done to the shop was removing it from ERPNext (undo finished after its latest run). */
  removedFromErpnext: boolean;
}

export interface AppInfo {
  version: string;
  /** Where secrets are kept ("OS keychain" or "this session only"). */
  secretStorage: string;
  secretsPersist: boolean;
  /** 'electron' in the desktop app, 'browser-host' in development and tests. */
  host: 'electron' | 'browser-host';
  updates: UpdateStatus;
}

/** Automatic updates as About shows them. */
export interface UpdateStatus {
  enabled: boolean;
  /** One sentence: where updates come from, or why they are off. */
  detail: string;
}

export interface ShopSaveInput {
  siteId: string;
  shopId?: string;
  /** The shop file as the form or an imported file has it; validated in main. */
  config: unknown;
}

export type ShopSaved = { saved: true; shop: ShopRecord; warnings: ShopIssue[] } | { saved: false; issues: ShopIssue[] };

export interface ShopCheck {
  /** The parsed file (with defaults applied when valid), for the form to show. */
  config: unknown;
  issues: ShopIssue[];
  warnings: ShopIssue[];
}

/** A fleet file as main read it: its shops, or every problem by row and column (nothing saved). */
export interface FleetCheck {
  ok: boolean;
  format: 'csv' | 'json';
  shops: { row: number; name: string }[];
  /** "row 7, column abbr: …", every one of them. */
  issues: string[];
  warnings: string[];
}

export type FleetImported = { saved: true; shopIds: string[]; warnings: string[] } | { saved: false; issues: string[]; warnings: string[] };

/** Where the handover sheet went: a PDF in the app, an HTML file in the browser host. */
export interface SavedDocument {
  path: string;
  format: 'pdf' | 'html';
}

/** The shop form's live checks: the site's answer, or the draft's own problems (then the site is not asked). */
export type ShopSiteCheckResult = { checked: true; check: ShopSiteCheck } | { checked: false; issues: ShopIssue[] };

export interface RunUpdate {
  view: RunView;
  events: RunEvent[];
}

/**
 * The engine process's life as the window hears it: it stopped (main restarts it), it is back (the
 * runs that were going resumed from SQLite), or it keeps stopping and main gave up.
 */
export type EngineEvent = { type: 'engine.stopped' } | { type: 'engine.restarted'; resumedRuns: number } | { type: 'engine.failed'; message: string; hint?: string };

/**
 * The page's whole view of the main process: one function per use case. The Electron preload and the
 * browser host's client both implement exactly this (checked with `satisfies`), and main validates
 * every payload with the schemas in ./schemas.ts.
 */
export interface PosApi {
  appInfo(): Promise<Result<AppInfo>>;

  listSites(): Promise<Result<SiteSummary[]>>;
  saveSite(input: SiteInput): Promise<Result<SiteSummary>>;
  removeSite(siteId: string): Promise<Result<null>>;
  testConnection(siteId: string): Promise<Result<ConnectionCheck>>;
  /** The address as it would be saved (normalised), and the saved site that already has it; saves nothing. */
  checkSiteUrl(url: string): Promise<Result<SiteUrlCheck>>;
  chartsForCountry(input: { siteId: string; country: string }): Promise<Result<string[]>>;
  /** The Modes of Payment the site has (enabled ones), for the shop form's payment methods. */
  modesOfPayment(siteId: string): Promise<Result<string[]>>;

  listShops(siteId: string): Promise<Result<ShopSummary[]>>;
  saveShop(input: ShopSaveInput): Promise<Result<ShopSaved>>;
  removeShop(shopId: string): Promise<Result<null>>;
  /** What "Remove shop from ERPNext" would remove and restore, and whether it refuses; only reads the site. */
  previewUndo(shopId: string): Promise<Result<UndoPreview>>;
  /**
   * Removes from ERPNext what the shop's runs created and restores what they changed; main checks the
   * typed company name itself. Resolves when done; each step is logged (log entries) as it goes.
   */
  undoShop(input: { shopId: string; confirmCompany: string }): Promise<Result<UndoResult>>;
  /** Parses and validates a shop file's text (the page reads the file itself); saves nothing. */
  checkShopFile(text: string): Promise<Result<ShopCheck>>;
  /** What a Start of the shop would do, read from the site (nothing is written): the Preview screen. */
  planShop(shopId: string): Promise<Result<ShopPlan>>;
  /**
   * The shop form's live checks of a draft against the site (abbreviation free, cashiers and payment modes
   * exist): the same checks as a Start's preflight. Saves nothing; a draft with problems returns them.
   */
  checkShopOnSite(input: { siteId: string; config: unknown }): Promise<Result<ShopSiteCheckResult>>;
  /** Saves the shop's configuration as a JSON file chosen in a save dialog; null when cancelled. */
  exportShopFile(shopId: string): Promise<Result<{ path: string } | null>>;

  getRun(shopId: string): Promise<Result<RunView>>;
  startRun(shopId: string): Promise<Result<RunView>>;
  continueRun(shopId: string): Promise<Result<RunView>>;
  retryAll(shopId: string): Promise<Result<RunView>>;
  skipStep(input: { shopId: string; stepId: StepId }): Promise<Result<RunView>>;
  /** Brings a skipped optional step back and runs it (Continue) when the run is at rest. */
  unskipStep(input: { shopId: string; stepId: StepId }): Promise<Result<RunView>>;
  /** Pauses the run (it resumes with Continue). */
  cancelRun(shopId: string): Promise<Result<null>>;
  /** While the run waits for the network: ask the site now instead of at the next planned try. */
  tryNow(shopId: string): Promise<Result<RunView>>;
  /** Runs going now, on every site. */
  activeRuns(): Promise<Result<ActiveRun[]>>;

  /** Check shop (doctor): reads what the till needs and reports what is no longer true; writes nothing. */
  checkShop(shopId: string): Promise<Result<DoctorReport>>;
  /** What Repair would do for the findings it may fix (and which it leaves to a person); writes nothing. */
  repairPlan(shopId: string): Promise<Result<RepairPlan>>;
  /** Starts the repair run of the plan's steps; progress comes as run updates. */
  repairShop(input: { shopId: string; steps: StepId[] }): Promise<Result<RunView>>;

  /** Reads a fleet file's text (CSV or JSON, told by the name) and validates every row; saves nothing. */
  checkFleetFile(input: { text: string; fileName: string }): Promise<Result<FleetCheck>>;
  /** Saves every shop of a fleet file on the site, or none when any row has a problem. */
  importFleet(input: { siteId: string; text: string; fileName: string }): Promise<Result<FleetImported>>;
  fleetStatus(siteId: string): Promise<Result<FleetStatus>>;
  /** Start all (every shop not yet COMPLETED) or Continue failed, in the background: progress comes as run updates. */
  startFleet(input: { siteId: string; which: 'all' | 'failed' }): Promise<Result<FleetStatus>>;
  pauseFleet(siteId: string): Promise<Result<null>>;

  /** A shop's runs, newest first, with who ran them and what they did (the history, and the log viewer's run filter). */
  listRuns(shopId: string): Promise<Result<RunHistoryEntry[]>>;
  runTimeline(runId: string): Promise<Result<RunTimeline>>;
  insights(): Promise<Result<Insights>>;
  /** The shop owner's handover sheet of a finished run, saved where the installer chooses; null when cancelled. */
  saveHandoverSheet(input: { shopId: string; runId?: string }): Promise<Result<SavedDocument | null>>;

  queryLogs(query: LogQuery): Promise<Result<LogEntry[]>>;
  countLogs(query: LogQuery): Promise<Result<number>>;
  /** Writes the support bundle where the installer chooses; null when cancelled. */
  exportSupportBundle(shopId: string): Promise<Result<{ path: string; bytes: number } | null>>;

  /** Run progress pushed by main; returns the unsubscribe function. */
  onRunUpdate(listener: (update: RunUpdate) => void): () => void;
  /** Log entries pushed by main once stored (redacted, with their ids); returns the unsubscribe function. */
  onLogEntries(listener: (entries: LogEntry[]) => void): () => void;
  /** The engine process stopping and coming back (pushed by main); returns the unsubscribe function. */
  onEngineEvent(listener: (event: EngineEvent) => void): () => void;
}

/** The request/response calls of PosApi (everything but the event subscriptions). */
export type PosCommand = Exclude<keyof PosApi, 'onRunUpdate' | 'onLogEntries' | 'onEngineEvent'>;

export type CommandInput<K extends PosCommand> = Parameters<PosApi[K]> extends [infer I] ? I : undefined;
export type CommandValue<K extends PosCommand> = Awaited<ReturnType<PosApi[K]>> extends Result<infer V> ? V : never;

/** Channel names, one per use case (never a generic pass-through). */
export const POS_COMMANDS = [
  'appInfo',
  'listSites',
  'saveSite',
  'removeSite',
  'testConnection',
  'checkSiteUrl',
  'chartsForCountry',
  'modesOfPayment',
  'listShops',
  'saveShop',
  'removeShop',
  'previewUndo',
  'undoShop',
  'checkShopFile',
  'planShop',
  'checkShopOnSite',
  'exportShopFile',
  'getRun',
  'startRun',
  'continueRun',
  'retryAll',
  'skipStep',
  'unskipStep',
  'cancelRun',
  'checkFleetFile',
  'importFleet',
  'fleetStatus',
  'startFleet',
  'pauseFleet',
  'listRuns',
  'runTimeline',
  'insights',
  'saveHandoverSheet',
  'tryNow',
  'activeRuns',
  'checkShop',
  'repairPlan',
  'repairShop',
  'queryLogs',
  'countLogs',
  'exportSupportBundle',
] as const satisfies readonly PosCommand[];

export const channelOf = (command: PosCommand) => `pos:${command}`;
export const RUN_UPDATE_CHANNEL = 'pos:event:run-update';
export const LOG_ENTRIES_CHANNEL = 'pos:event:log-entries';
export const ENGINE_EVENT_CHANNEL = 'pos:event:engine';

type AssertNever<T extends never> = T;
/** Compile-time check that every command has a channel. */
export type AllCommandsListed = AssertNever<Exclude<PosCommand, (typeof POS_COMMANDS)[number]>>;
