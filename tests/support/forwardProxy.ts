import http from 'node:http';
import net from 'node:net';

export interface ForwardProxy {
  url: string;
  port: number;
  /** CONNECT targets, in order. */
  tunnels: string[];
  /** Absolute-form request lines of plain-HTTP requests. */
  forwarded: string[];
  /** Connections opened to the proxy (keep-alive reuse shows as fewer connections than requests). */
  connections: number;
  close(): Promise<void>;
}

/**
 * A forward proxy that sends every tunnel and request to one local server, whatever host was asked:
 * "erp.test" needs no DNS, and a request can only succeed by going through the proxy. `refuse` makes
 * it answer every CONNECT with that status instead (407 = credentials needed).
 */
export async function startForwardProxy(targetPort: number, options: { refuse?: number } = {}): Promise<ForwardProxy> {
  const proxy: ForwardProxy = { url: '', port: 0, tunnels: [], forwarded: [], connections: 0, close: async () => undefined };
  const server = http.createServer({ keepAlive: true }, (req, res) => {
    proxy.forwarded.push(req.url ?? '');
    const target = new URL(req.url!);
    const upstream = http.request({ host: '127.0.0.1', port: targetPort, method: req.method, path: `${target.pathname}${target.search}`, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    req.pipe(upstream);
  });
  server.on('connect', (req, client: net.Socket, head) => {
    proxy.tunnels.push(req.url ?? '');
    if (options.refuse) return void client.end(`HTTP/1.1 ${options.refuse} Refused\r\nProxy-Authenticate: Basic realm="shop"\r\nContent-Length: 0\r\n\r\n`);
    const upstream = net.connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket) => {
    proxy.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.port = (server.address() as net.AddressInfo).port;
  proxy.url = `http://127.0.0.1:${proxy.port}`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return proxy;
}
