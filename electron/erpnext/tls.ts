import { readFileSync } from 'node:fs';
import type http from 'node:http';
import net, { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { Agent as AsyncAgent, type AgentConnectOpts } from 'agent-base';
import { HttpProxyAgent } from 'http-proxy-agent';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { ErpNextError } from './errors';
import { type ProxyChoice, chooseProxy } from './proxy';

export interface TlsSettings {
  /** PEM file with an extra CA (a company CA), trusted in addition to the system's roots. */
  caFile?: string;
  /** SHA-256 fingerprint of the one self-signed certificate this site is trusted to present. */
  pinnedSha256?: string;
}

/** "ab cd…", "AB:CD:…" or 64 hex digits → Node's "AB:CD:…" form; throws on anything else. */
export function normalizeFingerprint(input: string): string {
  const hex = input.replace(/^sha-?256[:/ ]?/i, '').replace(/[\s:]/g, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) {
    throw new ErpNextError({ code: 'tls_config', message: 'A certificate fingerprint is 64 hexadecimal characters (SHA-256).' });
  }
  return hex.match(/../g)!.join(':');
}

function readCa(caFile: string): string {
  try {
    const pem = readFileSync(caFile, 'utf8');
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new Error('not a PEM certificate');
    return pem;
  } catch (cause) {
    throw new ErpNextError({ code: 'tls_config', message: `The CA file ${caFile} cannot be used: ${(cause as Error).message}.`, cause });
  }
}

function waitForHandshake(socket: tls.TLSSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('secureConnect', () => {
      socket.off('error', reject);
      resolve();
    });
    socket.once('error', reject);
  });
}

function pinMismatch(expected: string, actual: string | undefined): Error {
  return Object.assign(new Error(`Certificate fingerprint ${actual ?? 'unknown'} does not match the trusted ${expected}`), {
    code: 'ERR_TLS_PIN_MISMATCH',
  });
}

/** A proxy refusing the CONNECT (407 needs credentials, 403 policy…) is a connection failure, not an ERPNext answer. */
function tunnelRefused(target: string, status: number | undefined): Error {
  return Object.assign(new Error(`The proxy refused the tunnel to ${target} (HTTP ${status ?? 'no answer'}).`), { code: status === 407 ? 'EPROXYAUTH' : 'ECONNREFUSED' });
}

/**
 * A CONNECT tunnel through `proxy` to the site, opened by https-proxy-agent (proxy credentials, IPv6,
 * header parsing). We take only the raw tunnel from it and do TLS ourselves (see SiteHttpsAgent):
 * its own TLS upgrade hands the socket to HTTP before the handshake is checked, and it replays a
 * proxy's refusal as if the site had answered.
 */
