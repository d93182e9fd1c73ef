import type { FaultRule, SandboxStats } from '../types';
import { parseFaultSpec, FaultSpecError } from './faultSpec';
import type { RawResponse } from './faultResponses';

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
