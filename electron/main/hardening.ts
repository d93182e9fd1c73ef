import type { HandlerDetails, WindowOpenHandlerResponse } from 'electron';

/**
 * Whether a URL is the app's own page (app://pos/…). Scheme and host are compared, not `origin`: the
 * URL standard gives every non-special scheme the opaque origin "null", so origins cannot tell app://
 * from any other such scheme.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const target = new URL(url);
    const app = new URL(appUrl);
    return target.protocol === app.protocol && target.host === app.host && target.username === '' && target.password === '';
  } catch {
    return false;
  }
}

/** The page may not navigate anywhere: any attempt is refused (a link opens in the OS browser instead). */
export function shouldBlockNavigation(url: string, appUrl: string): boolean {
  return !isAppUrl(url, appUrl);
}

export function isExternalWebLink(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** window.open and target=_blank never create a window; web links go to the OS browser, others nowhere. */
export function windowOpenHandler(openExternal: (url: string) => void) {
  return (details: Pick<HandlerDetails, 'url'>): WindowOpenHandlerResponse => {
    if (isExternalWebLink(details.url)) openExternal(details.url);
    return { action: 'deny' };
  };
}

/** Camera, notifications, geolocation… the page asks for nothing and gets nothing. */
export function denyAllPermissions(_webContents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

export function denyAllPermissionChecks(): boolean {
  return false;
}

/**
 * IPC is answered only for the main frame of our window showing our page: not for a subframe, not for
 * another window, not after a navigation elsewhere.
 */
export function isTrustedSender(sender: FrameIdentity | null | undefined, mainFrame: FrameIdentity | null | undefined, appUrl: string): boolean {
  if (!sender || !mainFrame) return false;
  // Electron may hand out distinct wrapper objects for one frame: compare the frame's ids as well.
  const sameFrame = sender === mainFrame || (sender.processId !== undefined && sender.processId === mainFrame.processId && sender.routingId === mainFrame.routingId);
  return sameFrame && isAppUrl(sender.url, appUrl);
}

/** What identifies a frame (the parts of Electron's WebFrameMain the check reads). */
export interface FrameIdentity {
  url: string;
  processId?: number;
  routingId?: number;
}