async function openTunnel(proxy: URL, req: http.ClientRequest, opts: AgentConnectOpts, timeoutMs: number): Promise<Duplex> {
  const agent = new HttpsProxyAgent(proxy);
  let status: number | undefined;
  agent.once('proxyConnect', (connect: { statusCode: number }) => (status = connect.statusCode));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('Proxy connect timeout'), { code: 'ETIMEDOUT' })), timeoutMs);
  });
  try {
    const socket = await Promise.race([agent.connect(req, { ...opts, secureEndpoint: false } as AgentConnectOpts), timeout]);
    if (status === 200) return socket;
    socket.destroy();
    throw tunnelRefused(`${opts.host}:${opts.port}`, status);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * HTTPS agent for one site. Certificates are verified as usual, with an optional extra CA. With a
 * pinned fingerprint, chain verification is replaced by an exact match on the leaf certificate — and
 * the socket is handed to the HTTP layer only after that match, so no request byte (and no token)
 * is ever written to an unverified server. Through a proxy, the same TLS runs inside the tunnel.
 */
export class SiteHttpsAgent extends AsyncAgent {
  private readonly ca?: string[];
  private readonly pin?: string;

  constructor(
    settings: TlsSettings,
    private readonly proxyChoice: () => Promise<ProxyChoice>,
    private readonly timeoutMs: number,
  ) {
    super({ keepAlive: true, maxSockets: 8 });
    this.ca = settings.caFile ? [...tls.rootCertificates, readCa(settings.caFile)] : undefined;
    this.pin = settings.pinnedSha256 ? normalizeFingerprint(settings.pinnedSha256) : undefined;
  }

  override async connect(req: http.ClientRequest, opts: AgentConnectOpts): Promise<Duplex> {
    const host = opts.host ?? 'localhost';
    const port = Number(opts.port) || 443;
    const { proxy } = await this.proxyChoice();
    const socket = proxy ? await openTunnel(proxy, req, { ...opts, host, port }, this.timeoutMs) : undefined;
    const secure = tls.connect({
      host,
      port,
      socket,
      servername: isIP(host) ? undefined : host,
      ca: this.ca,
      rejectUnauthorized: !this.pin,
      ALPNProtocols: ['http/1.1'],
    });
    await waitForHandshake(secure);
    if (this.pin) {
      const actual = secure.getPeerCertificate().fingerprint256;
      if (actual !== this.pin) {
        secure.destroy();
        throw pinMismatch(this.pin, actual);
      }
    }
    return secure;
  }
}

type ProxiedRequest = Parameters<HttpProxyAgent<string>['addRequest']>[0];

/**
 * Plain-HTTP agent for one site: direct, or through an HTTP proxy with absolute-form request lines
 * (http-proxy-agent). The proxy is known only after an asynchronous look-up, so the first connection
 * asks; requests on kept-alive sockets are rewritten for the proxy as they are queued.
 */
export class SiteHttpAgent extends AsyncAgent {
  private proxyAgent: HttpProxyAgent<string> | undefined;

  constructor(private readonly proxyChoice: () => Promise<ProxyChoice>) {
    super({ keepAlive: true, maxSockets: 8 });
  }

  addRequest(req: http.ClientRequest, opts: AgentConnectOpts): void {
    if (this.proxyAgent) {
      (req as ProxiedRequest)._header = null;
      this.proxyAgent.setRequestProps(req as ProxiedRequest, opts);
    }
    (AsyncAgent.prototype as unknown as { addRequest(r: http.ClientRequest, o: AgentConnectOpts): void }).addRequest.call(this, req, opts);
  }

  override async connect(req: http.ClientRequest, opts: AgentConnectOpts): Promise<Duplex> {
    const { proxy } = await this.proxyChoice();
    if (!proxy) return net.connect({ host: opts.host, port: Number(opts.port) || 80 });
    this.proxyAgent ??= new HttpProxyAgent(proxy, { keepAlive: true });
    return this.proxyAgent.connect(req as ProxiedRequest, opts);
  }
}

export interface SiteAgents {
  httpAgent: http.Agent;
  httpsAgent: http.Agent;
}

/** The site's agents. Its proxy is chosen once, on first use, and kept for this client's life. */
export function createSiteAgents(baseUrl: string, settings: TlsSettings, timeoutMs: number): SiteAgents {
  let choice: Promise<ProxyChoice> | undefined;
  const proxyChoice = () => (choice ??= chooseProxy(baseUrl));
  return { httpAgent: new SiteHttpAgent(proxyChoice), httpsAgent: new SiteHttpsAgent(settings, proxyChoice, timeoutMs) };
}

export interface PresentedCertificate {
  fingerprint256: string;
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  /** Whether the system (plus the optional CA) trusts it without a pin. */
  trusted: boolean;
  trustError?: string;
}

/**
 * Reads the certificate a site presents without sending any request, so an installer can compare its
 * fingerprint with the one the administrator gives before pinning it.
 */
export function probeCertificate(baseUrl: string, timeoutMs = 10_000): Promise<PresentedCertificate> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host: url.hostname,
      port: Number(url.port) || 443,
      servername: isIP(url.hostname) ? undefined : url.hostname,
      rejectUnauthorized: false,
      timeout: timeoutMs,
    });
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate();
      socket.destroy();
      resolve({
        fingerprint256: cert.fingerprint256,
        subject: Object.entries(cert.subject ?? {}).map(([k, v]) => `${k}=${String(v)}`).join(', '),
        issuer: Object.entries(cert.issuer ?? {}).map(([k, v]) => `${k}=${String(v)}`).join(', '),
        validFrom: cert.valid_from,
        validTo: cert.valid_to,
        trusted: socket.authorized,
        trustError: socket.authorizationError ? String(socket.authorizationError) : undefined,
      });
    });
    socket.once('timeout', () => socket.destroy(Object.assign(new Error('TLS probe timeout'), { code: 'ETIMEDOUT' })));
    socket.once('error', reject);
  });
}
