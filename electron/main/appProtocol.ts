import { readFile } from 'node:fs/promises';
import { protocol, session } from 'electron';
import { contentType } from '../pageFiles';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { APP_SCHEME, appFileFor } from './appUrl';

/** Before `ready`: app:// behaves like https (secure context, its own origin, fetch), with no CSP bypass. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves the built page over app://pos with the page's CSP on every answer. */
export function serveAppProtocol(rendererDir: string): void {
  const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };
  session.defaultSession.protocol.handle(APP_SCHEME, async (request) => {
    const answer = appFileFor(rendererDir, request.url);
    if ('status' in answer) return new Response(answer.status === 400 ? 'Bad request' : 'Not found', { status: answer.status, headers });
    return new Response(await readFile(answer.file), { headers: { ...headers, 'Content-Type': contentType(answer.file) } });
  });
}
