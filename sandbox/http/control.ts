import type { FaultRule, SandboxStats } from '../types';
import { parseFaultSpec, FaultSpecError } from './faultSpec';
import type { RawResponse } from './faultResponses';
import { TIMING_NAMES, timingSettings, type TimingName, type TimingSettings } from '../timing';

// /__sandbox/…: drive a sandbox running in another process (tests, trainers). Administrator token only.

export interface ControlTarget {
  faults: { add(rule: FaultRule): string; remove(id: string): void; clear(): void; list(): FaultRule[] };
  setLatency(ms: number): void;
  latency(): number;
  setClock(clock: () => Date): void;
  now(): Date;
  setUserRoles(user: string, roles: string[]): void;
  userRoles(user: string): string[] | null;
  stats(): SandboxStats;
  resetStats(): void;
  timing(): TimingSettings;
  setTiming(settings: TimingSettings): void;
}

const reply = (status: number, body: unknown): RawResponse => ({ status, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

function setClock(target: ControlTarget, body: Record<string, unknown>): RawResponse {
  if (body.reset || body.now === null) {
    target.setClock(() => new Date());
  } else {
    const start = new Date(String(body.now));
    if (Number.isNaN(start.getTime())) return reply(400, { error: 'now must be an ISO date-time' });
    const since = Date.now();
    target.setClock(body.frozen ? () => new Date(start) : () => new Date(start.getTime() + (Date.now() - since)));
  }
  return reply(200, { now: target.now().toISOString() });
}

/** {"profile": "erpnext15" | "off", "workers": 2, "scale": 1} — unspecified keys keep their value. */
function setTiming(target: ControlTarget, body: Record<string, unknown>): RawResponse {
  const now = target.timing();
  const profile = (body.profile ?? now.profile) as TimingName;
  if (!TIMING_NAMES.includes(profile)) return reply(400, { error: `profile must be one of ${TIMING_NAMES.join(', ')}` });
  const workers = body.workers === undefined ? now.workers : Number(body.workers);
  const scale = body.scale === undefined ? now.scale : Number(body.scale);
  if (!Number.isInteger(workers) || workers < 1 || !(scale >= 0)) return reply(400, { error: 'workers must be a positive integer and scale a non-negative number' });
  target.setTiming(timingSettings(profile, workers, scale));
  return reply(200, target.timing());
}

export function handleControl(target: ControlTarget, method: string, path: string, bodyText: string): RawResponse {
  let body: Record<string, unknown> = {};
  try {
    body = bodyText ? (JSON.parse(bodyText) as Record<string, unknown>) : {};
  } catch {
    return reply(400, { error: 'body must be JSON' });
  }
  const sub = path.replace(/^\/__sandbox/, '').replace(/\/+$/, '');
  try {
    if (sub === '/faults' && method === 'GET') return reply(200, { faults: target.faults.list() });
    if (sub === '/faults' && method === 'POST') {
      const rules = typeof body.spec === 'string' ? parseFaultSpec(body.spec) : (Array.isArray(body) ? body : [body]) as FaultRule[];
      if (typeof body.spec !== 'string') parseFaultSpec(JSON.stringify(rules));
      return reply(200, { ids: rules.map((r) => target.faults.add(r)) });
    }
    if (sub === '/faults' && method === 'DELETE') {
      target.faults.clear();
      return reply(200, { ok: true });
    }
    const one = /^\/faults\/(.+)$/.exec(sub);
    if (one && method === 'DELETE') {
      target.faults.remove(decodeURIComponent(one[1] ?? ''));
      return reply(200, { ok: true });
    }
    if (sub === '/latency' && method === 'GET') return reply(200, { ms: target.latency() });
    if (sub === '/latency' && (method === 'POST' || method === 'PUT')) {
      target.setLatency(Number(body.ms) || 0);
      return reply(200, { ms: target.latency() });
    }
    if (sub === '/stats' && method === 'GET') return reply(200, target.stats());
    if ((sub === '/stats' && method === 'DELETE') || (sub === '/stats/reset' && method === 'POST')) {
      target.resetStats();
      return reply(200, target.stats());
    }
    if (sub === '/timing' && method === 'GET') return reply(200, target.timing());
    if (sub === '/timing' && (method === 'POST' || method === 'PUT')) return setTiming(target, body);
    if (sub === '/clock' && method === 'GET') return reply(200, { now: target.now().toISOString() });
    if (sub === '/clock' && (method === 'POST' || method === 'PUT')) return setClock(target, body);
    const roles = /^\/users\/(.+)\/roles$/.exec(sub);
    if (roles) {
      const user = decodeURIComponent(roles[1] ?? '');
      if (method === 'POST' || method === 'PUT') target.setUserRoles(user, (body.roles as string[]) ?? []);
      const current = target.userRoles(user);
      return current ? reply(200, { user, roles: current }) : reply(404, { error: `no user ${user}` });
    }
  } catch (error) {
    return reply(error instanceof FaultSpecError ? 400 : 500, { error: (error as Error).message });
  }
  return reply(404, { error: `no control route ${method} ${path}` });
}
