// The public programmatic API of the sandbox (see README.md); other parts of the project code against it.

export interface SandboxUser { user: string; apiKey: string; apiSecret: string; roles: string[] }

export interface SandboxOptions {
  port?: number;
  dbFile?: string;
  state?: 'setup-done' | 'bare';
  latencyMs?: number;
  faults?: FaultRule[];
  seed?: number;
  errorShape?: 'v15' | 'v14';
  allowTraceback?: boolean;
  versions?: { frappe: string; erpnext: string };
  clock?: () => Date;
  users?: Partial<Record<'administrator' | 'provisioner' | 'norole', { apiKey: string; apiSecret: string }>>;
  /**
   * 'erpnext15': every request that reaches the site takes the server time measured on a real ERPNext 15
   * for that operation and outcome, on `timingWorkers` workers (default 2; the rest queue). Default 'off'.
   */
  timing?: 'off' | 'erpnext15';
  timingWorkers?: number;
  /** multiplies the profiled times (tests use a fraction); default 1 */
  timingScale?: number;
}

export interface FaultRule {
  id?: string;
  method?: string;
  path: string;
  /**
   * commit_late: the site works on the request for delayMs, commits it and answers — by then the client
   * has usually given up (a busy worker behind a proxy that timed out). fail_endpoint: one method+path
   * answers `status` (503, 500 or 417) every time, while the rest of the site works. hold: the request
   * waits until the rule is removed (or the faults cleared), then is handled normally — a test holds a run
   * at one request for as long as it needs, instead of racing a delay.
   */
  kind: 'status' | 'rate_limit' | 'reset' | 'hang' | 'hold' | 'commit_then_drop' | 'commit_late' | 'fail_endpoint' | 'html' | 'error' | 'latency';
  status?: number;
  excType?: string;
  message?: string;
  title?: string;
  retryAfterS?: number;
  delayMs?: number;
  times?: number;
  skip?: number;
  probability?: number;
  firstPerRequest?: boolean;
}

export interface SandboxStats { requests: number; writes: number; byRoute: Record<string, number>; faultsFired: number }

export interface Sandbox {
  url: string;
  port: number;
  users: { administrator: SandboxUser; provisioner: SandboxUser; norole: SandboxUser };
  faults: { add(rule: FaultRule): string; remove(id: string): void; clear(): void; list(): FaultRule[] };
  setLatency(ms: number): void;
  setClock(clock: () => Date): void;
  setUserRoles(user: string, roles: string[]): void;
  /** The site's background worker (RQ): 'stopped' leaves enqueued jobs (a Transaction Deletion Record) waiting; 'run' runs them. */
  setBackgroundJobs(state: 'run' | 'stopped'): void;
  setTiming(timing: 'off' | 'erpnext15', options?: { workers?: number; scale?: number }): void;
  stats(): SandboxStats;
  resetStats(): void;
  db: {
    count(doctype: string, filters?: Record<string, unknown>): number;
    get(doctype: string, name: string): Record<string, unknown> | null;
    list(doctype: string): Record<string, unknown>[];
  };
  stop(): Promise<void>;
}
