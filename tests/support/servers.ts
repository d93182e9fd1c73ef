import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

export interface TestServer {
  url: string;
  port: number;
  requests: http.IncomingMessage[];
  close(): Promise<void>;
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

async function listen(server: http.Server, scheme: 'http' | 'https', host = '127.0.0.1'): Promise<TestServer> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const requests: http.IncomingMessage[] = [];
  server.prependListener('request', (req) => requests.push(req));
  return {
    url: `${scheme}://${host}:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export function startHttp(handler: Handler): Promise<TestServer> {
  return listen(http.createServer(handler), 'http');
}

export function startHttps(tls: { cert: string; key: string }, handler: Handler): Promise<TestServer> {
  return listen(https.createServer(tls, handler), 'https');
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export function sendHtml(res: http.ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(html);
}

/** A minimal ERPNext stand-in for transport tests that need full control of each answer. */
export const pong: Handler = (_req, res) => sendJson(res, 200, { message: 'pong' });
