import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { dispatch, isCommand } from '../ipc/dispatch';
import { forwardEvents } from '../ipc/events';
import { createHandlers } from '../ipc/handlers';
import type { HostPorts } from '../ipc/ports';
import type { ProvisioningService } from '../service';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';

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
  url: string;
  token: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.woff2': 'font/woff2' };

function sameToken(given: string | undefined, token: string): boolean {
  if (!given || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

function readBody(req: http.IncomingMessage, limit = 2_000_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('payload too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * The same typed API as the Electron preload, served to a browser page for development and e2e tests:
 * 127.0.0.1 only, a random per-start token, same-origin requests only. It runs the real handlers over
 * the real service (engine, store, ERPNext client).
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = randomBytes(24).toString('hex');
  let origin = '';
  let savedFiles = 0;
  const ports: HostPorts = {
    host: 'browser-host',
    appVersion: options.appVersion,
    chooseSavePath: async ({ defaultName }) => path.join(options.downloadsDir, `${++savedFiles}-${defaultName.replace(/[^\w.\- ]+/g, '_')}`),
    notify: (title, body) => options.onNotify?.(title, body),
  };
  const handlers = createHandlers(options.service, ports);
  const streams = new Set<http.ServerResponse>();
  const send = (event: string, data: unknown) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const stream of streams) stream.write(frame);
  };
  const stopEvents = forwardEvents(options.service, { runUpdate: (update) => send('run-update', update), logEntries: (entries) => send('log-entries', entries) }, ports);

  const indexHtml = () => {
    const file = path.join(options.rendererDir, 'index.html');
    if (!existsSync(file)) return `<!doctype html><p>The renderer is not built: run <code>npm run build:renderer</code>.</p>`;
    return readFileSync(file, 'utf8').replace('</head>', `<meta name="pos-host-token" content="${token}"></head>`);
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', origin);
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    // Only the page this host served may call it: another site's page sends its own Origin.
    const requestOrigin = req.headers.origin;
    if (requestOrigin && requestOrigin !== origin) return void res.writeHead(403).end('origin refused');
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST' || !sameToken(req.headers['x-pos-token'] as string | undefined, token)) return void res.writeHead(403).end('token refused');
      const command = url.pathname.slice('/api/'.length);
      if (!isCommand(command)) return void res.writeHead(404).end('unknown command');
      let payload: unknown;
      try {
        const body = await readBody(req);
        payload = body ? (JSON.parse(body) as { payload?: unknown }).payload : undefined;
      } catch {
        return void res.writeHead(400).end('bad request');
      }
      const result = await dispatch(handlers, command, payload);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return void res.end(JSON.stringify(result));
    }
    if (url.pathname === '/events') {
      if (!sameToken(url.searchParams.get('token') ?? undefined, token)) return void res.writeHead(403).end('token refused');
      res.writeHead(200, { 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (req.method !== 'GET') return void res.writeHead(405).end();
    const relative = path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
    const file = path.join(options.rendererDir, relative);
    if (relative && file.startsWith(options.rendererDir) && existsSync(file) && !file.endsWith('index.html')) {
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      return void res.end(readFileSync(file));
    }
    res.writeHead(200, { 'Content-Type': TYPES['.html'] });
    res.end(indexHtml());
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        stopEvents();
        for (const stream of streams) stream.end();
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
