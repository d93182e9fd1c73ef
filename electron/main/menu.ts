import { Menu, type MenuItemConstructorOptions, shell } from 'electron';

/** A small menu: the usual edit shortcuts (copy a log line), reload, and where to find help. */
export function installMenu(devTools: boolean): void {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { label: 'View', submenu: [{ role: 'reload' }, ...(devTools ? [{ role: 'toggleDevTools' as const }] : []), { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
    { role: 'help', submenu: [{ label: 'ERPNext API keys (documentation)', click: () => void shell.openExternal('https://docs.frappe.io/framework/user/en/guides/integration/rest_api/token_based_authentication') }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
