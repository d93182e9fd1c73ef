import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { APP_URL, appFileFor } from '../../../electron/main/appUrl';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security';

function pageFolder(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'app-protocol-'));
  const renderer = path.join(root, 'renderer');
  mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'pos.sqlite'), 'the database, outside the page folder');
  return renderer;
}

describe('app:// serves the built page and nothing else', () => {
  const renderer = pageFolder();
  it.each([
    [APP_URL, 'index.html'],
    ['app://pos/', 'index.html'],
    ['app://pos/assets/app.js', path.join('assets', 'app.js')],
  ])('%s → %s', (url, file) => {
    expect(appFileFor(renderer, url)).toEqual({ file: path.join(renderer, file) });
  });

  it.each([
    ['app://other/index.html', 404],
    ['file:///etc/passwd', 404],
    ['app://pos/../pos.sqlite', 404],
    ['app://pos/%2e%2e/pos.sqlite', 404],
    ['app://pos/assets/..%2f..%2fpos.sqlite', 404],
    ['app://pos/missing.js', 404],
    ['app://pos/assets', 404],
    ['app://pos/%E0%A4%A', 400],
    ['app://pos/%00', 400],
    ['not a url', 400],
  ])('%s → %i', (url, status) => {
    expect(appFileFor(renderer, url)).toEqual({ status });
  });

  it('is registered as a secure standard scheme without any CSP bypass, and answers with the CSP', async () => {
    const registered: unknown[] = [];
    let handler: ((request: { url: string }) => Promise<Response>) | undefined;
    vi.doMock('electron', () => ({
      protocol: { registerSchemesAsPrivileged: (schemes: unknown[]) => void registered.push(...schemes) },
      session: { defaultSession: { protocol: { handle: (_scheme: string, fn: typeof handler) => void (handler = fn) } } },
    }));
    const { registerAppScheme, serveAppProtocol } = await import('../../../electron/main/appProtocol');
    registerAppScheme();
    expect(registered).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    serveAppProtocol(renderer);
    const page = await handler!({ url: APP_URL });
    expect([page.status, page.headers.get('content-security-policy'), page.headers.get('content-type')]).toEqual([200, CONTENT_SECURITY_POLICY, 'text/html; charset=utf-8']);
    expect(await page.text()).toContain('<div id="root">');
    const outside = await handler!({ url: 'app://pos/%2e%2e/pos.sqlite' });
    expect([outside.status, outside.headers.get('content-security-policy')]).toEqual([404, CONTENT_SECURITY_POLICY]);
    vi.doUnmock('electron');
  });
});
