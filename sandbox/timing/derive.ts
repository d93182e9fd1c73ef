// How a timing profile is derived from exchanges recorded on a real site (../shared/erpnext/recorded,
// `response.elapsed_s`): the median server time per operation and outcome, and per class of operation
// for anything not recorded. Pure, so a test can check the checked-in profile against the recordings.

export type Outcome = 'ok' | 'error';

export interface TimingProfile {
  /** "POST resource Company", "PUT resource Selling Settings/:name", "GET method frappe.client.get_value" */
  operations: Record<string, Partial<Record<Outcome, number>>>;
  /** "GET list", "GET doc", "GET method", "POST insert", "PUT update", "DELETE delete", "POST method", … */
  classes: Record<string, Partial<Record<Outcome, number>>>;
  /** seconds when neither the operation nor its class was recorded */
  fallback: Record<Outcome, number>;
}

export interface TimedExchange { method: string; path: string; status: number; elapsedS: number }

export interface Operation { key: string; cls: string }

/** The operation a request performs: resource list / document / method, by doctype or command. */
export function operationOf(method: string, rawPath: string): Operation {
  const m = method.toUpperCase();
  const path = rawPath.replace(/\/+$/, '').replace(/^\/api\/v1\//, '/api/');
  const call = /^\/api\/method\/([^/]+)$/.exec(path);
  if (call) return { key: `${m} method ${call[1]}`, cls: `${m} method` };
  const res = /^\/api\/resource\/([^/]+)(?:\/(.+))?$/.exec(path);
  if (!res) return { key: `${m} other`, cls: `${m} other` };
  const doctype = res[1] ?? '';
  if (res[2] === undefined) return { key: `${m} resource ${doctype}`, cls: m === 'GET' ? 'GET list' : `${m} insert` };
  return { key: `${m} resource ${doctype}/:name`, cls: m === 'GET' ? 'GET doc' : m === 'PUT' ? 'PUT update' : m === 'DELETE' ? 'DELETE delete' : `${m} doc` };
}

export const outcomeOf = (status: number): Outcome => (status < 400 ? 'ok' : 'error');

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return Math.round((s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2) * 1000) / 1000;
}

function group(exchanges: TimedExchange[], keyOf: (e: TimedExchange) => string): Record<string, Partial<Record<Outcome, number>>> {
  const buckets = new Map<string, number[]>();
  for (const e of exchanges) {
    const k = `${keyOf(e)}\u0000${outcomeOf(e.status)}`;
    buckets.set(k, [...(buckets.get(k) ?? []), e.elapsedS]);
  }
  const out: Record<string, Partial<Record<Outcome, number>>> = {};
  for (const [k, values] of [...buckets.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const [key = '', outcome = 'ok'] = k.split('\u0000');
    (out[key] ??= {})[outcome as Outcome] = median(values);
  }
  return out;
}

export function deriveProfile(exchanges: TimedExchange[]): TimingProfile {
  const byOutcome = (o: Outcome) => median(exchanges.filter((e) => outcomeOf(e.status) === o).map((e) => e.elapsedS));
  return {
    operations: group(exchanges, (e) => operationOf(e.method, e.path).key),
    classes: group(exchanges, (e) => operationOf(e.method, e.path).cls),
    fallback: { ok: byOutcome('ok'), error: byOutcome('error') },
  };
}

/** Seconds the profiled server works on a request: its operation, else its class, else the fallback. */
export function serverSeconds(profile: TimingProfile, method: string, path: string, status: number): number {
  const op = operationOf(method, path);
  const outcome = outcomeOf(status);
  return profile.operations[op.key]?.[outcome] ?? profile.classes[op.cls]?.[outcome] ?? profile.fallback[outcome];
}
