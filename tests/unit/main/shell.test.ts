import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissionChecks, denyAllPermissions, isTrustedSender, shouldBlockNavigation, windowOpenHandler } from '../../../electron/main/hardening';
import { registerIpc } from '../../../electron/main/ipc';
import { mainWindowOptions } from '../../../electron/main/windowConfig';
import { ENGINE_EVENT_CHANNEL, POS_COMMANDS, channelOf } from '../../../shared/ipc/contract';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security';

const APP_URL = 'app://pos/index.html';

describe('the window', () => {
  const { webPreferences } = mainWindowOptions('/app/preload.cjs', { devTools: false });
  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['experimentalFeatures', false],
    ['navigateOnDragDrop', false],
    ['devTools', false],
  ])('%s is %s', (option, value) => {
    expect(webPreferences?.[option as keyof typeof webPreferences]).toBe(value);
  });

  it('loads the preload it is given', () => {
    expect(webPreferences?.preload).toBe('/app/preload.cjs');
  });

  it('has a strict content security policy', () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'none'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });
});

describe('navigation, new windows and permissions', () => {
  it('blocks navigation away from the app page', () => {
    expect(shouldBlockNavigation('https://evil.example/', APP_URL)).toBe(true);
    expect(shouldBlockNavigation('file:///etc/passwd', APP_URL)).toBe(true);
    expect(shouldBlockNavigation('file:///opt/pos/resources/app.asar/dist/renderer/index.html', APP_URL)).toBe(true);
    // Every non-special scheme has the opaque origin "null": the check must not compare origins.
    expect(shouldBlockNavigation('evil://pos/index.html', APP_URL)).toBe(true);
    expect(shouldBlockNavigation('app://elsewhere/index.html', APP_URL)).toBe(true);
    expect(shouldBlockNavigation(APP_URL, APP_URL)).toBe(false);
    expect(shouldBlockNavigation('app://pos/#/sites/new', APP_URL)).toBe(false);
    expect(shouldBlockNavigation('not a url', APP_URL)).toBe(true);
  });

  it('denies window.open and sends web links to the OS browser', () => {
    const opened: string[] = [];
    const handler = windowOpenHandler((url) => opened.push(url));
    expect(handler({ url: 'https://erp.example.com/app/pos-profile' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://erp.example.com/app/pos-profile']);
  });

  it('denies every permission request and check', () => {
    const callback = vi.fn();
    denyAllPermissions({}, 'notifications', callback);
    denyAllPermissions({}, 'media', callback);
    expect(callback.mock.calls).toEqual([[false], [false]]);
    expect(denyAllPermissionChecks()).toBe(false);
  });

  it('trusts only the main frame of our window on our page', () => {
    const mainFrame = { url: APP_URL, processId: 4, routingId: 1 };
    expect(isTrustedSender(mainFrame, mainFrame, APP_URL)).toBe(true);
    expect(isTrustedSender({ url: APP_URL, processId: 4, routingId: 1 }, mainFrame, APP_URL)).toBe(true);
    expect(isTrustedSender({ url: APP_URL, processId: 4, routingId: 7 }, mainFrame, APP_URL)).toBe(false);
    expect(isTrustedSender({ url: APP_URL }, mainFrame, APP_URL)).toBe(false);
    const navigatedAway = { url: 'https://evil.example/' };
    expect(isTrustedSender(navigatedAway, navigatedAway, APP_URL)).toBe(false);
    expect(isTrustedSender(null, mainFrame, APP_URL)).toBe(false);
  });
});

describe('IPC registration', () => {
  function register() {
    const registered = new Map<string, (event: unknown, payload: unknown) => unknown>();
    const ipcMain = { handle: (channel: string, fn: (event: unknown, payload: unknown) => unknown) => void registered.set(channel, fn), removeHandler: (channel: string) => void registered.delete(channel) };
    const calls: unknown[] = [];
    // Stands in for the engine process main relays to.
    const invoke = async (command: string, input: unknown) => (calls.push([command, input]), { ok: true as const, value: `${command} ok` });
    const mainFrame = { url: APP_URL };
    const unregister = registerIpc(ipcMain as never, invoke, () => ({ webContents: { mainFrame } }) as never, APP_URL);
    return { registered, calls, mainFrame, unregister };
  }

  it('registers one handler per use case on its own channel, and no other', () => {
    const { registered } = register();
    expect([...registered.keys()].sort()).toEqual(POS_COMMANDS.map(channelOf).sort());
  });

  it('answers our window with a Result, validating the payload before relaying it', async () => {
    const { registered, calls, mainFrame } = register();
    expect(await registered.get('pos:listSites')!({ senderFrame: mainFrame }, undefined)).toEqual({ ok: true, value: 'listSites ok' });
    const invalid = (await registered.get('pos:removeSite')!({ senderFrame: mainFrame }, { drop: 'tables' })) as { ok: false; error: { code: string } };
    expect(invalid.ok).toBe(false);
    expect(invalid.error.code).toBe('invalid_input');
    expect(calls).toEqual([['listSites', undefined]]);
  });

  it('refuses a sender that is not our main frame, without running the handler', async () => {
    const { registered, calls } = register();
    const answer = (await registered.get('pos:listSites')!({ senderFrame: { url: 'https://evil.example/' } }, undefined)) as { ok: boolean; error: { code: string } };
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
  });

  it('can be unregistered', () => {
    const { registered, unregister } = register();
    unregister();
    expect(registered.size).toBe(0);
  });
});

describe('the preload', () => {
  it('exposes exactly one function per use case through contextBridge, each on its own channel', async () => {
    const exposed: Record<string, Record<string, (...args: unknown[]) => unknown>> = {};
    const invoked: [string, unknown][] = [];
    const listeners = new Map<string, unknown>();
    vi.doMock('electron', () => ({
      contextBridge: { exposeInMainWorld: (key: string, value: Record<string, (...args: unknown[]) => unknown>) => void (exposed[key] = value) },
      ipcRenderer: {
        invoke: async (channel: string, payload: unknown) => void invoked.push([channel, payload]),
        on: (channel: string, handler: unknown) => void listeners.set(channel, handler),
        removeListener: (channel: string) => void listeners.delete(channel),
      },
    }));
    await import('../../../electron/preload/preload');
    const api = exposed.posApi!;
    expect(Object.keys(exposed)).toEqual(['posApi']);
    expect(Object.keys(api).sort()).toEqual([...POS_COMMANDS, 'onEngineEvent', 'onLogEntries', 'onRunUpdate'].sort());
    await api.removeSite!('4f1c7c2e-2d8a-4c1e-9a51-0c8b1f1b0e11');
    expect(invoked).toEqual([['pos:removeSite', '4f1c7c2e-2d8a-4c1e-9a51-0c8b1f1b0e11']]);
    const unsubscribe = api.onRunUpdate!(() => undefined) as () => void;
    expect(listeners.has('pos:event:run-update')).toBe(true);
    unsubscribe();
    expect(listeners.has('pos:event:run-update')).toBe(false);
    const stopEngineEvents = api.onEngineEvent!(() => undefined) as () => void;
    expect(listeners.has(ENGINE_EVENT_CHANNEL)).toBe(true);
    stopEngineEvents();
    expect(listeners.has(ENGINE_EVENT_CHANNEL)).toBe(false);
    vi.doUnmock('electron');
  });
});
