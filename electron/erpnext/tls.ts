import { readFileSync } from 'node:fs';
import http from 'node:http';
import { isIP } from 'node:net';
import tls from 'node:tls';
import { Agent as AsyncAgent, type AgentConnectOpts } from 'agent-base';
import { HttpProxyAgent } from 'http-proxy-agent';
import type { Duplex } from 'node:stream';
import { ErpNextError } from './errors';
import { openTunnel, proxyFor } from './proxy';

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

/**
 * HTTPS agent for one site. Certificates are verified as usual, with an optional extra CA. With a
 * pinned fingerprint, chain verification is replaced by an exact match on the leaf certificate — and
 * the socket is handed to the HTTP layer only after that match, so no request byte (and no token)
 * is ever written to an unverified server.
 */
export class SiteHttpsAgent extends AsyncAgent {
  private readonly ca?: string[];
  private readonly pin?: string;

  constructor(private readonly settings: TlsSettings, private readonly proxy: URL | undefined, private readonly timeoutMs: number) {
    super({ keepAlive: true, maxSockets: 8 });
    this.ca = settings.caFile ? [...tls.rootCertificates, readCa(settings.caFile)] : undefined;
    this.pin = settings.pinnedSha256 ? normalizeFingerprint(settings.pinnedSha256) : undefined;
  }

  override async connect(_req: http.ClientRequest, opts: AgentConnectOpts): Promise<Duplex> {
    const host = opts.host ?? 'localhost';
    const port = Number(opts.port) || 443;
    const socket = this.proxy ? await openTunnel(this.proxy, host, port, this.timeoutMs) : undefined;
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

export interface SiteAgents {
  httpAgent: http.Agent;
  httpsAgent: http.Agent;
}

export function createSiteAgents(baseUrl: string, settings: TlsSettings, timeoutMs: number): SiteAgents {
  const proxy = proxyFor(baseUrl);
  return {
    httpAgent: proxy ? new HttpProxyAgent(proxy, { keepAlive: true }) : new http.Agent({ keepAlive: true, maxSockets: 8 }),
    httpsAgent: new SiteHttpsAgent(settings, proxy, timeoutMs),
  };
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
