import { randomBytes, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';

function same(given: string | undefined, expected: string): boolean {
  if (!given || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

function cookie(req: http.IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/**
 * Who may use the browser host. Like Jupyter: the address the host prints carries a one-time token;
 * opening it trades the token for an HttpOnly, SameSite=Strict session cookie and redirects to a
 * clean address. A plain `GET /` reveals nothing, every API call and the event stream need the cookie,
 * and only requests addressed to this host by name (no DNS rebinding) are answered.
 */
export class HostAccess {
  private readonly session = randomBytes(32).toString('hex');
  private readonly loginTokens = new Set<string>();
  private cookieName = 'pos_session';
  private allowedHosts = new Set<string>();

  /** Called once the server listens: the port is part of the allowed Host names and of the cookie. */
  listeningOn(port: number): void {
    // Cookies are shared by every port of 127.0.0.1: the port in the name keeps two hosts apart.
    this.cookieName = `pos_session_${port}`;
    this.allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  }

  /** A new one-time login token (each printed or handed-out address gets its own). */
  issueLoginToken(): string {
    const token = randomBytes(24).toString('hex');
    this.loginTokens.add(token);
    return token;
  }

  /** A DNS-rebinding page reaches 127.0.0.1 under its own name: its Host header gives it away. */
  hostAllowed(req: http.IncomingMessage): boolean {
    return this.allowedHosts.has((req.headers.host ?? '').toLowerCase());
  }

  /** Uses up a login token: true once per token. */
  redeem(token: string | null): boolean {
    if (!token) return false;
    for (const known of this.loginTokens) {
      if (same(token, known)) {
        this.loginTokens.delete(known);
        return true;
      }
    }
    return false;
  }

  hasSession(req: http.IncomingMessage): boolean {
    return same(cookie(req, this.cookieName), this.session);
  }

  sessionCookie(): string {
    return `${this.cookieName}=${this.session}; HttpOnly; SameSite=Strict; Path=/`;
  }
}
