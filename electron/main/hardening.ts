import type { HandlerDetails, WindowOpenHandlerResponse } from 'electron';

/** Where the app's own page lives: the packaged file, or its folder. */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const target = new URL(url);
    const app = new URL(appUrl);
    if (app.protocol === 'file:') return target.protocol === 'file:' && target.pathname === app.pathname;
    return target.origin === app.origin;
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
export function isTrustedSender(sender: { url: string } | null | undefined, mainFrame: unknown, appUrl: string): boolean {
  return Boolean(sender) && sender === mainFrame && isAppUrl(sender!.url, appUrl);
}
