import type { ErrorInfo } from './errors';
import type { ShopConfig } from './shop/schema';
import type { StepId } from './steps/catalog';
import type { LogLevel, RunPhase, RunStatus, StepStatus } from './status';

/** An ERPNext site as stored locally: the API secret is never part of it. */
export interface SiteRecord {
  id: string;
  url: string;
  displayUrl: string;
  apiKey: string;
  tlsCaFile: string | null;
  tlsPin: string | null;
  /** Plain HTTP to a remote address, explicitly allowed by the installer (lab setups only). */
  allowPlainHttp: boolean;
  lastCheck: ConnectionCheck | null;
  createdAt: string;
  updatedAt: string;
}

/** What "Test connection" and the engine check learn about a site. */
export interface ConnectionCheck {
  checkedAt: string;
  ok: boolean;
  user?: string;
  frappeVersion?: string;
  erpnextVersion?: string;
  missingRoles?: { role: string; doctypes: string[] }[];
  setupComplete?: boolean | null;
  error?: ErrorInfo;
}

export interface ShopRecord {
  id: string;
  siteId: string;
  name: string;
  config: ShopConfig;
  createdAt: string;
  updatedAt: string;
}

export interface StepRecord {
  stepId: StepId;
  status: StepStatus;
  attempts: number;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  currentAction: string | null;
  error: ErrorInfo | null;
  outputs: Record<string, unknown> | null;
}

export interface RunRecord {
  id: string;
  shopId: string;
  status: RunStatus;
  phase: RunPhase;
  machineVersion: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  updatedAt: string;
  nextProbeAt: string | null;
  error: ErrorInfo | null;
  summary: RunSummary | null;
}

/** What a run did on the site, for the installer and the helpdesk. */
export interface RunSummary {
  created: string[];
  adopted: string[];
  changed: string[];
  readiness: { check: string; ok: boolean; detail?: string }[];
}

export interface LogEntry {
  id: number;
  runId: string | null;
  shopId: string | null;
  time: string;
  level: LogLevel;
  stepId: StepId | null;
  correlationId: string | null;
  message: string;
  data: Record<string, unknown> | null;
}

export interface LogQuery {
  runId?: string;
  shopId?: string;
  stepId?: StepId;
  /** Minimum level. */
  level?: LogLevel;
  correlationId?: string;
  search?: string;
  /** Entries after this id (for live tail). */
  afterId?: number;
  /** Entries before this id (paging backwards). */
  beforeId?: number;
  limit?: number;
}
