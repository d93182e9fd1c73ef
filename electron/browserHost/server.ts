import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { dispatch, isCommand } from '../ipc/dispatch';
import { forwardEvents } from '../ipc/events';
import { createHandlers } from '../ipc/handlers';
import type { HostPorts } from '../ipc/ports';
import type { ProvisioningService } from '../service';
import type { EngineEvent } from '../../shared/ipc/contract';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { HostAccess } from './access';
import { BadPathError, contentType, readPage, staticFile } from '../pageFiles';

export interface BrowserHostOptions {
  service: ProvisioningService;
  /** The built renderer (vite build output). */
  rendererDir: string;
  port?: number;
  /** Where "save" dialogs put files (the browser host has no native dialog). */
  downloadsDir: string;
  appVersion: string;
  onNotify?: (title: string, body: string) => void;
}

export interface BrowserHost {
  /** The host's origin. Opening it without a login token shows nothing. */
  url: string;
  /** A new one-time address that signs a browser in (print it, or open it in a test's browser). */
  loginUrl(): string;
  /**
   * Test seam, in-process only (no HTTP route reaches it): sends an engine event down the event stream
   * exactly as main relays the engine process's in the app. Here the engine runs inside the host, so it
   * never stops on its own; the e2e tests show the window's restart banner with this.
   */
  emitEngineEvent(event: EngineEvent): void;
  close(): Promise<void>;
}

/** Every API call must carry this header: a cross-origin page cannot send it without a CORS preflight, which is never granted. */
export const API_HEADER = 'x-pos-api';

class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: http.IncomingMessage, limit = 2_000_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new HttpRefusal(413, 'payload too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parsePayload(body: string): unknown {
  if (!body) return undefined;
  try {
    const parsed = JSON.parse(body) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as { payload?: unknown }).payload : undefined;
  } catch {
    throw new HttpRefusal(400, 'the body is not JSON');
  }
}

/** Only absolute paths ("/x"), never "//host/x" or "*": anything else is a malformed request. */
function requestPath(req: http.IncomingMessage): URL {
  const raw = req.url ?? '';
  if (!raw.startsWith('/') || raw.startsWith('//')) throw new HttpRefusal(400, 'bad request target');
  let url: URL;
  try {
    url = new URL(raw, 'http://host.invalid');
    decodeURIComponent(url.pathname);
  } catch {
    throw new HttpRefusal(400, 'bad request target');
  }
  if (/%00/.test(url.pathname)) throw new HttpRefusal(400, 'bad request target');
  return url;
}

/**
 * The same typed API as the Electron preload, served to a browser page for development, demos and e2e
 * tests: 127.0.0.1 only, signed in by a one-time address (see HostAccess), same-origin requests only.
 * It runs the real handlers over the real service (engine, store, ERPNext client).
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  let origin = '';
  const access = new HostAccess();
  let savedFiles = 0;
  const ports: HostPorts = {
    host: 'browser-host',
    appVersion: options.appVersion,
    chooseSavePath: async ({ defaultName }) => path.join(options.downloadsDir, `${++savedFiles}-${defaultName.replace(/[^\w.\- ]+/g, '_')}`),
    notify: (title, body) => options.onNotify?.(title, body),
    updateStatus: async () => ({ enabled: false, detail: 'Updates do not apply to the browser host (development and tests).' }),
  };
  const handlers = createHandlers(options.service, ports);
  const streams = new Set<http.ServerResponse>();
  const send = (event: string, data: unknown) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const stream of streams) stream.write(frame);
  };
  const stopEvents = forwardEvents(options.service, { runUpdate: (update) => send('run-update', update), logEntries: (entries) => send('log-entries', entries) }, ports);

  const api = async (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => {
    if (req.method !== 'POST') throw new HttpRefusal(405, 'use POST');
    if (req.headers[API_HEADER] !== '1') throw new HttpRefusal(403, 'not an app request');
    const command = url.pathname.slice('/api/'.length);
    if (!isCommand(command)) throw new HttpRefusal(404, 'unknown command');
    const result = await dispatch(handlers, command, parsePayload(await readBody(req)));
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(result));
  };

  const events = (req: http.IncomingMessage, res: http.ServerResponse) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    req.on('close', () => streams.delete(res));
  };

  const page = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpRefusal(405, 'use GET');
    const file = staticFile(options.rendererDir, url.pathname);
    if (file && !file.endsWith('index.html')) {
      res.writeHead(200, { 'Content-Type': contentType(file) });
      return void res.end(readFileSync(file));
    }
    res.writeHead(200, { 'Content-Type': contentType('index.html') });
    res.end(readPage(options.rendererDir));
  };

  const route = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (!access.hostAllowed(req)) throw new HttpRefusal(403, 'host refused');
    // Only the page this host served may call it: another site's page sends its own Origin.
    if (req.headers.origin !== undefined && req.headers.origin !== origin) throw new HttpRefusal(403, 'origin refused');
    const url = requestPath(req);
    const token = url.searchParams.get('token');
    if (token !== null && req.method === 'GET') {
      if (!access.redeem(token)) throw new HttpRefusal(403, 'This sign-in address was already used or is not valid. Use the address the host printed, or restart the host for a new one.');
      res.writeHead(303, { 'Set-Cookie': access.sessionCookie(), Location: url.pathname });
      return void res.end();
    }
    if (!access.hasSession(req)) throw new HttpRefusal(401, 'Open the address the browser host printed (it signs this browser in once).');
    if (url.pathname.startsWith('/api/')) return api(req, res, url);
    if (url.pathname === '/events') return events(req, res);
    return page(req, res, url);
  };

  const server = http.createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      const status = error instanceof HttpRefusal ? error.status : error instanceof BadPathError ? 400 : 500;
      const text = error instanceof HttpRefusal ? error.message : status === 400 ? 'bad request' : 'internal error';
      if (res.headersSent) return void res.destroy();
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(text);
    });
  });
  // A request Node cannot even parse (bad header, bad method) gets a 400 instead of a dropped socket.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  access.listeningOn(port);
  return {
    url: origin,
    loginUrl: () => `${origin}/?token=${access.issueLoginToken()}`,
    emitEngineEvent: (event) => send('engine', event),
    close: () =>
      new Promise<void>((resolve) => {
        stopEvents();
        for (const stream of streams) stream.end();
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
