import http from 'node:http';
import type { Socket } from 'node:net';
import type { Engine } from '../engine';
import { FrappeError } from '../core/errors';
import type { SandboxStats } from '../types';
import type { ControlTarget } from './control';
import { handleControl } from './control';
import { faultResponse, type RawResponse } from './faultResponses';
import type { FaultEngine } from './faults';
import type { ShapeOptions } from './respond';
import type { ServerTiming } from '../timing';

// node:http front: latency, fault rules, the control API, then the engine. Sockets are tracked so stop()
// can end hanging requests too.

export interface ServerDeps {
  engine: Engine;
  faults: FaultEngine;
  control: ControlTarget;
  latency: () => number;
  stats: SandboxStats;
  shape: () => ShapeOptions;
  isAdministrator: (authorization: string | undefined) => boolean;
  timing: ServerTiming;
}

export interface RunningServer { server: http.Server; close(): Promise<void> }

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** frappe/app.py make_form_dict: a JSON body alone, else query string + form fields. */
function formDict(url: URL, contentType: string, body: string): { form: Record<string, unknown>; error?: FrappeError } {
  const form: Record<string, unknown> = {};
  if (body && (contentType.includes('json') || (!contentType && /^\s*[[{]/.test(body)))) {
    try {
      const parsed = JSON.parse(body) as unknown;
      return { form: parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { data: parsed } };
    } catch (error) {
      return { form, error: new FrappeError('JSONDecodeError', (error as Error).message) };
    }
  }
  for (const [k, v] of url.searchParams) form[k] = v;
  if (body && contentType.includes('x-www-form-urlencoded')) for (const [k, v] of new URLSearchParams(body)) form[k] = v;
  return { form };
}

function send(res: http.ServerResponse, r: RawResponse): void {
  if (res.destroyed) return;
  res.writeHead(r.status, { ...r.headers, 'Content-Length': Buffer.byteLength(r.body) });
  res.end(r.body);
}

const sleep = (ms: number, timers: Set<NodeJS.Timeout>) => new Promise<void>((resolve) => {
  if (ms <= 0) return resolve();
  const t = setTimeout(() => { timers.delete(t); resolve(); }, ms);
  timers.add(t);
});

const NOT_FOUND: RawResponse = { status: 404, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: '<!DOCTYPE html><html><head><title>Not Found</title></head><body><h1>Page Not Found</h1></body></html>' };

export function startServer(deps: ServerDeps, port: number): Promise<RunningServer> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const runApi = (req: http.IncomingMessage, path: string, url: URL, body: string): RawResponse => {
    const { form, error } = formDict(url, String(req.headers['content-type'] ?? ''), body);
    const method = (req.method ?? 'GET').toUpperCase();
    const result = deps.engine.handle({ method, path, authorization: req.headers.authorization, form, formError: error });
    if (method !== 'GET') deps.stats.writes += 1;
    const key = `${method} ${path.replace(/^\/api\/v1\//, '/api/').replace(/\/+$/, '')}`;
    deps.stats.byRoute[key] = (deps.stats.byRoute[key] ?? 0) + 1;
    return { status: result.status, headers: { 'Content-Type': 'application/json', ...(result.headers ?? {}) }, body: JSON.stringify(result.body) };
  };

  /**
   * With a timing profile the request waits for a worker, is run once and rolled back to learn its
   * outcome, waits the time the real server took for that operation and outcome, then runs for real:
   * the write lands when the worker is done, as on the real site.
   */
  const runTimed = async (req: http.IncomingMessage, path: string, url: URL, body: string): Promise<RawResponse> => {
    const release = await deps.timing.acquire();
    try {
      const started = Date.now();
      const { form, error } = formDict(url, String(req.headers['content-type'] ?? ''), body);
      const method = (req.method ?? 'GET').toUpperCase();
      const probe = deps.engine.handle({ method, path, authorization: req.headers.authorization, form, formError: error, dryRun: true });
      await sleep(deps.timing.workMs(method, path, probe.status) - (Date.now() - started), timers);
      return runApi(req, path, url, body);
    } finally {
      release();
    }
  };

  const onRequest = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let path = url.pathname;
    try {
      path = decodeURIComponent(url.pathname);
    } catch { /* keep the raw path */ }
    const method = (req.method ?? 'GET').toUpperCase();
    if (path.startsWith('/__sandbox')) {
      if (!deps.isAdministrator(req.headers.authorization)) return send(res, { status: 403, headers: { 'Content-Type': 'application/json' }, body: '{"error":"Administrator token required"}' });
      return send(res, handleControl(deps.control, method, path, body));
    }
    deps.stats.requests += 1;
    await sleep(deps.latency(), timers);
    const rule = deps.faults.match(method, path, body);
    if (rule?.kind === 'reset') return req.socket.destroy();
    if (rule?.kind === 'hang') {
      if (!rule.delayMs) return; // never answer; stop() destroys the socket
      await sleep(rule.delayMs, timers);
    } else if (rule?.kind === 'hold') {
      await deps.faults.released(rule.id!);
    } else if (rule?.kind === 'commit_late') {
      // The client's socket may be gone already: the work is done and committed all the same.
      await sleep(rule.delayMs ?? 0, timers);
    } else if (rule?.kind === 'latency') await sleep(rule.delayMs ?? 0, timers);
    else if (rule && rule.kind !== 'commit_then_drop') return send(res, faultResponse(rule, deps.shape()));
    if (!path.startsWith('/api/') && path !== '/api') return send(res, NOT_FOUND);
    const response = deps.timing.enabled ? await runTimed(req, path, url, body) : runApi(req, path, url, body);
    if (rule?.kind === 'commit_then_drop') return req.socket.destroy();
    send(res, response);
  };

  const server = http.createServer((req, res) => {
    onRequest(req, res).catch((error: unknown) => send(res, { status: 500, headers: { 'Content-Type': 'text/plain' }, body: String(error) }));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      resolve({
        server,
        close: () => new Promise<void>((done) => {
          for (const t of timers) clearTimeout(t);
          for (const s of sockets) s.destroy();
          server.close(() => done());
        }),
      });
    });
  });
}
