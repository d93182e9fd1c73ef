import type { UpdateStatus } from '../../shared/ipc/contract';

/** What the handlers need from the host (the Electron shell, or the browser test host). */
export interface HostPorts {
  host: 'electron' | 'browser-host';
  appVersion: string;
  /** Asks where to save a file; null when the installer cancels. */
  chooseSavePath(options: { title: string; defaultName: string; extensions: string[] }): Promise<string | null>;
  /** A desktop notification (the end of a run). */
  notify(title: string, body: string): void;
  /** Whether automatic updates are on, and why not (shown in About). */
  updateStatus(): Promise<UpdateStatus>;
}
